import Foundation

/// Log-spaced bins `[lower * 10^(k/n), lower * 10^((k+1)/n))`, `n` bins per decade, covering
/// `[lower, upper)`. Fixed by parameters alone, never by data, so histograms of different
/// realizations share their bins and average element by element.
public struct LogarithmicBins: Sendable, Equatable {
    public var lower: Double
    public var binsPerDecade: Int
    public var count: Int

    public init(lower: Double, upper: Double, binsPerDecade: Int) {
        precondition(lower > 0 && upper > lower && binsPerDecade > 0, "log bins need 0 < lower < upper")
        self.lower = lower
        self.binsPerDecade = binsPerDecade
        self.count = max(1, Int((log10(upper / lower) * Double(binsPerDecade) - 1e-9).rounded(.up)))
    }

    public var upper: Double { edge(count) }

    /// The `k`-th edge, `lower * 10^(k/n)`.
    public func edge(_ k: Int) -> Double { lower * pow(10, Double(k) / Double(binsPerDecade)) }
    public var edges: [Double] { (0...count).map(edge) }
    /// Geometric centres.
    public var centers: [Double] { (0..<count).map { (edge($0) * edge($0 + 1)).squareRoot() } }
    public var widths: [Double] { (0..<count).map { edge($0 + 1) - edge($0) } }

    /// The bin of `x`; `-1` below `lower`, `count` at or above `upper`.
    @inlinable
    public func index(of x: Double) -> Int {
        guard x >= lower else { return -1 }
        let k = Int(log10(x / lower) * Double(binsPerDecade))
        // Guard against rounding at the edges.
        if k >= count { return x < upper ? count - 1 : count }
        return k
    }
}

/// Uniform bins of width `(upper - lower)/count` on `[lower, upper)`.
public struct LinearBins: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var count: Int

    public init(lower: Double, upper: Double, count: Int) {
        precondition(upper > lower && count > 0, "linear bins need lower < upper and count > 0")
        self.lower = lower
        self.upper = upper
        self.count = count
    }

    public var width: Double { (upper - lower) / Double(count) }
    public var centers: [Double] { (0..<count).map { lower + (Double($0) + 0.5) * width } }

    /// The bin of `x`; `-1` below, `count` at or above the range.
    public func index(of x: Double) -> Int {
        guard x >= lower else { return -1 }
        let k = Int((x - lower) / width)
        return min(k, count)
    }
}
