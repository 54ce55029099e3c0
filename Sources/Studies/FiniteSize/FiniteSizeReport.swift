import Foundation
import NumericKit
import ResonanceModel

/// The report section on the RM's finite-size predictions (Secs. IV B, V; Figs. 1, 7, 9): the
/// figures with their data and gnuplot bodies, and a table of fitted numbers beside the paper's
/// statements. Parameters are those of Fig. 9 (W_c = 10, J = 1, delta = 0.01, Lambda from (83)).
public struct FiniteSizeReport: Sendable {
    public var commandLine: String
    public var crossover = CrossoverDriftStudy.Config().crossover
    public var threshold = CrossoverDriftStudy.Config().threshold

    public init(commandLine: String) { self.commandLine = commandLine }

    func metadata(_ parameters: [(String, JSONValue)]) -> OutputMetadata {
        OutputMetadata(parameters: parameters, commandLine: commandLine)
    }

    public func section() throws -> ReportSection {
        var driftConfig = CrossoverDriftStudy.Config()
        driftConfig.crossover = crossover
        driftConfig.threshold = threshold
        let driftResult = try CrossoverDriftStudy.run(driftConfig)
        var exponents = ApparentExponentStudy.Config()
        exponents.crossover = crossover
        exponents.threshold = threshold
        let smallL = driftConfig.lengths
        let analysis = try driftResult.requiredAnalysis()
        var drift = driftResult.drift
        drift.columns.append(("W_117_fit", smallL.map { analysis.form.disorder(length: $0) }))
        drift.columns.append(("W_linear_fit", smallL.map { analysis.linearFit.intercept + analysis.linearFit.slope * $0 }))
        let base: [(String, JSONValue)] = [("Wc", .number(crossover.criticalDisorder)), ("J", .number(crossover.interaction)), ("delta", .number(threshold))]

        let entropy = driftResult.curves
        let fig9 = ReportFigure(
            identifier: "fig9-probe-entanglement", title: "Probe entanglement [S_P] against W/W_c (Fig. 9)",
            claim: "The crossover from ln 2 (thermal) to small [S_P] moves to larger W as L grows; L -> infinity gives a sharp transition at W_c (Sec. V E).",
            caption: "[S_P] = ln 2 (1 - F1(L/2)) (120), (91), 1/xi = ln(W/W_c), Lambda(W) from (83), for L = 5, 10, ..., 60; dashed: L -> infinity.",
            parameters: "W_c = 10, J = 1, L = 5..60",
            data: [ReportData(fileName: "fig9_entropy.csv", table: entropy, metadata: metadata(base))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "W/W_c", yLabel: "[S_P]"), series:
                PlotSeries.family(entropy, file: "fig9_entropy.csv", columns: entropy.columns.dropFirst().map(\.name).filter { $0 != "S_P_inf" })
                + [PlotSeries(.columns(file: "fig9_entropy.csv", x: "W_over_Wc", y: "S_P_inf"), title: "L = inf", color: "black", dash: 2)]))
        let inset = ReportFigure(
            identifier: "fig9-drift", title: "Drift W_delta(L) (Fig. 9 inset)",
            claim: "W_delta(L) ~ W_c exp(-l_delta/(L+1)) (117) increases approximately linearly with L at small L (App. D).",
            caption: String(format: "Root of [Czz](W_delta) = 0.01 on the exact F1 (solid); (117) with fitted l_delta = %.3f +- %.3f over L = 1..60 (dotted; max deviation %.3f W_c); linear fit over L = %.0f..%.0f: slope %.4f +- %.4f (dashed). Inflection of (117) at L = %.2f, linear range to L = %.2f. W_delta = W_c at L* = %.0f; W_delta(inf) = %.4f.",
                             analysis.scale117.slope, analysis.scale117.slopeError, analysis.maximumFormDeviation,
                             analysis.linearRange.lowerBound, analysis.linearRange.upperBound, analysis.linearFit.slope,
                             analysis.linearFit.slopeError, analysis.form.inflectionLength, analysis.form.linearRangeEnd,
                             analysis.criticalCrossingLength, analysis.infiniteLengthLimit),
            parameters: "W_c = 10, J = 1, delta = 0.01",
            data: [ReportData(fileName: "fig9_drift.csv", table: drift, metadata: metadata(base))],
            plot: """
            set xlabel "L"; set ylabel "W_{/Symbol d} (W_c = 10)"; set key right bottom
            plot "fig9_drift.csv" using "L":"W_delta" with lines title "exact root", \
                 "fig9_drift.csv" using "L":"W_117_fit" with lines dt 3 lc rgb "black" title "(117) fit", \
                 "fig9_drift.csv" using "L":"W_linear_fit" with lines dt 2 title "linear fit (small L)"
            """)

        let regimes = RegimeMapStudy.Config()
        let lambda = regimes.resonanceLength
        let regimeMap = try RegimeMapStudy.run(regimes)
        let regimeFigure = ReportFigure(
            identifier: "fig1-regimes", title: "Regime map over (1/zeta, L) (Fig. 1)",
            claim: "RM-MBL, region I (L < Lambda), region II, thermal, and an inconsistent region where min(L/2, |xi|) >~ sqrt(Lambda) (95).",
            caption: "Colours: the regime of each (1/zeta, L) (code in the CSV: 0 RM-MBL, 1 region I, 2 region II, 3 thermal, 4 inconsistent). Lines: |xi| = L/2, L = Lambda, L = 2 sqrt(Lambda). Thresholds: consistency 1, region boundary 1 (RegimeThresholds defaults).",
            parameters: "Lambda = 30",
            data: [ReportData(fileName: "fig1_map.csv", table: regimeMap.map, metadata: metadata([("Lambda", .number(lambda))])),
                   ReportData(fileName: "fig1_lines.csv", table: regimeMap.lines, metadata: metadata([("Lambda", .number(lambda))]))],
            plot: """
            set xlabel "1/{/Symbol z}"; set ylabel "L"
            set cbrange [-0.5:4.5]; set palette maxcolors 5
            set palette defined (0 "#1b6ca8", 1 "#8ecae6", 2 "#6a4c93", 3 "#d1495b", 4 "#aaaaaa")
            set cbtics ("RM-MBL" 0, "region I" 1, "region II" 2, "thermal" 3, "inconsistent" 4)
            set key opaque box
            set rmargin 16
            set xrange [0:1.386]; set yrange [0.5:80.5]
            plot "fig1_map.csv" using "inv_zeta":"L":"regime" with image notitle, \
                 "fig1_lines.csv" using "inv_zeta_xi_half_L_thermal":"L" with lines lc rgb "black" title "|xi| = L/2", \
                 "fig1_lines.csv" using "inv_zeta_xi_half_L_localized":"L" with lines lc rgb "black" notitle, \
                 \(lambda) with lines dt 2 lc rgb "black" title "L = Lambda", \
                 \(2 * lambda.squareRoot()) with lines dt 3 lc rgb "black" title "L = 2 sqrt(Lambda)"
            """)

        var predictions = FiniteSizePredictionsStudy.Config()
        predictions.crossover = crossover
        predictions.threshold = threshold
        predictions.parts = [.thouless, .fidelity, .fidelityFits]
        let predicted = try FiniteSizePredictionsStudy.run(predictions)
        let thoulessTable = predicted.thouless
        let thoulessFigure = ReportFigure(
            identifier: "thouless", title: "Thouless frequency (122) against W",
            claim: "omega_Th ~ exp(-c W) (121) follows from omega_Th ~ J (xi/L)^2 exp(-2|xi|/zeta_c) near W_delta (Sec. V F).",
            caption: "omega_Th (122) with 1/xi = ln(W/W_c) for L = 10, 20, 40, 60 (log scale). The local rate c(W) = -d ln omega_Th/dW varies along W (it is negative for |xi| < zeta_c): the exponential form holds only over windows around W_delta(L).",
            parameters: "W_c = 10, J = 1",
            data: [ReportData(fileName: "thouless.csv", table: thoulessTable, metadata: metadata([("Wc", .number(crossover.criticalDisorder))]))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "W (W_c = 10)", yLabel: "{/Symbol w}_{Th} / J", logY: true, powerTicksY: true,
                                              yRange: 1e-14...1, key: "bottom left"),
                               series: PlotSeries.family(thoulessTable, file: "thouless.csv",
                                                         columns: thoulessTable.columns.map(\.name).filter { $0.hasPrefix("omega_Th_L") })))

        let chiTable = predicted.fidelity, chiLambda = predictions.fidelityResonanceLength
        let chiFigure = ReportFigure(
            identifier: "log-chi", title: "[log chi] (126) against L (Floquet RM)",
            claim: "[log chi] = L (2 ln 2 + O(Lambda/L)) in regions I/II: maximal chaos approached once L > Lambda (Sec. V H).",
            caption: "[log chi] by quadrature of (126) at 1/xi = 0, +-0.005, the 1/xi = 0 closed form, and 2 ln 2 L.",
            parameters: "Lambda = \(JSONValue.format(chiLambda))",
            data: [ReportData(fileName: "log_chi.csv", table: chiTable,
                              metadata: metadata([("Lambda", .number(chiLambda))]))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "L", yLabel: "[log {/Symbol c}]", key: "left top"), series:
                PlotSeries.family(chiTable, file: "log_chi.csv", columns: chiTable.columns.map(\.name).filter { $0.hasPrefix("log_chi") })
                + [PlotSeries(.columns(file: "log_chi.csv", x: "L", y: "two_ln2_L"), title: "2 ln 2 L", color: "black", dash: 2)]))

        let nuDirect = try ApparentExponentStudy.direct(relativeDistances: exponents.relativeDistances, localizedSide: true)
        let nuDrift = try ApparentExponentStudy.drift(crossover, threshold: threshold, lengths: exponents.driftLengths)
        guard let chiFit = predicted.fidelityFits.first(where: { $0.inverseCorrelationLength == 0 })?.fit else {
            throw InputError(parameter: "fidelityFitInverseCorrelationLengths", detail: "the report's [log chi] row needs the fit at 1/xi = 0")
        }
        let table = ReportTable(
            title: "Finite-size predictions: measured against the paper",
            header: ["quantity", "measured", "paper"],
            rows: [
                ["l_delta of (117), fit over L = 1..60", String(format: "%.3f +- %.3f", analysis.scale117.slope, analysis.scale117.slopeError), "a delta-dependent constant"],
                ["linear drift slope dW_delta/dL", String(format: "%.4f +- %.4f over L = %.0f..%.0f", analysis.linearFit.slope, analysis.linearFit.slopeError, analysis.linearRange.lowerBound, analysis.linearRange.upperBound), "linear for L + 1 <~ l_delta (1/2 + sqrt(3/4))"],
                ["inflection of (117)", String(format: "L = %.2f", analysis.form.inflectionLength), "L = l_delta/2 - 1"],
                ["W_delta crosses W_c", String(format: "L* = 2 Lambda(W_c) ln^2 delta = %.0f; W_delta(inf) = %.4f", analysis.criticalCrossingLength, analysis.infiniteLengthLimit), "converges to W_c from below"],
                ["nu, direct from (39)", String(format: "%.4f +- %.4f", nuDirect.exponent, nuDirect.error), "nu = 1 (106)"],
                ["apparent nu from the drift, L = 10..60", String(format: "%.3f +- %.3f", nuDrift.exponent, nuDrift.error), "nu = 1"],
                ["[log chi] slope, 1/xi = 0, L = 8..20 Lambda", String(format: "%.4f +- %.4f (intercept %.2f)", chiFit.slope, chiFit.slopeError, chiFit.intercept), "2 ln 2 = 1.3863; O(Lambda/L): c - 4 ln 2 Lambda"],
                ["(128) Floquet / Hamiltonian, L -> inf", "xi/Lambda, sqrt(pi xi/(4 Lambda)) (quadrature-checked)", "<< 1 for MBL"],
            ] + (try transitionRows()))
        return ReportSection(
            title: "Finite-size predictions of the RM",
            introduction: "The drift of the crossover (Fig. 9, App. D), the regime map (Fig. 1), the Thouless frequency (122) and the fidelity susceptibility (126), computed from the RM's closed forms with root finding and quadrature.",
            figures: [fig9, inset, regimeFigure, thoulessFigure, chiFigure], tables: [table])
    }

    /// (114), (115) and the generalised criterion, evaluated from the model (not restated): [Czz] = F(L/2)
    /// at 1/xi = 0 against the closed forms, q(r) against 1/Lambda and 1/sqrt(4 Lambda r), and rho vbar of
    /// the generalised RM fed the coarse-grained Floquet varrho against (1/2) integral q dr.
    func transitionRows() throws -> [[String]] {
        let lambda = 10.0, length = 40.0, range = 7.0
        let p = try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: lambda, length: length)
        let floquet = FloquetResonanceModel(p), hamiltonian = HamiltonianResonanceModel(p)
        let kappa = p.matrixElementDecayRate
        let generalised = try GeneralizedResonanceModel(lowerCutoff: floquet.matrixElement(atRange: p.maximumRange),
                                                        upperCutoff: p.interaction) { v in
            floquet.resonanceProbability(atRange: log(p.interaction / v) / kappa) / (2 * kappa * v * v)
        }
        let fmt = { (x: Double) in String(format: "%.10g", x) }
        return [
            ["(114) [Czz] at 1/xi = 0, L = 40, Lambda = 10",
             "Floquet \(fmt(floquet.infiniteTimeMemory)) vs exp(-L/(2 Lambda)) = \(fmt(FloquetResonanceModel.memoryAtTransition(length: length, resonanceLength: lambda))); Hamiltonian \(fmt(hamiltonian.infiniteTimeMemory)) vs exp(-sqrt(L/(2 Lambda))) = \(fmt(HamiltonianResonanceModel.memoryAtTransition(length: length, resonanceLength: lambda)))",
             "exp(-L/(2 Lambda)), exp(-sqrt(L/(2 Lambda)))"],
            ["(115) q(r = 7) at 1/xi = 0",
             "Floquet q Lambda = \(fmt(floquet.resonanceProbability(atRange: range) * lambda)); Hamiltonian q sqrt(4 Lambda r) = \(fmt(hamiltonian.resonanceProbability(atRange: range) * (4 * lambda * range).squareRoot())), q sqrt(Lambda r) = \(fmt(hamiltonian.resonanceProbability(atRange: range) * (lambda * range).squareRoot()))",
             "1/Lambda; 1/sqrt(r Lambda) (the factor is 1/sqrt(4 Lambda r) by (89))"],
            ["rho vbar, generalised RM with the Floquet varrho (98), 1/xi = 0, L = 40",
             "\(fmt(StabilityCriterion.meanMatrixElementDensity(generalised))) vs (1/2) integral q dr = \(fmt(-0.5 * floquet.logUnresonatedFraction(atRange: p.maximumRange)))",
             "rho vbar ~ const (MBL), ~ 2^(L/2) (thermal) (131)"],
        ]
    }
}
