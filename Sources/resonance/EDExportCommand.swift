import ArgumentParser
import Foundation
import Studies

/// `resonance ed export`: a whole run (or scan) in one HDF5 file.
struct EDExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run or scan directory (averages, scalar results, every realization's values) into one HDF5 file.",
        discussion: "The layout is described in the README (\"Runs in HDF5\"): /results, /averages/<name>/{mean,standard_error,count}, /realizations/{index,seconds,<name>}; a scan has one such tree per point."
    )

    @Argument(help: "The run (or scan) directory.")
    var directory: String

    @Option(help: "Export format: hdf5.")
    var format: String = "hdf5"

    @Option(help: "The file to write (default: <directory>/run.h5).")
    var output: String?

    func validate() throws {
        guard format == "hdf5" else { throw ValidationError("--format: only hdf5 is available, got '\(format)'") }
        if let output {
            guard !output.isEmpty else { throw ValidationError("--output must not be empty") }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("--output \(output) is a directory; give a file name")
            }
        }
    }

    func run() throws {
        let base = URL(fileURLWithPath: directory)
        let invocation = try RecordedCommand.invocation(in: base)
        let command = try RecordedCommand(arguments: invocation.arguments)
        let plans = try command.plans(directory: base, arguments: invocation.arguments)
        let target = output.map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("run.h5")
        let temporary = target.appendingPathExtension("tmp")
        do {
            let file = try HDF5File(creating: temporary)
            for (name, plan) in plans {
                guard FileManager.default.fileExists(atPath: plan.directory.appendingPathComponent("manifest.json").path) else {
                    throw FileError(path: plan.directory.path, detail: "not computed yet (no manifest.json)")
                }
                let records = try plan.records(in: plan.directory)
                    .filter { $0.realization < plan.realizations && (plan.shard?.contains($0.realization) ?? true) }
                let result = ExactNumericsResult(problem: plan.realization.problem, settings: plan.realization.settings,
                                                 observables: plan.realization.observables, records: records)
                try RunExport.write(result, records: records, manifest: try plan.manifest(), seed: plan.realization.seed,
                                    commandLine: plan.commandLine, to: file, group: name.map { "/" + $0 } ?? "/")
            }
            try file.flush()
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw FileError(path: target.path, detail: "cannot write it (\(String(cString: strerror(errno))))")
        }
        print(target.path)
    }
}
