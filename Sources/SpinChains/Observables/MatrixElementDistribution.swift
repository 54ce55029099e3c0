import Foundation
import NumericKit

/// The distribution of the matrix elements of a local perturbation `V` between eigenstates
/// (paper eq. (97)): the histogram of `|V_ab|` for `a` in one window and `b` in another, two
/// small non-overlapping windows near the middle of the spectrum, on log-spaced bins of `v`.
///
/// - `probabilityDensity[k]`: the fraction of pairs in bin `k` per unit `v` (integrates to one
///   over all `v`, pairs outside the bins included);
/// - `varrho(v) = rho probabilityDensity(v)` (eq. (97): per unit energy and unit `v`), with
///   `rho` the density of states of the second window (its states over its energy width);
/// - at small `v` the RM predicts `varrho ~ v^(-2 + theta0)`; `smallValueExponent` fits that
///   power to an averaged histogram.
///
/// Windows are given as fractions of each block's states by index: centres (default 0.45 and
/// 0.55) and a common width (default 0.05, at least 2 states). Merges by averaging element by
/// element.
public struct MatrixElementDistribution: Sendable {
    public struct Windows: Sendable, Equatable {
        public var firstCenter: Double
        public var secondCenter: Double
        public var width: Double

        public init(firstCenter: Double = 0.45, secondCenter: Double = 0.55, width: Double = 0.05) {
            self.firstCenter = firstCenter
            self.secondCenter = secondCenter
            self.width = width
        }

        /// The index ranges in a block of `count` states; they never overlap.
        public func ranges(count: Int) -> (Range<Int>, Range<Int>) {
            let n = max(2, Int((width * Double(count)).rounded()))
            func range(_ center: Double) -> Range<Int> {
                let start = min(max(0, Int((center * Double(count)).rounded()) - n / 2), max(0, count - n))
                return start..<min(count, start + n)
            }
            var first = range(firstCenter), second = range(secondCenter)
            if first.overlaps(second) {
                // Too few states for the requested separation: split the overlap.
                let cut = (first.lowerBound + second.upperBound) / 2
                first = first.lowerBound..<cut
                second = cut..<second.upperBound
            }
            return (first, second)
        }
    }

    public var bins: LogarithmicBins
    public var probabilityDensity: [Double]
    /// Fractions of pairs below and above the bins.
    public var belowRangeFraction: Double
    public var aboveRangeFraction: Double
    /// States of the second window per unit energy.
    public var densityOfStates: Double
    public var pairCount: Int

    /// `|V_ab| = strength sqrt(D w_ab)` from the weights `w = |P_ab|^2 / D` of the string `P`.
    public init(_ weights: SpectralWeights, strength: Double, windows: Windows, bins: LogarithmicBins) {
        self.bins = bins
        var counts = [Double](repeating: 0, count: bins.count)
        var below = 0.0, above = 0.0, pairs = 0
        var densities: [Double] = []
        let scale = Double(weights.dimension)
        for block in weights.blocks where block.energies.count >= 4 {
            let (first, second) = windows.ranges(count: block.energies.count)
            precondition(block.held.lowerBound <= min(first.lowerBound, second.lowerBound)
                         && block.held.upperBound >= max(first.upperBound, second.upperBound),
                         "the matrix-element windows lie outside the eigenvectors held")
            for b in second {
                for a in first {
                    let v = abs(strength) * (scale * block.weight(a, b)).squareRoot()
                    let k = bins.index(of: v)
                    if k < 0 { below += 1 } else if k >= bins.count { above += 1 } else { counts[k] += 1 }
                    pairs += 1
                }
            }
            let e = second.map { block.energies[$0] }
            let width = (e.max() ?? 0) - (e.min() ?? 0)
            if width > 0 { densities.append(Double(e.count - 1) / width) }
        }
        let total = Double(max(pairs, 1))
        probabilityDensity = zip(counts, bins.widths).map { $0 / (total * $1) }
        belowRangeFraction = below / total
        aboveRangeFraction = above / total
        densityOfStates = densities.isEmpty ? .nan : densities.reduce(0, +) / Double(densities.count)
        pairCount = pairs
    }

    /// `varrho(v)` of eq. (97).
    public var density: [Double] { probabilityDensity.map { $0 * densityOfStates } }

    /// Fits `ln p = c + e ln v` over the bins with centres in `range` and a positive mean with a
    /// finite error; returns `e = -2 + theta0` and its standard error (errors of `ln p` from
    /// the standard errors of `p`). Nil with fewer than three usable bins.
    public static func smallValueExponent(centers: [Double], density: [Double], errors: [Double],
                                          range: ClosedRange<Double>) -> (exponent: Double, error: Double)? {
        var x: [Double] = [], y: [Double] = [], sigma: [Double] = []
        for k in centers.indices where range.contains(centers[k]) && density[k] > 0 && errors[k].isFinite && errors[k] > 0 {
            x.append(log(centers[k]))
            y.append(log(density[k]))
            sigma.append(errors[k] / density[k])
        }
        guard x.count >= 3, let fit = try? LinearLeastSquares.line(x: x, y: y, sigmas: sigma) else { return nil }
        return (fit.slope, fit.slopeError)
    }
}
