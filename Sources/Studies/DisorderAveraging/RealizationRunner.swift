import Dispatch
import Foundation

/// Runs realizations on `workers` threads, handing each finished record to the sink at once (a
/// `RunStore` appends and flushes it; `InMemoryRecords` keeps it). The one averaging engine: every
/// disorder average, in memory or in a run directory, is computed here and folded by
/// `DisorderAverage`.
///
/// Realization k depends on (seed, k) only, so the set of records, and hence every average, is the
/// same for any number of workers and any interruption. The caller sets the BLAS thread count
/// (one thread per worker when workers > 1).
public struct RealizationRunner: Sendable {
    public var workers: Int

    public init(workers: Int) { self.workers = max(1, workers) }

    /// Computes every index in `pending`; returns all records the sink holds (old and new).
    /// `appendSeconds` (if given) accumulates the time spent handing records to the sink.
    public func run<Sink: RealizationSink>(pending: [Int], into sink: Sink, progress: ProgressReporter?, appendSeconds: SecondsAccumulator? = nil,
                    compute: @escaping @Sendable (Int) throws -> RealizationRecord) throws -> [RealizationRecord] {
        let queue = WorkQueue(pending)
        let failure = FailureBox()
        let sinkLock = NSLock()
        // The workers reach the sink through a box emptied once they are done: a finished
        // thread may release its closure a moment after `group.wait()` returns, and must not hold
        // a store's directory lock then (the same process may reopen the run at once).
        let box = SinkBox(sink)
        defer { box.sink = nil }
        let group = DispatchGroup()
        for _ in 0..<min(workers, max(1, pending.count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while failure.value == nil, let index = queue.next() {
                    do {
                        let start = Date()
                        var record = try compute(index)
                        record.seconds = Date().timeIntervalSince(start)
                        sinkLock.lock()
                        defer { sinkLock.unlock() }
                        let written = Date()
                        try box.sink?.receive(record)
                        appendSeconds?.add(Date().timeIntervalSince(written))
                        progress?.advance()
                    } catch {
                        failure.set(error)
                    }
                }
            }
        }
        group.wait()
        if let error = failure.value { throw error }
        return try sink.heldRecords()
    }
}

/// A thread-safe running total of seconds (time spent in I/O by worker threads).
public final class SecondsAccumulator: @unchecked Sendable {
    private var total = 0.0
    private let lock = NSLock()
    public init() {}
    public var seconds: Double { lock.lock(); defer { lock.unlock() }; return total }
    public func add(_ seconds: Double) { lock.lock(); defer { lock.unlock() }; total += seconds }
}

/// The sink, as the worker threads see it (see `RealizationRunner.run`).
final class SinkBox<Sink: RealizationSink>: @unchecked Sendable {
    var sink: Sink?
    init(_ sink: Sink) { self.sink = sink }
}

/// Hands out indices to worker threads.
final class WorkQueue: @unchecked Sendable {
    private var items: [Int]
    private var position = 0
    private let lock = NSLock()
    init(_ items: [Int]) { self.items = items }
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < items.count else { return nil }
        position += 1
        return items[position - 1]
    }
}
