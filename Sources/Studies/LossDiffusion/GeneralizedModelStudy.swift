import Foundation
import ResonanceModel

/// The generalised RM (Sec. IV A) from a measured matrix-element density: reading the table and
/// tabulating F(v), p(v), [S(omega)].
public enum GeneralizedModelStudy: Study {
    /// The table to read and the output grid (`resonance rm generalized`).
    public struct Config: Sendable {
        /// CSV with columns v and varrho (`readDensity`); no default.
        public var densityFile: String
        /// Log-spaced v over the table's range.
        public var points = 200

        public init(densityFile: String) { self.densityFile = densityFile }
    }

    public struct Result: Sendable {
        /// The rows read (sorted by v).
        public var rows: Int
        /// The weight F(0) of the delta function at omega = 0 of [S(omega)].
        public var zeroFrequencyWeight: Double
        /// v, F, p, S.
        public var curves: ColumnTable
    }

    /// Reads the table, builds the model and tabulates it; a table the model refuses is a
    /// `FileError` naming the file.
    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        let table = try readDensity(path: config.densityFile)
        let model: GeneralizedResonanceModel
        do { model = try GeneralizedResonanceModel(matrixElements: table.v, density: table.varrho) } catch {
            throw FileError(option: "--varrho", path: config.densityFile, detail: "\(error)")
        }
        return Result(rows: table.v.count, zeroFrequencyWeight: model.zeroFrequencyWeight, curves: curves(model, points: config.points))
    }

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
