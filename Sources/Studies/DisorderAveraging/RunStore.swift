import Foundation

/// A run's directory: `manifest.json` (what was asked: parameters, seed, command line, version)
/// and `realizations.jsonl`, one JSON record per finished realization, appended and flushed as
/// each finishes. One process writes a directory at a time (`RunDirectoryLock`). A crash loses
/// at most the realizations in flight; a torn last line is noted, removed and recomputed.
/// Re-running the same command finds the finished realizations (checked by `RecordsFileReader`)
/// and computes only the rest; a different command in the same directory is refused, naming
/// each parameter that differs with both values; records without a manifest are refused.
public struct RunStore: Sendable {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public let directory: URL
    var recordsURL: URL { directory.appendingPathComponent("realizations.jsonl") }
    var manifestURL: URL { directory.appendingPathComponent("manifest.json") }
    /// What each record must hold (nil: only the index and finiteness are checked).
    public var shape: RecordShape?
    /// Held while this store lives.
    let lock: RunDirectoryLock
    /// The outermost folder this store created (nil if the directory existed), removed by
    /// `discardIfEmpty` when a run fails before its first record.
    let createdRoot: URL?

    /// Opens (or creates) the run directory, locks it, and checks that its manifest describes the
    /// same run. `manifest` holds the parameters that define the run (not the number of
    /// realizations, which may grow between invocations).
    public init(directory: URL, manifest: [(String, JSONValue)], shape: RecordShape? = nil) throws {
        self.directory = directory
        self.shape = shape
        let manager = FileManager.default
        var root: URL?
        var ancestor = directory.standardizedFileURL
        while !manager.fileExists(atPath: ancestor.path), ancestor.pathComponents.count > 1 {
            root = ancestor
            ancestor = ancestor.deletingLastPathComponent()
        }
        createdRoot = root
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        lock = try RunDirectoryLock(directory: directory)
        let text = JSONValue.object(manifest).serialized() + "\n"
        if let existing = try? String(contentsOf: manifestURL, encoding: .utf8) {
            // A run stored before a late field existed matches the manifest without it.
            guard existing == text || existing == JSONValue.object(Self.stored(manifest)).serialized() + "\n" else {
                throw Mismatch(description: Self.difference(existing: existing, requested: manifest, directory: directory.path))
            }
        } else {
            if let records = try? Data(contentsOf: recordsURL), records.contains(where: { !Character(UnicodeScalar($0)).isWhitespace }) {
                throw Mismatch(description: "\(directory.path) holds realization records but no manifest.json, so it cannot tell which run they belong to; use another --out or remove it")
            }
            try text.write(to: manifestURL, atomically: true, encoding: .utf8)
        }
        if !manager.fileExists(atPath: recordsURL.path) {
            manager.createFile(atPath: recordsURL.path, contents: nil)
        }
    }

    /// Manifest fields added after runs had been stored, each with the value that stands for the
    /// runs stored before it: `window_solver` (the eigenvector window's solver, `WindowSolver`),
    /// whose default `auto` those runs were computed under. A manifest with that value matches a
    /// stored manifest without the field, and hashes as it did (`RunCache.key`); another value
    /// does not, and resuming such a run with it is refused, naming the field.
    public static let lateFields: [String: JSONValue] = ["window_solver": .string("auto")]

    /// The manifest as runs stored before the late fields wrote it: without each late field that
    /// holds its stand-in value.
    public static func stored(_ manifest: [(String, JSONValue)]) -> [(String, JSONValue)] {
        manifest.filter { key, value in lateFields[key].map { $0.serialized(indent: nil) != value.serialized(indent: nil) } ?? true }
    }

    /// "disorder_strength is 2 there, 9 now; ...": every top-level parameter that differs.
    static func difference(existing: String, requested: [(String, JSONValue)], directory: String) -> String {
        let old = (try? JSONSerialization.jsonObject(with: Data(existing.utf8))) as? [String: Any]
        let new = (try? JSONSerialization.jsonObject(with: Data(JSONValue.object(requested).serialized().utf8))) as? [String: Any]
        guard let old, let new else {
            return "\(directory) holds a different run (its manifest.json is unreadable); use another --out or remove it"
        }
        func canonical(_ value: Any) -> String {
            (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]))
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        func show(_ value: Any?) -> String {
            guard let value else { return "absent" }
            guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else { return "?" }
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 80 ? String(text.prefix(77)) + "..." : text
        }
        var keys = requested.map(\.0)
        keys += old.keys.sorted().filter { !keys.contains($0) }
        let differing = keys.filter { key in
            switch (old[key], new[key]) {
            case (nil, nil): return false
            case let (a?, b?): return canonical(a) != canonical(b)
            default: return true
            }
        }
        let list = differing.isEmpty ? "manifest.json differs in layout"
            : differing.map { "\($0) is \(show(old[$0])) there, \(show(new[$0])) now" }.joined(separator: "; ")
        return "\(directory) holds a different run: \(list); use another --out or remove it"
    }

    /// The finished realizations, each once, checked against the run (see `RecordsFileReader`);
    /// a torn last line is cut off the file. Notes (repairs, identical duplicates) go to `notes`.
    public func finishedRecords(notes: ((String) -> Void)? = nil) throws -> [RealizationRecord] {
        let data = try Data(contentsOf: recordsURL)
        let contents = try RecordsFileReader(shape: shape).read(data, path: recordsURL.path)
        if contents.intactLength < data.count {
            let handle = try FileHandle(forUpdating: recordsURL)
            defer { try? handle.close() }
            try handle.truncate(atOffset: UInt64(contents.intactLength))
            try handle.synchronize()
        }
        contents.notes.forEach { notes?($0) }
        return contents.records
    }

    /// Whether no record has been written.
    public var isEmpty: Bool {
        ((try? FileManager.default.attributesOfItem(atPath: recordsURL.path)[.size] as? NSNumber)?.intValue ?? 0) == 0
    }

    /// Removes what this store created, if it holds no record (a run that failed at once leaves
    /// no half-made directory behind).
    public func discardIfEmpty() {
        guard let createdRoot, isEmpty else { return }
        try? FileManager.default.removeItem(at: createdRoot)
    }

    /// Appends one record and flushes it to disk before returning.
    public func append(_ record: RealizationRecord) throws {
        do { try appendLine(record) } catch let error as EncodingError { throw error } catch {
            throw Failure(description: "cannot append to \(recordsURL.path): \(describeFileError(error))")
        }
    }

    private func appendLine(_ record: RealizationRecord) throws {
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
        let url = directory.appendingPathComponent(name)
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw Failure(description: "cannot write \(url.path): \(describeFileError(error))")
        }
    }

    /// A file of the run directory that could not be written (full disk, permissions).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }
}

extension RunStore {
    /// A merged run's records, in realization order, as its `realizations.jsonl`, and the
    /// invocation of the whole run (no shard) beside them when the sources recorded one.
    func writeMerged(_ records: [RealizationRecord], invocation: RunInvocation?) throws {
        let encoder = JSONEncoder()
        var lines = ""
        for record in records.sorted(by: { $0.realization < $1.realization }) {
            lines += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        }
        try write(lines, to: "realizations.jsonl")
        try invocation?.write(to: directory)
    }
}
