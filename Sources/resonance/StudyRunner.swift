import ArgumentParser
import Foundation
import Studies

/// Runs `study` for `config` in memory (`InMemorySink`) on `workers` threads (nil: every core):
/// how a command that is one study computes its result.
func runStudy<S: Study>(_ study: S.Type, _ config: S.Config, workers: Int? = nil) throws -> S.Result {
    try S.run(config, sink: InMemorySink(workers: workers))
}

extension ComparisonOptions {
    /// The body of every `compare` subcommand: runs `study` for `config` in memory on --workers
    /// threads, then writes the table `table` makes of its result to --output, with `parameters`
    /// (read from the result where they depend on it) and the seed as metadata.
    func runStudy<S: Study>(_ study: S.Type, config: S.Config, parameters: (S.Result) -> [(String, JSONValue)] = { _ in [] },
                            table: (S.Result) throws -> ColumnTable) throws {
        let result = try S.run(config, sink: InMemorySink(workers: workers))
        try emit(try table(result), parameters: parameters(result))
    }

    /// Writes `table` to --output with `parameters` and the seed as metadata.
    func emit(_ table: ColumnTable, parameters: [(String, JSONValue)]) throws {
        let metadata = OutputMetadata(parameters: parameters + [("seed", .string(String(seed)))], commandLine: recordedCommandLine())
        try output.emit(table, metadata: metadata)
    }
}
