import Foundation

/// How a run directory was started: the command's arguments (without the program name), the
/// number of realizations asked for and the shard, as `invocation.json`. A merge re-reads the
/// arguments to rebuild the run's plan, so that the merged outputs are written by the same code,
/// from the same parameters, as a run computed in one directory.
public struct RunInvocation: Codable, Sendable, Equatable {
    public var arguments: [String]
    public var realizations: Int
    public var shard: RealizationShard?

    public static let fileName = "invocation.json"

    public init(arguments: [String], realizations: Int, shard: RealizationShard?) {
        self.arguments = arguments
        self.realizations = realizations
        self.shard = shard
    }

    public static func read(from directory: URL) throws -> RunInvocation? {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(RunInvocation.self, from: Data(contentsOf: url))
    }

    public func write(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        try data.write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }
}

extension RunInvocation {
    /// Checks that `directory`'s recorded invocation is of the same shard as this one (a directory
    /// holds one shard, or a whole run) and that no record of `previous` lies outside the shard,
    /// then records the invocation (when `arguments` are given; a run started from code has none).
    public static func record(arguments: [String]?, realizations: Int, shard: RealizationShard?, in directory: URL,
                              previous: [RealizationRecord]) throws {
        let existing = try read(from: directory)
        if let existing, existing.shard != shard, !previous.isEmpty {
            throw RunStore.Mismatch(description: "\(directory.path) holds \(describe(existing.shard)); this command asks for "
                                    + "\(describe(shard)); use another --out")
        }
        if existing == nil, let shard, let stray = previous.first(where: { !shard.contains($0.realization) }) {
            throw RunStore.Mismatch(description: "\(directory.path) holds realization \(stray.realization), which is not in shard \(shard); use another --out")
        }
        guard let arguments else { return }
        try RunInvocation(arguments: arguments, realizations: realizations, shard: shard).write(to: directory)
    }

    static func describe(_ shard: RealizationShard?) -> String {
        shard.map { "shard \($0)" } ?? "a whole run (no --shard)"
    }
}
