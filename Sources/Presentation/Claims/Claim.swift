import Foundation

/// One claim of the paper with the check that tests it.
///
/// A check is split in two: `measure` computes named numbers by calling the library (the
/// expensive part), and `judge` turns them into a verdict by comparing them with the criteria it
/// states. `judge` is a pure function of the measurements, so the criteria can be tested on
/// synthetic numbers; it reads them by `MeasurementName` (`Measurements[_:]`) and throws, naming
/// the measurement, when a name it reads was not measured.
public struct Claim: Sendable {
    /// Short stable identifier, e.g. "nu-equals-one"; `resonance audit --claim ID` reruns it.
    public var identifier: String
    public var title: String
    /// The paper's statement, paraphrased.
    public var statement: String
    /// Equations, sections, figures of the paper.
    public var paperLocation: String
    /// What the check computes, in one or two sentences.
    public var test: String
    /// Estimated cost in seconds of a release build on two cores; used for the budget.
    public var estimatedCost: Double
    /// An existing `resonance` command that shows the same numbers in more detail, if any.
    public var relatedCommand: String?
    public var measure: @Sendable () throws -> Measurements
    public var judge: @Sendable (Measurements) throws -> Assessment

    public init(identifier: String, title: String, statement: String, paperLocation: String, test: String,
                estimatedCost: Double, relatedCommand: String? = nil,
                measure: @escaping @Sendable () throws -> Measurements,
                judge: @escaping @Sendable (Measurements) throws -> Assessment) {
        self.identifier = identifier
        self.title = title
        self.statement = statement
        self.paperLocation = paperLocation
        self.test = test
        self.estimatedCost = estimatedCost
        self.relatedCommand = relatedCommand
        self.measure = measure
        self.judge = judge
    }

    /// The command that reproduces this check alone.
    public var command: String { "resonance audit --claim \(identifier)" }
}
