/// A part of a run for a job array or an MPI rank: shard `index` of `count` holds the realizations
/// `k` with `k mod count == index`. Realization `k` depends on `(seed, k)` alone, so the shards of a
/// run together hold exactly the realizations of the run computed in one directory.
public struct RealizationShard: Sendable, Equatable, Codable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public struct InvalidShard: Error, CustomStringConvertible {
        public var description: String
    }

    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= 1_000_000 else {
            throw InvalidShard(description: "--shard: the number of shards n must be in 1...1000000, got \(count)")
        }
        guard index >= 0, index < count else {
            throw InvalidShard(description: "--shard: the shard index i must be in 0...\(count - 1) for n = \(count), got \(index)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/n` (e.g. `2/8`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw InvalidShard(description: "--shard: expected i/n with integers 0 <= i < n (e.g. 0/4), got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    public func contains(_ realization: Int) -> Bool { realization % count == index }

    /// The realizations of this shard among `0..<total`, ascending.
    public func realizations(below total: Int) -> [Int] {
        Array(stride(from: index, to: max(total, index), by: count))
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }

    /// The conventional directory name of the shard among its siblings: `shard-<i>-of-<n>`.
    public var directoryName: String { "shard-\(index)-of-\(count)" }
}
