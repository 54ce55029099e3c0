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

    /// The runs of a scan, in the order given, each in `<directory>/L<L>_W<W>`; returns the results.
    public static func run(problems: [EDProblem], observables: [ExactObservable], settings: ExactObservableSettings = .init(),
                           realizations: (EDProblem) -> Int, seed: UInt64, directory: URL, quiet: Bool,
                           commandLine: String, window: SparseWindowPlan? = nil) throws -> [ExactNumericsResult] {
        try problems.map { problem in
            let name = "L\(problem.length)_W\(JSONValue.format(problem.disorderStrength))"
                + (problem.model.isFloquet ? "_Omega\(JSONValue.format(problem.driveFrequency))" : "")
            var job = ExactRealization(problem: problem, observables: observables, settings: settings, seed: seed)
            job.window = window
            var run = ExactNumericsRun(realization: job,
                                       realizations: realizations(problem), directory: directory.appendingPathComponent(name),
                                       commandLine: commandLine)
            run.quiet = quiet
            return try run.execute()
        }
    }
}
