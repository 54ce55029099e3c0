import Foundation
import NumericKit
import ResonanceModel

/// Fig. 9 and App. D as tables and fits: the probe entanglement (120) against W/W_c, the drift
/// W_delta(L) (116) and its approximate form (117).
public enum CrossoverDriftStudy: Study {
    /// The parametrization and lengths of Fig. 9, each default stated once: `resonance rm drift`,
    /// `rm entropy`, the report section and the audit claims build their runs from `Config()`.
    public struct Config: Sendable {
        /// W_c = 10, J = 1: 1/xi = ln(W/W_c), Lambda(W) from (83).
        public var crossover = DisorderCrossover()
        /// delta of [Czz](W_delta) = delta (116).
        public var threshold = 0.01
        /// The lengths of the Fig. 9 inset and of its fits: L = 1..60.
        public var lengths = (1...60).map(Double.init)
        /// The curves of the Fig. 9 main panel: L = 5, 10, ..., 60 on `curvePoints` W/W_c in [0.05, 3].
        public var curveLengths = stride(from: 5.0, through: 60, by: 5).map { $0 }
        public var curveRatios: ClosedRange<Double> = 0.05...3
        public var curvePoints = 300
        /// The Floquet analogue Omega_delta(L) at these 1/xi (none by default).
        public var floquetInverseCorrelationLengths: [Double] = []
        /// What `run` computes.
        public var parts: Set<Part> = [.drift, .analysis, .curves]

        public init() {}

        /// The W/W_c grid of the curves.
        public var curveRatioGrid: [Double] {
            grid(curveRatios, points: curvePoints)
        }
    }

    /// The tables and fits `run` computes; those left out come back empty (`analysis`: nil).
    public enum Part: Sendable, Hashable, CaseIterable {
        /// W_delta(L) over `lengths`.
        case drift
        /// The fits of the drift over `lengths` (App. D).
        case analysis
        /// [S_P](W/W_c) for each of `curveLengths`.
        case curves
        /// Omega_delta(L) over `lengths` at `floquetInverseCorrelationLengths`.
        case floquet
    }

    public struct Result: Sendable {
        /// L, W_delta, W_delta_minus_Wc, abs_xi, l_local, W_asymptotic_D5, log_residual.
        public var drift: ColumnTable
        public var analysis: Analysis?
        /// W_over_Wc, S_P_L<L> per length, S_P_inf.
        public var curves: ColumnTable
        /// L, Omega_delta_invxi_<1/xi> per 1/xi.
        public var floquetDrift: ColumnTable

        /// The fits; throws when the config left them out.
        public func requiredAnalysis() throws -> Analysis {
            guard let analysis else { throw InputError(parameter: "parts", detail: "the drift's fits were not computed (add .analysis to parts)") }
            return analysis
        }
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        let study = CrossoverDrift(crossover: config.crossover, threshold: config.threshold), parts = config.parts
        let empty = ColumnTable(columns: [])
        return Result(
            drift: parts.contains(.drift) ? try study.driftTable(lengths: config.lengths) : empty,
            analysis: parts.contains(.analysis) ? try study.analyse(lengths: config.lengths) : nil,
            curves: parts.contains(.curves) ? study.probeEntanglementCurves(lengths: config.curveLengths, ratios: config.curveRatioGrid) : empty,
            floquetDrift: parts.contains(.floquet)
                ? study.floquetDriftTable(inverseCorrelationLengths: config.floquetInverseCorrelationLengths, lengths: config.lengths) : empty)
    }

    /// The fitted numbers of the drift.
    public struct Analysis: Sendable {
        /// (117) with a = 1: least-squares l_delta from ln(W_c/W_delta) = l/(L + 1) over the fit range.
        public var scale117: LinearFit
        /// |xi(W_delta)| = (L + a)/l_delta: straight-line fit, giving l_delta = 1/slope and a = intercept/slope.
        public var correlationLengthFit: LinearFit
        /// W_delta = W0 + s L over the small-L range 1...linearRangeEnd.
        public var linearFit: LinearFit
        public var linearRange: ClosedRange<Double>
        /// The (117) form with the fitted l_delta (a = 1): inflection and linear-range end (App. D).
        public var form: ExponentialDriftForm
        /// Largest |W_delta - W_117| / W_c over the fit range.
        public var maximumFormDeviation: Double
        /// L* = 2 Lambda(W_c) ln^2 delta, where W_delta = W_c; and lim W_delta(L -> infinity).
        public var criticalCrossingLength: Double
        public var infiniteLengthLimit: Double
        public var fitRange: ClosedRange<Double>
    }
}

/// The drift of one parametrization and threshold: the tables and fits of `CrossoverDriftStudy`.
struct CrossoverDrift: Sendable {
    var crossover: DisorderCrossover
    var threshold: Double

    /// Fig. 9 main panel: [S_P](W/W_c) for each L, and the L -> infinity limit.
    func probeEntanglementCurves(lengths: [Double], ratios: [Double]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("W_over_Wc", ratios)]
        for length in lengths {
            columns.append(("S_P_L\(Int(length))", ratios.map {
                crossover.probeEntanglement(disorder: $0 * crossover.criticalDisorder, length: length) }))
        }
        columns.append(("S_P_inf", ratios.map { crossover.probeEntanglementLimit(disorder: $0 * crossover.criticalDisorder) }))
        return ColumnTable(columns: columns)
    }

    /// W_delta(L) by root finding, with |xi(W_delta)|, the local l_delta of (117) and the (D3)+(D5) asymptote.
    func driftTable(lengths: [Double]) throws -> ColumnTable {
        let wc = crossover.criticalDisorder
        var w = [Double](), residual = [Double](), asymptote = [Double]()
        for length in lengths {
            let root = try crossover.crossoverDisorder(threshold: threshold, length: length)
            w.append(root.root)
            residual.append(root.residual)
            asymptote.append(DriftAsymptotics.crossoverDisorder(threshold: threshold, length: length, crossover: crossover) ?? .nan)
        }
        return ColumnTable(columns: [
            ("L", lengths), ("W_delta", w), ("W_delta_minus_Wc", w.map { $0 - wc }),
            ("abs_xi", w.map { 1 / abs(DisorderParametrization.inverseCorrelationLength(disorder: $0, criticalDisorder: wc)) }),
            ("l_local", zip(w, lengths).map { DriftAsymptotics.localScale(crossoverDisorder: $0, length: $1, criticalDisorder: wc) }),
            ("W_asymptotic_D5", asymptote), ("log_residual", residual),
        ])
    }

    /// Fits over L in `lengths` (Fig. 9: 1...60).
    func analyse(lengths: [Double]) throws -> CrossoverDriftStudy.Analysis {
        let wc = crossover.criticalDisorder
        let w = try lengths.map { try crossover.crossoverDisorder(threshold: threshold, length: $0).root }
        let y = w.map { log(wc / $0) }
        let scale = try LinearLeastSquares.proportional(x: lengths.map { 1 / ($0 + 1) }, y: y)
        let xiFit = try LinearLeastSquares.line(x: lengths, y: y.map { 1 / $0 })
        let form = ExponentialDriftForm(criticalDisorder: wc, scale: scale.slope, offset: 1)
        let end = max(form.linearRangeEnd, lengths.min()! + 2)
        let small = lengths.indices.filter { lengths[$0] <= end }
        let linear = try LinearLeastSquares.line(x: small.map { lengths[$0] }, y: small.map { w[$0] })
        let deviation = zip(lengths, w).map { abs($1 - form.disorder(length: $0)) / wc }.max() ?? 0
        return CrossoverDriftStudy.Analysis(scale117: scale, correlationLengthFit: xiFit, linearFit: linear,
                        linearRange: lengths[small.first!]...lengths[small.last!], form: form,
                        maximumFormDeviation: deviation,
                        criticalCrossingLength: crossover.criticalCrossingLength(threshold: threshold),
                        infiniteLengthLimit: try crossover.crossoverDisorderLimit(threshold: threshold),
                        fitRange: lengths.min()!...lengths.max()!)
    }

    /// The Floquet analogue at fixed 1/xi: Omega_delta(L) and [S_P] = ln 2 (1 - delta) there.
    func floquetDriftTable(inverseCorrelationLengths: [Double], lengths: [Double]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("L", lengths)]
        for invXi in inverseCorrelationLengths {
            let drift = FloquetFrequencyDrift(inverseCorrelationLength: invXi, interaction: crossover.interaction)
            columns.append(("Omega_delta_invxi_\(invXi)", lengths.map { drift.crossoverDriveFrequency(threshold: threshold, length: $0) }))
        }
        return ColumnTable(columns: columns)
    }

    /// Slope of Omega_delta(L) at small L (L <= |xi|/2, where h(L/(2 xi)) ~ 1): the exact value is
    /// 4 J/(zeta_c |ln delta|) from Lambda_delta = L/(2|ln delta|).
    func floquetSmallLengthSlope(inverseCorrelationLength invXi: Double, lengths: [Double]) throws -> LinearFit {
        let drift = FloquetFrequencyDrift(inverseCorrelationLength: invXi, interaction: crossover.interaction)
        return try LinearLeastSquares.line(x: lengths, y: lengths.map { drift.crossoverDriveFrequency(threshold: threshold, length: $0) })
    }
}
