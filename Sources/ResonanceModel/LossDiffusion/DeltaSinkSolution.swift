import Foundation
import NumericKit

/// The exact solution of (C7), df/dr = W^2 f'' - gamma delta(e) f with f(e, 0) = delta(e):
///
///     F(r) = exp(r/l) erfc(sqrt(r/l)),   l = 4 W^2/gamma^2            (C17, corrected)
///
/// (Laplace transform F^(s) = 1/(sqrt(s) (sqrt(s) + gamma/(2W)))). The paper prints
/// l = 4 W^2/(pi gamma^2); the pi is an error (docs/corrections/eqC17-crossover-range.md). Asymptotically F ~ 2W/(gamma sqrt(pi r))
/// (C19), which gives [Czz(t)] ~ (ln J t)^(-1/2) (B8) and [S(omega)] ~ |omega|^-1 ln^(-3/2)|J/omega| (B9).
public struct DeltaSinkSolution: Sendable {
    public let strength: Double
    public let disorder: Double

    public init(strength gamma: Double, disorder w: Double) {
        strength = gamma
        disorder = w
    }

    /// l = 4 W^2/gamma^2.
    public var crossoverRange: Double { 4 * disorder * disorder / (strength * strength) }

    /// F(r) = erfcx(sqrt(r/l)), valid for all r >= 0 (no overflow).
    public func unresonatedFraction(atRange r: Double) -> Double {
        ErrorFunctions.erfcx((r / crossoverRange).squareRoot())
    }

    /// p(r) = -dF/dr = (1/l) (1/sqrt(pi y) - erfcx(sqrt y)), y = r/l; the asymptotic series of erfcx
    /// is used for sqrt(y) > 8 to avoid the cancellation.
    public func strongestResonanceDensity(atRange r: Double) -> Double {
        let l = crossoverRange, z = (r / l).squareRoot()
        let rootPi = Double.pi.squareRoot()
        if z > 8 {
            // 1/(z sqrt pi) - erfcx(z) = (1/(z sqrt pi)) sum_{n>=1} (-1)^(n+1) (2n-1)!!/(2 z^2)^n
            let x = 1 / (2 * z * z)
            var term = 1.0, sum = 0.0
            for n in 1...8 {
                term *= Double(2 * n - 1) * x
                sum += (n % 2 == 1 ? term : -term)
            }
            return sum / (z * rootPi * l)
        }
        return (1 / (z * rootPi) - ErrorFunctions.erfcx(z)) / l
    }

    /// The asymptote (C19, corrected): F ~ 2W/(gamma sqrt(pi r)) = sqrt(l/(pi r)).
    public func asymptoticUnresonatedFraction(atRange r: Double) -> Double {
        (crossoverRange / (Double.pi * r)).squareRoot()
    }

    /// gamma = integral q de at large r for the energy-dependent rate (C5), eq. (C6):
    /// W mu sqrt(pi zeta_c/(Lambda (4 W^2 + zeta_c mu^2))).
    public static func strength(resonanceLength lambda: Double, disorder w: Double, energyDensityScale mu: Double) -> Double {
        let zc = criticalLocalizationLength
        return w * mu * (Double.pi * zc / (lambda * (4 * w * w + zc * mu * mu))).squareRoot()
    }
}
