import Foundation
import NumericKit
import SpinChains

/// Disorder averaging for the comparisons and the audit: realization `k` of a job is computed from
/// `(seed, k)` alone (as in `ExactNumericsRun`), the records are folded in realization order, so
/// the averages do not depend on the number of workers. In memory by default; while a `RunCache`
/// is bound (`RunCache.current`, as `resonance report` does), every run that names its key keeps
/// its records in a resumable store of that cache and is reused by the next invocation.
public enum ComparisonSampling {
    /// What identifies a run in a `RunCache`: a readable label and the manifest of every parameter
    /// that defines its numbers; `shape` checks the stored records on reading.
    public struct RunKey: Sendable {
        public var label: String
        public var manifest: [(String, JSONValue)]
        public var shape: RecordShape?

        public init(label: String, manifest: [(String, JSONValue)], shape: RecordShape? = nil) {
            self.label = label
            self.manifest = manifest
            self.shape = shape
        }
    }

    /// Runs `record` for realizations `0..<count` on `workers` threads (single-threaded BLAS each
    /// when `workers > 1`) and returns the disorder average; with a `key` and a bound `RunCache`,
    /// stored realizations are read back and only the missing ones computed.
    public static func average(count: Int, workers: Int? = nil, key: RunKey? = nil,
                               record: @escaping @Sendable (Int) throws -> RealizationRecord) throws -> DisorderAverage {
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let previous = BLASRuntime.threads
        BLASRuntime.setThreads(threads > 1 ? 1 : previous)
        defer { BLASRuntime.setThreads(previous) }
        if let key, let cache = RunCache.current {
            return try cache.average(label: key.label, manifest: key.manifest, shape: key.shape, count: count,
                                     workers: threads, record: record)
        }
        let box = ResultBox(count: count)
        // Dedicated threads (as `RealizationRunner`): Dispatch's pool may run the workers serially.
        let group = DispatchGroup()
        for worker in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var k = worker
                while k < count {
                    box.store(k, Result { try record(k) })
                    k += threads
                }
            }
        }
        group.wait()
        return DisorderAverage(records: try box.results.map { try $0!.get() })
    }

    /// The averages of an `ExactRealization` job (all of its observables) over `count` realizations.
    public static func average(_ job: ExactRealization, count: Int, workers: Int? = nil) throws -> ExactNumericsResult {
        let runKey = RunCache.current == nil ? nil : try Self.key(job)
        let average = try average(count: count, workers: workers, key: runKey) { try job.record(realization: $0) }
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

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [Result<RealizationRecord, Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func store(_ k: Int, _ value: Result<RealizationRecord, Error>) {
            lock.lock(); results[k] = value; lock.unlock()
        }
    }
}
