import Foundation

/// A run's directory: `manifest.json` (what was asked: parameters, seed, command line, version)
/// and `realizations.jsonl`, one JSON record per finished realisation, appended and flushed as
/// each finishes. A crash loses at most the realisations in flight; a torn last line is ignored.
/// Re-running the same command finds the finished realisations and computes only the rest; a
/// different command in the same directory is refused, naming what differs.
public struct RunStore: Sendable {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: URL
    var recordsURL: URL { directory.appendingPathComponent("realizations.jsonl") }
    var manifestURL: URL { directory.appendingPathComponent("manifest.json") }

    /// Opens (or creates) the run directory and checks that its manifest describes the same run.
    /// `manifest` holds the parameters that define the run (not the number of realisations, which
    /// may grow between invocations).
    public init(directory: URL, manifest: [(String, JSONValue)]) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = JSONValue.object(manifest).serialized() + "\n"
        if let existing = try? String(contentsOf: manifestURL, encoding: .utf8) {
            guard existing == text else {
                throw Mismatch(description: "\(directory.path) holds a different run (manifest.json differs); use another --out or remove it")
            }
        } else {
            try text.write(to: manifestURL, atomically: true, encoding: .utf8)
        }
        if !FileManager.default.fileExists(atPath: recordsURL.path) {
            FileManager.default.createFile(atPath: recordsURL.path, contents: nil)
        }
    }

    /// The finished realisations, each once (a duplicate from an overlapping resume keeps the first).
    public func finishedRecords() throws -> [RealisationRecord] {
        let data = try Data(contentsOf: recordsURL)
        var seen = Set<Int>()
        var records = [RealisationRecord]()
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            // A line cut short by a crash does not decode: it is dropped and recomputed.
            guard let record = try? decoder.decode(RealisationRecord.self, from: Data(line)) else { continue }
            if seen.insert(record.realization).inserted { records.append(record) }
        }
        return records
    }

    /// Appends one record and flushes it to disk before returning.
    public func append(_ record: RealisationRecord) throws {
        var line = try JSONEncoder().encode(record)
        line.append(UInt8(ascii: "\n"))
        let handle = try FileHandle(forUpdating: recordsURL)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        // A torn previous line (crash mid-write) must not swallow this record: start on a new line.
        if size > 0 {
            try handle.seek(toOffset: size - 1)
            let last = try handle.read(upToCount: 1)
            try handle.seekToEnd()
            if last != Data([UInt8(ascii: "\n")]) { line.insert(UInt8(ascii: "\n"), at: 0) }
        }
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }

    /// Writes a file in the run directory atomically.
    public func write(_ text: String, to name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
