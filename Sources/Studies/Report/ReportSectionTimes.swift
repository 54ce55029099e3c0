import Foundation

/// How long each section of a report took, kept in the run store (`<runs>/section-times.json`) for
/// the next report's ETA: per scope and section, the seconds of the last time it computed
/// realizations (cold) and of the last time it only read its runs back (warm), and the run
/// directories it used. The ETA of a section is its warm time when every one of those
/// directories is still there, else its cold time, else the built-in estimate.
public struct ReportSectionTimes: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var coldSeconds: Double?
        public var warmSeconds: Double?
        public var directories: [String]

        enum CodingKeys: String, CodingKey {
            case coldSeconds = "cold_seconds", warmSeconds = "warm_seconds", directories
        }
    }

    public let file: URL
    /// scope -> section -> entry.
    public private(set) var entries: [String: [String: Entry]]

    /// Reads `file` (none yet, or unreadable: nothing recorded).
    public init(file: URL) {
        self.file = file
        entries = (try? JSONDecoder().decode([String: [String: Entry]].self, from: Data(contentsOf: file))) ?? [:]
    }

    /// The expected seconds of `section` at `scope`; `estimate` when nothing fits.
    public func eta(section: String, scope: ReportScope, estimate: Double, root: URL) -> Double {
        guard let entry = entries[scope.rawValue]?[section] else { return estimate }
        let stored = entry.directories.allSatisfy { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        // Stored runs are only read back: seconds, not the cold time.
        if stored { return entry.warmSeconds ?? min(entry.coldSeconds ?? estimate, 5) }
        return entry.coldSeconds ?? estimate
    }

    /// Records a finished section: `uses` are the runs it asked of the store.
    public mutating func record(section: String, scope: ReportScope, seconds: Double, uses: [RunCache.Use]) {
        var entry = entries[scope.rawValue]?[section] ?? Entry(directories: [])
        if uses.contains(where: { !$0.isReused }) || uses.isEmpty { entry.coldSeconds = seconds } else { entry.warmSeconds = seconds }
        if uses.isEmpty { entry.warmSeconds = seconds }
        entry.directories = uses.map(\.directory).filter { !$0.isEmpty }
        entries[scope.rawValue, default: [:]][section] = entry
    }

    /// Writes the file (best effort: the ETA is a convenience).
    public func save() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? encoder.encode(entries).write(to: file, options: .atomic)
    }
}
