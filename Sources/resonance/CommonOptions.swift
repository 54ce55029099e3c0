import ArgumentParser
import Foundation
import Studies

/// `--format` and `--output`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormatArgument = .table

    @Option(help: "Write to this file instead of standard output ('-': standard output). A regular file is replaced atomically, keeping its permissions; a link is followed; a pipe or device is written to directly.")
    var output: String?

    /// Refuses an unwritable --output before any work is done.
    func validate() throws {
        if let output { try OutputFile.checkWritable(output, option: "--output") }
    }

    /// Renders a curve in the chosen format and prints or writes it.
    func emit(_ table: ColumnTable, metadata: OutputMetadata) throws {
        try emit(OutputRenderer.curve(table, metadata: metadata, format: format.format))
    }

    /// Prints or writes `text`; a write error (full disk, `> /dev/full`) is an error, not a crash.
    func emit(_ text: String) throws {
        guard let path = output else {
            try StandardOutput.write(text)
            return
        }
        try OutputFile.write(text, to: path, option: "--output")
    }
}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
    var format: OutputFormat {
        switch self {
        case .table: return .table
        case .csv: return .csv
        case .json: return .json
        }
    }
}

/// The command line as typed (or `arguments` after the program name), shell-quoted, for the
/// metadata of every output.
func recordedCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
    (["resonance"] + arguments).map { name in
        let safe = name.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
}

/// Runs `body`, which writes into the directory `path` named by `option`: a file-system error
/// about that directory or a file inside it names the option ("--out /proc/x: no such file or
/// directory"); other errors pass unchanged.
func writing<T>(into path: String, option: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { throw error }
        let failing = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let directory = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let failing, URL(fileURLWithPath: failing).standardizedFileURL.path.hasPrefix(directory) else { throw error }
        throw FileError(option: option, path: failing, detail: fileErrorReason(error))
    }
}
