import Foundation
import NumericKit

/// The MBL stability criterion, eqs. (128)-(131): the expected number of resonances a local
/// perturbation induces in a typical eigenstate, integral_0^inf q(r) dr << 1 (128), equivalently
/// rho vbar = integral_0^inf v varrho(v) dv << 1 (129), (130).
///
/// Since dF/dr = -q F, integral_0^R q dr = -ln F(R) exactly, so the finite-chain count is
/// -ln [Czz]. Closed forms for L -> infinity on the localised side (1/xi > 0):
/// Floquet xi/Lambda (from (45)), Hamiltonian sqrt(pi xi/(4 Lambda)) (from (91)); both diverge as
/// 1/xi -> 0+, and on the thermal side the count grows with L: exp(L/(2|xi|)) (up to powers of L).
/// For the generalised RM of Sec. IV A, the probability 2 v varrho dv gives
/// integral q dr = 2 rho vbar (the factor 2 of (41); docs/corrections/eq99-101-generalized-model.md).
public enum StabilityCriterion {
    /// integral_0^R q(r) dr = -ln F(R), for any model.
    public static func expectedResonances(_ model: some ResonanceStatistics, upToRange r: Double) -> Double {
        -model.logUnresonatedFraction(atRange: r)
    }

    /// Floquet, L -> infinity, 1/xi > 0: xi/Lambda. +infinity for 1/xi <= 0.
    public static func floquetLimit(inverseCorrelationLength invXi: Double, resonanceLength lambda: Double) -> Double {
        invXi > 0 ? 1 / (invXi * lambda) : .infinity
    }

    /// Hamiltonian, L -> infinity, 1/xi > 0: sqrt(pi xi/(4 Lambda)). +infinity for 1/xi <= 0.
    public static func hamiltonianLimit(inverseCorrelationLength invXi: Double, resonanceLength lambda: Double) -> Double {
        invXi > 0 ? (Double.pi / (4 * invXi * lambda)).squareRoot() : .infinity
    }

    /// rho vbar of the discrete Floquet RM, (129) with varrho(v) = (1/Omega) sum_r N_r delta(v - v(r)) (98):
    /// rho vbar = (1/Omega) sum_{r=0}^{R} N_r v(r), N_r from (36), v(r) = J exp(-kappa r) (38),
    /// Omega from (43). Since N_r v(r) = (3/2) J exp(-r/xi) for r > 0 the sum is geometric:
    /// (J/Omega)(1 + (3/2) sum_{r=1}^{R} exp(-r/xi)). It differs from the coarse-grained
    /// (1/2) integral q dr by the O(1) factor of coarse-graining N_r into rho(r) (40)
    /// ((3/2)/(4 ln 2) at large xi).
    public static func floquetMeanMatrixElementDensity(_ model: FloquetResonanceModel, upToRange maximumRange: Int) -> Double {
        let p = model.parameters
        let omega = ResonanceParameters.driveFrequency(resonanceLength: p.resonanceLength, interaction: p.interaction)
        var sum = 1.0
        for r in stride(from: 1, through: maximumRange, by: 1) {
            sum += 1.5 * exp(-Double(r) * p.inverseCorrelationLength)
        }
        return p.interaction * sum / omega
    }

    /// rho vbar of the generalised RM, (129)-(131): integral v varrho(v) dv = (1/2) integral 2 v varrho dv,
    /// the mean number of resonances per reference state over half; by quadrature in ln v over the
    /// support of varrho. For the coarse-grained Floquet varrho it equals (1/2) integral_0^{L/2} q dr.
    public static func meanMatrixElementDensity(_ model: GeneralizedResonanceModel) -> Double {
        let quadrature = GaussKronrod(absoluteTolerance: 0, relativeTolerance: 1e-12)
        return 0.5 * quadrature.integrate({ y in
            let v = exp(y)
            return v * model.resonanceProbability(matrixElement: v)
        }, from: log(model.lowerCutoff), to: log(model.upperCutoff)).value
    }
}
