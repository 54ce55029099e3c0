import ArgumentParser
import Foundation
import Studies

/// `resonance ed slurm`: a SLURM job-array script that computes a run as shards, and its merge step.
struct EDSlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Print a SLURM job-array script for an `ed run` or `ed scan`: task i computes shard i/N; `bash <script> merge` joins them.",
        discussion: """
        Example: resonance ed slurm --array 100 --cpus-per-task 4 --time 12:00:00 run --model xxz --L 16 --W 3 \
        --realizations 10000 --seed 1 --out xxz-L16 > job.sh; jobid=$(sbatch --parsable job.sh); \
        sbatch --dependency=afterok:$jobid --wrap "bash job.sh merge". Task i writes <out>/shards/shard-i-of-N (resumable: \
        resubmitting a task continues it); the merge writes <out>. Without --workers/--blas-threads the script sets the \
        run's defaults for --cpus-per-task cores: one realization per core with one BLAS thread, or, from dimension 4096, \
        one realization at a time with --cpus-per-task BLAS threads.
        """
    )

    @Option(help: "Number of array tasks N (shards), 1...100000.")
    var array: Int

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per task (SLURM --cpus-per-task), 1...4096.")
    var cpusPerTask: Int = 1

    @Option(help: "Wall-time limit per task (SLURM --time), e.g. 12:00:00 or 2-00:00:00.")
    var time: String = "24:00:00"

    @Option(help: "Memory per task (SLURM --mem), e.g. 8G.")
    var memory: String?

    @Option(help: "SLURM partition.")
    var partition: String?

    @Option(name: .customLong("job-name"), help: "SLURM job name (default: resonance-<command>).")
    var jobName: String?

    @Argument(parsing: .captureForPassthrough, help: "The command: run or scan, followed by its options (without --shard).")
    var command: [String] = []

    func validate() throws {
        guard (1...100_000).contains(array) else { throw ValidationError("--array must be in 1...100000, got \(array)") }
        guard (1...4096).contains(cpusPerTask) else { throw ValidationError("--cpus-per-task must be in 1...4096, got \(cpusPerTask)") }
        let timeCharacters = CharacterSet(charactersIn: "0123456789:-")
        guard !time.isEmpty, time.unicodeScalars.allSatisfy(timeCharacters.contains) else {
            throw ValidationError("--time: expected a SLURM time such as 12:00:00 or 2-00:00:00, got '\(time)'")
        }
        for (name, value) in [("--memory", memory), ("--partition", partition), ("--job-name", jobName)] {
            if let value, value.isEmpty || !value.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
                throw ValidationError("\(name): expected letters, digits, '-', '_' or '.', got '\(value)'")
            }
        }
        guard let first = command.first, first == "run" || first == "scan" else {
            throw ValidationError("ed slurm: give the command to distribute, run or scan, followed by its options")
        }
        if command.contains(where: { $0 == "--shard" || $0.hasPrefix("--shard=") }) {
            throw ValidationError("ed slurm: leave out --shard; each array task takes its own")
        }
        _ = try parsedCommand()
    }

    func parsedCommand() throws -> RecordedCommand {
        do { return try RecordedCommand(arguments: ["ed"] + command) } catch { throw ValidationError("ed slurm: \(error)") }
    }

    /// The `--out` of the distributed command.
    func outDirectory() throws -> String {
        switch try parsedCommand() {
        case .run(let run): return run.runOptions.out
        case .scan(let scan): return scan.runOptions.out
        }
    }

    func run() throws {
        print(try script(executable: Self.executablePath(), workingDirectory: FileManager.default.currentDirectoryPath), terminator: "")
    }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// `text` as one shell word (quoted only when it needs to be).
    static func quote(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func script(executable: String, workingDirectory: String) throws -> String {
        let out = try outDirectory()
        var arguments = ["ed"] + command
        // The run's own defaults for --cpus-per-task cores (one realization per core, or one at a time
        // with threaded BLAS for large matrices), made explicit: a task must not size itself by the node.
        let plans = try parsedCommand().plans(directory: URL(fileURLWithPath: out), arguments: arguments)
        if var largest = plans.map(\.plan).max(by: { ($0.realization.problem.blockDimensions.max() ?? 0) < ($1.realization.problem.blockDimensions.max() ?? 0) }) {
            largest.cores = cpusPerTask
            let (workers, threads) = largest.parallelism()
            if !Self.gives("--workers", arguments) { arguments += ["--workers", String(workers)] }
            if !Self.gives("--blas-threads", arguments) { arguments += ["--blas-threads", String(threads)] }
        }
        let shards = out + "/shards"
        let taskArguments = RecordedCommand.replacing("--out", with: nil, in: arguments).map(Self.quote).joined(separator: " ")
        let last = array - 1
        var lines = [
            "#!/usr/bin/env bash",
            "# resonance \(ResonanceKitVersion.string): \(recordedCommandLine())",
            "# Task i of the array computes shard i/\(array) of: resonance \(arguments.map(Self.quote).joined(separator: " "))",
            "#   submit: jobid=$(sbatch --parsable <this script>)",
            "#   merge:  sbatch --dependency=afterok:$jobid --wrap \"bash <this script> merge\"   (or: bash <this script> merge)",
            "#SBATCH --job-name=\(jobName ?? "resonance-" + command[0])",
            "#SBATCH --array=0-\(last)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(cpusPerTask)",
            "#SBATCH --time=\(time)",
            "#SBATCH --output=slurm-%A_%a.out",
        ]
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += [
            "set -euo pipefail",
            "cd \(Self.quote(workingDirectory))",
            "RESONANCE=${RESONANCE:-\(Self.quote(executable))}",
            "if [ \"${1:-}\" = merge ]; then",
            "    shards=()",
            "    for i in $(seq 0 \(last)); do shards+=(\(Self.quote(shards))\"/shard-$i-of-\(array)\"); done",
            "    exec \"$RESONANCE\" ed merge \"${shards[@]}\" --out \(Self.quote(out))",
            "fi",
            "task=\"${SLURM_ARRAY_TASK_ID:?SLURM_ARRAY_TASK_ID is not set (sbatch sets it; set it by hand to run one task)}\"",
            "exec \"$RESONANCE\" \(taskArguments) --out \(Self.quote(shards))\"/shard-$task-of-\(array)\" --shard \"$task/\(array)\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func gives(_ option: String, _ arguments: [String]) -> Bool {
        arguments.contains { $0 == option || $0.hasPrefix(option + "=") }
    }
}
