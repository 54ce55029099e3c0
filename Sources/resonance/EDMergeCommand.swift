import ArgumentParser
import Foundation
import Studies

/// `resonance ed merge`: joins shards (or any runs of one command) into one run.
struct EDMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join shards (--shard i/n, job arrays, MPI ranks) or other runs of one `ed run`/`ed scan`/`ed dynamics` command into one run.",
        discussion: """
        The merged directory holds every realization once and the same CSVs and summary.json results, byte for byte, as \
        the run computed in one directory (averages fold the realizations in index order). Its recorded command is the \
        first source's, without --shard and with this --out. Runs of different commands are refused, naming the parameter \
        that differs; missing and duplicated realizations are reported by index, and a merge with missing realizations is \
        refused unless --allow-partial. Copies of one realization that differ (e.g. other --blas-threads) are refused. \
        `ed dynamics` runs (manifest.json of kind "dynamics") are merged the same way: their manifests must agree in \
        everything but the shard.
        """
    )

    @Argument(help: "Run (or scan) directories to join.")
    var directories: [String] = []

    @Option(help: "Directory of the merged run (created; must not be one of the sources).")
    var out: String

    @Flag(name: .customLong("allow-partial"), help: "Merge what is there when realizations are missing, and list them.")
    var allowPartial = false

    @Flag(help: "No report on standard error.")
    var quiet = false

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("ed merge: give at least one run directory") }
        guard !out.isEmpty else { throw ValidationError("--out must not be empty") }
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        for directory in directories where URL(fileURLWithPath: directory).standardizedFileURL.path == target {
            throw ValidationError("--out \(out) is one of the sources; merge into a new directory")
        }
        if FileManager.default.fileExists(atPath: target) && !isDirectory(target) {
            throw ValidationError("--out \(out) exists and is not a directory")
        }
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    struct Refusal: Error, CustomStringConvertible { var description: String }

    func run() throws { try writing(into: out, option: "--out") { try runInDirectory() } }

    func runInDirectory() throws {
        let start = Date()
        let urls = directories.map { URL(fileURLWithPath: $0) }
        if try sourcesAreDynamics(urls) { return try mergeDynamics(urls) }
        let invocations = try urls.map { try RecordedCommand.invocation(in: $0) }
        let (order, expected, arguments) = mergedCommand(invocations)
        let commands = try order.map { try RecordedCommand(arguments: invocations[$0].arguments) }
        for (position, command) in commands.enumerated() where command.kind != commands[0].kind {
            throw Refusal(description: "ed merge: \(directories[order[0]]) is an `\(commands[0].kind)`, \(directories[order[position]]) an `\(command.kind)`")
        }
        let target = try RecordedCommand(arguments: arguments)
        let targetPlans = try target.plans(directory: URL(fileURLWithPath: out), arguments: arguments)
        let sourcePlans = try order.indices.map { position in
            try commands[position].plans(directory: urls[order[position]], arguments: invocations[order[position]].arguments)
        }
        var results: [ExactNumericsResult] = []
        var incomplete: [String] = []
        for (name, plan) in targetPlans {
            let label = name.map { " \($0)" } ?? ""
            var sources: [RealizationMerge.Source] = []
            var sourceNames: [String] = []
            for (position, plans) in sourcePlans.enumerated() {
                let directory = directories[order[position]] + (name.map { "/" + $0 } ?? "")
                guard let source = plans.first(where: { $0.name == name })?.plan else { continue }
                if let difference = try Self.firstDifference(plan.manifest(), source.manifest()) {
                    throw Refusal(description: "ed merge: \(directory) is a run of a different command: \(difference)")
                }
                guard FileManager.default.fileExists(atPath: source.directory.appendingPathComponent("manifest.json").path) else { continue }
                sources.append(.init(name: directory, records: try source.records(in: source.directory)))
                sourceNames.append(directory)
            }
            let merge = RealizationMerge(sources: sources, expected: expected)
            if !quiet { FileHandle.standardError.write(Data("ed merge\(label): \(merge.summary)\n".utf8)) }
            guard merge.conflicting.isEmpty else {
                throw Refusal(description: "ed merge\(label): realizations \(RealizationMerge.ranges(merge.conflicting)) differ between sources (different --blas-threads or versions?); nothing written")
            }
            guard merge.isComplete || allowPartial else {
                incomplete.append("\(name ?? "run"): missing \(RealizationMerge.ranges(merge.missing))")
                continue
            }
            let (workers, threads) = plan.parallelism()
            let timing = RunTiming(wallSeconds: Date().timeIntervalSince(start), computed: 0, workers: workers, blasThreads: threads,
                                   realizationSeconds: merge.records.map(\.seconds),
                                   stageSeconds: RunTiming.meanStageSeconds(merge.records))
            results.append(try plan.writeMerged(merge.records, sources: sourceNames, timing: timing))
        }
        guard incomplete.isEmpty else {
            throw Refusal(description: "ed merge: realizations are missing (\(incomplete.joined(separator: "; "))); run the missing shards, or merge with --allow-partial")
        }
        if case .scan(let scan) = target {
            try RunInvocation(arguments: arguments, realizations: expected, shard: nil).write(to: URL(fileURLWithPath: out))
            var quietScan = scan
            quietScan.runOptions.quiet = true
            try quietScan.writeTable(results, base: URL(fileURLWithPath: out), arguments: arguments)
        }
    }

    /// The sources in shard order (whole runs first, so the merged run records the first shard's
    /// command), the number of realizations of the merged run (the largest recorded), and its
    /// command: the first source's without --shard, with this --out and that number.
    func mergedCommand(_ invocations: [RunInvocation]) -> (order: [Int], expected: Int, arguments: [String]) {
        let order = invocations.indices.sorted {
            (invocations[$0].shard?.index ?? -1, $0) < (invocations[$1].shard?.index ?? -1, $1)
        }
        let expected = invocations.map(\.realizations).max() ?? 0
        var arguments = RecordedCommand.replacing("--shard", with: nil, in: invocations[order[0]].arguments)
        arguments = RecordedCommand.replacing("--out", with: out, in: arguments)
        arguments = RecordedCommand.replacing("--realizations", with: String(expected), in: arguments)
        return (order, expected, arguments)
    }

    /// The first parameter whose value differs between two manifests, as `name: a vs b`.
    static func firstDifference(_ a: [(String, JSONValue)], _ b: [(String, JSONValue)]) -> String? {
        let keys = a.map(\.0) + b.map(\.0).filter { key in !a.contains { $0.0 == key } }
        for key in keys {
            let left = a.first { $0.0 == key }?.1, right = b.first { $0.0 == key }?.1
            if left != right {
                return "parameter '\(key)' differs (\(left?.serialized(indent: nil) ?? "absent") vs \(right?.serialized(indent: nil) ?? "absent"))"
            }
        }
        return nil
    }
}
