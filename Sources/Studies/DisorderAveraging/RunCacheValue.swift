import Foundation

extension RunCache {
    /// A computed value kept in the run store: `<root>/<label>-<key>/value.json`, keyed like a run
    /// by every parameter that defines it (`manifest`). Found and readable: decoded (bit for bit:
    /// doubles are written in their shortest round-trip form) and noted as reused; otherwise
    /// computed, written (to a temporary file, then renamed: an interrupted run leaves no half
    /// file) and noted as computed. Without a cache (`cache` nil), just computed; pass
    /// `RunCache.current` read on the calling task (worker threads do not inherit it).
    public static func value<T: Codable>(in cache: RunCache?, label: String, manifest: [(String, JSONValue)],
                                         compute: () throws -> T) throws -> T {
        guard let cache else { return try compute() }
        let directory = cache.directory(label: label, manifest: manifest)
        let file = directory.appendingPathComponent("value.json")
        let relative = directory.lastPathComponent
        let start = Date()
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        if let data = try? Data(contentsOf: file), let stored = try? decoder.decode(T.self, from: data) {
            cache.note(Use(label: label, directory: relative, reused: 1, computed: 0, seconds: Date().timeIntervalSince(start)))
            return stored
        }
        let value = try compute()
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let manifestText = JSONValue.object(manifest).serialized(indent: nil)
        try Data(manifestText.utf8).write(to: directory.appendingPathComponent("manifest.json"), options: .atomic)
        try encoder.encode(value).write(to: file, options: .atomic)
        cache.note(Use(label: label, directory: relative, reused: 0, computed: 1, seconds: Date().timeIntervalSince(start)))
        return value
    }
}
