import Foundation
import ResonanceModel

/// The figure of W_delta(L) extended beyond the dense engine: the dense crossings (L <= 9), the
/// typicality crossings of `TypicalityDriftExtension` (L = 10...16), the RM fitted to the dense
/// points and extrapolated (its prediction at the larger L), and the RM fitted to all of them.
public struct DriftExtensionFigure: Sendable {
    public var typicality: TypicalityDriftExtension
    public var commandLine: String

    public init(typicality: TypicalityDriftExtension, commandLine: String) {
        self.typicality = typicality
        self.commandLine = commandLine
    }

    static func f(_ x: Double, _ digits: Int = 3) -> String { x.isFinite ? String(format: "%.\(digits)g", x) : "n/a" }

    /// The RM of the dense fit, and the RM fitted to dense and typicality crossings together.
    public struct Fits: Sendable {
        public var lengths: [Int]
        public var dense: [Double]
        public var denseError: [Double]
        public var typical: [Double]
        public var typicalError: [Double]
        public var predicted: [Double]
        public var combined: CrossoverDriftComparison.Result
    }

    public static func fits(dense d: CrossoverDriftComparison.Result,
                            typical: [(length: Int, disorder: Double, error: Double)], threshold: Double) -> Fits {
        let lengths = Array(Set(d.lengths + typical.map(\.length))).sorted()
        func pick(_ pairs: [(Int, Double)], _ l: Int) -> Double { pairs.first { $0.0 == l }?.1 ?? .nan }
        let dense = lengths.map { pick(Array(zip(d.lengths, d.crossover)), $0) }
        let denseError = lengths.map { pick(Array(zip(d.lengths, d.crossoverError)), $0) }
        let typ = lengths.map { pick(typical.map { ($0.length, $0.disorder) }, $0) }
        let typError = lengths.map { pick(typical.map { ($0.length, $0.error) }, $0) }
        let rm = CrossoverDriftComparison.model(criticalDisorder: d.criticalDisorder, criticalResonanceLength: d.criticalResonanceLength)
        let predicted = lengths.map { (try? rm.crossoverDisorder(threshold: threshold, length: Double($0)).root) ?? .nan }
        // Dense where present, else typicality.
        let merged = zip(dense, typ).map { $0.isFinite ? $0 : $1 }
        let mergedError = zip(zip(dense, denseError), typError).map { $0.0.isFinite ? $0.1 : $1 }
        let nanRows = lengths.map { _ in d.disorders.map { _ in Double.nan } }
        let combined = CrossoverDriftComparison.fit(lengths: lengths, disorders: d.disorders, memory: nanRows, memoryError: nanRows,
                                                    crossover: merged, crossoverError: mergedError, threshold: threshold)
        return Fits(lengths: lengths, dense: dense, denseError: denseError, typical: typ, typicalError: typError,
                    predicted: predicted, combined: combined)
    }

    /// The figure and the agreement row, or nil when no stored typicality run is complete.
    public func contents(dense d: CrossoverDriftComparison.Result, points: [TypicalityDriftExtension.Point]) -> (figure: ReportFigure, row: [String])? {
        let e = typicality
        let typical = e.crossings(points)
        guard !points.isEmpty else { return nil }
        let fits = Self.fits(dense: d, typical: typical, threshold: e.threshold)
        let f = { (x: Double) in Self.f(x) }
        let table = ColumnTable(columns: [
            ("L", fits.lengths.map(Double.init)), ("W_delta_dense", fits.dense), ("W_delta_dense_err", fits.denseError),
            ("W_delta_typicality", fits.typical), ("W_delta_typicality_err", fits.typicalError),
            ("W_delta_rm_dense_fit", fits.predicted), ("W_delta_rm_all_fit", fits.combined.modelCrossover),
        ])
        let memory = ColumnTable(columns: [
            ("L", points.map { Double($0.length) }), ("W", points.map(\.disorder)), ("czz_window", points.map(\.value)),
            ("czz_window_se", points.map(\.standardError)), ("drift", points.map(\.drift)),
            ("typicality_err", points.map(\.typicalityError)), ("realizations", points.map { Double($0.realizations) }),
        ])
        let maxDrift = points.map { abs($0.drift) }.max() ?? .nan
        let maxTypicality = points.map(\.typicalityError).max() ?? .nan
        let w = e.window
        let estimator = "late-window average of typicality C(t): one Haar-random state per realization propagated by Chebyshev on the matrix-free Hamiltonian, C at \(w.count) stratified times in Jt = [\(f(w.start)), \(f(w.end))], averaged"
        let numbers = fits.lengths.indices.filter { fits.typical[$0].isFinite || fits.predicted[$0].isFinite }.map { i -> String in
            let l = fits.lengths[i]
            let measured = fits.dense[i].isFinite ? "dense \(f(fits.dense[i])) +- \(Self.f(fits.denseError[i], 2))"
                : "typicality \(f(fits.typical[i])) +- \(Self.f(fits.typicalError[i], 2))"
            return "L=\(l): \(measured), RM \(f(fits.predicted[i]))"
        }.joined(separator: "; ")
        let figure = ReportFigure(
            identifier: "compare-drift-typicality", title: "Drift W_delta(L) beyond the dense engine: [Czz] by dynamical typicality at L = \(e.lengths.map(String.init).joined(separator: ", "))",
            claim: "The drift of W_delta(L) (116) continues beyond the sizes of the dense engine as the RM fitted at small L predicts (Fig. 9).",
            caption: "delta = \(f(e.threshold)). Filled: crossings of the dense [Czz] (diagonal ensemble, L = \(d.lengths.map(String.init).joined(separator: ", "))); open: crossings of [Czz] estimated by the \(estimator) (runs stored in \(e.directory.relativePath), realizations \(e.lengths.map { "L = \($0): \(e.realizations[$0] ?? 4)" }.joined(separator: ", "))). Estimator bias: the window mean is the diagonal ensemble plus the off-diagonal remainder of the pairs with |E_a - E_b| below about 1/(\(f(w.end - w.start))) J (the part of C(t) still decaying), estimated by the drift of [C] across the window (first half minus second half; largest |drift| here \(Self.f(maxDrift, 2))), plus the typicality error 1/sqrt(R N (D+1)) <= \(Self.f(maxTypicality, 2)). A 1/t tail leaves 2.94 times the drift, so the error bars are the standard error over realizations and \(f(TypicalityDriftExtension.biasPerDrift)) x |drift| in quadrature. Against the dense engine on the same realizations at L = 10 the window mean lies above the diagonal ensemble by up to 0.035 near the crossing, 1.5-2 times the drift, which moves W_delta down by about 0.3 (docs/dynamics.md): the typicality crossings are biased low. Solid: RM fitted to the dense points (W_c = \(f(d.criticalDisorder)), Lambda_c = \(f(d.criticalResonanceLength))) and extrapolated; dashed: RM fitted to all points (W_c = \(f(fits.combined.criticalDisorder)), Lambda_c = \(f(fits.combined.criticalResonanceLength)), rms ln ratio \(Self.f(fits.combined.modelRmsLogRatio, 2))). W_delta: \(numbers).",
            parameters: "heisenberg-o3 with probe (h = W), \(e.lengths.map { l in "L = \(l): W = \(e.disorders(length: l).map { JSONValue.format($0) }.joined(separator: ", "))" }.joined(separator: "; ")), seed \(e.seed); e.g. \(e.command(length: e.lengths.last ?? 14, disorder: e.disorders(length: e.lengths.last ?? 14)[0]))",
            data: [ReportData(fileName: "cmp_drift_typicality.csv", table: table,
                              metadata: OutputMetadata(parameters: [("threshold", .number(e.threshold))], commandLine: commandLine)),
                   ReportData(fileName: "cmp_drift_typicality_czz.csv", table: memory,
                              metadata: OutputMetadata(parameters: [("window_start", .number(w.start)), ("window_end", .number(w.end)),
                                                                    ("window_times", .integer(w.count))], commandLine: commandLine))],
            plot: """
            set xlabel "L"; set ylabel "W_{/Symbol d}"; set key left top; set xrange [\((fits.lengths.first ?? 6) - 1):\((fits.lengths.last ?? 14) + 1)]
            plot "cmp_drift_typicality.csv" using "L":"W_delta_dense":"W_delta_dense_err" with yerrorbars pt 7 title "dense [Czz] (diagonal ensemble)", \\
                 "cmp_drift_typicality.csv" using "L":"W_delta_typicality":"W_delta_typicality_err" with yerrorbars pt 6 ps 1.5 title "typicality, late-window average", \\
                 "cmp_drift_typicality.csv" using "L":"W_delta_rm_dense_fit" with lines lw 2 title "RM fitted to dense, extrapolated", \\
                 "cmp_drift_typicality.csv" using "L":"W_delta_rm_all_fit" with lines dt 2 title "RM fitted to all"
            """)
        let row = ["drift W_delta(L) beyond the dense engine (typicality, late window)",
                   "\(numbers); RM fitted to all: W_c = \(f(fits.combined.criticalDisorder)), Lambda_c = \(f(fits.combined.criticalResonanceLength)), rms ln ratio \(Self.f(fits.combined.modelRmsLogRatio, 2))"]
        return (figure, row)
    }
}
