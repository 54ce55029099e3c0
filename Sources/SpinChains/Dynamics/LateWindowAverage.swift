import Foundation
import NumericKit

/// The infinite-time memory `[Czz]` (paper eqs. (48), (116)) from `C(t)` in a late window
/// `[start, end]`: the mean of `C` at `count` times, one drawn uniformly in each of `count` equal
/// strata of the window (fixed seed, so the grid is reproducible and free of the aliases of a
/// regular grid):
///
///     C_W = (1/M) sum_k C(t_k) = D_inf + R_W,
///     D_inf = (1/D) sum_{E_a = E_b} |A_ab|^2            (the diagonal ensemble),
///     R_W   = (1/D) sum_{E_a != E_b} |A_ab|^2 K(E_a - E_b),   K(omega) = (1/M) sum_k cos(omega t_k),
///
/// from `C(t) = (1/D) sum_ab |A_ab|^2 cos((E_a - E_b) t)` (eq. (21)). Averaged over the strata
/// `K(omega) = [sin(omega end) - sin(omega start)] / (omega (end - start))`, so the off-diagonal
/// remainder `R_W` holds the weight of `S(omega)` below about `1/(end - start)` and decays with
/// the window; its size is estimated from the data by the drift of `C` across the window,
/// `C(first half) - C(second half)`: a remainder decaying as `1/t` is 2.94 times it (`2 ln 2 / (4 ln(9/8))`),
/// one decaying as `t^-2` 1.5 times, a slower decay more; near the Heisenberg time the correlation
/// hole of level repulsion adds a negative part that the drift does not see. By typicality each `C(t_k)` carries an error of at most `1/sqrt(R (D + 1))`
/// (`TypicalAutocorrelation`), correlated between the `t_k` of one state.
public struct LateWindowAverage: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var count: Int
    public var seed: UInt64

    public init(start: Double, end: Double, count: Int = 16, seed: UInt64 = 0x1a7e) {
        precondition(start >= 0 && end > start && count >= 2, "the window needs 0 <= start < end and two times or more")
        self.start = start
        self.end = end
        self.count = count
        self.seed = seed
    }

    /// The window `[end/2, end]`.
    public static func upperHalf(to end: Double, count: Int = 16) -> LateWindowAverage {
        LateWindowAverage(start: end / 2, end: end, count: count)
    }

    /// `t_k = start + (k + u_k) (end - start) / M`, `u_k` uniform in `[0, 1)`: increasing.
    public var times: [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        let width = (end - start) / Double(count)
        return (0..<count).map { k in start + (Double(k) + generator.nextUnitInterval()) * width }
    }

    /// `K(omega) = (1/M) sum_k cos(omega t_k)`: the weight the estimate gives to a pair of
    /// eigenstates at energy difference `omega` (1 at `omega = 0`).
    public func kernel(_ omega: Double) -> Double {
        times.reduce(0) { $0 + cos(omega * $1) } / Double(count)
    }

    /// The estimate from `C` at `times` (in order).
    public struct Estimate: Sendable, Equatable {
        /// `C_W`: the mean over the window.
        public var value: Double
        /// `C(first half) - C(second half)`: the drift across the window, the estimate of `R_W`.
        public var drift: Double
        /// Standard deviation of the `C(t_k)` over the window divided by `sqrt(M)`: the sampling
        /// error of the window mean (temporal fluctuations and typicality noise together).
        public var samplingError: Double
    }

    public func estimate(_ values: [Double]) -> Estimate {
        precondition(values.count == count, "one value per window time")
        let m = Double(count)
        let mean = values.reduce(0, +) / m
        let half = count / 2
        let first = values[..<half].reduce(0, +) / Double(half)
        let second = values[half...].reduce(0, +) / Double(count - half)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)
        return Estimate(value: mean, drift: first - second, samplingError: (variance / m).squareRoot())
    }
}
