import Foundation
import NumericKit

/// The typical fidelity susceptibility of the Floquet RM, eqs. (123)-(126).
///
/// A state whose longest-range resonance is at range r forms a cat pair split by ~1/rho(r), so
/// chi ~ |U|^2 rho(r)^2, with rho(r) = 4 exp(2r/zeta_c)/(zeta_c Omega) (40). The longest-range
/// resonance sits at r with density s(r) = q(r) exp(-integral_r^{L/2} q) = q(r) F(L/2)/F(r), on
/// 0 <= r <= L/2 (the paper's upper limit "L" in (126) is the chain length; ranges end at L/2, and
/// only then is the slope 2 ln 2). So
///
///     [log chi] = integral_0^{L/2} s(r) ln(|U|^2 rho(r)^2) dr = L (2 ln 2 + O(Lambda/L))      (126)
///
/// in regions I/II (|xi| >~ L/2). States with no resonance (weight F(L/2)) contribute O(L^0) and
/// are left out, as in (126). At 1/xi = 0 the integral is closed:
/// [log chi] = 2 ln 2 L + (c - 4 ln 2 Lambda)(1 - e^{-L/(2 Lambda)}), c = 2 ln(|U|/(2 J Lambda)).
public struct FidelitySusceptibility: Sendable {
    public let model: FloquetResonanceModel
    /// |U|: the strength of the local perturbation (default J).
    public var perturbation: Double

    public init(_ model: FloquetResonanceModel, perturbation: Double? = nil) {
        self.model = model
        self.perturbation = perturbation ?? model.parameters.interaction
    }

    /// s(r) = q(r) F(L/2)/F(r): density of the longest-range resonance.
    public func longestResonanceDensity(atRange r: Double) -> Double {
        let half = model.parameters.maximumRange
        return model.resonanceProbability(atRange: r)
            * exp(model.logUnresonatedFraction(atRange: half) - model.logUnresonatedFraction(atRange: r))
    }

    /// ln(|U|^2 rho(r)^2), with rho from (40).
    public func logSusceptibility(atRange r: Double) -> Double {
        2 * log(perturbation * model.densityOfStates(atRange: 0)) + 4 * r / criticalLocalizationLength
    }

    /// [log chi], eq. (126), by adaptive Gauss-Kronrod quadrature.
    public func meanLogSusceptibility(quadrature: GaussKronrod = GaussKronrod(absoluteTolerance: 1e-12, relativeTolerance: 1e-11)) -> Double {
        quadrature.integrate({ r in self.longestResonanceDensity(atRange: r) * self.logSusceptibility(atRange: r) },
                             from: 0, to: model.parameters.maximumRange).value
    }

    /// The closed form of (126) at 1/xi = 0 (see the type's comment).
    public static func criticalMeanLogSusceptibility(length: Double, resonanceLength lambda: Double,
                                                     perturbation u: Double = 1, interaction j: Double = 1) -> Double {
        let c = 2 * log(u / (2 * j * lambda))
        let resonantWeight = -expm1(-length / (2 * lambda))  // 1 - F(L/2)
        return 2 * M_LN2 * length + (c - 4 * M_LN2 * lambda) * resonantWeight
    }
}
