import Foundation

/// The disorder-averaged exact numbers of the l-bit comparison at one (L, zeta, Omega): what
/// costs minutes to hours at L = 12 and is therefore stored. Bins (5 per decade from 1e-5 J to
/// Omega/2) and times (integer periods) are those of `LBitComparison` and are not stored.
public struct LBitExactAverages: Sendable {
    public var length: Int
    public var localisationLength: Double
    public var driveFrequency: Double
    public var realisations: Int
    public var seed: UInt64
    /// [S] per bin (one sign of omega) and standard errors.
    public var spectral: [Double]
    public var spectralError: [Double]
    /// [Czz(t)] at the comparison's integer periods.
    public var correlator: [Double]
    public var correlatorError: [Double]
    public var memory: (mean: Double, error: Double)
    public var hybridisedFraction: (mean: Double, error: Double)
    /// integral of [S] over omega > 0 in omega_c < omega < J (whole bins), per realisation, averaged.
    public var windowWeight: (mean: Double, error: Double)
}

/// Stores `LBitExactAverages` as one CSV table in long form (one row per number): columns
/// `L, zeta, Omega, realisations, seed, quantity, index, mean, err` with `quantity` 0 = [S] bin,
/// 1 = [Czz(t)], 2 = [Czz], 3 = hybridised fraction, 4 = window weight. The metadata lines record
/// the command that produced it.
public enum LBitExactCache {
    public static func table(_ averages: [LBitExactAverages]) -> ColumnTable {
        var rows: [[Double]] = []
        for a in averages {
            let head = [Double(a.length), a.localisationLength, a.driveFrequency, Double(a.realisations), Double(a.seed)]
            for (i, (m, e)) in zip(a.spectral, a.spectralError).enumerated() { rows.append(head + [0, Double(i), m, e]) }
            for (i, (m, e)) in zip(a.correlator, a.correlatorError).enumerated() { rows.append(head + [1, Double(i), m, e]) }
            rows.append(head + [2, 0, a.memory.mean, a.memory.error])
            rows.append(head + [3, 0, a.hybridisedFraction.mean, a.hybridisedFraction.error])
            rows.append(head + [4, 0, a.windowWeight.mean, a.windowWeight.error])
        }
        let names = ["L", "zeta", "Omega", "realisations", "seed", "quantity", "index", "mean", "err"]
        return ColumnTable(columns: names.enumerated().map { j, name in (name, rows.map { $0[j] }) })
    }

    public enum CacheError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String { switch self { case .malformed(let why): return "l-bit exact cache: \(why)" } }
    }

    /// Reads a file written from `table` as CSV (`#` lines skipped); points in file order.
    public static func read(contentsOf path: String) throws -> [LBitExactAverages] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }),
              header == ["L", "zeta", "Omega", "realisations", "seed", "quantity", "index", "mean", "err"] else {
            throw CacheError.malformed("\(path) has no header L,zeta,Omega,realisations,seed,quantity,index,mean,err")
        }
        var order: [[Double]] = []
        var byKey: [[Double]: LBitExactAverages] = [:]
        for line in lines.dropFirst() {
            let v = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard v.count == 9, v.allSatisfy({ $0 != nil }) else { throw CacheError.malformed("bad row '\(line)'") }
            let x = v.map { $0! }
            let key = Array(x[0..<3])
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = LBitExactAverages(length: Int(x[0]), localisationLength: x[1], driveFrequency: x[2], realisations: Int(x[3]),
                                               seed: UInt64(x[4]), spectral: [], spectralError: [], correlator: [], correlatorError: [],
                                               memory: (.nan, .nan), hybridisedFraction: (.nan, .nan), windowWeight: (.nan, .nan))
            }
            switch Int(x[5]) {
            case 0: byKey[key]!.spectral.append(x[7]); byKey[key]!.spectralError.append(x[8])
            case 1: byKey[key]!.correlator.append(x[7]); byKey[key]!.correlatorError.append(x[8])
            case 2: byKey[key]!.memory = (x[7], x[8])
            case 3: byKey[key]!.hybridisedFraction = (x[7], x[8])
            case 4: byKey[key]!.windowWeight = (x[7], x[8])
            default: throw CacheError.malformed("unknown quantity \(x[5])")
            }
        }
        return order.map { byKey[$0]! }
    }
}
