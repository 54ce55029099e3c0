import Foundation
import ResonanceModel

/// The report section "The resonance model against exact numerics": the five comparisons at
/// sizes that keep the section near two minutes on two cores (release). Each figure puts exact
/// disorder averages (standard-error bars) and the RM on the same axes, and its caption gives the
/// agreement numbers. Realization counts are the defaults of each comparison type (documented
/// there); `resonance compare ...` reruns any of them, larger.
public struct ComparisonReport: Sendable {
    public var commandLine: String
    public var lbit: LBitComparison.Config = {
        var c = LBitComparison.Config()
        c.realizations = 16
        c.driveFrequencies = [8 * Double.pi, 32 * Double.pi, 128 * Double.pi]
        return c
    }()
    /// Stored exact averages of the l-bit model at larger L (`resonance compare lbit --store-exact`),
    /// in `StoredData`; the RMs are recomputed on them.
    public var lbitCacheFiles = [StoredData.url("lbit_exact_L10.csv").relativePath]
    /// Stored runs of `resonance compare tail-exponent` (theta0 from the tail of varrho against L).
    public var tailExponentFiles = [StoredData.url("tail_exponent_L8_10.csv").relativePath]
    public var generalized = GeneralizedComparison.Config()
    public var inverseFrequency: InverseFrequencyAnalysis.Config = {
        var a = InverseFrequencyAnalysis.Config()
        a.lengths = [10, 12, 14]
        a.realizations = [10: 20, 12: 8, 14: 2]
        return a
    }()
    public var drift = CrossoverDriftComparison.Config()
    /// W_delta(L) beyond the dense engine from stored typicality runs (`.full`: computes missing ones).
    public var typicalityDrift = TypicalityDriftExtension()
    public var computeTypicalityDrift = false
    public var criterion = CriterionComparison.Config()

    /// The report at `scope`: `.full` keeps the sizes above; `.standard` (the default report)
    /// draws the same figures from smaller runs (see `ReportScope`).
    public init(commandLine: String, scope: ReportScope = .full) {
        self.commandLine = commandLine
        computeTypicalityDrift = scope == .full
        guard scope == .standard else { return }
        generalized.realizations = 8
        inverseFrequency.lengths = [10, 12]
        drift.realizations[9] = 2
    }

    static func f(_ x: Double, _ digits: Int = 3) -> String { x.isFinite ? String(format: "%.\(digits)g", x) : "n/a" }

    /// The section, its disorder-averaged runs in the sink in effect (`StudySinks.current`).
    public func section() throws -> ReportSection { try section(sink: StudySinks.current()) }

    /// The section, its disorder-averaged runs in `sink`.
    public func section(sink: any StudySink) throws -> ReportSection {
        func metadata(_ extra: [(String, JSONValue)]) -> OutputMetadata {
            OutputMetadata(parameters: extra, commandLine: commandLine)
        }
        func f(_ x: Double, _ digits: Int = 3) -> String { Self.f(x, digits) }
        var figures: [ReportFigure] = []
        var rows: [[String]] = []
        var extraTables: [ReportTable] = []

        // 1. l-bit model against the Floquet RM.
        let points = try LBitComparison.run(lbit, sink: sink)
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]
        let label = { (p: LBitComparison.Point) in "zeta=\(f(p.localizationLength)) Lambda=\(f(p.resonanceLength))" }
        let storedPoints = points.filter { lbit.stored(localizationLength: $0.localizationLength, driveFrequency: $0.driveFrequency) != nil }.count
        let lbitParameters = "lbit, L = \(lbit.length), J = \(f(lbit.interaction)), \(lbit.realizations) realizations per point, seed \(lbit.seed)"
            + (storedPoints > 0 ? "; exact averages of \(storedPoints) of \(points.count) points read from \(RunCache.current?.lbitSource ?? "") (same parameters; --full recomputes them)" : "")
        let spectralLines = points.enumerated().map { i, p -> String in
            let c = colours[i % colours.count]
            return "\"cmp_lbit_S.csv\" using \"omega\":\"S_ed_\(i)\":\"S_ed_\(i)_err\" with yerrorbars pt 7 ps 0.5 lc rgb \"\(c)\" title \"\(label(p))\", \"cmp_lbit_S.csv\" using \"omega\":\"S_rm_\(i)\" with lines lc rgb \"\(c)\" notitle, \"cmp_lbit_S.csv\" using \"omega\":\"S_drm_\(i)\" with steps dt 2 lc rgb \"\(c)\" notitle, \"cmp_lbit_S.csv\" using \"omega\":\"S_2l_\(i)\" with lines dt 3 lc rgb \"\(c)\" notitle"
        }
        let spectralSummary = points.map { "\(label($0)): rms ln ratio continuum \(f($0.spectralAgreement.rmsLogRatio, 2)), discrete \(f($0.discreteSpectralAgreement.rmsLogRatio, 2)) over \($0.spectralAgreement.points) bins" }.joined(separator: "; ")
        figures.append(ReportFigure(
            identifier: "compare-lbit-spectral", title: "[S(omega)] of the l-bit model: ED, discrete RM and continuum RM (52)",
            claim: "With zeta and Lambda = zeta_c Omega/(8J) known, the Floquet RM predicts the exact [S(omega)] with no fitted parameter, better as Lambda grows (docs/exact-numerics.md, lbit).",
            caption: "Points: exact [S] of sigma^z_P on log bins (5 per decade); solid: continuum RM (52) averaged over the same bins; dashed steps: discrete RM (integer ranges, exact N_r and element law of (13); its range-0 element is exactly J, an atom in the bin containing J); dotted: the same shells with every partner an exact two-level problem (first order). ED/discrete ratios with errors at every L are in the table below. Agreement in omega_c < omega < J: \(spectralSummary).",
            parameters: lbitParameters,
            data: [ReportData(fileName: "cmp_lbit_S.csv", table: ComparisonTables.lbitSpectra(points), metadata: metadata([("length", .integer(lbit.length))]))],
            plot: """
            set logscale xy; set format x "10^{%L}"; set format y "10^{%L}"; set xrange [1e-5:1.5]; set yrange [1e-4:1e3]
            set xlabel "|{/Symbol w}| / J"; set ylabel "[S({/Symbol w})]"; set key left bottom font ",8"
            plot \((spectralLines + ["NaN with lines lc rgb \"black\" title \"continuum RM\"", "NaN with steps dt 2 lc rgb \"black\" title \"discrete RM\"", "NaN with lines dt 3 lc rgb \"black\" title \"two-level partners\""]).joined(separator: ", \\\n     "))
            """))
        let correlatorLines = points.enumerated().map { i, p -> String in
            let c = colours[i % colours.count]
            return "\"cmp_lbit_czz.csv\" using \"t\":\"czz_ed_\(i)\":\"czz_ed_\(i)_err\" with yerrorbars pt 7 ps 0.5 lc rgb \"\(c)\" title \"\(label(p))\", \"cmp_lbit_czz.csv\" using \"t\":\"czz_rm_\(i)\" with lines lc rgb \"\(c)\" notitle, \"cmp_lbit_czz.csv\" using \"t\":\"czz_drm_\(i)\" with lines dt 2 lc rgb \"\(c)\" notitle"
        }
        figures.append(ReportFigure(
            identifier: "compare-lbit-correlator", title: "[Czz(t)] of the l-bit model against the Floquet RM (47)",
            claim: "[Czz(t)] decays from 1 to [Czz] = F(L/2) as the RM's light cone (47), (49) sweeps out the chain.",
            caption: "Points: exact [Czz(t)] at integer periods; solid: continuum RM (47) at the same physical time; dashed: discrete RM. rms ln ratio (continuum) for t >= 1: \(points.map { "\(label($0)): \(f($0.correlatorAgreement.rmsLogRatio, 2))" }.joined(separator: "; ")).",
            parameters: lbitParameters,
            data: [ReportData(fileName: "cmp_lbit_czz.csv", table: ComparisonTables.lbitCorrelators(points), metadata: metadata([("length", .integer(lbit.length))]))],
            plot: """
            set logscale x; set xrange [0.8:2e4]; set yrange [0:1.05]; set xlabel "t / T"; set ylabel "[C_{zz}(t)]"; set key right top font ",8"
            plot \(correlatorLines.joined(separator: ", \\\n     "))
            """))
        let summary = ComparisonTables.lbitSummary(points)
        let zetas = lbit.localizationLengths
        let memorySeries = zetas.enumerated().flatMap { i, z -> [PlotSeries] in
            let c = colours[i % colours.count], file = "cmp_lbit_summary.csv"
            return [
                PlotSeries(.columns(file: file, x: "Lambda", y: "czz_ed", yError: "czz_ed_err", only: ("zeta", z)), style: .yerrorbars,
                           title: "[Czz] ED, zeta = \(f(z))", color: c, pointType: 7),
                PlotSeries(.columns(file: file, x: "Lambda", y: "czz_rm", only: ("zeta", z)), style: .linespoints,
                           title: "F(L/2) RM", color: c, dash: 2, pointType: 6),
                PlotSeries(.columns(file: file, x: "Lambda", y: "hybridized_ed", yError: "hybridized_ed_err", only: ("zeta", z)), style: .yerrorbars,
                           title: "hybridized fraction ED", color: c, pointType: 5),
                PlotSeries(.columns(file: file, x: "Lambda", y: "resonant_rm", only: ("zeta", z)), style: .linespoints,
                           title: "1 - F(L/2) RM", color: c, dash: 3, pointType: 4),
            ]
        }
        figures.append(ReportFigure(
            identifier: "compare-lbit-memory", title: "[Czz] and the resonant fraction of the l-bit model against the Floquet RM (45), (48)",
            claim: "[Czz] = F(L/2) (48); a fraction 1 - F(L/2) of the eigenstates has its probe resonant.",
            caption: "Filled: exact; open: RM. Hybridised: eigenstates with |<sigma^z_P>| < \(f(lbit.hybridizationThreshold)). Relative difference of [Czz]: \(points.map { "\(label($0)): \(f($0.memoryRelativeDifference, 2))" }.joined(separator: "; ")).",
            parameters: lbitParameters,
            data: [ReportData(fileName: "cmp_lbit_summary.csv", table: summary, metadata: metadata([("length", .integer(lbit.length))]))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "{/Symbol L} = {/Symbol z}_c {/Symbol W}/(8J)", yLabel: "fraction", logX: true,
                                              yRange: 0...1.05, key: "outside right", keyFont: ",8"),
                               series: memorySeries)))
        for p in points {
            rows.append(["lbit \(label(p)), 1/xi = \(f(p.inverseCorrelationLength))",
                         "[Czz] ED \(f(p.exactMemory.mean)) +- \(f(p.exactMemory.error, 1)), RM \(f(p.modelMemory)) (rel. diff. \(f(p.memoryRelativeDifference, 2))); [S] rms ln ratio \(f(p.spectralAgreement.rmsLogRatio, 2)); hybridised \(f(p.hybridizedFraction.mean)) vs 1 - F \(f(p.modelResonantFraction))"])
        }

        let discreteReport = try LBitDiscreteReport(comparison: lbit, cacheFiles: lbitCacheFiles, commandLine: commandLine).contents(reportPoints: points)
        figures.append(discreteReport.figure)
        extraTables.append(discreteReport.table)

        extraTables.append(try TailExponentReport(files: tailExponentFiles).table())
        rows.append(["Heisenberg-frequency rule (fits on exact spectra start at \(f(ExactNumericsClaims.heisenbergMultiple)) mean level spacings)",
                     "ed-apparent-one-over-omega and the Fig. 10 windows: applied (windows and exponent fits start at 3 mid-spectrum spacings, decided at L = 14); generalised RM theta fit: starts at \(f(generalized.lowFrequencyFactor)) spacings of the bare chain; ed-subthermal-entanglement, ed-rho-vbar-criterion, ed-drift-czz: no frequency window (infinite-time or integrated quantities), not affected; ed-lbit-discrete-rm: not a fit of a continuum law, the discrete RM and the two-level partners describe the same finite chain below its spacing Omega 2^-(L+1) too"])

        // 2, 3. Generalised RM from measured varrho; exponents.
        let general = try GeneralizedComparison.run(generalized, sink: sink)
        let generalLabel = { (p: GeneralizedComparison.Point) in "\(p.model.rawValue) W=\(f(p.disorder))" }
        let generalLines = general.enumerated().map { i, p -> String in
            let c = colours[i % colours.count]
            return "\"cmp_generalized_S.csv\" using \"omega\":\"S_ed_\(i)\":\"S_ed_\(i)_err\" with yerrorbars pt 7 ps 0.5 lc rgb \"\(c)\" title \"\(generalLabel(p))\", \"cmp_generalized_S.csv\" using \"omega\":\"S_gen_\(i)\" with lines lc rgb \"\(c)\" notitle"
        }
        let generalParameters = "floquet-o3 (Omega = \(f(generalized.floquetDriveFrequency))) and heisenberg-o3 with probe, L = \(generalized.length), J = 1, \(generalized.realizations) realizations per point, seed \(generalized.seed)"
        figures.append(ReportFigure(
            identifier: "compare-generalized", title: "Generalised RM (102) from the measured varrho(v) against the measured [S(omega)]",
            claim: "The measured matrix-element density varrho(v) (97) predicts [S(omega)] = p(|omega|)/2 through (100)-(102).",
            caption: "Points: exact [S] of sigma^z_P (4 bins per decade); lines: (102) with varrho of V = J sigma^x_0 measured in the bare chain on the same realizations, averaged over the same bins. Agreement where varrho is populated and omega < J: \(general.map { "\(generalLabel($0)): rms ln ratio \(f($0.agreement.rmsLogRatio, 2)), [Czz] \(f($0.exactMemory.mean, 2)) vs F(0) \(f($0.predictedMemory, 2))" }.joined(separator: "; ")).",
            parameters: generalParameters,
            data: [ReportData(fileName: "cmp_generalized_S.csv", table: ComparisonTables.generalizedSpectra(general), metadata: metadata([("length", .integer(generalized.length))]))],
            plot: """
            set logscale xy; set format x "10^{%L}"; set format y "10^{%L}"; set xrange [1e-5:3]; set yrange [1e-4:1e3]
            set xlabel "|{/Symbol w}| / J"; set ylabel "[S({/Symbol w})]"; set key left bottom font ",8"
            plot \(generalLines.joined(separator: ", \\\n     "))
            """))
        figures.append(ReportFigure(
            identifier: "compare-exponents", title: "theta from [S(omega)] and theta0 from varrho(v) against W",
            claim: "theta = theta0 on the localised side (57); theta0 = zeta_c/(2 xi + zeta_c) (51) gives xi; [Czz] = F(L/2) then gives Lambda.",
            caption: "theta: exponent of [S] ~ omega^(-1 + theta) fitted from \(f(generalized.lowFrequencyFactor)) level spacings (of the bare chain) to J; theta0: small-v exponent of varrho plus 2. Implied 1/xi and Lambda: \(general.map { "\(generalLabel($0)): 1/xi = \(f($0.inverseCorrelationLength, 2)), Lambda = \(f($0.impliedResonanceLength ?? .nan, 2)) (default \(f($0.defaultResonanceLength, 2)))" }.joined(separator: "; ")).",
            parameters: generalParameters,
            data: [ReportData(fileName: "cmp_exponents.csv", table: ComparisonTables.generalizedSummary(general), metadata: metadata([]))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "W", yLabel: "exponent", logX: true, key: "left top"), series: [
                (1.0, "floquet-o3", "#1f77b4", 7, 6), (0.0, "heisenberg-o3", "#d62728", 5, 4),
            ].flatMap { floquet, model, colour, filled, open in [
                PlotSeries(.columns(file: "cmp_exponents.csv", x: "W", y: "theta", yError: "theta_err", only: ("floquet", floquet)),
                           style: .yerrorbars, title: "{/Symbol q} \(model)", color: colour, pointType: filled),
                PlotSeries(.columns(file: "cmp_exponents.csv", x: "W", y: "theta0", yError: "theta0_err", only: ("floquet", floquet)),
                           style: .yerrorbars, title: "{/Symbol q}_0 \(model)", color: colour, pointType: open),
            ] })))
        for p in general {
            rows.append(["generalised RM, \(generalLabel(p))",
                         "[S] rms ln ratio \(f(p.agreement.rmsLogRatio, 2)) (\(p.agreement.points) bins); [Czz] \(f(p.exactMemory.mean)) vs F(0) \(f(p.predictedMemory)); theta \(f(p.theta?.value ?? .nan, 2)) +- \(f(p.theta?.error ?? .nan, 1)), theta0 \(f(p.theta0?.value ?? .nan, 2)) +- \(f(p.theta0?.error ?? .nan, 1))"])
        }

        // 4. Fig. 10.
        let fig10 = try InverseFrequencyAnalysis.run(inverseFrequency, sink: sink)
        let largest = inverseFrequency.lengths.max() ?? 0
        let fig10Lines = fig10.enumerated().filter { $0.element.length == largest }.enumerated().map { j, pair -> String in
            let (i, p) = pair
            return "\"cmp_inverse_frequency.csv\" using \"x_\(i)\":\"y_\(i)\":\"y_\(i)_err\" with yerrorlines pt 7 ps 0.5 lc rgb \"\(colours[j % colours.count])\" title \"W = \(f(p.disorder))\""
        }
        let fig10Summary = fig10.map { "L = \($0.length), W = \(f($0.disorder)): 1/omega \(f($0.inverseFrequency?.decades ?? 0, 2)), (111) \(f($0.logarithmic?.decades ?? 0, 2)) decades" }.joined(separator: "; ")
        figures.append(ReportFigure(
            identifier: "compare-inverse-frequency", title: "Fig. 10 analysis of the xxz chain: ([S] omega W)^-2 against (W omega)^-1",
            claim: "At weak disorder [S(omega)] follows the RM's 1/(omega sqrt(Lambda ln|J/omega|)) (111) (a straight line here) rather than a pure 1/omega (a horizontal line) (Sec. V, Fig. 10).",
            caption: "L = \(largest), S^z = 0, [S] of sigma^z_0, 5 bins per decade. Widest window (at least \(inverseFrequency.minimumBins) bins below J, reduced chi^2 < \(f(inverseFrequency.acceptableChiSquared))) of each law, in decades of omega: \(fig10Summary).",
            parameters: "xxz, L = \(inverseFrequency.lengths.map(String.init).joined(separator: ", ")), W = \(inverseFrequency.disorders.map { f($0) }.joined(separator: ", ")), realizations \(inverseFrequency.lengths.map { "L = \($0): \(inverseFrequency.realizations(at: $0))" }.joined(separator: ", ")), seed \(inverseFrequency.seed)",
            data: [ReportData(fileName: "cmp_inverse_frequency.csv", table: ComparisonTables.inverseFrequencyCurves(fig10), metadata: metadata([])),
                   ReportData(fileName: "cmp_inverse_frequency_windows.csv", table: ComparisonTables.inverseFrequencySummary(fig10), metadata: metadata([]))],
            plot: """
            set logscale xy; set format x "10^{%L}"; set xlabel "(W {/Symbol w})^{-1}"; set ylabel "([S] {/Symbol w} W)^{-2}"; set key left top
            plot \(fig10Lines.joined(separator: ", \\\n     "))
            """))
        for length in inverseFrequency.lengths {
            let subset = fig10.filter { $0.length == length }
            rows.append(["Fig. 10, L = \(length)",
                         subset.map { "W = \(f($0.disorder)): 1/omega \(f($0.inverseFrequency?.decades ?? 0, 2)) dec, (111) \(f($0.logarithmic?.decades ?? 0, 2)) dec" }.joined(separator: "; ")])
        }

        // 5. Drift.
        let d = try CrossoverDriftComparison.run(drift, sink: sink)
        let driftTable = ComparisonTables.driftSummary(d)
        let linearChi = d.linearFit.map { $0.chiSquared / Double(max($0.degreesOfFreedom, 1)) } ?? .nan
        figures.append(ReportFigure(
            identifier: "compare-drift", title: "Drift W_delta(L) of heisenberg-o3 with probe against the RM (116)",
            claim: "W_delta(L), defined by [Czz](W_delta) = delta, drifts to larger W with L, linearly at small L, as the RM with 1/xi = ln(W/W_c), Lambda ~ W^2 predicts (116), (117), Fig. 9.",
            caption: "delta = \(f(drift.threshold)). Points: crossings of the exact [Czz](W) (interpolated in ln W); solid: RM with fitted W_c = \(f(d.criticalDisorder)), Lambda(W_c) = \(f(d.criticalResonanceLength)) (rms ln ratio \(f(d.modelRmsLogRatio, 2))); dashed: straight line, slope \(f(d.linearFit?.slope ?? .nan)) +- \(f(d.linearFit?.slopeError ?? .nan, 1)), reduced chi^2 \(f(linearChi, 2)).",
            parameters: "heisenberg-o3 with probe (h = W, V = J sigma^x_0 sigma^x_P), L = \(drift.lengths.map(String.init).joined(separator: ", ")), realizations \(drift.lengths.map { "L = \($0): \(drift.realizations(at: $0))" }.joined(separator: ", ")), seed \(drift.seed)",
            data: [ReportData(fileName: "cmp_drift.csv", table: driftTable, metadata: metadata([("threshold", .number(drift.threshold))])),
                   ReportData(fileName: "cmp_drift_czz.csv", table: ComparisonTables.driftMemory(d), metadata: metadata([]))],
            plot: """
            set xlabel "L"; set ylabel "W_{/Symbol d}"; set key left top
            plot "cmp_drift.csv" using "L":"W_delta_ed":"W_delta_ed_err" with yerrorbars pt 7 title "ED", \\
                 "cmp_drift.csv" using "L":"W_delta_rm" with lines lw 2 title "RM (fitted W_c, {/Symbol L}_c)", \\
                 "cmp_drift.csv" using "L":"W_delta_linear" with lines dt 2 title "linear fit"
            """))
        rows.append(["drift W_delta(L), delta = \(f(drift.threshold))",
                     "ED \(zip(d.lengths, d.crossover).map { "L=\($0): \(f($1))" }.joined(separator: ", ")); RM fit W_c = \(f(d.criticalDisorder)), Lambda_c = \(f(d.criticalResonanceLength)), rms ln ratio \(f(d.modelRmsLogRatio, 2)); linear reduced chi^2 \(f(linearChi, 2))"])
        if let extended = DriftExtensionFigure(typicality: typicalityDrift, commandLine: commandLine)
            .contents(dense: d, points: try typicalityDrift.points(compute: computeTypicalityDrift)) {
            figures.append(extended.figure)
            rows.append(extended.row)
        }

        // 6. rho vbar against <r>.
        let c = try CriterionComparison.run(criterion, sink: sink)
        figures.append(ReportFigure(
            identifier: "compare-criterion", title: "rho vbar against <r> as phase indicators (xxz)",
            claim: "rho vbar (129)-(131) separates the thermal and localised sides at smaller L than <r>.",
            caption: "Separation = thermal minus localised indicator (1: fully separated). rho vbar: growth exponent log_2 of its ratio per two sites between consecutive L (1 for 2^(L/2), 0 saturated), plotted at the larger L; <r>: (<r> - r_P)/(r_GOE - r_P). W = \(f(criterion.thermalDisorder)) and \(f(criterion.localizedDisorder)).",
            parameters: "xxz, S^z = 0, L = \(criterion.lengths.map(String.init).joined(separator: ", ")), realizations \(criterion.lengths.map { "L = \($0): \(criterion.realizations(at: $0))" }.joined(separator: ", ")), seed \(criterion.seed)",
            data: [ReportData(fileName: "cmp_criterion.csv", table: ComparisonTables.criterionSummary(c), metadata: metadata([]))],
            plot: """
            set xlabel "L"; set ylabel "separation"; set key left top; set yrange [-0.2:1.2]
            plot "cmp_criterion.csv" using "L":"separation_rho_vbar":"separation_rho_vbar_err" with yerrorlines pt 7 title "{/Symbol r} v (growth exponent)", \\
                 "cmp_criterion.csv" using "L":"separation_r":"separation_r_err" with yerrorlines pt 5 title "<r>"
            """))
        rows.append(["rho vbar vs <r> separation",
                     "rho vbar: \(zip(c.lengths.dropFirst(), c.criterionSeparation).map { "L=\($0): \(f($1.mean, 2)) +- \(f($1.error, 1))" }.joined(separator: ", ")); <r>: \(zip(c.lengths, c.ratioSeparation).map { "L=\($0): \(f($1.mean, 2)) +- \(f($1.error, 1))" }.joined(separator: ", "))"])

        return ReportSection(
            title: "The resonance model against exact numerics",
            introduction: "Each comparison puts disorder-averaged exact data (standard-error bars) and the RM on the same axes; the numbers quantifying the agreement are in the captions and the table. Sizes and realization counts are small to keep the section near two minutes on two cores; `resonance compare lbit|generalized|inverse-frequency|drift|criterion` reruns each with larger L and more realizations (costs in each command's help).",
            figures: figures,
            tables: [ReportTable(title: "RM against exact numerics: agreement", header: ["comparison", "numbers"], rows: rows)] + extraTables)
    }
}
