import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// Comparison 1: the synthetic l-bit model (docs/exact-numerics.md, `lbit`) against the Floquet RM (Sec. II) at the
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
///
/// Each point carries two RMs: the continuum Floquet RM (45)-(53), and the discrete RM of the same
/// model (`DiscreteResonanceModel.syntheticLBit`: integer ranges, the exact N_r and the exact law of
/// the elements of (13)), the no-fit reference; the ratios ED/discrete come with standard errors.
/// The exact part (`LBitExactAverages`) can be stored and read back (`LBitExactCache`), so that the
/// models are recomputed on cached exact data at sizes too slow to rerun.
public enum LBitComparison: Study {
    public struct Config: Sendable {
        public var length = 8
        /// Bare localization lengths zeta; zeta_c = 1/ln 2 = 1.443 separates the RM phases.
        public var localizationLengths: [Double] = [1.0, 2.5]
        /// Drive frequencies Omega (J = 1): Lambda = zeta_c Omega/8 = 0.18 Omega.
        public var driveFrequencies: [Double] = [2 * Double.pi, 8 * Double.pi, 32 * Double.pi]
        public var interaction = 1.0
        public var realizations = 24
        public var seed: UInt64 = 2022
        /// |<sigma^z_P>| below this counts the probe as hybridised (resonant).
        public var hybridizationThreshold = 0.5

        public init() {}
    }

    /// The exact and RM numbers at one (zeta, Omega).
    public struct Point: Sendable {
        public var length: Int
        public var realizations: Int
        public var localizationLength: Double
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
        public var hybridizedFraction: (mean: Double, error: Double)
        public var modelResonantFraction: Double
        /// [S] in omega_c < omega < J.
        public var spectralAgreement: CurveAgreement
        /// [Czz(t)] for 1 <= t.
        public var correlatorAgreement: CurveAgreement
        /// The discrete RM on the same bins and times.
        public var discreteSpectral: [Double]
        public var discreteCorrelator: [Double]
        public var discreteMemory: Double
        public var discreteSpectralAgreement: CurveAgreement
        public var discreteCorrelatorAgreement: CurveAgreement
        /// integral of [S] over omega > 0 in the window omega_c < omega < J (whole bins): ED, discrete, continuum.
        public var exactWindowWeight: (mean: Double, error: Double)
        public var discreteWindowWeight: Double
        public var modelWindowWeight: Double
        /// The same shells with each resonance an exact two-level problem (`TwoLevelResonanceModel`).
        public var twoLevelSpectral: [Double]
        public var twoLevelMemory: Double
        public var twoLevelHybridized: Double
        public var twoLevelWindowWeight: Double

        public var resonanceLength: Double { parameters.resonanceLength }
        public var inverseCorrelationLength: Double { parameters.inverseCorrelationLength }
        /// ([Czz]_ED - F(L/2))/F(L/2).
        public var memoryRelativeDifference: Double { ComparisonMath.relativeDifference(exactMemory.mean, modelMemory) }
        /// ED/discrete of the window weight of [S], of 1 - [Czz] (the memory lost) and of the
        /// hybridised fraction against 1 - F; errors are the ED's standard errors propagated.
        public var spectralWeightRatio: (mean: Double, error: Double) {
            (exactWindowWeight.mean / discreteWindowWeight, exactWindowWeight.error / discreteWindowWeight)
        }
        public var memoryLossRatio: (mean: Double, error: Double) {
            ((1 - exactMemory.mean) / (1 - discreteMemory), exactMemory.error / (1 - discreteMemory))
        }
        public var memoryRatio: (mean: Double, error: Double) {
            (exactMemory.mean / discreteMemory, exactMemory.error / discreteMemory)
        }
        public var hybridizedRatio: (mean: Double, error: Double) {
            (hybridizedFraction.mean / (1 - discreteMemory), hybridizedFraction.error / (1 - discreteMemory))
        }
        /// ED/two-level of the same three numbers.
        public var twoLevelSpectralWeightRatio: (mean: Double, error: Double) {
            (exactWindowWeight.mean / twoLevelWindowWeight, exactWindowWeight.error / twoLevelWindowWeight)
        }
        public var twoLevelMemoryLossRatio: (mean: Double, error: Double) {
            ((1 - exactMemory.mean) / (1 - twoLevelMemory), exactMemory.error / (1 - twoLevelMemory))
        }
        public var twoLevelHybridizedRatio: (mean: Double, error: Double) {
            (hybridizedFraction.mean / twoLevelHybridized, hybridizedFraction.error / twoLevelHybridized)
        }
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> [Point] {
        try config.exact(sink: sink).map(config.point)
    }
}

extension LBitComparison.Config {
    public func problem(localizationLength zeta: Double, driveFrequency omega: Double) -> EDProblem {
        var problem = EDProblem(model: .lbit, length: length, disorderStrength: 1)
        problem.localizationLength = zeta
        problem.driveFrequency = omega
        problem.interaction = interaction
        problem.probe = problem.defaultProbe
        return problem
    }

    /// The ED bins of the comparison: 5 per decade from 1e-5 J to Omega/2.
    func bins(_ problem: EDProblem) -> LogarithmicBins {
        LogarithmicBins(lower: 1e-5 * interaction, upper: problem.driveFrequency / 2 * (1 + 1e-12), binsPerDecade: 5)
    }

    /// Integer periods 0, 1, 2, 3, 5, ... up to 1e4.
    func times() -> [Double] { [0] + SpinAutocorrelation.integerPeriods(upTo: 1e4, perDecade: 5) }

    /// The exact averages of every (zeta, Omega), zeta outer.
    public func exact(sink: any StudySink) throws -> [LBitExactAverages] {
        var averages: [LBitExactAverages] = []
        for zeta in localizationLengths {
            for omega in driveFrequencies { averages.append(try exact(localizationLength: zeta, driveFrequency: omega, sink: sink)) }
        }
        return averages
    }

    public func run(localizationLength zeta: Double, driveFrequency drive: Double, workers: Int? = nil) throws -> LBitComparison.Point {
        try point(try exact(localizationLength: zeta, driveFrequency: drive, workers: workers))
    }

    /// The continuum Floquet RM of one (zeta, Omega) at this comparison's L and J.
    public func continuumModel(localizationLength zeta: Double, driveFrequency drive: Double, length: Int) throws -> FloquetResonanceModel {
        FloquetResonanceModel(try ResonanceParameters(
            inverseCorrelationLength: try ResonanceParameters.inverseCorrelationLength(localizationLength: zeta),
            resonanceLength: try ResonanceParameters.resonanceLength(driveFrequency: drive, interaction: interaction),
            interaction: interaction, length: Double(length)))
    }

    /// Whether bin `k` lies in omega_c < omega < J.
    func inWindow(_ bins: LogarithmicBins, _ k: Int, cutoff: Double) -> Bool {
        bins.edge(k) > cutoff && bins.edge(k + 1) < interaction
    }

    /// The stored averages of one (zeta, Omega) that the bound `RunCache` offers (`lbitAverages`,
    /// read by `resonance report` from `data/lbit_exact_L8.csv`), when one matches this comparison
    /// exactly: same L, zeta, Omega, realizations and seed, with the default J and hybridization
    /// threshold (which the files assume).
    public func stored(localizationLength zeta: Double, driveFrequency drive: Double) -> LBitExactAverages? {
        let defaults = LBitComparison.Config()
        guard interaction == defaults.interaction, hybridizationThreshold == defaults.hybridizationThreshold else { return nil }
        return RunCache.current?.lbitAverages.first {
            $0.length == length && $0.realizations == realizations && $0.seed == seed
                && abs($0.localizationLength - zeta) <= 1e-12 * zeta && abs($0.driveFrequency - drive) <= 1e-12 * drive
        }
    }

    /// The disorder-averaged exact numbers of one (zeta, Omega) (the expensive part): stored, or computed.
    public func exact(localizationLength zeta: Double, driveFrequency drive: Double, workers: Int? = nil) throws -> LBitExactAverages {
        try exact(localizationLength: zeta, driveFrequency: drive, sink: StudySinks.current(workers: workers))
    }

    /// The same, its realizations in `sink`.
    public func exact(localizationLength zeta: Double, driveFrequency drive: Double, sink: any StudySink) throws -> LBitExactAverages {
        if let stored = stored(localizationLength: zeta, driveFrequency: drive), let cache = RunCache.current {
            cache.note(RunCache.Use(label: "lbit-L\(length)-zeta\(JSONValue.format(zeta))-Omega\(JSONValue.format(drive)) (stored averages, \(cache.lbitSource))",
                                    directory: "", reused: realizations, computed: 0, seconds: 0))
            return stored
        }
        let problem = problem(localizationLength: zeta, driveFrequency: drive)
        let bins = bins(problem), times = times(), seed = seed, threshold = hybridizationThreshold
        let cutoff = try continuumModel(localizationLength: zeta, driveFrequency: drive, length: length).cutoffFrequency
        let window = (0..<bins.count).filter { inWindow(bins, $0, cutoff: cutoff) }
        let widths = bins.widths
        let key = ComparisonSampling.RunKey(label: "lbit-L\(length)-zeta\(JSONValue.format(zeta))-Omega\(JSONValue.format(drive))", manifest: problemParameters(problem) + [
            ("seed", .string(String(seed))),
            ("record", .string("lbit comparison: [S] of sigma^z_P on log bins, diagonal weight, Czz at integer periods, hybridised fraction, window weight")),
            ("frequency_bins", .object([("lower", .number(bins.lower)), ("per_decade", .integer(bins.binsPerDecade)), ("count", .integer(bins.count))])),
            ("czz_times", .array(times.map { .number($0) })),
            ("hybridisation_threshold", .number(threshold)),  // manifest key of existing run directories, kept
            ("window_bins", .array(window.map { .integer($0) })),
        ])
        let average = try RealizationRunner.average(count: realizations, key: key, sink: sink) { k in
            let states = try problem.eigenstates(fields: DisorderFields(), seed: seed, realization: UInt64(k))
            let weights = try SpectralWeights(operator: PauliString(.z, at: problem.length), eigenstates: states)
            let spectral = BinnedSpectralFunction(weights, bins: bins)
            var hybridized = 0
            for block in weights.blocks {
                for a in 0..<block.energies.count where (Double(weights.dimension) * block.weights[a, a]).squareRoot() < threshold {
                    hybridized += 1
                }
            }
            let density = spectral.density
            return RealizationRecord(realization: k, values: [
                RecordQuantity.spectralDensity.rawValue: density,
                RecordQuantity.memory.rawValue: [weights.diagonalWeight],
                RecordQuantity.czz.rawValue: try SpinAutocorrelation(weights, times: times).values,
                RecordQuantity.hybridizedFraction.rawValue: [Double(hybridized) / Double(weights.dimension)],
                RecordQuantity.windowWeight.rawValue: [window.reduce(0) { $0 + density[$1] * widths[$1] }],
            ])
        }
        func statistic(_ quantity: RecordQuantity) throws -> DisorderAverage.Statistic {
            guard let s = average[quantity.rawValue], !s.mean.isEmpty else {
                throw NumericalError(quantity: quantity.rawValue, detail: "missing from the l-bit records of zeta = \(zeta), Omega = \(drive)")
            }
            return s
        }
        let s = try statistic(.spectralDensity), c = try statistic(.czz)
        let scalar = { (quantity: RecordQuantity) throws in (try statistic(quantity).mean[0], try statistic(quantity).standardError[0]) }
        return LBitExactAverages(length: length, localizationLength: zeta, driveFrequency: drive, realizations: realizations, seed: seed,
                                 spectral: s.mean, spectralError: s.standardError, correlator: c.mean, correlatorError: c.standardError,
                                 memory: try scalar(.memory), hybridizedFraction: try scalar(.hybridizedFraction), windowWeight: try scalar(.windowWeight))
    }

    /// The arrays of an l-bit realization record (records written with `hybridised_fraction` are
    /// read under its American name: `RealizationRecord.legacyValueNames`).
    enum RecordQuantity: String {
        case spectralDensity = "spectral_density", memory, czz
        case hybridizedFraction = "hybridized_fraction", windowWeight = "window_weight"
    }

    /// Both RMs on the exact numbers' bins and times (cheap: milliseconds).
    public func point(_ exact: LBitExactAverages) throws -> LBitComparison.Point {
        var comparison = self
        comparison.length = exact.length
        let problem = comparison.problem(localizationLength: exact.localizationLength, driveFrequency: exact.driveFrequency)
        let bins = comparison.bins(problem), times = comparison.times()
        let model = try comparison.continuumModel(localizationLength: exact.localizationLength, driveFrequency: exact.driveFrequency, length: exact.length)
        let parameters = model.parameters
        let discrete = try DiscreteResonanceModel.syntheticLBit(length: exact.length, driveFrequency: exact.driveFrequency,
                                                                 coupling: interaction, localizationLength: exact.localizationLength)
        let modelSpectral = ComparisonMath.binAverages({ model.spectralFunction(omega: $0) }, bins: bins)
        let discreteSpectral = (0..<bins.count).map { discrete.spectralBinAverage(from: bins.edge($0), to: bins.edge($0 + 1)) }
        let twoLevel = TwoLevelResonanceModel(discrete)
        let twoLevelSpectral = (0..<bins.count).map { twoLevel.spectralWeight(from: bins.edge($0), to: bins.edge($0 + 1)) / bins.widths[$0] }
        let correlator = ProbeCorrelator(model)
        let period = problem.period
        let modelCorrelator = times.map { correlator.value(time: $0 * period) }
        let discreteCorrelator = times.map { discrete.correlator(time: $0 * period) }
        let omegaC = model.cutoffFrequency
        let window = (0..<bins.count).filter { inWindow(bins, $0, cutoff: omegaC) }
        let widths = bins.widths
        let weight = { (values: [Double]) in window.reduce(0) { $0 + values[$1] * widths[$1] } }
        let spectralWindow = { (k: Int) in comparison.inWindow(bins, k, cutoff: omegaC) }
        return LBitComparison.Point(
            length: exact.length, realizations: exact.realizations,
            localizationLength: exact.localizationLength, driveFrequency: exact.driveFrequency, parameters: parameters,
            omega: bins.centers, exactSpectral: exact.spectral, exactSpectralError: exact.spectralError, modelSpectral: modelSpectral,
            times: times, exactCorrelator: exact.correlator, exactCorrelatorError: exact.correlatorError, modelCorrelator: modelCorrelator,
            exactMemory: exact.memory, modelMemory: model.infiniteTimeMemory,
            hybridizedFraction: exact.hybridizedFraction, modelResonantFraction: 1 - model.infiniteTimeMemory,
            spectralAgreement: CurveAgreement(exact: exact.spectral, errors: exact.spectralError, model: modelSpectral, include: spectralWindow),
            correlatorAgreement: CurveAgreement(exact: exact.correlator, errors: exact.correlatorError, model: modelCorrelator) { times[$0] >= 1 },
            discreteSpectral: discreteSpectral, discreteCorrelator: discreteCorrelator, discreteMemory: discrete.infiniteTimeMemory,
            discreteSpectralAgreement: CurveAgreement(exact: exact.spectral, errors: exact.spectralError, model: discreteSpectral, include: spectralWindow),
            discreteCorrelatorAgreement: CurveAgreement(exact: exact.correlator, errors: exact.correlatorError, model: discreteCorrelator) { times[$0] >= 1 },
            exactWindowWeight: exact.windowWeight, discreteWindowWeight: weight(discreteSpectral), modelWindowWeight: weight(modelSpectral),
            twoLevelSpectral: twoLevelSpectral, twoLevelMemory: twoLevel.infiniteTimeMemory, twoLevelHybridized: twoLevel.hybridizedFraction,
            twoLevelWindowWeight: weight(twoLevelSpectral))
    }
}
