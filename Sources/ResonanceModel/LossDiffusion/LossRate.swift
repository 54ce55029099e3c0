import Foundation
import NumericKit

/// The loss term q(e, r) of the loss-diffusion equation (86), (C1): the probability density, per
/// unit range r, that a reference state at local energy e resonates at range r.
///
/// A loss rate has a smooth part (`rate`, with a cell average for finite-volume grids) and, for
/// (C7), point sinks `gamma delta(e - e_s)`. The default cell average is a 3-point Gauss-Legendre
/// rule; a rate that is sharply peaked in e (the Gaussian forms (82), (C3), (C5) at small r) should
/// give its exact cell integral instead, which `GaussianLossRate` does.
public protocol LossRate: Sendable {
    /// q(e, r) for r > onsetRange; the smooth part only.
    func rate(energy e: Double, range r: Double) -> Double
    /// (1/(b - a)) integral_a^b q(e, r) de.
    func cellAverage(lowerEnergy a: Double, upperEnergy b: Double, range r: Double) -> Double
    /// Point sinks (energy e_s, weight gamma) at range r: the term gamma delta(e - e_s) in q.
    func pointSinks(range r: Double) -> [(energy: Double, weight: Double)]
    /// The range below which q vanishes (q ~ 1/sqrt(r - onsetRange) above it is allowed).
    var onsetRange: Double { get }
}

extension LossRate {
    public func cellAverage(lowerEnergy a: Double, upperEnergy b: Double, range r: Double) -> Double {
        let c = (a + b) / 2, d = (b - a) / 2 * 0.774_596_669_241_483_4
        return (5 * rate(energy: c - d, range: r) + 8 * rate(energy: c, range: r)
                + 5 * rate(energy: c + d, range: r)) / 18
    }
    public func pointSinks(range r: Double) -> [(energy: Double, weight: Double)] { [] }
    public var onsetRange: Double { 0 }
}

/// q(e, r) = amplitude(r) exp(-(e - centre(r))^2/(2 variance(r))): the shape of every loss rate of
/// the paper: (82) (energy-resolved), (89) (energy-blind: infinite variance), (C3) (critical),
/// (C5) (energy-dependent matrix elements, a product of two Gaussians, itself Gaussian).
/// Cell averages are exact (erf differences), so the rate may be narrower than a grid cell.
public struct GaussianLossRate: LossRate {
    public let amplitude: @Sendable (Double) -> Double
    public let centre: @Sendable (Double) -> Double
    /// Variance in e; `.infinity` for an energy-blind rate.
    public let variance: @Sendable (Double) -> Double
    public let onsetRange: Double

    public init(onsetRange: Double = 0, amplitude: @escaping @Sendable (Double) -> Double,
                centre: @escaping @Sendable (Double) -> Double, variance: @escaping @Sendable (Double) -> Double) {
        self.onsetRange = onsetRange
        self.amplitude = amplitude
        self.centre = centre
        self.variance = variance
    }

    public func rate(energy e: Double, range r: Double) -> Double {
        let v = variance(r), a = amplitude(r)
        if v == .infinity { return a }
        let d = e - centre(r)
        return a * exp(-d * d / (2 * v))
    }

    public func cellAverage(lowerEnergy a: Double, upperEnergy b: Double, range r: Double) -> Double {
        let v = variance(r), amp = amplitude(r)
        if v == .infinity { return amp }
        let c = centre(r), scale = (2 * v).squareRoot()
        let u = (a - c) / scale, w = (b - c) / scale
        // integral exp(-t^2) over [u, w] = (sqrt(pi)/2)(erf w - erf u), without cancellation in the tails.
        let difference: Double
        if u >= 0 {
            difference = ErrorFunctions.erfc(u) - ErrorFunctions.erfc(w)
        } else if w <= 0 {
            difference = ErrorFunctions.erfc(-w) - ErrorFunctions.erfc(-u)
        } else {
            difference = ErrorFunctions.erf(w) - ErrorFunctions.erf(u)
        }
        if b - a < 1e-6 * scale { return rate(energy: (a + b) / 2, range: r) }
        return amp * scale * (Double.pi.squareRoot() / 2) * difference / (b - a)
    }

    /// integral q(e, r) de = amplitude sqrt(2 pi variance): the energy-integrated loss.
    public func integratedRate(range r: Double) -> Double {
        amplitude(r) * (2 * Double.pi * variance(r)).squareRoot()
    }
}

/// Any q(e, r) given as a function (smooth on the grid scale), with optional point sinks.
public struct FunctionLossRate: LossRate {
    public let function: @Sendable (Double, Double) -> Double
    public let sinks: @Sendable (Double) -> [(energy: Double, weight: Double)]
    public let onsetRange: Double

    public init(onsetRange: Double = 0,
                sinks: @escaping @Sendable (Double) -> [(energy: Double, weight: Double)] = { _ in [] },
                _ function: @escaping @Sendable (Double, Double) -> Double) {
        self.onsetRange = onsetRange
        self.function = function
        self.sinks = sinks
    }

    public func rate(energy e: Double, range r: Double) -> Double { function(e, r) }
    public func pointSinks(range r: Double) -> [(energy: Double, weight: Double)] { sinks(r) }
}

/// q(e, r) = gamma delta(e - sinkEnergy): the asymptotic form (B6), (C7) of the energy-dependent case.
public struct DeltaSinkLossRate: LossRate {
    public let strength: Double
    public let sinkEnergy: Double
    public init(strength gamma: Double, sinkEnergy: Double = 0) {
        strength = gamma
        self.sinkEnergy = sinkEnergy
    }
    public func rate(energy e: Double, range r: Double) -> Double { 0 }
    public func cellAverage(lowerEnergy a: Double, upperEnergy b: Double, range r: Double) -> Double { 0 }
    public func pointSinks(range r: Double) -> [(energy: Double, weight: Double)] { [(sinkEnergy, strength)] }
}
