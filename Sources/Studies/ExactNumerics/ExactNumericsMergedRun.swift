import Foundation

extension ExactNumericsRun {
    /// The finished records of another directory of this run (a shard, or a run of the same
    /// command elsewhere); refused if that directory holds a different run.
    public func records(in other: URL) throws -> [RealizationRecord] {
        try RunStore(directory: other, manifest: try manifest()).finishedRecords()
    }

    /// Writes into `directory` the run made of `records` (joined from shards or other runs of this
    /// command): `realizations.jsonl` in realization order, then the same CSVs and summary.json as
    /// `execute` writes, from the same fold in realization order; so they are byte-identical to
    /// those of the run computed in one directory, apart from summary.json's timings and the
    /// `merged_from` list of sources.
    @discardableResult
    public func writeMerged(_ records: [RealizationRecord], sources: [String], timing: RunTiming) throws -> ExactNumericsResult {
        let store = try RunStore(directory: directory, manifest: try manifest())
        try store.writeMerged(records, invocation: arguments.map { RunInvocation(arguments: $0, realizations: realizations, shard: nil) })
        let result = ExactNumericsResult(problem: realization.problem, settings: realization.settings,
                                         observables: realization.observables, records: records)
        var output = ExactNumericsOutput(result: result, manifest: try manifest(), commandLine: commandLine, timing: timing)
        if let used = windowSolversUsed(records) { output.extra.append(used) }
        output.extra.append(("merged_from", .array(sources.map { .string($0) })))
        try output.write(to: store)
        return result
    }
}
