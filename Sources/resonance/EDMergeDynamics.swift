import ArgumentParser
import Foundation
import Studies

/// `ed merge` of `ed dynamics` runs: directories whose manifest.json is of kind "dynamics" are
/// rebuilt from their recorded arguments (invocation.json) and joined like `ed run` shards.
extension EDMerge {
    /// The manifest's "kind" of a run directory (nil: none, or no readable manifest).
    static func manifestKind(_ directory: URL) -> String? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return object["kind"] as? String
    }

    /// Whether the sources are `ed dynamics` runs (all of them), refusing a mix.
    func sourcesAreDynamics(_ urls: [URL]) throws -> Bool {
        let dynamics = urls.map { Self.manifestKind($0) == "dynamics" }
        guard dynamics.contains(true) else { return false }
        if let other = dynamics.firstIndex(of: false), let first = dynamics.firstIndex(of: true) {
            throw Refusal(description: "ed merge: \(directories[first]) is an `ed dynamics` run, \(directories[other]) is not")
        }
        return true
    }

    /// The recorded `ed dynamics` command of a source.
    func recordedDynamics(_ url: URL, name: String) throws -> (invocation: RunInvocation, command: EDDynamics) {
        guard let invocation = try RunInvocation.read(from: url) else {
            throw Refusal(description: "ed merge: \(name) is an `ed dynamics` run without \(RunInvocation.fileName) (made before runs recorded it); "
                          + "rerun its command there (it resumes, computing nothing new) to record it")
        }
        let arguments = invocation.arguments
        guard arguments.count >= 2, arguments[0] == "ed", arguments[1] == "dynamics" else {
            throw Refusal(description: "ed merge: \(name)/\(RunInvocation.fileName) is not of `ed dynamics`: \(arguments.prefix(2).joined(separator: " "))")
        }
        do {
            return (invocation, try EDDynamics.parse(Array(arguments.dropFirst(2))))
        } catch {
            throw Refusal(description: "ed merge: the command recorded in \(name) no longer parses: \(EDDynamics.message(for: error))")
        }
    }

    /// Joins `ed dynamics` shards into `out`: each source's parameters must equal the merged
    /// run's (all but the shard and the number of realizations); realizations held twice must be
    /// identical; missing ones refuse the merge unless `--allow-partial`.
    func mergeDynamics(_ urls: [URL]) throws {
        let recorded = try zip(urls, directories).map { try recordedDynamics($0, name: $1) }
        let (order, expected, arguments) = mergedCommand(recorded.map(\.invocation))
        let target: DynamicsRun
        do {
            target = try EDDynamics.parse(Array(arguments.dropFirst(2)))
                .plan(directory: URL(fileURLWithPath: out), arguments: arguments, checkMemory: false)
        } catch {
            throw Refusal(description: "ed merge: the merged command does not parse: \(EDDynamics.message(for: error))")
        }
        var sources: [RealizationMerge.Source] = []
        for position in order {
            let (url, name) = (urls[position], directories[position])
            let source = try recorded[position].command.plan(directory: url, arguments: recorded[position].invocation.arguments, checkMemory: false)
            if let difference = Self.firstDifference(target.manifest, source.manifest) {
                throw Refusal(description: "ed merge: \(name) is a run of a different command: \(difference)")
            }
            do {
                sources.append(.init(name: name, records: try target.records(in: url)))
            } catch let mismatch as RunStore.Mismatch {
                throw Refusal(description: "ed merge: \(mismatch.description)")
            }
        }
        let merge = RealizationMerge(sources: sources, expected: expected)
        if !quiet { FileHandle.standardError.write(Data("ed merge: \(merge.summary)\n".utf8)) }
        guard merge.conflicting.isEmpty else {
            throw Refusal(description: "ed merge: realizations \(RealizationMerge.ranges(merge.conflicting)) differ between sources; nothing written")
        }
        guard merge.isComplete || allowPartial else {
            throw Refusal(description: "ed merge: realizations are missing (\(RealizationMerge.ranges(merge.missing))); run the missing shards, or merge with --allow-partial (the merged directory then resumes them when its recorded command is run there)")
        }
        try target.writeMerged(merge.records, sources: order.map { directories[$0] })
    }
}
