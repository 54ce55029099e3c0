import Foundation

/// The disorder-averaged exact numbers of the l-bit comparison at one (L, zeta, Omega): what
/// costs minutes to hours at L = 12 and is therefore stored. Bins (5 per decade from 1e-5 J to
/// Omega/2) and times (integer periods) are those of `LBitComparison` and are not stored.
public struct LBitExactAverages: Sendable {
    public var length: Int
    public var localizationLength: Double
    public var driveFrequency: Double
    public var realizations: Int
    public var seed: UInt64
    /// [S] per bin (one sign of omega) and standard errors.
    public var spectral: [Double]
    public var spectralError: [Double]
    /// [Czz(t)] at the comparison's integer periods.
    public var correlator: [Double]
    public var correlatorError: [Double]
    public var memory: (mean: Double, error: Double)
    public var hybridizedFraction: (mean: Double, error: Double)
    /// integral of [S] over omega > 0 in omega_c < omega < J (whole bins), per realization, averaged.
    public var windowWeight: (mean: Double, error: Double)
}

/// Stores `LBitExactAverages` as one CSV table in long form (one row per number): columns
/// `L, zeta, Omega, realizations, seed, quantity, index, mean, err` with `quantity` 0 = [S] bin,
/// 1 = [Czz(t)], 2 = [Czz], 3 = hybridised fraction, 4 = window weight. The metadata lines record
/// the command that produced it.
public enum LBitExactCache {
    static let columnNames = ["L", "zeta", "Omega", "realizations", "seed", "quantity", "index", "mean", "err"]
    /// The header of files written before the column was renamed (e.g. data/lbit_exact_L8.csv).
    static let legacyColumnNames = ["L", "zeta", "Omega", "realisations", "seed", "quantity", "index", "mean", "err"]

    public static func table(_ averages: [LBitExactAverages]) -> ColumnTable {
        var rows: [[Double]] = []
        for a in averages {
            let head = [Double(a.length), a.localizationLength, a.driveFrequency, Double(a.realizations), Double(a.seed)]
            for (i, (m, e)) in zip(a.spectral, a.spectralError).enumerated() { rows.append(head + [0, Double(i), m, e]) }
            for (i, (m, e)) in zip(a.correlator, a.correlatorError).enumerated() { rows.append(head + [1, Double(i), m, e]) }
            rows.append(head + [2, 0, a.memory.mean, a.memory.error])
            rows.append(head + [3, 0, a.hybridizedFraction.mean, a.hybridizedFraction.error])
            rows.append(head + [4, 0, a.windowWeight.mean, a.windowWeight.error])
        }
        return ColumnTable(columns: columnNames.enumerated().map { j, name in (name, rows.map { $0[j] }) })
    }

    /// Reads a file written from `table` as CSV (`#` lines skipped); points in file order. A file
    /// that cannot be read or does not have that layout is a `FileError` naming `path` and the
    /// offending line.
    public static func read(contentsOf path: String, option: String? = nil) throws -> [LBitExactAverages] {
        func malformed(_ why: String) -> FileError { FileError(option: option, path: path, detail: "l-bit exact cache: \(why)") }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw FileError(option: option, path: path, detail: fileErrorReason(error))
        }
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        // Files written before the column was named `realizations` spell it `realisations`; both are read.
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }),
              header == columnNames || header == legacyColumnNames else {
            throw malformed("no header L,zeta,Omega,realizations,seed,quantity,index,mean,err")
        }
        var order: [[Double]] = []
        var byKey: [[Double]: LBitExactAverages] = [:]
        for line in lines.dropFirst() {
            let x = line.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard x.count == 9, line.split(separator: ",").count == 9 else { throw malformed("bad row '\(line)'") }
            guard let length = Int(exactly: x[0]), length > 0, let realizations = Int(exactly: x[3]), realizations > 0,
                  let seed = UInt64(exactly: x[4]), let quantity = Int(exactly: x[5]), quantity >= 0 else {
                throw malformed("bad row '\(line)': L and realizations must be whole numbers > 0, seed and quantity whole numbers >= 0")
            }
            let key = Array(x[0..<3])
            var point = byKey[key] ?? LBitExactAverages(length: length, localizationLength: x[1], driveFrequency: x[2], realizations: realizations,
                                                        seed: seed, spectral: [], spectralError: [], correlator: [], correlatorError: [],
                                                        memory: (.nan, .nan), hybridizedFraction: (.nan, .nan), windowWeight: (.nan, .nan))
            if byKey[key] == nil { order.append(key) }
            switch quantity {
            case 0: point.spectral.append(x[7]); point.spectralError.append(x[8])
            case 1: point.correlator.append(x[7]); point.correlatorError.append(x[8])
            case 2: point.memory = (x[7], x[8])
            case 3: point.hybridizedFraction = (x[7], x[8])
            case 4: point.windowWeight = (x[7], x[8])
            default: throw malformed("unknown quantity \(quantity)")
            }
            byKey[key] = point
        }
        return order.compactMap { byKey[$0] }
    }
}
