import Foundation
import SpinChains

/// The time and frequency grids of `ed dynamics`, parsed and checked with one-line errors that
/// name the option and the allowed range.
public enum DynamicsGrids {
    public struct InvalidGrid: Error, CustomStringConvertible {
        public var description: String
    }

    /// `t1,t2,...`, `log:from:to:perDecade`, `lin:from:to:count` or `window:from:to:count` (the
    /// stratified late window of `LateWindowAverage`): finite, `>= 0`, strictly increasing, at most
    /// `upper`; Floquet models: whole numbers of periods.
    public static func times(_ text: String, floquet: Bool, upper: Double = 1e6, option: String = "--times") throws -> [Double] {
        var values = try grid(text, option: option)
        if floquet {
            values = values.map { $0.rounded() }
            var unique: [Double] = []
            for v in values where unique.last != v { unique.append(v) }
            values = unique
        }
        for (k, t) in values.enumerated() {
            guard t.isFinite, t >= 0, t <= upper else {
                throw InvalidGrid(description: "\(option): every time must be in 0...\(JSONValue.format(upper)) (got \(JSONValue.format(t)) at position \(k + 1))")
            }
            if k > 0, t <= values[k - 1] {
                throw InvalidGrid(description: "\(option): times must be strictly increasing (position \(k + 1): \(JSONValue.format(t)) after \(JSONValue.format(values[k - 1])))")
            }
        }
        guard !values.isEmpty else { throw InvalidGrid(description: "\(option): give at least one time") }
        return values
    }

    /// Frequencies `omega > 0`, strictly increasing, in the same three forms.
    public static func frequencies(_ text: String, option: String = "--omega") throws -> [Double] {
        let values = try grid(text, option: option)
        for (k, w) in values.enumerated() {
            guard w.isFinite, w > 0, w <= 1e12 else {
                throw InvalidGrid(description: "\(option): every frequency must be in (0, 1e12] (got \(JSONValue.format(w)) at position \(k + 1))")
            }
            if k > 0, w <= values[k - 1] {
                throw InvalidGrid(description: "\(option): frequencies must be strictly increasing (position \(k + 1): \(JSONValue.format(w)) after \(JSONValue.format(values[k - 1])))")
            }
        }
        guard !values.isEmpty else { throw InvalidGrid(description: "\(option): give at least one frequency") }
        return values
    }

    static func grid(_ text: String, option: String) throws -> [Double] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 4, parts[0] == "window" {
            guard let from = Double(parts[1]), let to = Double(parts[2]), let n = Int(parts[3]), n >= 2, n <= 100_000,
                  from.isFinite, to.isFinite, from >= 0, to > from else {
                throw InvalidGrid(description: "\(option): expected window:from:to:count with 0 <= from < to and an integer count in 2...100000 (got '\(text)')")
            }
            return LateWindowAverage(start: from, end: to, count: n).times
        }
        if parts.count == 4, parts[0] == "log" || parts[0] == "lin" {
            guard let from = Double(parts[1]), let to = Double(parts[2]), let n = Int(parts[3]), n >= 1, n <= 100_000,
                  from.isFinite, to.isFinite, to > from else {
                throw InvalidGrid(description: "\(option): expected \(parts[0]):from:to:\(parts[0] == "log" ? "perDecade" : "count") with from < to and an integer count in 1...100000 (got '\(text)')")
            }
            if parts[0] == "lin" {
                return n == 1 ? [from] : (0..<n).map { from + (to - from) * Double($0) / Double(n - 1) }
            }
            guard from > 0 else { throw InvalidGrid(description: "\(option): a log grid needs from > 0 (got \(parts[1]))") }
            let count = Int((log10(to / from) * Double(n)).rounded()) + 1
            return (0..<count).map { from * pow(10, Double($0) / Double(n)) }
        }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            guard let x = Double(item.trimmingCharacters(in: .whitespaces)) else {
                throw InvalidGrid(description: "\(option): '\(item)' is not a number (give x1,x2,..., log:from:to:perDecade or lin:from:to:count)")
            }
            return x
        }
    }
}
