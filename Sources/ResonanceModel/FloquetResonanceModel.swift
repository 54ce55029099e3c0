import ComplexModule
import RealModule
import Foundation
import NumericKit

/// The Floquet resonance model (Sec. II): a driven chain with no conservation law.
///
/// Resonances at range r occur with density q(r) = exp(-r/xi)/Lambda (41, 42), where
/// Lambda = zeta_c Omega/(8J) (43); the unresonated fraction solves dF/dr = -q F (44).
/// Times are in drive periods, frequencies in units where J is the matrix-element scale.
public struct FloquetResonanceModel: ResonanceStatistics {
    public let parameters: ResonanceParameters
    public var setting: ResonanceSetting { .floquet }
    public var hasInverseSquareRootOrigin: Bool { false }

    public init(_ parameters: ResonanceParameters) { self.parameters = parameters }

    /// Number of states at range r, eq. (36): N_0 = 1, N_r = (3/2) 4^r.
    public static func stateCount(atRange r: Int) -> Double { r == 0 ? 1 : 1.5 * pow(4, Double(r)) }

    /// Density of states at range r, eq. (40): rho(r) = 4 exp(2r/zeta_c)/(zeta_c Omega).
    public func densityOfStates(atRange r: Double) -> Double {
        let omega = ResonanceParameters.driveFrequency(resonanceLength: parameters.resonanceLength,
                                                       interaction: parameters.interaction)
        return 4 * exp(2 * r / criticalLocalizationLength) / (criticalLocalizationLength * omega)
    }

    /// q(r) = 2 v(r) rho(r) = exp(-r/xi)/Lambda, eqs. (41), (42).
    public func resonanceProbability(atRange r: Double) -> Double {
        exp(-r * parameters.inverseCorrelationLength) / parameters.resonanceLength
    }

    /// ln F(r), eq. (45): F = exp(-(xi/Lambda)(1 - exp(-r/xi))), written as -(r/Lambda) h(r/xi)
    /// with h(x) = (1 - e^-x)/x, so that 1/xi = 0 gives exp(-r/Lambda) with no special case.
    public func logUnresonatedFraction(atRange r: Double) -> Double {
        let x = r * parameters.inverseCorrelationLength
        if x < -30 {
            return -exp(log(r / parameters.resonanceLength) + RelativeExponential.logarithm(x))
        }
        return -(r / parameters.resonanceLength) * RelativeExponential.value(x)
    }

    /// ln p(r) = ln q(r) + ln F(r), eq. (46).
    public func logStrongestResonanceDensity(atRange r: Double) -> Double {
        -r * parameters.inverseCorrelationLength - log(parameters.resonanceLength)
            + logUnresonatedFraction(atRange: r)
    }

    public func strongestResonanceDensity(atComplexRange r: Complex<Double>) -> Complex<Double> {
        let lambda = parameters.resonanceLength
        let x = r * Complex(parameters.inverseCorrelationLength)
        let logP = -x - Complex(log(lambda)) - (r / Complex(lambda)) * RelativeExponential.value(x)
        return logP.real < -745 ? .zero : Complex.exp(logP)
    }

    /// The closed form (53) of [S(omega)] for omega_c < |omega| < J:
    /// zeta_c (1 - theta0)/(4 J Lambda) |omega/J|^(-1+theta0) exp(-(xi/Lambda)(1 - |omega/J|^theta0)).
    /// The factor xi (1 - |omega/J|^theta0) is evaluated as -(1/kappa) expm1(theta0 y)/theta0,
    /// y = ln|omega/J|, finite at theta0 = 0.
    public func spectralFunctionClosedForm(omega: Double) -> Double {
        let p = parameters, j = p.interaction
        let w = abs(omega)
        guard w < j, w > cutoffFrequency else { return 0 }
        let theta0 = p.decayExponent, y = log(w / j)
        let xiTimesOneMinusPower = theta0 == 0 ? -y / p.matrixElementDecayRate
            : -(1 / p.matrixElementDecayRate) * expm1(theta0 * y) / theta0
        return criticalLocalizationLength * (1 - theta0) / (4 * j * p.resonanceLength)
            * exp((-1 + theta0) * y - xiTimesOneMinusPower / p.resonanceLength)
    }

    /// Cut-off frequency omega_c = v(L/2) = J exp(-L/(2 xi) - L/zeta_c), eq. (54).
    public var cutoffFrequency: Double { matrixElement(atRange: parameters.maximumRange) }

    /// Heisenberg frequency omega_H = Omega 2^-L (55): the many-body level spacing.
    public var heisenbergFrequency: Double {
        ResonanceParameters.driveFrequency(resonanceLength: parameters.resonanceLength,
                                           interaction: parameters.interaction) * pow(2, -parameters.length)
    }

    /// Low-frequency exponent at the transition, eq. (57): theta_c = zeta_c/(2 Lambda).
    public var criticalExponent: Double { criticalLocalizationLength / (2 * parameters.resonanceLength) }

    /// [Czz] at the transition for this L, eq. (114): exp(-L/(2 Lambda)).
    public static func memoryAtTransition(length: Double, resonanceLength: Double) -> Double {
        exp(-length / (2 * resonanceLength))
    }
}
