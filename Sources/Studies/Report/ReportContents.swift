import Foundation

/// How large the report's runs are: `standard` (what `resonance report` and `make run` draw, about
/// two CPU-minutes from scratch) or `full` (`--full`: the larger sizes and
/// realization counts). Both draw every section and figure.
public enum ReportScope: String, Sendable, CaseIterable {
    case standard, full

    /// One line for the summary that opens the page.
    public var summary: String {
        switch self {
        case .standard:
            return "Standard report: every section and figure, from smaller runs; resonance report --full adds larger sizes and more realizations (see Runs)."
        case .full:
            return "Full report (resonance report --full): every section at its full sizes and realization counts."
        }
    }

    /// What the page says about the scope, in full.
    public var description: String {
        switch self {
        case .standard:
            return "Standard report (resonance report): every section and figure, from smaller runs; the l-bit points at L = 8 (comparison and claims ledger) are the stored exact averages of data/lbit_exact_L8.csv, written with the same parameters, and the two xxz L = 14 runs of the ed-apparent-one-over-omega claim are read from data/report_runs (runs of this report with the same manifests). --full adds <r>(W) of xxz at L = 14 and 30 (not 20) realizations at L = 12, 10 (not 6) realizations of [S(omega)] and rho vbar at L = 12, 12 and 4 (not 8 and 2) of the probe at L = 8 and 9, the Fig. 10 analysis at L = 14, 16 (not 8) realizations of the generalised RM, 4 (not 2) of the drift at L = 9, and recomputes the l-bit points."
        case .full:
            return "Full report (resonance report --full): every section at its full sizes and realization counts."
        }
    }
}

/// The sections of the report, in order. Each entry builds one section; a section that fails is
/// reported and skipped, so one broken study does not cost the others. `estimate` is the
/// section's cold cost in seconds (release build, two cores, nothing stored) per scope, used for
/// the ETA until the report has timed the section itself.
public enum ReportContents {
    public typealias SectionBuilder = @Sendable (_ commandLine: String, _ scope: ReportScope) throws -> ReportSection

    public struct Entry: Sendable {
        public var name: String
        public var estimate: @Sendable (ReportScope) -> Double
        public var builder: SectionBuilder

        public init(name: String, estimate: @escaping @Sendable (ReportScope) -> Double, build: @escaping SectionBuilder) {
            self.name = name
            self.estimate = estimate
            self.builder = build
        }

        /// Builds the section at `scope`.
        public func build(_ commandLine: String, _ scope: ReportScope = .standard) throws -> ReportSection {
            try builder(commandLine, scope)
        }
    }

    public static let sections: [Entry] = [
        Entry(name: "resonance model", estimate: { _ in 1 }, build: { c, _ in try ResonanceModelReport(commandLine: c).section() }),
        Entry(name: "finite size", estimate: { _ in 1 }, build: { c, _ in try FiniteSizeReport(commandLine: c).section() }),
        Entry(name: "loss diffusion", estimate: { _ in 5 }, build: { c, _ in try LossDiffusionReport(commandLine: c).section() }),
        Entry(name: "exact numerics", estimate: { $0 == .full ? 150 : 30 },
              build: { c, s in try ExactNumericsReport(commandLine: c, scope: s).section() }),
        Entry(name: "comparison", estimate: { $0 == .full ? 180 : 35 },
              build: { c, s in try ComparisonReport(commandLine: c, scope: s).section() }),
        Entry(name: "dynamics", estimate: { _ in 20 }, build: { c, s in
            var report = DynamicsReport(commandLine: c)
            report.computeCachedRuns = s == .full
            return try report.section()
        }),
    ]

    /// The figures that open the report as thumbnails: the RM's Fig. 2 panels, <r>(W) from exact
    /// numerics, and the RM against exact numerics.
    public static let headline = [
        "fig2a-theta-floquet", "fig2b-spectral-floquet", "fig2d-theta-hamiltonian", "fig2e-spectral-hamiltonian",
        "fig2f-memory", "ed-level-statistics", "compare-lbit-spectral", "compare-drift",
    ]
}
