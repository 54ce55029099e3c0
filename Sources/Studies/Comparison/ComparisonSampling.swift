import Foundation
import NumericKit
import SpinChains

/// Disorder averaging for the comparisons and the audit, through the one engine
/// (`RealizationRunner.average`): realization `k` of a job is computed from `(seed, k)` alone (as in
/// `ExactNumericsRun`), the records are folded in realization order, so the averages do not depend
/// on the number of workers or on the sink. With a `RunStoreSink` (or, without a sink, while a
/// `RunCache` is bound as `resonance report` binds it), every run that names its key keeps its
/// records in a resumable store of that cache and is reused by the next invocation; otherwise in memory.
public enum ComparisonSampling {
    public typealias RunKey = Studies.RunKey

    /// The disorder average of `record` over realizations `0..<count` (`RealizationRunner.average`),
    /// in the sink in effect (`StudySinks.current`) with `workers` threads; with a `key` and a bound
    /// `RunCache`, stored realizations are read back and only the missing ones computed.
    public static func average(count: Int, workers: Int? = nil, key: RunKey? = nil,
                               record: @escaping @Sendable (Int) throws -> RealizationRecord) throws -> DisorderAverage {
        try RealizationRunner.average(count: count, key: key, sink: StudySinks.current(workers: workers), record: record)
    }

    /// The averages of an `ExactRealization` job (all of its observables) over `count` realizations.
    public static func average(_ job: ExactRealization, count: Int, workers: Int? = nil) throws -> ExactNumericsResult {
        try average(job, count: count, sink: StudySinks.current(workers: workers))
    }

    /// The averages of an `ExactRealization` job over `count` realizations, its records in `sink`
    /// (keyed by the manifest `resonance ed run` writes for the job when the sink keeps runs).
    public static func average(_ job: ExactRealization, count: Int, sink: any StudySink) throws -> ExactNumericsResult {
        let runKey = sink.keepsRuns ? try Self.key(job) : nil
        let average = try RealizationRunner.average(count: count, key: runKey, sink: sink) { try job.record(realization: $0) }
        var result = ExactNumericsResult(problem: job.problem, settings: job.settings, observables: job.observables, records: [])
        result.average = average
        return result
    }

    /// The key of a job: the manifest `resonance ed run` writes for it, labelled by model, L and W.
    public static func key(_ job: ExactRealization) throws -> RunKey {
        let p = job.problem
        let label = "\(p.model.rawValue)-L\(p.length)-W\(JSONValue.format(p.disorderStrength))"
            + (p.model.isFloquet ? "-Omega\(JSONValue.format(p.driveFrequency))" : "")
        let manifest = try ExactNumericsRun(realization: job, realizations: 0, directory: URL(fileURLWithPath: "/"), commandLine: "").manifest()
        return RunKey(label: label, manifest: manifest, shape: job.recordShape())
    }
}
