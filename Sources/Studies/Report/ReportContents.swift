import Foundation

/// The sections of the default report, in order. Each entry builds one section; a section that
/// fails is reported and skipped, so one broken study does not cost the others.
public enum ReportContents {
    public typealias SectionBuilder = @Sendable (_ commandLine: String) throws -> ReportSection

    public static let sections: [(name: String, build: SectionBuilder)] = [
        ("resonance model", { try ResonanceModelReport(commandLine: $0).section() }),
        ("finite size", { try FiniteSizeReport(commandLine: $0).section() }),
        ("loss diffusion", { try LossDiffusionReport(commandLine: $0).section() }),
        ("exact numerics", { try ExactNumericsReport(commandLine: $0).section() }),
        ("comparison", { try ComparisonReport(commandLine: $0).section() }),
        ("dynamics", { try DynamicsReport(commandLine: $0).section() }),
    ]
}
