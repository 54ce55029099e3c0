import Foundation
import NumericKit

/// What identifies a disorder-averaged run: a readable label and the manifest of every parameter
/// that defines its numbers (the key of its directory in a `RunCache`); `shape` checks stored
/// records on reading.
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

/// Receives what a study produces while it runs: the per-realization records of each of its
/// disorder-averaged runs (`records(for:)` hands out the `RealizationSink` they go to) and an
/// account of each finished run. `workers` is how many realizations run at once (nil: one per core);
/// it never changes the numbers.
public protocol StudySink: Sendable {
    var workers: Int? { get }
    /// Whether keyed runs are kept (and found again); false: every run is in memory.
    var keepsRuns: Bool { get }
    /// Where the records of the run `key` go (and are found again); nil key: a run kept nowhere.
    func records(for key: RunKey?) throws -> any RealizationSink
    /// The run `key` is done: `reused` realizations were found in its sink, `computed` computed.
    func finished(_ key: RunKey?, reused: Int, computed: Int, seconds: Double)
    /// The directory that keeps the run `key` (a resumable `ed run` directory), nil when runs are
    /// not kept as directories.
    func runDirectory(for key: RunKey) -> URL?
}

extension StudySink {
    public func runDirectory(for key: RunKey) -> URL? { nil }
}

/// Every record in memory: nothing is written, nothing is resumed.
public struct InMemorySink: StudySink {
    public var workers: Int?
    public init(workers: Int? = nil) { self.workers = workers }
    public var keepsRuns: Bool { false }
    public func records(for key: RunKey?) throws -> any RealizationSink { InMemoryRecords() }
    public func finished(_ key: RunKey?, reused: Int, computed: Int, seconds: Double) {}
}

/// The records of every keyed run in its resumable directory of `cache` (`RunStore`), so that the
/// next invocation reads them back and computes only what is missing; each run is logged in the
/// cache (`RunCache.uses`). Runs without a key stay in memory.
public struct RunStoreSink: StudySink {
    public var cache: RunCache
    public var workers: Int?

    public init(cache: RunCache, workers: Int? = nil) {
        self.cache = cache
        self.workers = workers
    }

    public var keepsRuns: Bool { true }

    public func records(for key: RunKey?) throws -> any RealizationSink {
        guard let key else { return InMemoryRecords() }
        return try RunStore(directory: cache.directory(label: key.label, manifest: key.manifest), manifest: key.manifest, shape: key.shape)
    }

    public func runDirectory(for key: RunKey) -> URL? { cache.directory(label: key.label, manifest: key.manifest) }

    public func finished(_ key: RunKey?, reused: Int, computed: Int, seconds: Double) {
        guard let key else { return }
        cache.note(RunCache.Use(label: key.label, directory: RunCache.folderName(label: key.label, manifest: key.manifest),
                                reused: reused, computed: computed, seconds: seconds))
    }
}

/// The sink a study uses when none is given.
public enum StudySinks {
    /// The run store of the `RunCache` bound to this task (`RunCache.current`, as `resonance report`
    /// binds it), else memory.
    public static func current(workers: Int? = nil) -> any StudySink {
        if let cache = RunCache.current { return RunStoreSink(cache: cache, workers: workers) }
        return InMemorySink(workers: workers)
    }
}

extension RealizationRunner {
    /// The disorder average of realizations `0..<count` of the run `key`, the one averaging engine
    /// for in-memory and file-backed runs: the records `sink` already holds for the run are read
    /// back, the missing ones computed on `workers` threads (single-threaded BLAS each when more
    /// than one) and handed to the sink as each finishes, and the average folds them in
    /// realization order.
    public static func average(count: Int, key: RunKey?, sink: any StudySink,
                               record: @escaping @Sendable (Int) throws -> RealizationRecord) throws -> DisorderAverage {
        let threads = max(1, min(sink.workers ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let previous = BLASRuntime.threads
        BLASRuntime.setThreads(threads > 1 ? 1 : previous)
        defer { BLASRuntime.setThreads(previous) }
        let start = Date()
        let target = try sink.records(for: key)
        do {
            let finished = Set(try target.heldRecords().map(\.realization))
            let pending = (0..<count).filter { !finished.contains($0) }
            let records = try RealizationRunner(workers: threads).run(pending: pending, into: target, progress: nil, compute: record)
                .filter { $0.realization < count }
            sink.finished(key, reused: count - pending.count, computed: pending.count, seconds: Date().timeIntervalSince(start))
            return DisorderAverage(records: records)
        } catch {
            target.discardIfEmpty()
            throw error
        }
    }
}
