import Foundation
import NumericKit
import SpinChains

/// The drift of the crossover W_delta(L) (116) beyond the dense engine: [Czz] of heisenberg-o3
/// with the probe at L = 10...16 from the late-window average of typicality `C(t)`
/// (`LateWindowAverage`: one Haar-random state per realization propagated by Chebyshev, `C` at
/// `count` stratified times in `[start, end]`), then W_delta(L) where [Czz](W) crosses delta.
///
/// The estimator and its bias: the window mean is the diagonal ensemble (the dense engine's
/// infinite-time [Czz]) plus the off-diagonal remainder `R_W` of the pairs with `|E_a - E_b|`
/// below about `1/(end - start)`, which decays with the window, plus the typicality error
/// `1/sqrt(R N (D + 1))`. `R_W` is estimated from the drift of [C] across the window (first half
/// minus second half): a remainder decaying as `1/t` is 2.94 times the drift (`t^-2`: 1.5 times),
/// so the error of each [Czz] is the standard error over realizations and `biasPerDrift` times the
/// drift in quadrature. Measured at L = 10 against the dense engine on the same realizations, the
/// window [50, 100] lies 0.003...0.035 above the diagonal ensemble (1.5-2 times the drift).
///
/// The runs are `ed dynamics` run stores in `directory/L<L>_W<W>/` (`command(length:disorder:)`
/// writes one); the standard report reads them, `--full` computes what is missing.
public struct TypicalityDriftExtension: Sendable {
    public var lengths = [10, 12, 14, 16]
    public var disorders: [Double] = [3, 4, 5, 6, 8]
    /// Lengths computed at fewer disorders (those that bracket the crossing).
    public var disordersAt: [Int: [Double]] = [14: [5, 6, 8], 16: [5, 6, 8]]
    public var realizations: [Int: Int] = [10: 24, 12: 16, 14: 16, 16: 4]
    public var window = LateWindowAverage(start: 50, end: 100, count: 16)
    public var states = 1
    public var seed: UInt64 = 2022
    public var threshold = 0.3
    public var directory = StoredData.url("drift_typicality")

    /// The remainder `R_W` per unit of drift allowed in the error bars: 3, about that of a `1/t` tail
    /// (mean of `1/t` over `[T/2, T]` over the drift between its halves: `2 ln 2 / (4 ln(9/8))` = 2.94).
    public static let biasPerDrift = 3.0

    public init() {}

    /// [Czz] at one (L, W) by the window estimator.
    public struct Point: Sendable, Equatable {
        public var length: Int
        public var disorder: Double
        public var realizations: Int
        /// [C_W]: the realization mean of each realization's window mean.
        public var value: Double
        /// Standard error of `value` over realizations (for one realization: the typicality bound).
        public var standardError: Double
        /// [C](first half) - [C](second half): the estimate of the remainder R_W.
        public var drift: Double
        /// `1/sqrt(R N (D + 1))`.
        public var typicalityError: Double
        /// The error bar: `standardError` and the bias allowance `biasPerDrift |drift|` in quadrature.
        public var error: Double {
            let bias = TypicalityDriftExtension.biasPerDrift * drift
            return (standardError * standardError + bias * bias).squareRoot()
        }
    }

    public func disorders(length: Int) -> [Double] { disordersAt[length] ?? disorders }

    public func folder(length: Int, disorder: Double) -> URL {
        directory.appendingPathComponent("L\(length)_W\(JSONValue.format(disorder))")
    }

    /// The run at (L, W), as `command(length:disorder:)` writes it.
    public func run(length: Int, disorder: Double) -> DynamicsRun {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: disorder)
        problem.probe = problem.defaultProbe
        var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        dynamics.threads = 1
        var run = DynamicsRun(dynamics: dynamics, times: window.times, states: states, realizations: realizations[length] ?? 4,
                              seed: seed, directory: folder(length: length, disorder: disorder))
        run.quiet = true
        run.commandLine = command(length: length, disorder: disorder)
        return run
    }

    /// The command that writes the run at (L, W) (rerunning it resumes).
    public func command(length: Int, disorder: Double) -> String {
        "resonance ed dynamics --model heisenberg-o3 --probe --estimator paired --L \(length) --W \(JSONValue.format(disorder)) "
            + "--times window:\(JSONValue.format(window.start)):\(JSONValue.format(window.end)):\(window.count) --states \(states) "
            + "--realizations \(realizations[length] ?? 4) --seed \(seed) --threads 1 --out \(folder(length: length, disorder: disorder).relativePath)"
    }

    /// The points from the stored runs. `compute`: the missing realizations are computed (and
    /// stored); otherwise a run is used only when all its realizations are stored.
    public func points(compute: Bool) throws -> [Point] {
        var points: [Point] = []
        for length in lengths {
            for w in disorders(length: length) {
                let run = run(length: length, disorder: w)
                let stored = Self.storedRecords(of: run) ?? []
                let records: [RealizationRecord]
                if compute && stored.filter({ $0.realization < run.realizations }).count < run.realizations {
                    _ = try run.runCounted()
                    records = try RunStore(directory: run.directory, manifest: run.manifest, shape: run.recordShape).finishedRecords()
                } else {
                    records = stored
                }
                let wanted = records.filter { $0.realization < run.realizations }
                guard wanted.count == run.realizations, wanted.count > 0 else { continue }
                points.append(Self.point(length: length, disorder: w, correlators: wanted.map { $0.values[DynamicsQuantity.correlator] ?? [] },
                                         window: window, states: states, dimension: run.dynamics.dimension))
            }
        }
        return points
    }

    /// The finished records of a stored run, read without taking its lock (a run being extended
    /// meanwhile is read as far as it got); nil when it is absent or its manifest is another run's.
    static func storedRecords(of run: DynamicsRun) -> [RealizationRecord]? {
        let manifest = run.directory.appendingPathComponent("manifest.json")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8),
              text == JSONValue.object(run.manifest).serialized() + "\n",
              let data = try? Data(contentsOf: run.directory.appendingPathComponent("realizations.jsonl")) else { return nil }
        return try? RecordsFileReader(shape: run.recordShape).read(data, path: run.directory.path).records
    }

    /// The estimate at one (L, W) from each realization's `C(t_k)` (averaged over its states).
    public static func point(length: Int, disorder: Double, correlators: [[Double]], window: LateWindowAverage,
                             states: Int, dimension: Int) -> Point {
        let n = Double(correlators.count)
        let values = correlators.map { window.estimate($0).value }
        let mean = values.reduce(0, +) / n
        let typicality = 1 / (Double(states) * n * Double(dimension + 1)).squareRoot()
        let spread = correlators.count > 1
            ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) / n).squareRoot() : typicality
        let averaged = (0..<window.count).map { k in correlators.reduce(0) { $0 + $1[k] } / n }
        return Point(length: length, disorder: disorder, realizations: correlators.count, value: mean,
                     standardError: spread, drift: window.estimate(averaged).drift, typicalityError: typicality)
    }

    /// W_delta(L) for each length from its points (NaN where [Czz](W) does not cross delta).
    public func crossings(_ points: [Point]) -> [(length: Int, disorder: Double, error: Double)] {
        lengths.map { length in
            let row = points.filter { $0.length == length }.sorted { $0.disorder < $1.disorder }
            guard row.count >= 2 else { return (length, .nan, .nan) }
            let c = CrossoverDriftComparison.crossing(disorders: row.map(\.disorder), memory: row.map(\.value),
                                                      memoryError: row.map(\.error), threshold: threshold)
            return (length, c.disorder, c.error)
        }
    }
}
