import Foundation
import NumericKit

/// Multiple resonances in the Floquet RM (App. A 2): once a state has hybridised at range r
/// (frequency omega = v(r)), longer-range resonances shift the frequency by
///
///     delta omega = sum_{r' = r+1}^inf v'(r') X(r')                                   (A11)
///
/// with v' = v/sqrt 2 (A8), q' = sqrt(2) q (A10), q(r) = exp(-r/xi)/Lambda (42), and independent
/// X(r') = +1, -1, 0 with probabilities q'/2, q'/2, 1 - q'. Its relative variance, with the sum
/// replaced by an integral, is (A12); at 1/xi = 0 it is the constant (A13). Valid where q' <= 1,
/// i.e. Lambda >= sqrt(2) exp(-(r+1)/xi).
public struct MultipleResonances: Sendable {
    public let parameters: ResonanceParameters

    public init(_ parameters: ResonanceParameters) { self.parameters = parameters }

    /// q'(r) = sqrt(2) exp(-r/xi)/Lambda (A10).
    public func hybridizedResonanceProbability(atRange r: Double) -> Double {
        2.0.squareRoot() * exp(-r * parameters.inverseCorrelationLength) / parameters.resonanceLength
    }

    /// (A12): <delta omega^2>/omega^2 = exp(-(3 + r)/xi)/(16 sqrt(2) Lambda (4/zeta_c + 3/xi)),
    /// the integral estimate (integral_{r+1}^inf ds q'(s) (v'(s)/v(r))^2). Needs 4/zeta_c + 3/xi > 0.
    public func relativeShiftVariance(initialRange r: Double) -> Double {
        let invXi = parameters.inverseCorrelationLength
        return exp(-(3 + r) * invXi)
            / (16 * 2.0.squareRoot() * parameters.resonanceLength * (4 / criticalLocalizationLength + 3 * invXi))
    }

    /// (A13): the critical value zeta_c/(64 sqrt(2) Lambda).
    public static func criticalRelativeShiftVariance(resonanceLength lambda: Double) -> Double {
        criticalLocalizationLength / (64 * 2.0.squareRoot() * lambda)
    }

    /// The exact variance of (A11) as the discrete sum over integer r' in (r, r + terms]:
    /// sum q'(r') (v'(r')/v(r))^2 = sum q'(r') exp(-2 kappa (r' - r))/2.
    public func discreteRelativeShiftVariance(initialRange r: Int, terms: Int = 200) -> Double {
        let kappa = parameters.matrixElementDecayRate
        var total = 0.0
        for k in 1...max(terms, 1) {
            total += hybridizedResonanceProbability(atRange: Double(r + k)) * exp(-2 * kappa * Double(k)) / 2
        }
        return total
    }

    /// One draw of delta omega/omega from (A11), truncated after `terms` ranges.
    public func sampleRelativeShift<G: RandomNumberGenerator>(initialRange r: Int, terms: Int = 60, using rng: inout G) -> Double {
        let kappa = parameters.matrixElementDecayRate
        var shift = 0.0
        for k in 1...max(terms, 1) {
            let q = min(hybridizedResonanceProbability(atRange: Double(r + k)), 1)
            let u = rng.nextUnitInterval()
            guard u < q else { continue }
            let amplitude = exp(-kappa * Double(k)) / 2.0.squareRoot()
            shift += u < q / 2 ? amplitude : -amplitude
        }
        return shift
    }
}
