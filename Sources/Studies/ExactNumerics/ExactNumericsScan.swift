import Foundation
import SpinChains

/// Tables over the points of a scan (one run per `(L, W, Omega)`).
public enum ExactNumericsScan {
    /// One row per run: `L`, `W`, `Omega`, realizations, then every scalar result and its
    /// standard error (`_err`); NaN where a run lacks the quantity.
    public static func table(_ results: [ExactNumericsResult]) -> ColumnTable {
        var names: [String] = []
        for result in results { for s in result.scalars where !names.contains(s.name) { names.append(s.name) } }
        var columns: [(name: String, values: [Double])] = [
            ("L", results.map { Double($0.problem.length) }),
            ("W", results.map { $0.problem.disorderStrength }),
            ("Omega", results.map { $0.problem.model.isFloquet ? $0.problem.driveFrequency : .nan }),
            ("realizations", results.map { Double($0.realizationCount) }),
        ]
        for name in names {
            let found = results.map { r in r.scalars.first { $0.name == name } }
            columns.append((name, found.map { $0?.mean ?? .nan }))
            columns.append((name + "_err", found.map { $0?.error ?? .nan }))
        }
        return ColumnTable(columns: columns)
    }

    /// The sub-directory of a point: `L<L>_W<W>[_Omega<Omega>]`.
    public static func pointName(_ problem: EDProblem) -> String {
        "L\(problem.length)_W\(JSONValue.format(problem.disorderStrength))"
            + (problem.model.isFloquet ? "_Omega\(JSONValue.format(problem.driveFrequency))" : "")
    }
}

extension ExactNumericsScan: Study {
    /// A scan: its points, observables and realizations per chain length (the default stated once,
    /// in `defaultRealizations`).
    public struct Config: Sendable {
        public var problems: [EDProblem] = []
        public var observables: [ExactObservable] = [.levelStatistics]
        public var settings = ExactObservableSettings()
        /// Realizations per chain length; `defaultRealizations` at a length not listed.
        public var realizations: [Int: Int] = [:]
        public var defaultRealizations = 10
        public var seed: UInt64 = 2022
        public var window: SparseWindowPlan?
        /// Where the points' run directories go (`<directory>/L<L>_W<W>`) when the sink keeps no
        /// run directory; nil: the points are averaged in the sink.
        public var directory: URL?
        public var quiet = true
        public var commandLine = ""

        public init() {}

        /// Realizations at `length`.
        public func realizations(at length: Int) -> Int { realizations[length] ?? defaultRealizations }
    }

    public typealias Result = [ExactNumericsResult]

    /// The runs of the points in the order given. Each is a resumable `ed run` directory: the sink's
    /// directory for the run's key when it keeps runs as directories (`RunStoreSink`, the run logged
    /// in its cache), else `<directory>/L<L>_W<W>`; without either, its average in `sink`.
    public static func run(_ config: Config, sink: any StudySink) throws -> [ExactNumericsResult] {
        try config.problems.map { problem in
            var job = ExactRealization(problem: problem, observables: config.observables, settings: config.settings, seed: config.seed)
            job.window = config.window
            let count = config.realizations(at: problem.length)
            let key = sink.keepsRuns ? try ComparisonSampling.key(job) : nil
            if let directory = key.flatMap(sink.runDirectory(for:)) ?? config.directory?.appendingPathComponent(pointName(problem)) {
                var run = ExactNumericsRun(realization: job, realizations: count, directory: directory, commandLine: config.commandLine)
                run.quiet = config.quiet
                return try ExactNumericsRun.run(run, sink: sink)
            }
            return try ComparisonSampling.average(job, count: count, sink: sink)
        }
    }
}
