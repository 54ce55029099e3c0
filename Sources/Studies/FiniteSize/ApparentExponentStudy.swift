import Foundation
import NumericKit
import ResonanceModel

/// The correlation-length exponent nu (106), measured from the model's own quantities.
///
/// 1. Directly from (39): |xi| against |zeta - zeta_c|, log-log slope -nu over a window of
///    |zeta - zeta_c|/zeta_c (exact value 1 as the window shrinks, since xi = zeta zeta_c/(zeta_c - zeta)).
/// 2. From the crossover curves (finite-size scaling of Fig. 9): the crossover W_delta(L) drifts as
///    |W_delta(L) - W_c| ~ L^(-1/nu); fitting ln|W_delta - W_c| against ln L over a window of L
///    gives an apparent nu (with log corrections from (D6) and the overshoot beyond L*).
/// 3. A data collapse of [S_P](W, L) against (W/W_c - 1) L^(1/nu) at fixed W_c: the nu minimising
///    the spread between curves.
public enum ApparentExponentStudy: Study {
    /// The Fig. 9 parametrization (W_c = 10, J = 1, delta = 0.01) and the windows of each method.
    public struct Config: Sendable {
        public var crossover = CrossoverDriftStudy.Config().crossover
        public var threshold = CrossoverDriftStudy.Config().threshold
        /// Method 1: |zeta/zeta_c - 1| close to the transition.
        public var relativeDistances = grid(from: 1e-4, to: 1e-2, points: 20, logarithmic: true)
        /// Method 2: the drift over L = 10..60 (App. D: past the linear range of small L).
        public var driftLengths = (10...60).map(Double.init)
        /// Method 3: the curves of Fig. 9, L = 5, 10, ..., 60, on W/W_c in [0.05, 3].
        public var collapseLengths = CrossoverDriftStudy.Config().curveLengths
        public var collapseRatios = CrossoverDriftStudy.Config().curveRatioGrid

        public init() {}
    }

    /// The estimate of each method.
    public struct Result: Sendable {
        public var directLocalized: Estimate
        public var directThermal: Estimate
        public var drift: Estimate
        public var collapse: Estimate
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        Result(directLocalized: try direct(relativeDistances: config.relativeDistances, localizedSide: true),
               directThermal: try direct(relativeDistances: config.relativeDistances, localizedSide: false),
               drift: try drift(config.crossover, threshold: config.threshold, lengths: config.driftLengths),
               collapse: collapse(config.crossover, lengths: config.collapseLengths, ratios: config.collapseRatios))
    }

    public struct Estimate: Sendable {
        public var method: String
        public var exponent: Double
        public var error: Double
        public var window: String
    }

    /// Method 1: slope of ln|xi| against ln|zeta - zeta_c| on the given side.
    public static func direct(relativeDistances: [Double], localizedSide: Bool) throws -> Estimate {
        let zc = criticalLocalizationLength
        let zetas = relativeDistances.map { zc * (1 + (localizedSide ? -$0 : $0)) }
        let xis = zetas.map { abs(1 / (1 / $0 - 1 / zc)) }
        let fit = try LinearLeastSquares.line(x: zetas.map { log(abs($0 - zc)) }, y: xis.map(log))
        return Estimate(method: "direct (39), \(localizedSide ? "zeta < zeta_c" : "zeta > zeta_c")",
                        exponent: -fit.slope, error: fit.slopeError,
                        window: "|zeta/zeta_c - 1| in [\(relativeDistances.min()!), \(relativeDistances.max()!)]")
    }

    /// Method 2: apparent nu from the drift of W_delta(L) over `lengths`.
    public static func drift(_ crossover: DisorderCrossover, threshold delta: Double, lengths: [Double]) throws -> Estimate {
        let w = try lengths.map { try crossover.crossoverDisorder(threshold: delta, length: $0).root }
        let fit = try LinearLeastSquares.line(x: lengths.map(log), y: w.map { log(abs($0 - crossover.criticalDisorder)) })
        // nu = -1/slope; error by propagation.
        return Estimate(method: "drift |W_delta - W_c| ~ L^(-1/nu), delta = \(delta)", exponent: -1 / fit.slope,
                        error: fit.slopeError / (fit.slope * fit.slope),
                        window: "L in [\(lengths.min()!), \(lengths.max()!)]")
    }

    /// Method 3: collapse cost of [S_P] curves against x = (W/W_c - 1) L^(1/nu): the mean squared
    /// difference between each curve and the others interpolated at the same x, over the x range all share.
    public static func collapseCost(_ crossover: DisorderCrossover, exponent nu: Double, lengths: [Double],
                                    ratios: [Double]) -> Double {
        let curves = lengths.map { length in
            (ratios.map { ($0 - 1) * pow(length, 1 / nu) },
             ratios.map { crossover.probeEntanglement(disorder: $0 * crossover.criticalDisorder, length: length) })
        }
        let lower = curves.map { $0.0.first! }.max()!, upper = curves.map { $0.0.last! }.min()!
        guard lower < upper else { return .infinity }
        let xs = (0..<200).map { lower + (upper - lower) * Double($0) / 199 }
        var cost = 0.0
        for x in xs {
            let values = curves.map { interpolate($0.0, $0.1, at: x) }
            let mean = values.reduce(0, +) / Double(values.count)
            cost += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        }
        return cost / Double(xs.count)
    }

    /// Method 3: the minimising nu (golden-section search in ln nu on [0.2, 5]); the error is the
    /// half-width of the interval where the cost stays below twice its minimum.
    public static func collapse(_ crossover: DisorderCrossover, lengths: [Double], ratios: [Double]) -> Estimate {
        let cost = { (s: Double) in collapseCost(crossover, exponent: exp(s), lengths: lengths, ratios: ratios) }
        var a = log(0.2), b = log(5.0)
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = cost(c), fd = cost(d)
        for _ in 0..<60 {
            if fc < fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = cost(c) }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = cost(d) }
        }
        let best = 0.5 * (a + b), minimum = cost(best)
        let f = { (s: Double) in cost(s) - 2 * minimum }
        let lowerEdge = (try? BrentRoot(absoluteTolerance: 1e-6).solve(f, in: log(0.2), best).root) ?? log(0.2)
        let upperEdge = (try? BrentRoot(absoluteTolerance: 1e-6).solve(f, in: best, log(5.0)).root) ?? log(5.0)
        return Estimate(method: "collapse of [S_P] in (W/W_c - 1) L^(1/nu)", exponent: exp(best),
                        error: 0.5 * (exp(upperEdge) - exp(lowerEdge)),
                        window: "L in [\(lengths.min()!), \(lengths.max()!)], W/W_c in [\(ratios.first!), \(ratios.last!)]")
    }

    static func interpolate(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
        var lo = 0, hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        let t = (x - xs[lo]) / (xs[hi] - xs[lo])
        return ys[lo] + t * (ys[hi] - ys[lo])
    }
}
