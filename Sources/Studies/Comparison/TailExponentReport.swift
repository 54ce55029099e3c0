import Foundation

/// The report's table of theta0 from the small-v tail of varrho against L, read from stored runs
/// of `resonance compare tail-exponent --format csv --output FILE` (columns of `TailExponentStudy.table`).
public struct TailExponentReport: Sendable {
    public var files: [String]

    public init(files: [String]) { self.files = files }

    /// Rows of the stored files that exist (header names as keys); missing files are returned by name.
    /// Files written before the column was named `realizations` spell it `realisations` (data/tail_exponent_L8_10.csv).
    static func rows(of path: String) throws -> [[String: Double]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = lines.first?.split(separator: ",").map({ String($0) }) else { return [] }
        return lines.dropFirst().map { line in
            var row: [String: Double] = [:]
            for (name, field) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) { row[name] = Double(field) ?? .nan }
            return row
        }
    }

    public func table() throws -> ReportTable {
        func f(_ x: Double?, _ digits: Int = 3) -> String { x.map { $0.isFinite ? String(format: "%.\(digits)g", $0) : "n/a" } ?? "n/a" }
        var rows: [[String]] = [], missing: [String] = []
        for file in files {
            guard FileManager.default.isReadableFile(atPath: file) else { missing.append(file); continue }
            for r in try Self.rows(of: file) {
                rows.append([f(r["L"]), f(r["W"]), f(r["realizations"] ?? r["realisations"]),
                             "\(f(r["theta0_tail"])) ± \(f(r["theta0_tail_err"], 2))", "\(f(r["theta0_bulk"])) ± \(f(r["theta0_bulk_err"], 2))",
                             "\(f(r["tail_upper_v"], 2)) (\(f(r["tail_bins"])) bins)", r["valid"] == 1 ? "yes" : "no",
                             f(r["inv_xi"]), "\(f(r["czz"])) ± \(f(r["czz_err"], 2))", f(r["Lambda_implied"])])
            }
        }
        let note = missing.isEmpty ? "" : " (missing stored runs: \(missing.joined(separator: ", ")))"
        return ReportTable(title: "heisenberg-o3: theta0 from the small-v tail of varrho (bins 1.5 decades or more below the median |V|), the bulk fit (every bin below the median) beside it; 1/xi (51) and Lambda ([Czz] = F1(L/2), (91)) where the tail fit is valid\(note)",
                           header: ["L", "W", "realizations", "theta0 tail", "theta0 bulk", "tail below v", "valid", "1/xi", "[Czz]", "Lambda implied"],
                           rows: rows)
    }
}
