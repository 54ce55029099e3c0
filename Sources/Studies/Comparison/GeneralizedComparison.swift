import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// Comparisons 2 and 3: the generalised RM (Sec. IV A) fed with the matrix-element density
/// varrho(v) (97) measured by exact diagonalization, against the probe's [S(omega)] measured on
/// the same disorder realizations; and the exponents fitted from both.
///
/// For each model (floquet-o3, heisenberg-o3) and disorder W, two runs share their fields
/// (realization k draws from (seed, k) alone and the fields do not depend on the probe):
/// - the chain without the probe gives varrho(v) of V = J sigma^x_0 between mid-spectrum
///   eigenstates (the RM's unperturbed states) and its small-v exponent -2 + theta0;
/// - the chain with the probe gives [S(omega)] of sigma^z_P and [Czz].
/// varrho goes into `GeneralizedResonanceModel`: [S] = p(|omega|)/2 (102) and F(0) = [Czz].
///
/// Fitted (comparison 3): theta from [S] ~ omega^(-1 + theta) (57) over
/// `[lowFrequencyFactor / rho, J]` (rho: the bare chain's measured density of states, so the
/// window starts a few level spacings of the chain with probe up); theta0 from varrho; the implied 1/xi from (51); the implied
/// Lambda by solving [Czz] = F(L/2) (Floquet (45); Hamiltonian (91)) at that 1/xi, next to the
/// default mappings (43) and (83).
public enum GeneralizedComparison: Study {
    public struct Config: Sendable {
        public var length = 8
        public var floquetDisorders: [Double] = [1, 3, 8]
        /// Omega of floquet-o3: at Omega = 2 pi (T = 1) the chain is thermal at every W at L = 8.
        public var floquetDriveFrequency = 8 * Double.pi
        public var hamiltonianDisorders: [Double] = [2, 5, 12]
        public var realizations = 16
        public var seed: UInt64 = 2022
        /// The low end of the theta fit in units of the mean level spacing 1/rho (the Heisenberg
        /// frequency rule of every fit on exact spectra: 3 spacings).
        public var lowFrequencyFactor = ComparisonMath.heisenbergMultiple
        /// Measure varrho with the probe present (its eigenstates) rather than in the bare chain.
        public var matrixElementsWithProbe = false

        public init() {}
    }

    public struct Point: Sendable {
        public var model: EDModelKind
        public var disorder: Double
        public var omega: [Double]
        public var exactSpectral: [Double]
        public var exactSpectralError: [Double]
        public var predictedSpectral: [Double]
        public var matrixElements: [Double]
        public var varrho: [Double]
        public var exactMemory: (mean: Double, error: Double)
        public var predictedMemory: Double
        /// [S] where varrho is populated and omega < J.
        public var agreement: CurveAgreement
        /// theta from [S] and theta0 = exponent of varrho + 2, with errors.
        public var theta: (value: Double, error: Double)?
        public var theta0: (value: Double, error: Double)?
        public var inverseCorrelationLength: Double
        public var impliedResonanceLength: Double?
        public var defaultResonanceLength: Double
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> [Point] {
        try config.floquetDisorders.map { try run(config, .floquetO3, disorder: $0, sink: sink) }
            + config.hamiltonianDisorders.map { try run(config, .heisenbergO3, disorder: $0, sink: sink) }
    }

    /// One point: the model `kind` at disorder `w`.
    public static func run(_ config: Config, _ kind: EDModelKind, disorder w: Double, sink: any StudySink) throws -> Point {
        let withProbe = config.problem(kind, disorder: w, probe: true)
        let bare = config.problem(kind, disorder: w, probe: config.matrixElementsWithProbe)
        let spectralJob = ExactRealization(problem: withProbe, observables: config.matrixElementsWithProbe ? [.spectral, .matrixElements] : [.spectral],
                                           settings: config.settings(withProbe), seed: config.seed)
        let spectral = try ComparisonSampling.average(spectralJob, count: config.realizations, sink: sink)
        let elements = config.matrixElementsWithProbe ? spectral
            : try ComparisonSampling.average(ExactRealization(problem: bare, observables: [.matrixElements], settings: config.settings(bare), seed: config.seed),
                                             count: config.realizations, sink: sink)
        guard let distribution = elements.matrixElementCurve else {
            throw NumericalError(quantity: ExactQuantity.matrixElementProbability.rawValue, detail: "not among the averages of \(kind.rawValue) W = \(w)")
        }
        let v = distribution.v, varrho = distribution.varrho
        let populated = v.indices.filter { varrho[$0] > 0 }
        let model = try GeneralizedResonanceModel(matrixElements: populated.map { v[$0] }, density: populated.map { varrho[$0] })
        let bins = spectralJob.settings.frequencyBins(for: withProbe)
        let predicted = ComparisonMath.binAverages({ model.spectralFunction(omega: $0) }, bins: bins)
        guard let curve = spectral.spectralCurve else {
            throw NumericalError(quantity: ExactQuantity.spectralDensity.rawValue, detail: "not among the averages of \(kind.rawValue) W = \(w)")
        }
        let omega = curve.omega, exact = curve.density, errors = curve.error
        let j = withProbe.interaction
        let agreement = CurveAgreement(exact: exact, errors: errors, model: predicted) {
            bins.edge($0) >= model.lowerCutoff && bins.edge($0 + 1) <= j
        }
        let rho = elements.scalar(.matrixElementDensityOfStates)?.mean ?? .nan
        let lowest = config.lowFrequencyFactor / rho
        let thetaFit = lowest < j ? ComparisonMath.powerLaw(x: omega, y: exact, errors: errors, range: lowest...j) : nil
        let theta = thetaFit.map { (1 + $0.exponent, $0.error) }
        let theta0 = elements.smallValueExponent.map { ($0.exponent + 2, $0.error) }
        let invXi = theta0.map { ComparisonMath.inverseCorrelationLength(decayExponent: $0.0, criticalLength: criticalLocalizationLength) } ?? .nan
        let memory = try spectral.required(.spectralDiagonalWeight)
        let defaultLambda = kind.isFloquet ? try ResonanceParameters.resonanceLength(driveFrequency: withProbe.driveFrequency, interaction: j)
                                           : try ResonanceParameters.resonanceLength(disorder: w, interaction: j)
        var implied: Double?
        if invXi.isFinite, invXi > -2 / criticalLocalizationLength, memory.mean > 0, memory.mean < 1 {
            implied = ComparisonMath.solveIncreasing({ lambda in
                guard let p = try? ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, interaction: j,
                                                       length: Double(config.length), disorder: w) else { return .nan }
                return kind.isFloquet ? FloquetResonanceModel(p).infiniteTimeMemory : HamiltonianResonanceModel(p).infiniteTimeMemory
            }, target: memory.mean, lower: 1e-4, upper: 1e6)
        }
        return Point(model: kind, disorder: w, omega: omega, exactSpectral: exact, exactSpectralError: errors,
                     predictedSpectral: predicted, matrixElements: v, varrho: varrho, exactMemory: memory,
                     predictedMemory: model.zeroFrequencyWeight, agreement: agreement, theta: theta, theta0: theta0,
                     inverseCorrelationLength: invXi, impliedResonanceLength: implied, defaultResonanceLength: defaultLambda)
    }
}

extension GeneralizedComparison.Config {
    public func problem(_ model: EDModelKind, disorder: Double, probe: Bool) -> EDProblem {
        var problem = EDProblem(model: model, length: length, disorderStrength: disorder)
        if model.isFloquet { problem.driveFrequency = floquetDriveFrequency }
        if probe { problem.probe = problem.defaultProbe }
        return problem
    }

    public func settings(_ problem: EDProblem) -> ExactObservableSettings {
        var settings = ExactObservableSettings()
        settings.frequencyBins = problem.model.isFloquet
            ? LogarithmicBins(lower: 1e-5, upper: problem.driveFrequency / 2 * (1 + 1e-12), binsPerDecade: 4)
            : LogarithmicBins(lower: 1e-5, upper: 1e2, binsPerDecade: 4)
        settings.perturbation = "x0"
        return settings
    }
}
