import Foundation

extension ExactNumericsRun {
    /// Checks that the directory's recorded invocation is of the same shard as this one (a
    /// directory holds one shard, or a whole run), then records this invocation.
    func recordInvocation(previous: [RealizationRecord]) throws {
        let existing = try RunInvocation.read(from: directory)
        if let existing, existing.shard != shard, !previous.isEmpty {
            throw RunStore.Mismatch(description: "\(directory.path) holds \(Self.describe(existing.shard)); this command asks for "
                                    + "\(Self.describe(shard)); use another --out")
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
