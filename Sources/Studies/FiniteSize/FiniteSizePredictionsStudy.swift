import Foundation
import NumericKit
import ResonanceModel

/// Secs. V C, V F, V H, V J as tables and fits: (114), (115), the Thouless frequency (122),
/// [log chi] (126), and the stability criterion (128)-(131).
public enum FiniteSizePredictionsStudy: Study {
    /// The parameters of the Thouless frequency (121), (122) and of [log chi] (126), each default
    /// stated once: `resonance rm thouless`, `rm fidelity`, the report section and the audit claims
    /// build their runs from `Config()`.
    public struct Config: Sendable {
        /// The disorder parametrization of Fig. 9 (W_c = 10, J = 1): 1/xi = ln(W/W_c).
        public var crossover = DisorderCrossover()
        /// delta of W_delta(L) (116), the centre of the local Thouless fits.
        public var threshold = 0.01
        /// The lengths of the Thouless-frequency table and fits (121), (122): L = 10, 20, 40, 60.
        public var thoulessLengths: [Double] = [10, 20, 40, 60]
        /// The W axis of the Thouless table: `thoulessPoints` points on [2, 9.9] (thermal side of W_c = 10).
        public var thoulessDisorders: ClosedRange<Double> = 2...9.9
        public var thoulessPoints = 200
        /// The Floquet [log chi] (126) of Sec. V H: Lambda = 20, at 1/xi = 0, +-0.005 on L in [2, 400].
        public var fidelityResonanceLength = 20.0
        public var fidelityInverseCorrelationLengths: [Double] = [0, 0.005, -0.005]
        public var fidelityLengths: ClosedRange<Double> = 2...400
        public var fidelityPoints = 100
        /// The straight-line fits of [log chi] against L: over L = 160..400 (|xi| = 1000 > L/2 at
        /// 1/xi = +-0.001: regions I/II), at 1/xi = 0.
        public var fidelityFitLengths = grid(from: 160, to: 400, points: 25, logarithmic: false)
        public var fidelityFitInverseCorrelationLengths: [Double] = [0]
        /// What `run` computes.
        public var parts = Set(Part.allCases)

        public init() {}

        /// The W grid of the Thouless table.
        public var thoulessDisorderGrid: [Double] {
            grid(thoulessDisorders, points: thoulessPoints)
        }

        /// The L grid of the [log chi] table.
        public var fidelityLengthGrid: [Double] {
            grid(fidelityLengths, points: fidelityPoints)
        }
    }

    /// The tables and fits `run` computes; those left out come back empty.
    public enum Part: Sendable, Hashable, CaseIterable {
        /// omega_Th (122) against W for each of `thoulessLengths`.
        case thouless
        /// The fits of ln omega_Th (121) over the thermal window and around W_delta(L), per length.
        case thoulessFits
        /// [log chi] (126) against L.
        case fidelity
        /// The slopes of [log chi] over `fidelityFitLengths`.
        case fidelityFits
    }

    /// The fits of ln omega_Th = b - c W (121) at one L.
    public struct ThoulessFits: Sendable {
        public var length: Double
        /// W_c/e <= W <= W_c exp(-2/L) (1 <= |xi| <= L/2) and the fit over it.
        public var thermalWindow: ClosedRange<Double>
        public var thermal: LinearFit
        /// W_delta(L) (116), W_delta +- 10% and the fit over it.
        public var crossoverDisorder: Double
        public var crossoverWindow: ClosedRange<Double>
        public var nearCrossover: LinearFit
    }

    /// The fit of [log chi] = s L + b over `fidelityFitLengths` at one 1/xi.
    public struct FidelityFit: Sendable {
        public var inverseCorrelationLength: Double
        public var fit: LinearFit
    }

    public struct Result: Sendable {
        /// W, omega_Th_L<L> per length, rate_c.
        public var thouless: ColumnTable
        public var thoulessFits: [ThoulessFits]
        /// L, L/Lambda, log_chi_invxi_<1/xi> per 1/xi, the critical closed form and 2 ln 2 L.
        public var fidelity: ColumnTable
        public var fidelityFits: [FidelityFit]
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        let parts = config.parts, wc = config.crossover.criticalDisorder
        let thouless = parts.contains(.thouless)
            ? thoulessTable(criticalDisorder: wc, lengths: config.thoulessLengths, disorders: config.thoulessDisorderGrid)
            : ColumnTable(columns: [])
        let thoulessFits = parts.contains(.thoulessFits) ? try config.thoulessLengths.map { try fitThouless(config, length: $0) } : []
        let fidelity = parts.contains(.fidelity)
            ? try fidelityTable(resonanceLength: config.fidelityResonanceLength,
                                inverseCorrelationLengths: config.fidelityInverseCorrelationLengths, lengths: config.fidelityLengthGrid)
            : ColumnTable(columns: [])
        let fidelityFits = parts.contains(.fidelityFits) ? try config.fidelityFitInverseCorrelationLengths.map { invXi in
            FidelityFit(inverseCorrelationLength: invXi,
                        fit: try fidelityFit(resonanceLength: config.fidelityResonanceLength, inverseCorrelationLength: invXi,
                                             lengths: config.fidelityFitLengths))
        } : []
        return Result(thouless: thouless, thoulessFits: thoulessFits, fidelity: fidelity, fidelityFits: fidelityFits)
    }

    /// The two fits of (121) at `length`; throws `InputError` (parameter `lengths`) where a window is empty.
    static func fitThouless(_ config: Config, length: Double) throws -> ThoulessFits {
        let wc = config.crossover.criticalDisorder
        guard let thermalWindow = ThoulessFrequency.thermalWindow(criticalDisorder: wc, length: length) else {
            throw InputError(parameter: "lengths", detail: "the thermal fit over W_c/e <= W <= W_c exp(-2/L) needs every L > 2 (got \(length))")
        }
        let thermal = try thoulessFit(criticalDisorder: wc, length: length, window: thermalWindow)
        let wDelta = try config.crossover.crossoverDisorder(threshold: config.threshold, length: length).root
        guard let crossoverWindow = ThoulessFrequency.crossoverWindow(crossoverDisorder: wDelta, criticalDisorder: wc) else {
            throw InputError(parameter: "lengths", detail: "W_delta(L = \(length)) = \(wDelta) lies above W_c: no window W_delta +- 10% below W_c")
        }
        return ThoulessFits(length: length, thermalWindow: thermalWindow, thermal: thermal, crossoverDisorder: wDelta,
                            crossoverWindow: crossoverWindow,
                            nearCrossover: try thoulessFit(criticalDisorder: wc, length: length, window: crossoverWindow))
    }

    /// (114): [Czz] at 1/xi = 0 from the models against the closed forms, for each L.
    public static func transitionMemory(resonanceLength lambda: Double, lengths: [Double]) throws -> ColumnTable {
        func memory(_ setting: ResonanceSetting, _ length: Double) throws -> Double {
            resonanceModel(setting, try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: lambda, length: length)).infiniteTimeMemory
        }
        return ColumnTable(columns: [
            ("L", lengths),
            ("czz_floquet", try lengths.map { try memory(.floquet, $0) }),
            ("czz_floquet_114", lengths.map { FloquetResonanceModel.memoryAtTransition(length: $0, resonanceLength: lambda) }),
            ("czz_hamiltonian", try lengths.map { try memory(.hamiltonian, $0) }),
            ("czz_hamiltonian_114", lengths.map { HamiltonianResonanceModel.memoryAtTransition(length: $0, resonanceLength: lambda) }),
        ])
    }

    /// (115): q(r) as 1/xi -> 0 (here 1/xi = +-1e-9) against 1/Lambda (Floquet), 1/sqrt(4 Lambda r)
    /// (Hamiltonian, (89)) and the paper's printed 1/sqrt(r Lambda).
    public static func scaleFreeResonances(resonanceLength lambda: Double, ranges: [Double]) throws -> ColumnTable {
        guard let largest = ranges.max() else { throw InputError(parameter: "ranges", detail: "give at least one range") }
        let near = try ResonanceParameters(inverseCorrelationLength: 1e-9, resonanceLength: lambda, length: 2 * largest)
        let floquet = FloquetResonanceModel(near), hamiltonian = HamiltonianResonanceModel(near)
        return ColumnTable(columns: [
            ("r", ranges),
            ("q_floquet", ranges.map { floquet.resonanceProbability(atRange: $0) }),
            ("q_floquet_115", ranges.map { _ in 1 / lambda }),
            ("q_hamiltonian", ranges.map { hamiltonian.resonanceProbability(atRange: $0) }),
            ("q_hamiltonian_89", ranges.map { 1 / (4 * lambda * $0).squareRoot() }),
            ("q_hamiltonian_115_printed", ranges.map { 1 / (lambda * $0).squareRoot() }),
        ])
    }

    /// (122) against W (thermal side) for each L, with 1/xi = ln(W/W_c).
    public static func thoulessTable(criticalDisorder wc: Double, lengths: [Double], disorders: [Double]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("W", disorders)]
        for length in lengths {
            columns.append(("omega_Th_L\(Int(length))", disorders.map { ThoulessFrequency.value(disorder: $0, criticalDisorder: wc, length: length) }))
        }
        columns.append(("rate_c", disorders.map { ThoulessFrequency.exponentialRate(disorder: $0, criticalDisorder: wc) }))
        return ColumnTable(columns: columns)
    }

    /// Fit of ln omega_Th = b - c W (121) over a W window; returns the fit (slope = -c).
    public static func thoulessFit(criticalDisorder wc: Double, length: Double, window: ClosedRange<Double>, points: Int = 41) throws -> LinearFit {
        let ws = (0..<points).map { window.lowerBound + (window.upperBound - window.lowerBound) * Double($0) / Double(points - 1) }
        return try LinearLeastSquares.line(x: ws, y: ws.map { log(ThoulessFrequency.value(disorder: $0, criticalDisorder: wc, length: length)) })
    }

    /// [log chi] (126) against L for the Floquet RM at the given 1/xi values, with 2 ln 2 L and the
    /// 1/xi = 0 closed form beside it.
    public static func fidelityTable(resonanceLength lambda: Double, inverseCorrelationLengths: [Double], lengths: [Double]) throws -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("L", lengths), ("L_over_Lambda", lengths.map { $0 / lambda })]
        for invXi in inverseCorrelationLengths {
            columns.append(("log_chi_invxi_\(invXi)", try lengths.map { length in
                try meanLogSusceptibility(resonanceLength: lambda, inverseCorrelationLength: invXi, length: length)
            }))
        }
        columns.append(("log_chi_critical_closed_form", lengths.map {
            FidelitySusceptibility.criticalMeanLogSusceptibility(length: $0, resonanceLength: lambda) }))
        columns.append(("two_ln2_L", lengths.map { 2 * M_LN2 * $0 }))
        return ColumnTable(columns: columns)
    }

    /// Straight-line fit of [log chi] against L over `lengths` at 1/xi.
    public static func fidelityFit(resonanceLength lambda: Double, inverseCorrelationLength invXi: Double, lengths: [Double]) throws -> LinearFit {
        try LinearLeastSquares.line(x: lengths, y: lengths.map { length in
            try meanLogSusceptibility(resonanceLength: lambda, inverseCorrelationLength: invXi, length: length)
        })
    }

    /// [log chi] (126) of the Floquet RM at (Lambda, 1/xi, L); throws `ResonanceModelError` outside
    /// the model's domain.
    static func meanLogSusceptibility(resonanceLength lambda: Double, inverseCorrelationLength invXi: Double, length: Double) throws -> Double {
        FidelitySusceptibility(FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda,
                                                                             length: length)))
            .meanLogSusceptibility()
    }

    /// (128)-(131): integral_0^{L/2} q dr for both settings, the L -> infinity closed forms, and the
    /// discrete Floquet rho vbar (129), against L at the given 1/xi.
    public static func stabilityTable(resonanceLength lambda: Double, inverseCorrelationLength invXi: Double, lengths: [Double]) throws -> ColumnTable {
        let models = try lengths.map { try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, length: $0) }
        return ColumnTable(columns: [
            ("L", lengths),
            ("q_integral_floquet", models.map { StabilityCriterion.expectedResonances(FloquetResonanceModel($0), upToRange: $0.maximumRange) }),
            ("q_integral_hamiltonian", models.map { StabilityCriterion.expectedResonances(HamiltonianResonanceModel($0), upToRange: $0.maximumRange) }),
            ("limit_floquet", lengths.map { _ in StabilityCriterion.floquetLimit(inverseCorrelationLength: invXi, resonanceLength: lambda) }),
            ("limit_hamiltonian", lengths.map { _ in StabilityCriterion.hamiltonianLimit(inverseCorrelationLength: invXi, resonanceLength: lambda) }),
            ("rho_vbar_floquet_discrete", models.map { StabilityCriterion.floquetMeanMatrixElementDensity(FloquetResonanceModel($0),
                                                                                                         upToRange: Int($0.maximumRange)) }),
        ])
    }
}
