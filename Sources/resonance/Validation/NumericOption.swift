import ArgumentParser
import Foundation

/// The allowed values of one numeric command-line option: always finite, optionally bounded
/// (open or closed ends) and integral. Every command checks its numbers through one of these, so
/// the messages are uniform ("--L must be an integer in 2...30 (got 8.5)") and a new command
/// inherits the checks by declaring its rule:
///
///     try NumericOption("--W", atLeast: 0, atMost: 1e12).check(disorder)
///     let lengths = try NumericOption.integer("--L", 2...30).integers(from: text)
struct NumericOption: Sendable {
    var name: String
    var lower: Double?
    var lowerOpen = false
    var upper: Double?
    var upperOpen = false
    var integral = false
    /// A value allowed besides the range, meaning "none" (`--kpm-order 0`), or nil.
    var noneValue: Double?

    init(_ name: String, atLeast lower: Double? = nil, above: Double? = nil, atMost upper: Double? = nil, below: Double? = nil,
         integral: Bool = false) {
        self.name = name
        self.lower = above ?? lower
        self.lowerOpen = above != nil
        self.upper = below ?? upper
        self.upperOpen = below != nil
        self.integral = integral
    }

    /// A finite number, no other constraint.
    static func finite(_ name: String) -> NumericOption { NumericOption(name) }
    /// A finite number > 0 (and at most `upper`).
    static func positive(_ name: String, atMost upper: Double? = nil) -> NumericOption { NumericOption(name, above: 0, atMost: upper) }
    /// An integer in `range`.
    static func integer(_ name: String, _ range: ClosedRange<Int>) -> NumericOption {
        NumericOption(name, atLeast: Double(range.lowerBound), atMost: Double(range.upperBound), integral: true)
    }

    /// This rule, also allowing `value` for "none": "0 (none) or an integer in 8...100000".
    func orNone(_ value: Double = 0) -> NumericOption {
        var rule = self
        rule.noneValue = value
        return rule
    }

    /// Words for the allowed values: "an integer in 2...30", "a finite number > 0".
    var allowed: String {
        guard let none = noneValue else { return rangeWords }
        return "\(Self.format(none)) (none) or \(rangeWords)"
    }

    var rangeWords: String {
        let kind = integral ? "an integer" : "a finite number"
        switch (lower, upper) {
        case let (l?, u?) where !lowerOpen && !upperOpen: return "\(kind) in \(Self.format(l))...\(Self.format(u))"
        case let (l?, u?):
            return "\(kind) in \(lowerOpen ? "(" : "[")\(Self.format(l)), \(Self.format(u))\(upperOpen ? ")" : "]")"
        case let (l?, nil): return "\(kind) \(lowerOpen ? ">" : ">=") \(Self.format(l))"
        case let (nil, u?): return "\(kind) \(upperOpen ? "<" : "<=") \(Self.format(u))"
        case (nil, nil): return kind
        }
    }

    func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if x == noneValue { return true }
        if integral && x.rounded() != x { return false }
        if let l = lower, lowerOpen ? !(x > l) : !(x >= l) { return false }
        if let u = upper, upperOpen ? !(x < u) : !(x <= u) { return false }
        return true
    }

    func failure(_ got: String) -> ValidationError {
        ValidationError("\(name) must be \(allowed) (got \(got))")
    }

    /// The value if allowed, else a ValidationError naming the option and the allowed range.
    @discardableResult
    func check(_ x: Double) throws -> Double {
        guard contains(x) else { throw failure(Self.format(x)) }
        return x
    }

    @discardableResult
    func check(_ x: Double?) throws -> Double? {
        guard let x else { return nil }
        return try check(x)
    }

    @discardableResult
    func check(_ x: Int) throws -> Int {
        guard contains(Double(x)) else { throw failure(String(x)) }
        return x
    }

    @discardableResult
    func check(_ x: Int?) throws -> Int? {
        guard let x else { return nil }
        return try check(x)
    }

    @discardableResult
    func check(_ x: UInt64) throws -> UInt64 {
        guard contains(Double(x)) else { throw failure(String(x)) }
        return x
    }

    /// An allowed integer read from `x` (e.g. an element of a list), never trapping on NaN or huge values.
    func integer(_ x: Double) throws -> Int {
        guard integral, contains(x), let n = Int(exactly: x) else { throw failure(Self.format(x)) }
        return n
    }

    /// A number written as text ("2.5", "-1e-3"), refused unless allowed.
    func value(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let x = Double(trimmed) else { throw ValidationError("\(name) must be \(allowed) (got '\(text)', not a number)") }
        return try check(x)
    }

    /// A comma-separated list of allowed numbers; an empty or unreadable element is refused, never dropped.
    func values(from text: String, count: ClosedRange<Int> = 1...10_000) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let values = try items.enumerated().map { index, item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let x = Double(trimmed) else {
                throw ValidationError("\(name): element \(index + 1) '\(item)' is not a number; expected comma-separated values, each \(allowed)")
            }
            guard contains(x) else {
                throw ValidationError("\(name): element \(index + 1) must be \(allowed) (got \(trimmed))")
            }
            return x
        }
        guard count.contains(values.count) else {
            let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound)...\(count.upperBound)"
            throw ValidationError("\(name) must list \(expected) values separated by commas (got \(values.count))")
        }
        return values
    }

    /// A comma-separated list of allowed integers.
    func integers(from text: String, count: ClosedRange<Int> = 1...10_000) throws -> [Int] {
        try values(from: text, count: count).map { try integer($0) }
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x.rounded() == x, abs(x) < 1e6 { return String(Int64(x)) }
        if x.rounded() == x, abs(x) < 1e300 { return String(format: "%.15g", x).replacingOccurrences(of: "e+", with: "e") }
        return String(x).replacingOccurrences(of: "e+", with: "e")
    }
}

/// Upper bounds of the options that set work or memory (documented in each option's help).
enum WorkLimits {
    /// Realizations of one run or one comparison point.
    static let realizations = 10_000_000
    /// Worker or BLAS threads.
    static let threads = 1024
    /// Points of a curve or grid axis.
    static let points = 10_000_000
    /// Energy scales (W, J, Delta, fields, Omega) in units of the coupling: larger values overflow
    /// the squared norms of the dense eigensolvers.
    static let energy = 1e12
}
