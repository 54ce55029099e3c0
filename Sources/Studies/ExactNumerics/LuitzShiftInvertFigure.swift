import Foundation

/// The report's figure of the shift-invert `<r>(W)` study at L = 12..18 (Luitz, Laflorencie &
/// Alet, PRB 91, 081103 (2015)), drawn from a cached run: the study costs about an hour on two
/// cores, so the report reads `docs/luitz/luitz_r.csv` and `luitz_crossings.csv` (written by
/// `resonance ed study luitz --method shift-invert`, whose command line they record) instead of
/// recomputing it. Absent files: no figure.
public enum LuitzShiftInvertFigure {
    /// The cached table's default location, relative to the working directory (the repository).
    public static let defaultDirectory = URL(fileURLWithPath: "docs/luitz")

    /// Reads a CSV written by `OutputRenderer` (`#` metadata lines, a header row, numbers).
    static func readTable(_ url: URL) -> (table: ColumnTable, comments: [String])? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        let comments = lines.filter { $0.hasPrefix("#") }
        let rows = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = rows.first?.split(separator: ",").map(String.init), rows.count > 1 else { return nil }
        var values = Array(repeating: [Double](), count: header.count)
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count else { return nil }
            for (k, cell) in cells.enumerated() { values[k].append(Double(cell) ?? .nan) }
        }
        return (ColumnTable(columns: Array(zip(header, values))), comments)
    }

    /// The value of the metadata line `# key: value` among a table's `comments` (as `readTable`
    /// returns them), without the surrounding spaces; nil when there is none.
    static func comment(_ comments: [String], _ key: String) -> String? {
        comments.first { $0.hasPrefix("# \(key):") }.map { $0.dropFirst(key.count + 3).trimmingCharacters(in: .whitespaces) }
    }

    public static func figure(directory: URL = defaultDirectory) -> ReportFigure? {
        guard let (table, comments) = readTable(directory.appendingPathComponent("luitz_r.csv")) else { return nil }
        let lengths = table.columns.map(\.name).filter { $0.hasPrefix("r_L") && !$0.hasSuffix("_err") }.map { String($0.dropFirst(3)) }
        var crossingText = "not recorded"
        if let (crossings, _) = readTable(directory.appendingPathComponent("luitz_crossings.csv")),
           let l1 = crossings.values(named: "L1"), let l2 = crossings.values(named: "L2"),
           let w = crossings.values(named: "W_cross"), let e = crossings.values(named: "W_cross_err") {
            crossingText = (0..<l1.count).map { String(format: "L = %.0f/%.0f: W = %.2f +- %.2f", l1[$0], l2[$0], w[$0], e[$0]) }
                .joined(separator: "; ")
        }
        let command = comment(comments, "command") ?? "resonance ed study luitz --method shift-invert"
        return ReportFigure(
            identifier: "ed-level-statistics-shift-invert", title: "<r> of the random-field xxz chain by shift-invert, L up to 18",
            claim: "The <r>(W) curves of consecutive sizes cross, and the crossing drifts to larger W with L towards W_c ~ 3.7 (Luitz, Laflorencie and Alet, L = 12..22).",
            caption: "Mean gap ratio of the 50 levels nearest energy density 0.5 (shift-invert, PETSc/SLEPc + MUMPS), S^z = 0, periodic, S = sigma/2, J = Delta = 1, h_n uniform in [-W, W]; error bars: standard errors over realizations. Crossings (errors by resampling): \(crossingText). Cached run: \(command).",
            parameters: "xxz, L = \(lengths.joined(separator: ", ")), S^z = 0, 50 levels at epsilon = 0.5",
            data: [ReportData(fileName: "ed_r_shift_invert.csv", table: table, metadata: OutputMetadata(parameters: [], commandLine: command))],
            plot: """
            set xlabel "W"; set ylabel "<r>"; set key right top; set yrange [0.36:0.56]
            set arrow from graph 0, first 0.5307 to graph 1, first 0.5307 nohead dt 2 lc rgb "gray"
            set arrow from graph 0, first 0.3863 to graph 1, first 0.3863 nohead dt 2 lc rgb "gray"
            plot \(lengths.map { "\"ed_r_shift_invert.csv\" using \"W\":\"r_L\($0)\":\"r_L\($0)_err\" with yerrorlines title \"L = \($0)\"" }.joined(separator: ", \\\n     "))
            """)
    }
}
