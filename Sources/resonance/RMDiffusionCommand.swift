import ArgumentParser
import Foundation
import ResonanceModel
import Studies

extension LossDiffusionRun.Case: ExpressibleByArgument {}
extension LossDiffusionRun.Method: ExpressibleByArgument {}

/// `resonance rm diffusion`: the loss-diffusion equation (86) of the Hamiltonian RM and App. C.
struct RMDiffusion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diffusion",
        abstract: "F(r) and p(r) = -dF/dr from the loss-diffusion equation (86), by PDE or random walks.",
        discussion: """
        Cases: blind (89), q = exp(-r/xi)/sqrt(4 Lambda r) (exact: F1 (91)); resolved (82); critical (C3); \
        energy-dependent (C5) with --mu; delta (C7), q = gamma delta(e), f(e,0) = delta(e), gamma from \
        --gamma or (C6) (exact: (C17) with l = 4 W^2/gamma^2). Columns: r, F, p, their error estimates \
        (PDE: grid-refinement difference; stochastic: one standard error), the local exponent \
        -r p/F = d ln F/d ln r, and the exact F where one is known.
        """
    )

    @Option(name: .customLong("case"), help: "blind, resolved, critical, energy-dependent or delta.")
    var lossCase: LossDiffusionRun.Case

    @Option(help: "pde or stochastic.")
    var method = RMDiffusion.defaults.method

    @Option(name: .customLong("inv-xi"), parsing: .unconditional, help: "1/xi (blind, resolved, energy-dependent), > -2 ln 2.")
    var inverseCorrelationLength = RMDiffusion.defaults.inverseCorrelationLength

    @Option(name: .customLong("Lambda"), help: "Resonance length Lambda > 0.")
    var resonanceLength = RMDiffusion.defaults.resonanceLength

    @Option(name: .customLong("W"), help: "Disorder W > 0 (diffusion constant W^2).")
    var disorder = RMDiffusion.defaults.disorder

    @Option(name: .customLong("J"), help: "Interaction J > 0.")
    var interaction = RMDiffusion.defaults.interaction

    @Option(name: .customLong("h"), help: "Probe field h > 0 for --case resolved (default W).")
    var probeField: Double?

    @Option(help: "Energy-density scale mu > 0 of (B4), (C5) (the paper: 0 < mu < 1).")
    var mu = RMDiffusion.defaults.energyDensityScale

    @Option(help: "Delta-sink strength gamma > 0 (--case delta; default (C6) from Lambda, W, mu).")
    var gamma: Double?

    @Option(help: "Smallest range > 0.")
    var rmin = RMDiffusion.defaults.smallestRange

    @Option(help: "Largest range > rmin.")
    var rmax = RMDiffusion.defaults.largestRange

    @Option(help: "Number of log-spaced ranges, 1..100000.")
    var points = RMDiffusion.defaults.points

    @Option(help: "PDE: relative accuracy target in [1e-8, 0.1].")
    var tolerance = RMDiffusion.defaults.tolerance

    @Option(help: "Stochastic: number of trajectories, 2...100000000.")
    var trajectories = RMDiffusion.defaults.trajectories

    @Option(help: "Stochastic: random seed (64-bit).")
    var seed = RMDiffusion.defaults.seed

    @Option(name: .customLong("eta-step"), help: "Stochastic: step in eta = sqrt(r), > 0; trajectories x sqrt(rmax)/eta-step at most 1e10.")
    var etaStep = RMDiffusion.defaults.etaStep

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.positive("--rmin").check(rmin)
        try NumericOption("--rmax", above: rmin, atMost: 1e12).check(rmax)
        try NumericOption.integer("--points", 1...100_000).check(points)
        try NumericOption("--tolerance", atLeast: 1e-8, atMost: 0.1).check(tolerance)
        try NumericOption.integer("--trajectories", 2...100_000_000).check(trajectories)
        try NumericOption.finite("--inv-xi").check(inverseCorrelationLength)
        for (name, value) in [("--Lambda", resonanceLength), ("--W", disorder), ("--J", interaction)] {
            try NumericOption.positive(name, atMost: 1e12).check(value)
        }
        try NumericOption("--eta-step", above: 0, atMost: 1e6).check(etaStep)
        if method == .stochastic {
            let steps = rmax.squareRoot() / etaStep
            guard steps * Double(trajectories) <= 1e10 else {
                throw ValidationError(String(format: "--trajectories x sqrt(--rmax)/--eta-step must be at most 1e10 steps (got %.3g): fewer trajectories, a smaller --rmax or a larger --eta-step", steps * Double(trajectories)))
            }
        }
        try NumericOption.positive("--mu").check(mu)
        try NumericOption.positive("--gamma").check(gamma)
        try NumericOption.positive("--h").check(probeField)
        do { _ = try LossDiffusionRun.problem(config) } catch let error as ResonanceModelError { throw ValidationError(error.description) }
    }

    /// The defaults of the options (the case has none).
    private static let defaults = LossDiffusionRun.Config(lossCase: .blind)

    var config: LossDiffusionRun.Config {
        var config = LossDiffusionRun.Config(lossCase: lossCase)
        config.method = method
        config.inverseCorrelationLength = inverseCorrelationLength
        config.resonanceLength = resonanceLength
        config.disorder = disorder
        config.interaction = interaction
        config.probeField = probeField
        config.energyDensityScale = mu
        config.sinkStrength = gamma
        config.smallestRange = rmin
        config.largestRange = rmax
        config.points = points
        config.tolerance = tolerance
        config.trajectories = trajectories
        config.seed = seed
        config.etaStep = etaStep
        return config
    }

    func run() throws {
        let config = config
        let result = try runStudy(LossDiffusionRun.self, config)
        let solution = result.solution
        var record: [(String, JSONValue)] = [
            ("case", .string(lossCase.rawValue)), ("method", .string(method.rawValue)),
            ("inv_xi", .number(inverseCorrelationLength)), ("Lambda", .number(resonanceLength)), ("W", .number(disorder)),
            ("J", .number(interaction)),
        ]
        switch lossCase {
        case .energyDependent: record.append(("mu", .number(mu)))
        case .delta: record.append(("gamma", .number(config.effectiveSinkStrength)))
        case .resolved: record.append(("h", .number(probeField ?? disorder)))
        default: break
        }
        switch method {
        case .pde: record += [("tolerance", .number(tolerance)), ("cells", .integer(solution.resolution)), ("steps", .integer(solution.steps))]
        case .stochastic: record += [("trajectories", .integer(trajectories)), ("seed", .string(String(seed))), ("eta_step", .number(etaStep))]
        }
        let metadata = OutputMetadata(parameters: record, commandLine: recordedCommandLine())
        try outputOptions.emit(result.table, metadata: metadata)
    }
}
