import Foundation

/// The verdict on one claim of the paper, decided by comparing measured numbers with stated criteria.
public enum Verdict: String, Sendable, CaseIterable {
    /// Every criterion holds as the paper states it.
    case confirmed = "confirmed"
    /// The physics holds once a stated correction (a factor, a sign, a range) is applied.
    case confirmedWithCorrection = "confirmed with correction"
    /// The measured numbers contradict the claim as stated.
    case notConfirmed = "not confirmed"
    /// The check needs something this build cannot compute (e.g. exact-numerics observables).
    case outsideReach = "outside our reach"
}

/// One criterion of a verdict: what was compared, and whether it held.
public struct Criterion: Sendable, Equatable {
    /// The comparison in words, with its tolerance, e.g. "|nu_direct - 1| < 0.01".
    public var description: String
    public var holds: Bool

    public init(_ description: String, _ holds: Bool) {
        self.description = description
        self.holds = holds
    }

    /// |measured - expected| < tolerance (false when either number is not finite).
    public static func within(_ name: String, _ measured: Double, _ expected: Double, tolerance: Double,
                              expectedName: String? = nil) -> Criterion {
        let target = expectedName ?? Measurements.format(expected)
        return Criterion("|\(name) - \(target)| < \(Measurements.format(tolerance))",
                         measured.isFinite && expected.isFinite && abs(measured - expected) < tolerance)
    }

    /// measured < bound.
    public static func below(_ name: String, _ measured: Double, _ bound: Double) -> Criterion {
        Criterion("\(name) < \(Measurements.format(bound))", measured.isFinite && measured < bound)
    }

    /// measured > bound.
    public static func above(_ name: String, _ measured: Double, _ bound: Double) -> Criterion {
        Criterion("\(name) > \(Measurements.format(bound))", measured.isFinite && measured > bound)
    }
}

/// A verdict with the one-sentence reason and the criteria it was decided from.
public struct Assessment: Sendable {
    public var verdict: Verdict
    public var reason: String
    public var criteria: [Criterion]

    public init(_ verdict: Verdict, _ reason: String, criteria: [Criterion] = []) {
        self.verdict = verdict
        self.reason = reason
        self.criteria = criteria
    }

    /// The usual decision of a claim that comes with a correction: `claim` are the criteria of the
    /// claim as printed, `corrected` those of the corrected statement. All of `claim` hold:
    /// confirmed; else all of `corrected` hold: confirmed with correction; else not confirmed.
    public static func decide(claim: [Criterion], corrected: [Criterion] = [], confirmed: String,
                              correction: String, failure: String) -> Assessment {
        let all = claim + corrected
        if claim.allSatisfy(\.holds) { return Assessment(.confirmed, confirmed, criteria: all) }
        if !corrected.isEmpty, corrected.allSatisfy(\.holds) {
            return Assessment(.confirmedWithCorrection, correction, criteria: all)
        }
        let failed = all.filter { !$0.holds }.map(\.description).joined(separator: "; ")
        return Assessment(.notConfirmed, failure + " (fails: " + failed + ")", criteria: all)
    }
}

/// The name of a measurement: its key in claims.json (snake_case). A claims file states each of
/// its names once, as a constant (`static let nuDrift = MeasurementName("nu_drift")`), and both
/// `measure` and `judge` use the constant, so a misspelt name does not compile. Names built from
/// parameters (`MeasurementName("R2_local_L\(length)")`) are checked when read: reading one that
/// was not measured throws (`Measurements[_:]`).
public struct MeasurementName: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

/// One measured number with its name (snake_case, the key in claims.json) and a note.
public struct Measurement: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var note: String

    public init(_ name: MeasurementName, _ value: Double, _ note: String = "") {
        self.name = name.rawValue
        self.value = value
        self.note = note
    }
}

/// The measured numbers of one check, in the order measured, with the parameters they were
/// measured at.
public struct Measurements: Sendable {
    public var values: [Measurement]
    public var parameters: [(String, JSONValue)]

    public init(_ values: [Measurement] = [], parameters: [(String, JSONValue)] = []) {
        self.values = values
        self.parameters = parameters
    }

    /// The named value. A name this check did not measure (a misspelt key) throws an `InputError`
    /// naming it and listing the measured names: the claim then fails with that message rather
    /// than being judged on a missing number.
    public subscript(_ name: MeasurementName) -> Double {
        get throws {
            guard let measurement = values.first(where: { $0.name == name.rawValue }) else {
                throw InputError(parameter: "measurement \(name)",
                                 detail: "not measured by this check (measured: \(values.map(\.name).joined(separator: ", ")))")
            }
            return measurement.value
        }
    }

    public mutating func append(_ name: MeasurementName, _ value: Double, _ note: String = "") {
        values.append(Measurement(name, value, note))
    }

    /// Four significant digits, or an integer where exact.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == x.rounded(), abs(x) < 1e7 { return String(Int(x)) }
        return String(format: "%.4g", x)
    }

    /// "name = value" pairs for a table cell.
    public var summary: String {
        values.map { "\($0.name) = \(Self.format($0.value))" }.joined(separator: "; ")
    }
}
