import Foundation
import ResonanceModel

/// The generalised RM (Sec. IV A) from a measured matrix-element density: reading the table and
/// tabulating F(v), p(v), [S(omega)].
public enum GeneralizedModelStudy {
    /// Reads a CSV with a header naming columns `v` and `varrho` (other columns ignored; `#` lines
    /// skipped). Rows are sorted by v.
    public static func readDensity(path: String) throws -> (v: [Double], varrho: [Double]) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw FileError(option: "--varrho", path: path, detail: "cannot read it (\(fileErrorReason(error)))")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let header = lines.first else { throw FileError(option: "--varrho", path: path, detail: "empty file") }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let iv = names.firstIndex(of: "v"), let ir = names.firstIndex(of: "varrho") else {
            throw FileError(option: "--varrho", path: path, detail: "the header must name columns v and varrho (got \(names))")
        }
        var rows = [(Double, Double)]()
        for (n, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count > max(iv, ir), let v = Double(fields[iv]), let rho = Double(fields[ir]) else {
                throw FileError(option: "--varrho", path: path, detail: "row \(n + 2) is not numeric: \(line)")
            }
            rows.append((v, rho))
        }
        rows.sort { $0.0 < $1.0 }
        return (rows.map { $0.0 }, rows.map { $0.1 })
    }

    /// v, F(v), p(v), [S(omega = v)] on a log grid over the table's range.
    public static func curves(_ model: GeneralizedResonanceModel, points: Int) -> ColumnTable {
        let lo = model.lowerCutoff, hi = model.upperCutoff
        let v = (0..<max(points, 2)).map { lo * pow(hi / lo, Double($0) / Double(max(points, 2) - 1)) }
        return ColumnTable(columns: [
            ("v", v),
            ("F", v.map { model.unresonatedFraction(matrixElement: $0) }),
            ("p", v.map { model.strongestResonanceDensity(matrixElement: $0) }),
            ("S", v.map { model.spectralFunction(omega: $0) }),
        ])
    }
}
