import Foundation
import NumericKit
import ResonanceModel

/// Fig. 9 and App. D as tables and fits: the probe entanglement (120) against W/W_c, the drift
/// W_delta(L) (116) and its approximate form (117).
public struct CrossoverDriftStudy: Sendable {
    public var crossover: DisorderCrossover
    public var threshold: Double
    /// The lengths of the Fig. 9 inset and of its fits: L = 1..60.
    public static let figureLengths = (1...60).map(Double.init)

    public init(crossover: DisorderCrossover = DisorderCrossover(), threshold: Double = 0.01) {
        self.crossover = crossover
        self.threshold = threshold
    }

    /// Fig. 9 main panel: [S_P](W/W_c) for each L, and the L -> infinity limit.
    public func probeEntanglementCurves(lengths: [Double], ratios: [Double]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("W_over_Wc", ratios)]
        for length in lengths {
            columns.append(("S_P_L\(Int(length))", ratios.map {
                crossover.probeEntanglement(disorder: $0 * crossover.criticalDisorder, length: length) }))
        }
        columns.append(("S_P_inf", ratios.map { crossover.probeEntanglementLimit(disorder: $0 * crossover.criticalDisorder) }))
        return ColumnTable(columns: columns)
    }

    /// W_delta(L) by root finding, with |xi(W_delta)|, the local l_delta of (117) and the (D3)+(D5) asymptote.
    public func driftTable(lengths: [Double]) throws -> ColumnTable {
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

    /// Fits over L in `lengths` (Fig. 9: 1...60).
    public func analyse(lengths: [Double]) throws -> Analysis {
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
        return Analysis(scale117: scale, correlationLengthFit: xiFit, linearFit: linear,
                        linearRange: lengths[small.first!]...lengths[small.last!], form: form,
                        maximumFormDeviation: deviation,
                        criticalCrossingLength: crossover.criticalCrossingLength(threshold: threshold),
                        infiniteLengthLimit: try crossover.crossoverDisorderLimit(threshold: threshold),
                        fitRange: lengths.min()!...lengths.max()!)
    }

    /// The Floquet analogue at fixed 1/xi: Omega_delta(L) and [S_P] = ln 2 (1 - delta) there.
    public func floquetDriftTable(inverseCorrelationLengths: [Double], lengths: [Double]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("L", lengths)]
        for invXi in inverseCorrelationLengths {
            let drift = FloquetFrequencyDrift(inverseCorrelationLength: invXi, interaction: crossover.interaction)
            columns.append(("Omega_delta_invxi_\(invXi)", lengths.map { drift.crossoverDriveFrequency(threshold: threshold, length: $0) }))
        }
        return ColumnTable(columns: columns)
    }

    /// Slope of Omega_delta(L) at small L (L <= |xi|/2, where h(L/(2 xi)) ~ 1): the exact value is
    /// 4 J/(zeta_c |ln delta|) from Lambda_delta = L/(2|ln delta|).
    public func floquetSmallLengthSlope(inverseCorrelationLength invXi: Double, lengths: [Double]) throws -> LinearFit {
        let drift = FloquetFrequencyDrift(inverseCorrelationLength: invXi, interaction: crossover.interaction)
        return try LinearLeastSquares.line(x: lengths, y: lengths.map { drift.crossoverDriveFrequency(threshold: threshold, length: $0) })
    }
}
