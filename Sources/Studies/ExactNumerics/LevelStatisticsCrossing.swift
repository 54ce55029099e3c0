import Foundation
import NumericKit

/// Where the `<r>(W)` curves of two sizes cross: the finite-size estimate of the transition
/// (Luitz, Laflorencie & Alet, PRB 91, 081103 (2015): the crossings drift with L towards
/// W_c ~ 3.7). The crossing of the piecewise-linear curves through the points; its error from
/// resampling every point within its standard error (Gaussian, a fixed seed, so the numbers are
/// reproducible): the standard deviation of the resampled crossings.
public struct LevelStatisticsCrossing: Sendable, Equatable {
    public var smallerLength: Int
    public var largerLength: Int
    /// NaN when the curves do not cross in the range.
    public var disorder: Double
    public var error: Double

    /// The first sign change of `r_large - r_small` along `disorders` (ascending), by linear
    /// interpolation; nil if there is none.
    public static func crossing(disorders: [Double], smaller: [Double], larger: [Double]) -> Double? {
        let difference = zip(larger, smaller).map { $0 - $1 }
        for k in 0..<(max(difference.count, 1) - 1) {
            let (a, b) = (difference[k], difference[k + 1])
            guard a.isFinite, b.isFinite else { continue }
            if a == 0 { return disorders[k] }
            if a * b < 0 { return disorders[k] + (disorders[k + 1] - disorders[k]) * a / (a - b) }
        }
        return nil
    }

    public init(smallerLength: Int, largerLength: Int, disorders: [Double],
                smaller: (mean: [Double], error: [Double]), larger: (mean: [Double], error: [Double]),
                resamples: Int = 400) {
        self.smallerLength = smallerLength
        self.largerLength = largerLength
        disorder = Self.crossing(disorders: disorders, smaller: smaller.mean, larger: larger.mean) ?? .nan
        var generator = Xoshiro256StarStar(seed: 0x4C75_6974_7A00 ^ UInt64(smallerLength << 8 | largerLength))
        var found: [Double] = []
        for _ in 0..<resamples {
            let s = zip(smaller.mean, smaller.error).map { $0 + $1 * generator.nextGaussian() }
            let l = zip(larger.mean, larger.error).map { $0 + $1 * generator.nextGaussian() }
            if let w = Self.crossing(disorders: disorders, smaller: s, larger: l) { found.append(w) }
        }
        let mean = found.reduce(0, +) / Double(max(found.count, 1))
        error = disorder.isFinite && found.count > 1 ? (found.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(found.count - 1)).squareRoot() : .nan
    }
}
