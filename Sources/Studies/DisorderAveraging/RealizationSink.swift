import Foundation

/// Where the records of one disorder-averaged run go as each realization finishes, and where the
/// records of an earlier invocation are found: memory (`InMemoryRecords`) or a run directory
/// (`RunStore`). `RealizationRunner` computes what a sink lacks and hands it each record; the
/// average (`DisorderAverage`) folds what the sink holds, so in-memory and file-backed runs are
/// the same code path and give the same numbers.
public protocol RealizationSink: Sendable {
    /// The records already held, each realization once (a resumed run; empty for a new one).
    func heldRecords() throws -> [RealizationRecord]
    /// One finished realization; the runner calls it from one worker at a time.
    func receive(_ record: RealizationRecord) throws
    /// Gives up a sink whose run failed: a store that holds no record removes what it created.
    func discardIfEmpty()
}

extension RunStore: RealizationSink {
    public func heldRecords() throws -> [RealizationRecord] { try finishedRecords(notes: nil) }
    public func receive(_ record: RealizationRecord) throws { try append(record) }
}

/// The records of a run kept in memory only (nothing is written; nothing is resumed).
public final class InMemoryRecords: RealizationSink, @unchecked Sendable {
    private var records: [RealizationRecord] = []
    private let lock = NSLock()

    public init() {}

    public func heldRecords() -> [RealizationRecord] {
        lock.lock(); defer { lock.unlock() }
        return records
    }

    public func receive(_ record: RealizationRecord) {
        lock.lock(); defer { lock.unlock() }
        records.append(record)
    }

    public func discardIfEmpty() {}
}
