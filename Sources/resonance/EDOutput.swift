import ArgumentParser
import Foundation

// `recordedCommandLine()` is shared with the other commands (CommonOptions.swift).

/// Output formats shared by the `ed` subcommands: a table on the terminal, CSV (`#`-prefixed
/// metadata lines, then a header row) or JSON (snake_case keys) in files.
enum EDOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// One result to print: metadata, a named column of values, and how it was produced.
struct EDColumnReport {
    var parameters: [(String, Any)]
    /// The CSV/table column header; JSON always calls the values "eigenvalues" (the spec's key).
    var columnName: String
    var values: [Double]
    var commandLine: String
    var version: String

    func render(_ format: EDOutputFormat) throws -> String {
        switch format {
        case .json:
            var parameterObject: [String: Any] = [:]
            for (key, value) in parameters { parameterObject[key] = value }
            let object: [String: Any] = [
                "parameters": parameterObject,
                "eigenvalues": values,
                "command_line": commandLine,
                "version": version,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            var lines = ["# command_line: \(commandLine)", "# version: \(version)"]
            lines += parameters.map { "# \($0.0): \(EDColumnReport.text($0.1))" }
            lines.append("index,\(columnName)")
            lines += values.enumerated().map { "\($0.offset),\(EDColumnReport.number($0.element))" }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let width = parameters.map { $0.0.count }.max() ?? 0
            var lines = parameters.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + EDColumnReport.text($0.1) }
            lines.append("")
            lines.append("index".padding(toLength: 8, withPad: " ", startingAt: 0) + columnName)
            lines += values.enumerated().map {
                String($0.offset).padding(toLength: 8, withPad: " ", startingAt: 0) + EDColumnReport.number($0.element)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Shortest text that reads back as the same Double.
    static func number(_ x: Double) -> String { "\(x)" }

    static func text(_ value: Any) -> String {
        switch value {
        case let i as Int: return String(i)
        case let u as UInt: return String(u)
        case let x as Double: return number(x)
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case is NSNull: return "none"
        default: return "\(value)"
        }
    }
}

/// Writes `text` to `path`, or to standard output when `path` is nil.
func writeEDOutput(_ text: String, to path: String?) throws {
    if let path {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
