import ArgumentParser
import Foundation
import Studies

/// `--format` and `--output`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormatArgument = .table

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    /// Renders a curve in the chosen format and prints or writes it.
    func emit(_ table: ColumnTable, metadata: OutputMetadata) throws {
        try emit(OutputRenderer.curve(table, metadata: metadata, format: format.format))
    }

    /// Prints or writes `text`.
    func emit(_ text: String) throws {
        guard let path = output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write --output \(path): \(error.localizedDescription)")
        }
    }
}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
    var format: OutputFormat { OutputFormat(rawValue: rawValue)! }
}

/// The command line as typed (or `arguments` after the program name), shell-quoted, for the
/// metadata of every output.
func recordedCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
    (["resonance"] + arguments).map { name in
        let safe = name.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
}
