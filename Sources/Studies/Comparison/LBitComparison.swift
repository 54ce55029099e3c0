import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// Comparison 1: the synthetic l-bit model (spec `lbit`) against the Floquet RM (Sec. II) at the
/// same zeta, Lambda = zeta_c Omega/(8J) (43) and L, with no fitted parameter.
///
/// For each (zeta, Omega) the exact disorder averages of the probe, `A = sigma^z_P`, are compared
/// with the RM:
/// - `[Czz]` (the diagonal weight of S) against `F(L/2)` (45), (48);
/// - `[S(omega)]` on the ED's log bins against (52) averaged over the same bins, in the window
///   `omega_c < omega < J` (54);
/// - `[Czz(t)]` at integer periods against (47) at the same physical time `t = n T`
///   (`ProbeCorrelator` uses the phase `v(r) t`, with v and t in the ED's units);
/// - the fraction of eigenstates whose probe is hybridised, `|<a|sigma^z_P|a>| < 1/2`, against the
///   RM's resonant fraction `1 - F(L/2)`.
public struct LBitComparison: Sendable {
    public var length = 8
    /// Bare localisation lengths zeta; zeta_c = 1/ln 2 = 1.443 separates the RM phases.
    public var localisationLengths: [Double] = [1.0, 2.5]
    /// Drive frequencies Omega (J = 1): Lambda = zeta_c Omega/8 = 0.18 Omega.
    public var driveFrequencies: [Double] = [2 * Double.pi, 8 * Double.pi, 32 * Double.pi]
    public var interaction = 1.0
    public var realisations = 24
    public var seed: UInt64 = 2022
    /// |<sigma^z_P>| below this counts the probe as hybridised (resonant).
    public var hybridisationThreshold = 0.5

    public init() {}

    /// The exact and RM numbers at one (zeta, Omega).
    public struct Point: Sendable {
        public var localisationLength: Double
        public var driveFrequency: Double
        public var parameters: ResonanceParameters
        public var omega: [Double]
        public var exactSpectral: [Double]
        public var exactSpectralError: [Double]
        public var modelSpectral: [Double]
        public var times: [Double]
        public var exactCorrelator: [Double]
        public var exactCorrelatorError: [Double]
        public var modelCorrelator: [Double]
        public var exactMemory: (mean: Double, error: Double)
        public var modelMemory: Double
        public var hybridisedFraction: (mean: Double, error: Double)
        public var modelResonantFraction: Double
        /// [S] in omega_c < omega < J.
        public var spectralAgreement: CurveAgreement
        /// [Czz(t)] for 1 <= t.
        public var correlatorAgreement: CurveAgreement

        public var resonanceLength: Double { parameters.resonanceLength }
        public var inverseCorrelationLength: Double { parameters.inverseCorrelationLength }
        /// ([Czz]_ED - F(L/2))/F(L/2).
        public var memoryRelativeDifference: Double { ComparisonMath.relativeDifference(exactMemory.mean, modelMemory) }
    }

    public func problem(localisationLength zeta: Double, driveFrequency omega: Double) -> EDProblem {
        var problem = EDProblem(model: .lbit, length: length, disorderStrength: 1)
        problem.localizationLength = zeta
        problem.drivingFrequency = omega
        problem.coupling = interaction
        problem.probe = problem.defaultProbe
        return problem
    }

    /// The ED bins of the comparison: 5 per decade from 1e-5 J to Omega/2.
    func bins(_ problem: EDProblem) -> LogarithmicBins {
        LogarithmicBins(lower: 1e-5 * interaction, upper: problem.drivingFrequency / 2 * (1 + 1e-12), binsPerDecade: 5)
    }

    /// Integer periods 0, 1, 2, 3, 5, ... up to 1e4.
    func times() -> [Double] { [0] + SpinAutocorrelation.integerPeriods(upTo: 1e4, perDecade: 5) }

    public func run(workers: Int? = nil) throws -> [Point] {
        var points: [Point] = []
        for zeta in localisationLengths {
            for omega in driveFrequencies { points.append(try run(localisationLength: zeta, driveFrequency: omega, workers: workers)) }
        }
        return points
    }

    public func run(localisationLength zeta: Double, driveFrequency drive: Double, workers: Int? = nil) throws -> Point {
        let problem = problem(localisationLength: zeta, driveFrequency: drive)
        let bins = bins(problem), times = times(), seed = seed, threshold = hybridisationThreshold
        let average = try ComparisonSampling.average(count: realisations, workers: workers) { k in
            let states = try problem.eigenstates(fields: DisorderFields(), seed: seed, realization: UInt64(k))
            let weights = try SpectralWeights(operator: PauliString(.z, at: problem.length), eigenstates: states)
            let spectral = BinnedSpectralFunction(weights, bins: bins)
            var hybridised = 0
            for block in weights.blocks {
                for a in 0..<block.energies.count where (Double(weights.dimension) * block.weights[a, a]).squareRoot() < threshold {
                    hybridised += 1
                }
            }
            return RealisationRecord(realization: k, values: [
                "spectral_density": spectral.density,
                "memory": [weights.diagonalWeight],
                "czz": try SpinAutocorrelation(weights, times: times).values,
                "hybridised_fraction": [Double(hybridised) / Double(weights.dimension)],
            ])
        }
        let parameters = try ResonanceParameters(
            inverseCorrelationLength: try ResonanceParameters.inverseCorrelationLength(localisationLength: zeta),
            resonanceLength: try ResonanceParameters.resonanceLength(driveFrequency: drive, interaction: interaction),
            interaction: interaction, length: Double(length))
        let model = FloquetResonanceModel(parameters)
        let modelSpectral = ComparisonMath.binAverages({ model.spectralFunction(omega: $0) }, bins: bins)
        let correlator = ProbeCorrelator(model)
        let period = problem.period
        let modelCorrelator = times.map { correlator.value(time: $0 * period) }
        let s = average["spectral_density"]!, c = average["czz"]!
        let centers = bins.centers
        let omegaC = model.cutoffFrequency
        let scalar = { (name: String) in (average[name]!.mean[0], average[name]!.standardError[0]) }
        return Point(
            localisationLength: zeta, driveFrequency: drive, parameters: parameters,
            omega: centers, exactSpectral: s.mean, exactSpectralError: s.standardError, modelSpectral: modelSpectral,
            times: times, exactCorrelator: c.mean, exactCorrelatorError: c.standardError, modelCorrelator: modelCorrelator,
            exactMemory: scalar("memory"), modelMemory: model.infiniteTimeMemory,
            hybridisedFraction: scalar("hybridised_fraction"), modelResonantFraction: 1 - model.infiniteTimeMemory,
            spectralAgreement: CurveAgreement(exact: s.mean, errors: s.standardError, model: modelSpectral) {
                bins.edge($0) > omegaC && bins.edge($0 + 1) < parameters.interaction
            },
            correlatorAgreement: CurveAgreement(exact: c.mean, errors: c.standardError, model: modelCorrelator) { times[$0] >= 1 })
    }
}
