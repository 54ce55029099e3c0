/// One study: its parameters and their defaults in `Config` (stated there once), its numbers in a
/// typed `Result`, and `run(_:sink:)`. The CLI, the report and the audit build a `Config` (changing
/// only what they need), call `run` and read the `Result`; presentation (tables, CSV/JSON,
/// figures, the claims ledger) only reads results.
///
/// Disorder-averaged runs inside a study go through the sink (`StudySink`): in memory, or kept in
/// resumable run directories (`RunStoreSink`). The sink never changes the numbers: realization `k`
/// depends on `(seed, k)` alone and averages fold in realization order.
public protocol Study {
    associatedtype Config: Sendable
    associatedtype Result
    /// Runs the study for `config`; disorder-averaged runs keep their records in `sink`.
    static func run(_ config: Config, sink: any StudySink) throws -> Result
}

extension Study {
    /// `run(_:sink:)` with the sink in effect for this task (`StudySinks.current`).
    public static func run(_ config: Config) throws -> Result {
        try run(config, sink: StudySinks.current())
    }
}
