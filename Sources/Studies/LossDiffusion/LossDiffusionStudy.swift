import Foundation
import ResonanceModel

/// Runs of the loss-diffusion equation for App. B, C: the critical decay of Fig. 11, the profiles
/// of Fig. 12, and the energy-dependent asymptotics (B7)-(B9). Every curve is a `ColumnTable`.
public enum LossDiffusionStudy: Study {
    /// The runs of App. B, C, each default stated once: the report section and the audit claims
    /// build their runs from `Config()`. W = J = 1 and 1/xi = 0 throughout.
    public struct Config: Sendable {
        /// Fig. 11: the critical problem (C2), (C3) at each Lambda, to r = maxRatio Lambda with
        /// perDecade log-spaced ranges per decade.
        public var resonanceLengths: [Double] = [10, 30, 100]
        public var maxRatio = 1000.0
        public var perDecade = 16
        /// Relative accuracy of every PDE solve.
        public var tolerance = 1e-4
        /// Fig. 12: the profiles f(e, r) of the critical problem at Lambda = 10, r = 0.1 ... 1e4.
        public var profileResonanceLength = 10.0
        public var profileRanges: [Double] = [0.1, 1, 10, 100, 1000, 10000]
        /// (B3)-(B9): the full rate (C5) and the delta sink (C7) at Lambda = 10, mu = 0.5, up to
        /// r = 1e6 with 8 ranges per decade.
        public var energyDependent = EnergyDependentAsymptotics(resonanceLength: 10, energyDensityScale: 0.5)
        public var energyDependentMaxRange = 1e6
        public var energyDependentPerDecade = 8
        /// What `run` computes.
        public var parts = Set(Part.allCases)

        public init() {}
    }

    /// The solves `run` makes; those left out come back empty (nil).
    public enum Part: Sendable, Hashable, CaseIterable {
        case criticalDecay
        case profiles
        case energyDependent
    }

    /// The critical decay at one Lambda: the solution and its `decayTable`.
    public struct CriticalDecay: Sendable {
        public var resonanceLength: Double
        public var solution: LossDiffusionSolution
        public var table: ColumnTable
    }

    public struct Result: Sendable {
        /// One per `resonanceLengths`, in order.
        public var criticalDecays: [CriticalDecay]
        /// The critical problem at `profileResonanceLength` with its profiles at `profileRanges`.
        public var profiles: LossDiffusionSolution?
        /// Solutions of (C5) and (C7) on the same ranges.
        public var energyDependent: (full: LossDiffusionSolution, deltaSink: LossDiffusionSolution)?

        /// The energy-dependent solutions; throws when the config left them out.
        public func requiredEnergyDependent() throws -> (full: LossDiffusionSolution, deltaSink: LossDiffusionSolution) {
            guard let energyDependent else { throw InputError(parameter: "parts", detail: "the energy-dependent solves were not made (add .energyDependent to parts)") }
            return energyDependent
        }

        /// The profile solve; throws when the config left it out.
        public func requiredProfiles() throws -> LossDiffusionSolution {
            guard let profiles else { throw InputError(parameter: "parts", detail: "the profile solve was not made (add .profiles to parts)") }
            return profiles
        }
    }

    /// The name of the PDE scheme in the stored solutions' manifests: a change of the scheme that
    /// changes its numbers changes this name, so that no report reads solutions of the old one.
    static let solverManifestName = "loss-diffusion PDE: Scharfetter-Gummel, TR-BDF2 in sqrt(r), step doubling"

    /// The PDE solves are independent: they run side by side on the cores.
    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        enum Solved: Sendable {
            case decay(LossDiffusionSolution), profiles(LossDiffusionSolution), energy(LossDiffusionSolution, LossDiffusionSolution)
        }
        // Each solve is kept in the run store when one is bound (the report's): a second report
        // reads the solutions back instead of solving again (`RunCache.value`).
        let cache = RunCache.current
        @Sendable func stored<T: Codable>(_ label: String, _ manifest: [(String, JSONValue)], _ solve: () throws -> T) throws -> T {
            try RunCache.value(in: cache, label: label, manifest: [("solver", .string(solverManifestName))] + manifest
                                                                   + [("tolerance", .number(config.tolerance))], compute: solve)
        }
        var jobs = [@Sendable () throws -> Solved]()
        if config.parts.contains(.criticalDecay) {
            for lambda in config.resonanceLengths {
                jobs.append {
                    .decay(try stored("loss-diffusion-critical", [("resonance_length", .number(lambda)), ("max_ratio", .number(config.maxRatio)),
                                                                   ("per_decade", .integer(config.perDecade))]) {
                        try criticalDecay(resonanceLength: lambda, maxRatio: config.maxRatio, perDecade: config.perDecade,
                                          tolerance: config.tolerance)
                    })
                }
            }
        }
        if config.parts.contains(.energyDependent) {
            jobs.append {
                let e = config.energyDependent
                let pair = try stored("loss-diffusion-energy-dependent", [
                    ("resonance_length", .number(e.resonanceLength)), ("disorder", .number(e.disorder)),
                    ("energy_density_scale", .number(e.energyDensityScale)), ("interaction", .number(e.interaction)),
                    ("max_range", .number(config.energyDependentMaxRange)), ("per_decade", .integer(config.energyDependentPerDecade)),
                ]) {
                    let (full, sink) = try e.solve(maxRange: config.energyDependentMaxRange, perDecade: config.energyDependentPerDecade,
                                                   tolerance: config.tolerance)
                    return [full, sink]
                }
                return .energy(pair[0], pair[1])
            }
        }
        if config.parts.contains(.profiles), let largest = config.profileRanges.max() {
            jobs.append {
                .profiles(try stored("loss-diffusion-profiles", [("resonance_length", .number(config.profileResonanceLength)),
                                                                 ("profile_ranges", .array(config.profileRanges.map { .number($0) }))]) {
                    try LossDiffusionSolver(tolerance: config.tolerance).solve(.critical(resonanceLength: config.profileResonanceLength),
                                                                               ranges: [largest], profileRanges: config.profileRanges)
                })
            }
        }
        let work = jobs
        let solved = try concurrentResults(work.count) { try work[$0]() }
        var result = Result(criticalDecays: [], profiles: nil, energyDependent: nil)
        for item in solved {
            switch item {
            case let .decay(solution):
                let lambda = config.resonanceLengths[result.criticalDecays.count]
                result.criticalDecays.append(CriticalDecay(resonanceLength: lambda, solution: solution,
                                                           table: decayTable(solution, resonanceLength: lambda)))
            case let .profiles(solution): result.profiles = solution
            case let .energy(full, sink): result.energyDependent = (full, sink)
            }
        }
        return result
    }

    /// Log-spaced ranges from `from` to `to`, `perDecade` points per decade.
    public static func logRanges(from: Double, to: Double, perDecade: Int) -> [Double] {
        let n = max(2, Int((log10(to / from) * Double(perDecade)).rounded(.up)) + 1)
        return (0..<n).map { from * pow(to / from, Double($0) / Double(n - 1)) }
    }

    /// F, p and the local exponent d ln F/d ln r = -r p/F (exact from the solver's p, no
    /// differentiation), with Lambda |dF/dr| against r/Lambda for Fig. 11.
    public static func decayTable(_ solution: LossDiffusionSolution, resonanceLength lambda: Double) -> ColumnTable {
        let r = solution.ranges, f = solution.unresonatedFraction, p = solution.strongestResonanceDensity
        return ColumnTable(columns: [
            ("r", r), ("F", f), ("p", p),
            ("F_error", solution.unresonatedFractionError), ("p_error", solution.strongestResonanceDensityError),
            ("r_over_Lambda", r.map { $0 / lambda }),
            ("Lambda_p", p.map { $0 * lambda }),
            ("local_exponent", r.indices.map { -r[$0] * p[$0] / f[$0] }),
        ])
    }

    /// The critical problem (C2), (C3) solved by the PDE to r = maxRatio * Lambda.
    public static func criticalDecay(resonanceLength lambda: Double, maxRatio: Double = 300, perDecade: Int = 12,
                                     tolerance: Double = 1e-4, profileRanges: [Double] = []) throws -> LossDiffusionSolution {
        let problem = try LossDiffusionProblem.critical(resonanceLength: lambda)
        let ranges = logRanges(from: 1e-3 * lambda, to: maxRatio * lambda, perDecade: perDecade)
        return try LossDiffusionSolver(tolerance: tolerance).solve(problem, ranges: ranges, profileRanges: profileRanges)
    }

    /// Fig. 12: f(e, r) against e/s_e(r), scaled by s_e(r) (so the free profile is the unit normal at
    /// every r), one column per range.
    public static func profileTable(_ solution: LossDiffusionSolution, every stride: Int = 2) -> ColumnTable {
        guard let first = solution.profiles.first else { return ColumnTable(columns: []) }
        let indices = Swift.stride(from: 0, to: first.energies.count, by: stride).map { $0 }
        // The co-moving coordinate x = (e - e_0)/s_e(r) is the same grid at every r (the centre node
        // is e_0); e/s_e(r) = x + e_0/s_e(r), and the shift e_0/s_e(r) -> 0 at large r.
        let centre = first.energies.count / 2
        var columns: [(name: String, values: [Double])] = [
            ("e_over_s", indices.map { (first.energies[$0] - first.energies[centre]) / first.diffusionWidth })]
        for profile in solution.profiles {
            columns.append(("r=\(JSONValue.format((profile.range * 1000).rounded() / 1000))",
                            indices.map { profile.density[$0] * profile.diffusionWidth }))
        }
        return ColumnTable(columns: columns)
    }

    /// The local exponent at the requested r/Lambda, interpolated in ln r.
    public static func localExponent(_ table: ColumnTable, atRatio ratio: Double) -> Double {
        let x = table.values(named: "r_over_Lambda")!, y = table.values(named: "local_exponent")!
        guard let j = x.firstIndex(where: { $0 >= ratio }), j > 0 else { return y.last ?? .nan }
        let t = log(ratio / x[j - 1]) / log(x[j] / x[j - 1])
        return y[j - 1] + t * (y[j] - y[j - 1])
    }
}

/// The energy-dependent case (B3)-(B9), (C5)-(C19), at the transition 1/xi = 0.
public struct EnergyDependentAsymptotics: Sendable {
    public var resonanceLength: Double
    public var disorder: Double
    public var energyDensityScale: Double
    public var interaction: Double = 1

    public init(resonanceLength: Double, disorder: Double = 1, energyDensityScale: Double) {
        self.resonanceLength = resonanceLength
        self.disorder = disorder
        self.energyDensityScale = energyDensityScale
    }

    /// gamma (C6).
    public var strength: Double {
        DeltaSinkSolution.strength(resonanceLength: resonanceLength, disorder: disorder, energyDensityScale: energyDensityScale)
    }

    /// Solutions of (C5) (full energy-dependent rate) and of (C7) (its delta-sink limit, gamma from
    /// (C6)) on the same ranges.
    public func solve(maxRange: Double, perDecade: Int = 10, tolerance: Double = 1e-4) throws
        -> (full: LossDiffusionSolution, deltaSink: LossDiffusionSolution) {
        let ranges = LossDiffusionStudy.logRanges(from: 1e-2, to: maxRange, perDecade: perDecade)
        let solver = LossDiffusionSolver(tolerance: tolerance)
        let full = try solver.solve(.energyDependent(resonanceLength: resonanceLength, disorder: disorder,
                                                     energyDensityScale: energyDensityScale), ranges: ranges)
        let sink = try solver.solve(.deltaSink(strength: strength, disorder: disorder), ranges: ranges)
        return (full, sink)
    }

    /// kappa = 2/zeta_c at 1/xi = 0: v(r) = J exp(-kappa r).
    var kappa: Double { 2 / criticalLocalizationLength }

    /// [Czz(t)] ~ F(r(t)) with the light cone r(t) = ln(J t)/kappa (49), and [S(omega)] from (52),
    /// (1/(2 kappa |omega|)) p(ln|J/omega|/kappa), from a solution; with the log-derivatives
    /// d ln[Czz]/d ln ln(Jt) and d ln(omega [S])/d ln ln|J/omega| (B8 predicts -1/2, B9 -3/2).
    public func observables(_ solution: LossDiffusionSolution) -> ColumnTable {
        let r = solution.ranges, f = solution.unresonatedFraction, p = solution.strongestResonanceDensity
        let logJt = r.map { kappa * $0 }  // ln(J t) = ln|J/omega| = kappa r
        let czzExponent = r.indices.map { -r[$0] * p[$0] / f[$0] }
        // d ln p/d ln r by differences of the tabulated p (p is smooth and positive here).
        var pExponent = [Double](repeating: .nan, count: r.count)
        for i in 1..<(max(r.count, 2) - 1) where r.count > 2 {
            pExponent[i] = log(p[i + 1] / p[i - 1]) / log(r[i + 1] / r[i - 1])
        }
        return ColumnTable(columns: [
            ("r", r), ("F", f), ("p", p), ("ln_Jt", logJt),
            ("czz_lightcone", f),
            ("omega", logJt.map { interaction * exp(-$0) }),
            ("omega_S", p.map { $0 / (2 * kappa) }),
            ("czz_log_exponent", czzExponent),
            ("S_log_exponent", pExponent),
        ])
    }
}
