import Foundation

/// Joining the shards (or other runs) of one `ed dynamics` command into one run.
extension DynamicsRun {
    /// The finished records of a run of this command in `other`; a run of different parameters
    /// (another manifest) is refused, naming each parameter that differs.
    public func records(in other: URL) throws -> [RealizationRecord] {
        try RunStore(directory: other, manifest: manifest, shape: recordShape).finishedRecords()
    }

    /// Writes into `directory` the run made of `records` (joined from shards or other runs of this
    /// command): `realizations.jsonl` in realization order, `invocation.json` (a whole run of
    /// `realizations`), then czz.csv, spectral_function.csv and summary.json from the same fold in
    /// realization order as `run()`; so the averages and CSVs are byte-identical to those of the
    /// run computed in one directory, apart from summary.json's mean wall time per realization and
    /// its `merged_from` list of sources.
    @discardableResult
    public func writeMerged(_ records: [RealizationRecord], sources: [String]) throws -> DynamicsResult {
        let store = try RunStore(directory: directory, manifest: manifest, shape: recordShape)
        try store.writeMerged(records, invocation: arguments.map { RunInvocation(arguments: $0, realizations: realizations, shard: nil) })
        let result = DynamicsResult(run: self, records: records)
        try result.write(to: store, manifest: manifest, commandLine: commandLine,
                         extra: [("merged_from", .array(sources.map { .string($0) }))])
        return result
    }
}
