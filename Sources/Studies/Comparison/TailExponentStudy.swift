import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// theta0 from the small-v tail of the measured matrix-element density varrho(v) (97), against L.
///
/// The RM predicts varrho ~ v^(-2 + theta0) for v far below the typical element (the long-range
/// elements, (38), (51)). The fit of `ExactNumericsResult.smallValueExponent` uses every bin below
/// the median and so sees the bulk of the distribution (a Gaussian element has a flat density at
/// small v: exponent 0, theta0 = 2). Here the fit is restricted to the tail: bins whose upper edge
/// is `tailDecades` decades or more below the median |V| and that are populated in at least three
/// realizations.
/// The fit is valid when the tail spans at least `minimumBins` bins, the slopes of its lower and
/// upper halves agree within two combined standard errors (a power law, not curvature) and theta0 is
/// in (0, 1] within two standard errors. Valid fits give 1/xi by (51) and, where [Czz] is measured
/// with the probe at that L, Lambda by solving [Czz] = F1(L/2) (91).
public enum TailExponentStudy: Study {
    public struct Config: Sendable {
        public var model: EDModelKind = .heisenbergO3
        public var lengths = [8, 10, 12]
        public var disorders: [Double] = [2, 5, 12]
        public var realizations: [Int: Int] = [8: 16, 10: 6, 12: 2]
        /// Lengths at which [Czz] is also measured with the probe (for the implied Lambda).
        public var memoryLengths = [8, 10]
        public var tailDecades = 1.5
        public var minimumBins = 4
        public var seed: UInt64 = 2022

        public init() {}

        /// Realizations at `length` (2 where `realizations` has none).
        public func realizations(at length: Int) -> Int { realizations[length] ?? 2 }

        public func problem(length: Int, disorder: Double, probe: Bool) -> EDProblem {
            var p = EDProblem(model: model, length: length, disorderStrength: disorder)
            if probe { p.probe = p.defaultProbe }
            return p
        }
    }

    public struct Point: Sendable {
        public var length: Int
        public var disorder: Double
        public var realizations: Int
        /// theta0 from the tail fit, and from every bin below the median (the bulk fit).
        public var theta0: (value: Double, error: Double)?
        public var bulkTheta0: (value: Double, error: Double)?
        /// The tail's upper end (the quantile) and its number of bins.
        public var tailUpper: Double
        public var tailBins: Int
        /// Slopes of the tail's two halves.
        public var halfSlopes: (lower: Double, upper: Double, combinedError: Double)?
        public var valid: Bool
        public var inverseCorrelationLength: Double
        public var memory: (mean: Double, error: Double)?
        public var impliedResonanceLength: Double?
    }

    /// The fit of one averaged histogram (pure, usable on synthetic data): `centers`, `edges`
    /// (count + 1), probability density and its errors, realizations populating each bin, the
    /// fraction of pairs below the first bin.
    public static func tailFit(centers: [Double], edges: [Double], density: [Double], errors: [Double], populated: [Int],
                               below: Double, decadesBelowMedian: Double, minimumBins: Int)
        -> (theta0: (value: Double, error: Double)?, upper: Double, bins: Int, halves: (Double, Double, Double)?, valid: Bool) {
        let total = below + centers.indices.reduce(0) { $0 + density[$1] * (edges[$1 + 1] - edges[$1]) }
        var cumulative = below, median = edges.last!
        for k in centers.indices {
            cumulative += density[k] * (edges[k + 1] - edges[k])
            if cumulative >= total / 2 { median = edges[k + 1]; break }
        }
        let upper = median * pow(10, -decadesBelowMedian)
        let usable = centers.indices.filter { edges[$0 + 1] <= upper * (1 + 1e-12) && density[$0] > 0 && populated[$0] >= 3 && errors[$0] > 0 }
        func fit(_ indices: [Int]) -> LinearFit? {
            guard indices.count >= 2 else { return nil }
            return try? LinearLeastSquares.line(x: indices.map { log(centers[$0]) }, y: indices.map { log(density[$0]) },
                                                sigmas: indices.map { errors[$0] / density[$0] })
        }
        guard usable.count >= 3, let all = fit(usable) else { return (nil, upper, usable.count, nil, false) }
        let theta0 = (all.slope + 2, all.slopeError * max(1, (all.chiSquared / Double(max(all.degreesOfFreedom, 1))).squareRoot()))
        let half = usable.count / 2
        var halves: (Double, Double, Double)?
        if usable.count >= 4, let a = fit(Array(usable[..<half])), let b = fit(Array(usable[half...])) {
            halves = (a.slope, b.slope, (a.slopeError * a.slopeError + b.slopeError * b.slopeError).squareRoot())
        }
        let consistent = halves.map { abs($0.0 - $0.1) <= 2 * $0.2 } ?? false
        let physical = theta0.0 + 2 * theta0.1 > 0 && theta0.0 - 2 * theta0.1 <= 1
        return (theta0, upper, usable.count, halves, usable.count >= minimumBins && consistent && physical)
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> [Point] {
        var settings = ExactObservableSettings()
        settings.perturbation = "x0"
        var points: [Point] = []
        for length in config.lengths {
            for w in config.disorders {
                let count = config.realizations(at: length)
                let elements = try ComparisonSampling.average(ExactRealization(problem: config.problem(length: length, disorder: w, probe: false),
                                                                               observables: [.matrixElements], settings: settings, seed: config.seed),
                                                              count: count, sink: sink)
                guard let p = elements[.matrixElementProbability] else {
                    throw NumericalError(quantity: ExactQuantity.matrixElementProbability.rawValue, detail: "not among the averages of L = \(length), W = \(w)")
                }
                let bins = settings.matrixElementBins
                let tail = Self.tailFit(centers: bins.centers, edges: (0...bins.count).map { bins.edge($0) }, density: p.mean,
                                        errors: p.standardError, populated: p.count,
                                        below: elements.scalar(.matrixElementOutside)?.mean ?? 0, decadesBelowMedian: config.tailDecades, minimumBins: config.minimumBins)
                let invXi = tail.valid ? ComparisonMath.inverseCorrelationLength(decayExponent: tail.theta0!.value, criticalLength: criticalLocalizationLength) : .nan
                var memory: (mean: Double, error: Double)?
                var implied: Double?
                if config.memoryLengths.contains(length) {
                    var czz = ExactObservableSettings()
                    czz.correlatorTimes = [0]
                    let withProbe = try ComparisonSampling.average(ExactRealization(problem: config.problem(length: length, disorder: w, probe: true),
                                                                                    observables: [.czz], settings: czz, seed: config.seed),
                                                                   count: count, sink: sink)
                    memory = withProbe.scalar(.czzInfiniteTime)
                    if let m = memory, invXi.isFinite, m.mean > 0, m.mean < 1 {
                        implied = ComparisonMath.solveIncreasing({ lambda in
                            guard let parameters = try? ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, interaction: 1,
                                                                            length: Double(length), disorder: w) else { return .nan }
                            return HamiltonianResonanceModel(parameters).infiniteTimeMemory
                        }, target: m.mean, lower: 1e-4, upper: 1e6)
                    }
                }
                points.append(Point(length: length, disorder: w, realizations: count, theta0: tail.theta0,
                                    bulkTheta0: elements.smallValueExponent.map { ($0.exponent + 2, $0.error) },
                                    tailUpper: tail.upper, tailBins: tail.bins, halfSlopes: tail.halves.map { ($0.0, $0.1, $0.2) },
                                    valid: tail.valid, inverseCorrelationLength: invXi, memory: memory, impliedResonanceLength: implied))
            }
        }
        return points
    }

    public static func table(_ points: [Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("L", points.map { Double($0.length) }), ("W", points.map(\.disorder)), ("realizations", points.map { Double($0.realizations) }),
            ("theta0_tail", points.map { $0.theta0?.value ?? .nan }), ("theta0_tail_err", points.map { $0.theta0?.error ?? .nan }),
            ("theta0_bulk", points.map { $0.bulkTheta0?.value ?? .nan }), ("theta0_bulk_err", points.map { $0.bulkTheta0?.error ?? .nan }),
            ("tail_upper_v", points.map(\.tailUpper)), ("tail_bins", points.map { Double($0.tailBins) }),
            ("slope_lower_half", points.map { $0.halfSlopes?.lower ?? .nan }), ("slope_upper_half", points.map { $0.halfSlopes?.upper ?? .nan }),
            ("valid", points.map { $0.valid ? 1 : 0 }), ("inv_xi", points.map(\.inverseCorrelationLength)),
            ("czz", points.map { $0.memory?.mean ?? .nan }), ("czz_err", points.map { $0.memory?.error ?? .nan }),
            ("Lambda_implied", points.map { $0.impliedResonanceLength ?? .nan }),
        ])
    }
}
