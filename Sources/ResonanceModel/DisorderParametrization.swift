import Foundation

/// The disorder parametrization of the Hamiltonian RM (Fig. 9, App. D): the distance from the
/// transition 1/xi = ln(W/W_c) (D4) and the resonance length Lambda(W) = pi (zeta_c W/(4J))^2 (83).
///
/// These are the only implementations of (D4) and (83): `ResonanceParameters`' validating builders,
/// `DisorderCrossover` (which continues the formulas below W_c/4) and the command line call them.
/// No domain check here; callers validate (see `ResonanceParameters`). A direct evaluation of
/// 2 rho v gives a quarter of (83); (83) is kept because Fig. 9 uses it (docs/corrections/eq83-resonance-length.md).
public enum DisorderParametrization {
    /// 1/xi = ln(W/W_c), eq. (D4).
    public static func inverseCorrelationLength(disorder w: Double, criticalDisorder wc: Double) -> Double {
        log(w / wc)
    }

    /// Lambda(W) = pi (zeta_c W/(4J))^2, eq. (83) (about 0.41 W^2/J^2).
    public static func resonanceLength(disorder w: Double, interaction j: Double) -> Double {
        let x = criticalLocalizationLength * w / (4 * j)
        return Double.pi * x * x
    }

    /// W from Lambda, inverting (83): W = (4J/zeta_c) sqrt(Lambda/pi).
    public static func disorder(resonanceLength lambda: Double, interaction j: Double) -> Double {
        (4 * j / criticalLocalizationLength) * (lambda / Double.pi).squareRoot()
    }

    /// J from Lambda at W, inverting (83): J = zeta_c W/(4 sqrt(Lambda/pi)).
    public static func interaction(resonanceLength lambda: Double, disorder w: Double) -> Double {
        criticalLocalizationLength * w / (4 * (lambda / Double.pi).squareRoot())
    }
}
