import Foundation
import NumericKit
import SpinChains

/// In-memory disorder averaging for the comparisons: realisation `k` of a job is computed from
/// `(seed, k)` alone (as in `ExactNumericsRun`), the records are folded in realisation order, so
/// the averages do not depend on the number of workers. Nothing is written to disk: comparison
/// runs are small; the resumable, file-backed path is `resonance ed run`.
public enum ComparisonSampling {
    /// Runs `record` for realisations `0..<count` on `workers` threads (single-threaded BLAS each
    /// when `workers > 1`) and returns the disorder average.
    public static func average(count: Int, workers: Int? = nil,
                               record: @escaping @Sendable (Int) throws -> RealisationRecord) throws -> DisorderAverage {
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let previous = BLASRuntime.threads
        BLASRuntime.setThreads(threads > 1 ? 1 : previous)
        defer { BLASRuntime.setThreads(previous) }
        let box = ResultBox(count: count)
        // Dedicated threads (as `RealisationRunner`): Dispatch's pool may run the workers serially.
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

    /// The averages of an `ExactRealisation` job (all of its observables) over `count` realisations.
    public static func average(_ job: ExactRealisation, count: Int, workers: Int? = nil) throws -> ExactNumericsResult {
        let average = try average(count: count, workers: workers) { try job.record(realization: $0) }
        var result = ExactNumericsResult(problem: job.problem, settings: job.settings, observables: job.observables, records: [])
        result.average = average
        return result
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [Result<RealisationRecord, Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func store(_ k: Int, _ value: Result<RealisationRecord, Error>) {
            lock.lock(); results[k] = value; lock.unlock()
        }
    }
}
