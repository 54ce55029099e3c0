import Foundation
import SpinChains

/// The probe entanglement (120) in exact numerics: heisenberg-o3 with a probe, the probe's entropy
/// `[S_P]` against `ln 2 (1 - [Czz])` with `[Czz]` measured on the same eigenstates, and the
/// two-site entropy against its thermal value `2 ln 2` (sub-thermal entanglement of small
/// subsystems where the probe keeps its memory).
public enum ProbeEntanglementComparison: Study {
    public struct Config: Sendable {
        public var length = 8
        public var disorders: [Double] = [2, 5, 10]
        public var realizations = 8
        public var seed: UInt64 = 2022

        public init() {}
    }

    /// The averages at one disorder.
    public struct Point: Sendable {
        public var disorder: Double
        public var memory: (mean: Double, error: Double)
        public var probeEntropy: (mean: Double, error: Double)
        public var twoSiteEntropy: (mean: Double, error: Double)
        /// `ln 2 (1 - [Czz])` (120).
        public var predictedProbeEntropy: Double { M_LN2 * (1 - memory.mean) }
    }

    /// The exact-numerics job at disorder `w`: `[Czz]` at infinite time only, and the entropies.
    public static func job(_ config: Config, disorder w: Double) -> ExactRealization {
        var problem = EDProblem(model: .heisenbergO3, length: config.length, disorderStrength: w)
        problem.probe = problem.defaultProbe
        var settings = ExactObservableSettings()
        settings.correlatorTimes = [0]
        return ExactRealization(problem: problem, observables: [.czz, .entanglement], settings: settings, seed: config.seed)
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> [Point] {
        try config.disorders.map { w in
            let result = try ComparisonSampling.average(job(config, disorder: w), count: config.realizations, sink: sink)
            return Point(disorder: w, memory: try result.required(.czzInfiniteTime), probeEntropy: try result.required(.entropyProbe),
                         twoSiteEntropy: try result.required(.entropySmallSubsystem))
        }
    }

    /// One row per disorder: `[Czz]`, `[S_P]`, (120) and the two-site entropy, with standard errors.
    public static func table(_ points: [Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("W", points.map(\.disorder)),
            ("czz", points.map(\.memory.mean)), ("czz_err", points.map(\.memory.error)),
            ("S_P", points.map(\.probeEntropy.mean)), ("S_P_err", points.map(\.probeEntropy.error)),
            ("S_P_120", points.map(\.predictedProbeEntropy)),
            ("S_two_sites", points.map(\.twoSiteEntropy.mean)), ("S_two_sites_err", points.map(\.twoSiteEntropy.error)),
        ])
    }
}
