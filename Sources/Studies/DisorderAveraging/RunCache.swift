import Foundation

/// A folder of resumable runs, one `RunStore` directory per run, named by a readable label and a
/// hash of the run's manifest (every parameter that defines its numbers). Asking again for a run
/// with the same manifest finds its directory and computes only the realizations it lacks; a run
/// that differs in any parameter gets a directory of its own, so a changed parameter recomputes
/// only the runs it changes. More realizations than stored extend a run; fewer use the first ones.
///
/// A `RunStoreSink` keeps the disorder averages of a study in it. While a cache is bound to
/// `RunCache.current` (`RunCache.$current.withValue(cache) { ... }`), the studies run without an
/// explicit sink (`StudySinks.current`) and the report's exact-numerics runs keep their records in it, and the l-bit comparison takes the stored averages
/// it offers; unbound, they run in memory as before. Each use is logged (`uses`), so that a report
/// can say which runs it reused and which it computed.
public final class RunCache: @unchecked Sendable {
    /// The cache in effect for the current task (nil: no cache).
    @TaskLocal public static var current: RunCache?

    /// One run asked of the cache (`ReportRunUse`, in Presentation, where the report page lists it).
    public typealias Use = ReportRunUse

    public let root: URL
    /// Stored exact averages of the l-bit comparison (`LBitExactCache` files such as
    /// `data/lbit_exact_L8.csv`) that stand in for computing the points they match exactly
    /// (`LBitComparison.stored`), and the file they came from.
    public let lbitAverages: [LBitExactAverages]
    public let lbitSource: String
    private let lock = NSLock()
    private var log: [Use] = []

    /// A read-only folder of stored runs (e.g. `data/report_runs`) that seeds the cache: a run
    /// asked for that the cache lacks and the seed holds (same folder name, so the same manifest)
    /// is copied in first, then read back like any stored run. nil: no seed.
    public let seed: URL?

    public init(root: URL, lbitAverages: [LBitExactAverages] = [], lbitSource: String = "", seed: URL? = nil) {
        self.root = root
        self.lbitAverages = lbitAverages
        self.lbitSource = lbitSource
        self.seed = seed
    }

    /// The directory of the run defined by `manifest`: `<root>/<label>-<key>`, copied from the
    /// seed first where the seed has it and the cache does not.
    public func directory(label: String, manifest: [(String, JSONValue)]) -> URL {
        let name = Self.folderName(label: label, manifest: manifest)
        let directory = root.appendingPathComponent(name)
        if let seed {
            let stored = seed.appendingPathComponent(name)
            let files = FileManager.default
            if !files.fileExists(atPath: directory.path), files.fileExists(atPath: stored.appendingPathComponent("manifest.json").path) {
                try? files.createDirectory(at: root, withIntermediateDirectories: true)
                try? files.copyItem(at: stored, to: directory)
            }
        }
        return directory
    }

    /// `<label>-<key>` with the label reduced to letters, digits, `.`, `_` and `-`.
    public static func folderName(label: String, manifest: [(String, JSONValue)]) -> String {
        let safe = String(label.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return safe + "-" + key(manifest)
    }

    /// 16 hex digits of the 64-bit FNV-1a hash of the manifest's JSON, without the late fields
    /// that hold their stand-in values (`RunStore.lateFields`), so that runs stored before those
    /// fields keep their directories.
    public static func key(_ manifest: [(String, JSONValue)]) -> String {
        FNV1a.hex(Data(JSONValue.object(RunStore.stored(manifest)).serialized(indent: nil).utf8))
    }

    /// Records a use of a run (thread-safe).
    public func note(_ use: Use) {
        lock.lock(); defer { lock.unlock() }
        log.append(use)
    }

    /// Every use so far, in order.
    public var uses: [Use] {
        lock.lock(); defer { lock.unlock() }
        return log
    }
}

/// The 64-bit FNV-1a hash (content keys of runs and of given fields).
public enum FNV1a {
    public static func hash(_ bytes: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 hex digits.
    public static func hex(_ bytes: Data) -> String {
        let digits = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
