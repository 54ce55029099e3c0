import Foundation
import ResonanceModel

/// One solve of the loss-diffusion equation (86) (`resonance rm diffusion`): a loss case, a
/// method (the PDE or random walks), and F(r), p(r) with their error estimates and the local
/// exponent, beside the exact F where one is known.
public enum LossDiffusionRun: Study {
    /// The loss q(e, r) of the solve.
    public enum Case: String, CaseIterable, Sendable {
        /// (89): q = exp(-r/xi)/sqrt(4 Lambda r), exact F1 (91).
        case blind
        /// (82), probe field h.
        case resolved
        /// (C3) at 1/xi = 0.
        case critical
        /// (C5) with energy-density scale mu.
        case energyDependent = "energy-dependent"
        /// (C7): q = gamma delta(e), exact (C17).
        case delta
    }

    /// The solver: the deterministic PDE or the random walks of App. C.
    public enum Method: String, CaseIterable, Sendable { case pde, stochastic }

    public struct Config: Sendable {
        public var lossCase: Case
        public var method = Method.pde
        /// 1/xi (blind, resolved, energy-dependent).
        public var inverseCorrelationLength = 0.0
        public var resonanceLength = 10.0
        /// W (diffusion constant W^2) and J.
        public var disorder = 1.0
        public var interaction = 1.0
        /// Probe field h of the resolved case (nil: W).
        public var probeField: Double?
        /// mu of (B4), (C5).
        public var energyDensityScale = 0.5
        /// gamma of the delta sink (nil: (C6) from Lambda, W, mu).
        public var sinkStrength: Double?
        /// `points` log-spaced ranges on [smallestRange, largestRange] (one point: the largest).
        public var smallestRange = 0.01
        public var largestRange = 1000.0
        public var points = 40
        /// PDE: relative accuracy target.
        public var tolerance = 1e-4
        /// Random walks: trajectories, seed, step in eta = sqrt(r).
        public var trajectories = 100_000
        public var seed: UInt64 = 1
        public var etaStep = 0.02

        public init(lossCase: Case) { self.lossCase = lossCase }

        /// gamma of the delta sink: the given one, else (C6).
        public var effectiveSinkStrength: Double {
            sinkStrength ?? DeltaSinkSolution.strength(resonanceLength: resonanceLength, disorder: disorder, energyDensityScale: energyDensityScale)
        }

        /// The ranges of the table.
        public var ranges: [Double] {
            points == 1 ? [largestRange]
                : (0..<points).map { smallestRange * pow(largestRange / smallestRange, Double($0) / Double(points - 1)) }
        }
    }

    public struct Result: Sendable {
        /// r, F, p, F_error, p_error, local_exponent, and F_exact where known.
        public var table: ColumnTable
        /// The solution (its PDE cells and steps).
        public var solution: LossDiffusionSolution
    }

    /// The problem of `config` with its exact F where one is known; throws `ResonanceModelError`
    /// for parameters outside the model's domain.
    public static func problem(_ config: Config) throws -> (LossDiffusionProblem, exact: (@Sendable (Double) -> Double)?) {
        switch config.lossCase {
        case .blind, .resolved:
            let p = try ResonanceParameters(inverseCorrelationLength: config.inverseCorrelationLength, resonanceLength: config.resonanceLength,
                                            interaction: config.interaction, length: 2 * config.largestRange, disorder: config.disorder)
            let model = HamiltonianResonanceModel(p)
            if config.lossCase == .blind {
                return (try .energyBlind(p, disorder: config.disorder), { model.unresonatedFraction(atRange: $0) })
            }
            return (try .energyResolved(model, probeField: config.probeField), nil)
        case .critical:
            return (try .critical(resonanceLength: config.resonanceLength, disorder: config.disorder), nil)
        case .energyDependent:
            return (try .energyDependent(resonanceLength: config.resonanceLength, disorder: config.disorder,
                                         energyDensityScale: config.energyDensityScale,
                                         inverseCorrelationLength: config.inverseCorrelationLength), nil)
        case .delta:
            let exact = DeltaSinkSolution(strength: config.effectiveSinkStrength, disorder: config.disorder)
            return (try .deltaSink(strength: config.effectiveSinkStrength, disorder: config.disorder), { exact.unresonatedFraction(atRange: $0) })
        }
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        let (problem, exact) = try problem(config)
        let ranges = config.ranges
        let solution: LossDiffusionSolution
        switch config.method {
        case .pde: solution = try LossDiffusionSolver(tolerance: config.tolerance).solve(problem, ranges: ranges)
        case .stochastic:
            solution = try StochasticLossDiffusionSolver(trajectories: config.trajectories, seed: config.seed, etaStep: config.etaStep)
                .solve(problem, ranges: ranges)
        }
        var table = LossDiffusionStudy.decayTable(solution, resonanceLength: config.resonanceLength)
        table.columns.removeAll { ["r_over_Lambda", "Lambda_p"].contains($0.name) }
        if let exact { table.columns.append(("F_exact", ranges.map(exact))) }
        return Result(table: table, solution: solution)
    }
}
