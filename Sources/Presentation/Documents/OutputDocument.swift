import Foundation

/// How a result is written: an aligned text table for the terminal, CSV, or JSON.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// The version written into every output file.
public enum ResonanceKitVersion {
    public static let string = "0.1.0"
}

/// What every output records beside its numbers: the parameters, the command line that
/// regenerates it, and the tool's version.
public struct OutputMetadata: Sendable {
    public var parameters: [(String, JSONValue)]
    public var commandLine: String
    public var version: String = ResonanceKitVersion.string

    public init(parameters: [(String, JSONValue)], commandLine: String) {
        self.parameters = parameters
        self.commandLine = commandLine
    }

    public var csvHeader: String {
        var lines = ["# resonance \(version)", "# command: \(commandLine)"]
        for (key, value) in parameters { lines.append("# \(key): \(value.serialized(indent: nil))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Columns of numbers sharing one abscissa: a curve (x, y) plus any named extra columns.
public struct ColumnTable: Sendable {
    public var columns: [(name: String, values: [Double])]

    public init(columns: [(name: String, values: [Double])]) {
        precondition(Set(columns.map { $0.values.count }).count <= 1, "columns of unequal length")
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.values.count ?? 0 }

    public func values(named name: String) -> [Double]? { columns.first { $0.name == name }?.values }

    /// The column `name`, or an error naming it.
    public func requiredValues(named name: String) throws -> [Double] {
        guard let values = values(named: name) else {
            throw InputError(parameter: name, detail: "no such column (columns: \(columns.map(\.name).joined(separator: ", ")))")
        }
        return values
    }
}

/// Rendering of results in the three formats.
public enum OutputRenderer {
    /// A single record of named values (e.g. the derived scales).
    public static func record(_ fields: [(String, JSONValue)], metadata: OutputMetadata, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object(fields + [
                ("parameters", .object(metadata.parameters)),
                ("command_line", .string(metadata.commandLine)),
                ("version", .string(metadata.version)),
            ]).serialized() + "\n"
        case .csv:
            return metadata.csvHeader + fields.map { $0.0 }.joined(separator: ",") + "\n"
                + fields.map { csvField($0.1) }.joined(separator: ",") + "\n"
        case .table:
            let width = fields.map { $0.0.count }.max() ?? 0
            return fields.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + tableField($0.1) }.joined(separator: "\n") + "\n"
        }
    }

    /// A curve: JSON `{"parameters": ..., "x": [...], "y": [...], <columns>...}`; CSV with a header row.
    /// The first column is x, the second y.
    public static func curve(_ table: ColumnTable, metadata: OutputMetadata, format: OutputFormat) -> String {
        switch format {
        case .json:
            var fields: [(String, JSONValue)] = [("parameters", .object(metadata.parameters))]
            if table.columns.count >= 2 {
                fields.append(("x_name", .string(table.columns[0].name)))
                fields.append(("y_name", .string(table.columns[1].name)))
                fields.append(("x", .array(table.columns[0].values.map { .number($0) })))
                fields.append(("y", .array(table.columns[1].values.map { .number($0) })))
            }
            for column in table.columns { fields.append((column.name, .array(column.values.map { .number($0) }))) }
            fields.append(("command_line", .string(metadata.commandLine)))
            fields.append(("version", .string(metadata.version)))
            return JSONValue.object(fields).serialized() + "\n"
        case .csv:
            var out = metadata.csvHeader + table.columns.map { $0.name }.joined(separator: ",") + "\n"
            out.reserveCapacity(table.rowCount * 24 * table.columns.count)
            for i in 0..<table.rowCount {
                out += table.columns.map { csvNumber($0.values[i]) }.joined(separator: ",") + "\n"
            }
            return out
        case .table:
            let cells = [table.columns.map { $0.name }]
                + (0..<table.rowCount).map { i in table.columns.map { String(format: "%.10g", $0.values[i]) } }
            let widths = table.columns.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
            return cells.map { row in
                zip(row, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
        }
    }

    public static func csvNumber(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return "\(x)"
    }

    static func csvField(_ v: JSONValue) -> String {
        switch v {
        case .number(let x): return csvNumber(x)
        case .string(let s): return s.contains(",") ? "\"\(s)\"" : s
        default: return v.serialized(indent: nil)
        }
    }

    static func tableField(_ v: JSONValue) -> String {
        switch v {
        case .number(let x): return x.isFinite ? String(format: "%.12g", x) : csvNumber(x)
        case .string(let s): return s
        case .null: return "-"
        default: return v.serialized(indent: nil)
        }
    }
}
