import Foundation
import NumericKit

/// Writes a run's averages: one CSV per observable (`#` metadata lines, a header row; `_err`
/// columns are standard errors over realizations) and `summary.json` (parameters, seed,
/// realizations, the scalar results with errors, timings, version, command line).
struct ExactNumericsOutput {
    var result: ExactNumericsResult
    var manifest: [(String, JSONValue)]
    var commandLine: String
    var timing: RunTiming
    /// Further top-level fields of summary.json (a shard's index, a merge's sources).
    var extra: [(String, JSONValue)] = []

    func write(to store: RunStore) throws {
        let start = Date()
        let metadata = OutputMetadata(parameters: manifest + [("realizations", .integer(result.realizationCount))],
                                      commandLine: commandLine)
        let tables: [(String, ColumnTable?)] = [
            ("spectral_function.csv", result.spectralTable),
            ("czz.csv", result.correlatorTable),
            ("matrix_elements.csv", result.matrixElementTable),
            ("fidelity.csv", result.fidelityTable),
            ("probe_entropy.csv", result.probeEntropyTable),
        ]
        for (name, table) in tables {
            guard let table else { continue }
            try store.write(OutputRenderer.curve(table, metadata: metadata, format: .csv), to: name)
        }
        let scalars = result.scalars
        var csv = metadata.csvHeader + "quantity,mean,standard_error\n"
        for s in scalars {
            csv += "\(s.name),\(OutputRenderer.csvNumber(s.mean)),\(OutputRenderer.csvNumber(s.error))\n"
        }
        try store.write(csv, to: "scalars.csv")
        try store.write(summary(tablesSeconds: Date().timeIntervalSince(start)).serialized() + "\n", to: "summary.json")
    }

    /// `tablesSeconds`: the time spent writing the CSV files (counted in `io_seconds`).
    func summary(tablesSeconds: Double = 0) -> JSONValue {
        let seconds = timing.realizationSeconds
        var results: [(String, JSONValue)] = result.scalars.map {
            ($0.name, .object([("mean", .number($0.mean)), ("standard_error", .number($0.error))]))
        }
        if let residual = result.sumRuleResidual { results.append(("spectral_sum_rule_residual", .number(residual))) }
        return .object([
            ("parameters", .object(manifest)),
            ("realizations", .integer(result.realizationCount)),
            ("results", .object(results)),
            ("timings", .object([
                ("wall_seconds", .number(timing.wallSeconds)),
                ("realizations_computed", .integer(timing.computed)),
                ("realizations_per_hour", .number(timing.realizationsPerHour)),
                ("realization_seconds_mean", .number(seconds.isEmpty ? .nan : seconds.reduce(0, +) / Double(seconds.count))),
                ("ranks", .integer(timing.ranks)),
                ("workers", .integer(timing.workers)),
                ("openblas_threads", .integer(timing.blasThreads)),
                ("openblas_kernel", .string(BLASRuntime.coreName)),
                ("stage_seconds_mean", .object(timing.stageSeconds.map { ($0.name, .number($0.seconds)) })),
                ("io_seconds", .number(timing.ioSeconds + tablesSeconds)),
            ])),
        ] + extra + [
            ("command_line", .string(commandLine)),
            ("version", .string(ResonanceKitVersion.string)),
        ])
    }
}
