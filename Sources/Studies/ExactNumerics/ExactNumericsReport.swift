import Foundation
import SpinChains

/// The report section on exact numerics: level statistics of the xxz chain against `W` (the
/// MBL crossover and the drift of its crossing with `L`), `[S(omega)]` of xxz, `[Czz]` and the
/// probe entropy `[S_P]` of the Heisenberg chain with a probe against `W`, and `rho vbar` against
/// `L`. Sizes and realization counts keep the section at a few minutes on two cores (`.full`) or
/// about half a minute (`.standard`); every averaged curve has standard-error bars. Runs are kept
/// in the bound `RunCache` (the report's run store), else in a scratch directory that is removed.
public struct ExactNumericsReport: Sendable {
    public var commandLine: String
    public var seed: UInt64 = 2022
    /// `<r>` of xxz: lengths, disorders and realizations per length.
    public var levelLengths = [8, 10, 12, 14]
    public var levelDisorders: [Double] = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8]
    public var levelRealizations = [8: 200, 10: 100, 12: 30, 14: 4]
    /// `[S(omega)]` and `rho vbar` of xxz.
    public var spectralLengths = [8, 10, 12]
    public var spectralDisorders: [Double] = [0.5, 1, 2, 3, 4]
    public var spectralRealizations = [8: 60, 10: 30, 12: 10]
    /// heisenberg-o3 with a probe.
    public var probeLengths = [6, 7, 8, 9]
    public var probeDisorders: [Double] = [1, 2, 3, 4, 6, 8, 11, 15]
    public var probeRealizations = [6: 40, 7: 24, 8: 12, 9: 4]

    /// The report at `scope`: `.full` keeps the sizes above; `.standard` (the default report)
    /// draws the same figures from smaller runs (see `ReportScope`).
    public init(commandLine: String, scope: ReportScope = .full) {
        self.commandLine = commandLine
        guard scope == .standard else { return }
        levelLengths = [8, 10, 12]
        levelRealizations = [8: 200, 10: 100, 12: 20]
        spectralRealizations = [8: 60, 10: 30, 12: 6]
        probeRealizations = [6: 40, 7: 24, 8: 8, 9: 2]
    }

    public func section() throws -> ReportSection {
        let scratch = ScratchDirectories.make(prefix: "exact-numerics")
        defer { ScratchDirectories.remove(scratch) }
        func metadata(_ extra: [(String, JSONValue)]) -> OutputMetadata {
            OutputMetadata(parameters: [("seed", .string(String(seed)))] + extra, commandLine: commandLine)
        }

        // <r> of xxz against W.
        var rColumns: [(name: String, values: [Double])] = [("W", levelDisorders)]
        var rCurves: [[Double]] = []
        let levelScan = scan(levelLengths.flatMap { l in levelDisorders.map { xxz(length: l, disorder: $0) } }, observables: [.levelStatistics],
                             realizations: levelRealizations, scratch: scratch.appendingPathComponent("r"))
        let levelResults = try ExactNumericsScan.run(levelScan)
        for (i, length) in levelLengths.enumerated() {
            let results = levelResults[(i * levelDisorders.count)..<((i + 1) * levelDisorders.count)]
            let r = results.map { $0.scalar(.meanRatio)?.mean ?? .nan }
            rCurves.append(r)
            rColumns.append(("r_L\(length)", r))
            rColumns.append(("r_L\(length)_err", results.map { $0.scalar(.meanRatio)?.error ?? .nan }))
        }
        let crossings = zip(levelLengths, levelLengths.dropFirst()).enumerated().map { i, pair in
            (pair.0, pair.1, crossing(levelDisorders, rCurves[i], rCurves[i + 1]))
        }
        let crossingText = crossings.map { String(format: "L = %d/%d: W = %.2f", $0.0, $0.1, $0.2) }.joined(separator: "; ")
        let rFigure = ReportFigure(
            identifier: "ed-level-statistics", title: "<r> of the random-field xxz chain against W",
            claim: "Level statistics cross over from GOE (0.5307) to Poisson (0.3863); the crossing of the curves drifts to larger W with L (Luitz, Laflorencie and Alet find W ~ 3.7 at L = 12..22).",
            caption: "Mean gap ratio over the middle third of the S^z = 0 spectrum, periodic chain, S = sigma/2, J = Delta = 1, h_n uniform in [-W, W]. Crossings of consecutive curves (linear interpolation): \(crossingText). Error bars: standard errors over realizations (\(levelLengths.map { "L = \($0): \(levelScan.realizations(at: $0))" }.joined(separator: ", "))).",
            parameters: "xxz, L = \(levelLengths.map(String.init).joined(separator: ", ")), S^z = 0, seed \(seed)",
            data: [ReportData(fileName: "ed_r.csv", table: ColumnTable(columns: rColumns), metadata: metadata([("model", .string("xxz"))]))],
            plot: """
            set xlabel "W"; set ylabel "<r>"; set key right top; set yrange [0.36:0.56]
            set arrow from graph 0, first 0.5307 to graph 1, first 0.5307 nohead dt 2 lc rgb "gray"
            set arrow from graph 0, first 0.3863 to graph 1, first 0.3863 nohead dt 2 lc rgb "gray"
            plot \(levelLengths.map { "\"ed_r.csv\" using \"W\":\"r_L\($0)\":\"r_L\($0)_err\" with yerrorlines title \"L = \($0)\"" }.joined(separator: ", \\\n     "))
            """)

        // [S(omega)] and rho vbar of xxz.
        let spectralScan = scan(spectralLengths.flatMap { l in spectralDisorders.map { xxz(length: l, disorder: $0) } },
                                observables: [.spectral, .criterion], realizations: spectralRealizations,
                                scratch: scratch.appendingPathComponent("spectral"))
        let spectralResults = try ExactNumericsScan.run(spectralScan)
        var spectral: [Int: [ExactNumericsResult]] = [:]
        for (i, length) in spectralLengths.enumerated() {
            spectral[length] = Array(spectralResults[(i * spectralDisorders.count)..<((i + 1) * spectralDisorders.count)])
        }
        let largest = spectralLengths.max()!
        let sResults = spectral[largest]!
        var sColumns: [(name: String, values: [Double])] = [("omega", sResults[0].spectralTable!.values(named: "omega")!)]
        for (w, result) in zip(spectralDisorders, sResults) {
            sColumns.append(("S_W\(JSONValue.format(w))", result.spectralTable!.values(named: "S")!))
            sColumns.append(("S_W\(JSONValue.format(w))_err", result.spectralTable!.values(named: "S_err")!))
        }
        let residual = spectral.values.flatMap { $0 }.compactMap(\.sumRuleResidual).max() ?? .nan
        let memory = sResults.map { String(format: "%.3f", $0.scalar(.spectralDiagonalWeight)?.mean ?? .nan) }.joined(separator: ", ")
        let sFigure = ReportFigure(
            identifier: "ed-spectral-function", title: "[S(omega)] of sigma^z_0 in the xxz chain",
            claim: "On the thermal side S(omega) is flat below the Thouless scale; on the localised side it develops a power law S ~ omega^(-1 + theta) at small omega and weight moves into the omega = 0 delta function [Czz] (Secs. III, IV).",
            caption: "Off-diagonal spectral density on log-spaced |omega| bins (6 per decade), L = \(largest), S^z = 0. The delta weights [Czz] at W = \(spectralDisorders.map { JSONValue.format($0) }.joined(separator: ", ")) are \(memory). Sum rule integral S + [Czz] = 1 holds to \(String(format: "%.1e", residual)) in every run.",
            parameters: "xxz, L = \(largest), S^z = 0, \(spectralScan.realizations(at: largest)) realizations, seed \(seed)",
            data: [ReportData(fileName: "ed_spectral.csv", table: ColumnTable(columns: sColumns), metadata: metadata([("length", .integer(largest))]))],
            plot: """
            set logscale xy; set format y "10^{%L}"; set format x "10^{%L}"; set xlabel "|{/Symbol w}| / J"; set ylabel "[S({/Symbol w})]"; set key left bottom; set yrange [1e-6:30]
            plot \(spectralDisorders.map { w -> String in let n = "S_W\(JSONValue.format(w))"; return "\"ed_spectral.csv\" using \"omega\":\"\(n)\":\"\(n)_err\" with yerrorlines title \"W = \(JSONValue.format(w))\"" }.joined(separator: ", \\\n     "))
            """)

        var cColumns: [(name: String, values: [Double])] = [("L", spectralLengths.map(Double.init))]
        for (i, w) in spectralDisorders.enumerated() {
            let values = spectralLengths.map { spectral[$0]![i].scalar(.criterionRhoVbar) }
            cColumns.append(("rho_vbar_W\(JSONValue.format(w))", values.map { $0?.mean ?? .nan }))
            cColumns.append(("rho_vbar_W\(JSONValue.format(w))_err", values.map { $0?.error ?? .nan }))
        }
        let cFigure = ReportFigure(
            identifier: "ed-criterion", title: "Stability criterion rho vbar against L (xxz)",
            claim: "rho vbar = integral v varrho(v) dv (129)-(131) grows like 2^(L/2) on the thermal side and saturates on the localised side.",
            caption: "Mean over the middle third of the spectrum of (1/delta) sum_{|E_b - E_a| < delta/2} |<b|sigma^z_0|a>|, delta = 0.5; dashed: 2^(L/2) through the W = 0.5 point at the smallest L.",
            parameters: "xxz, S^z = 0, L = \(spectralLengths.map(String.init).joined(separator: ", ")), seed \(seed)",
            data: [ReportData(fileName: "ed_criterion.csv", table: ColumnTable(columns: cColumns), metadata: metadata([]))],
            plot: """
            set logscale y; set xlabel "L"; set ylabel "[{/Symbol r} v]"; set key left top
            a = \(cColumns[1].values[0]) / 2**(\(spectralLengths[0]).0/2)
            plot \(spectralDisorders.map { w -> String in let n = "rho_vbar_W\(JSONValue.format(w))"; return "\"ed_criterion.csv\" using \"L\":\"\(n)\":\"\(n)_err\" with yerrorlines title \"W = \(JSONValue.format(w))\"" }.joined(separator: ", \\\n     ")), \\
                 a * 2**(x/2) with lines dt 2 lc rgb "black" title "2^{L/2}"
            """)

        // [Czz] and [S_P] of heisenberg-o3 with a probe.
        var pColumns: [(name: String, values: [Double])] = [("W", probeDisorders)]
        // Only the infinite-time memory of Czz is drawn: no time grid (Czz(t) at t = 0 only).
        var probeSettings = ExactObservableSettings()
        probeSettings.correlatorTimes = [0]
        let probeScan = scan(probeLengths.flatMap { l in probeDisorders.map { heisenbergWithProbe(length: l, disorder: $0) } },
                             observables: [.czz, .entanglement], settings: probeSettings, realizations: probeRealizations,
                             scratch: scratch.appendingPathComponent("probe"))
        let probeResults = try ExactNumericsScan.run(probeScan)
        for (i, length) in probeLengths.enumerated() {
            let results = probeResults[(i * probeDisorders.count)..<((i + 1) * probeDisorders.count)]
            for (quantity, short) in [(ExactQuantity.czzInfiniteTime, "czz"), (.entropyProbe, "S_P")] {
                pColumns.append(("\(short)_L\(length)", results.map { $0.scalar(quantity)?.mean ?? .nan }))
                pColumns.append(("\(short)_L\(length)_err", results.map { $0.scalar(quantity)?.error ?? .nan }))
            }
        }
        let pTable = ColumnTable(columns: pColumns)
        let probeFigure = { (short: String, label: String, id: String, claim: String) -> ReportFigure in
            ReportFigure(
                identifier: id, title: "\(label) of the probe against W (heisenberg-o3)",
                claim: claim,
                caption: "Probe P at site 0: (h/2) sigma^z_P + J sigma^x_0 sigma^x_P, h = W; [Czz] is the infinite-time memory of sigma^z_P (the diagonal weight of its spectral function), [S_P] the probe's entropy averaged over all eigenstates. Realizations: \(probeLengths.map { "L = \($0): \(probeScan.realizations(at: $0))" }.joined(separator: ", ")).",
                parameters: "heisenberg-o3 with probe, L = \(probeLengths.map(String.init).joined(separator: ", ")), seed \(seed)",
                data: [ReportData(fileName: "ed_probe.csv", table: pTable, metadata: metadata([("model", .string("heisenberg-o3"))]))],
                plot: """
                set logscale x; set xrange [0.9:20]; set xlabel "W"; set ylabel "\(label)"; set key \(short == "czz" ? "left top" : "right top")
                plot \(probeLengths.map { "\"ed_probe.csv\" using \"W\":\"\(short)_L\($0)\":\"\(short)_L\($0)_err\" with yerrorlines title \"L = \($0)\"" }.joined(separator: ", \\\n     "))
                """)
        }
        let czzFigure = probeFigure("czz", "[Czz]", "ed-probe-czz",
                                    "The probe's memory [Czz] rises from 0 (thermal) towards 1 (localised); the crossover moves to larger W as L grows (Sec. V, Fig. 9).")
        let entropyFigure = probeFigure("S_P", "[S_P]", "ed-probe-entropy",
                                        "[S_P] falls from ln 2 (thermal) to 0 (localised), [S_P] ~ ln 2 (1 - [Czz]) (120); the crossover drifts to larger W with L.")
        let table = ReportTable(title: "Exact numerics: checks", header: ["quantity", "value", "reference"], rows: [
            ["<r> crossings (xxz)", crossingText, "W ~ 3.7 (Luitz et al., L = 12..22)"],
            ["largest |sum rule residual|", String(format: "%.1e", residual), "0"],
        ])
        return ReportSection(
            title: "Exact numerics",
            introduction: "Exact diagonalization of the disordered chains of docs/exact-numerics.md, disorder-averaged with standard errors; each point is a resumable `resonance ed run` (the command line in each CSV regenerates it; `resonance ed study luitz` runs the published <r> grid).",
            figures: [rFigure] + (LuitzShiftInvertFigure.figure().map { [$0] } ?? []) + [sFigure, cFigure, czzFigure, entropyFigure],
            tables: [table])
    }

    /// The scan of `problems` with this section's seed and command line: with a bound `RunCache`,
    /// each point a resumable `ed run` directory of the cache (kept and reused); without one, in
    /// `scratch` (removed with the section). Realizations per length from `counts`.
    func scan(_ problems: [EDProblem], observables: [ExactObservable], settings: ExactObservableSettings = .init(),
              realizations counts: [Int: Int], scratch: URL) -> ExactNumericsScan.Config {
        var config = ExactNumericsScan.Config()
        config.problems = problems
        config.observables = observables
        config.settings = settings
        config.realizations = counts
        config.seed = seed
        config.directory = scratch
        config.commandLine = commandLine
        return config
    }

    func xxz(length: Int, disorder: Double) -> EDProblem {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: disorder)
        problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: nil)
        return problem
    }

    func heisenbergWithProbe(length: Int, disorder: Double) -> EDProblem {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: disorder)
        problem.probe = problem.defaultProbe
        return problem
    }

    /// The first W where the larger system's curve `b` drops below `a` (linear interpolation); NaN if none.
    func crossing(_ w: [Double], _ a: [Double], _ b: [Double]) -> Double {
        for i in 0..<(w.count - 1) {
            let d0 = b[i] - a[i], d1 = b[i + 1] - a[i + 1]
            if d0 > 0 && d1 <= 0 {
                return w[i] + (w[i + 1] - w[i]) * d0 / (d0 - d1)
            }
        }
        return .nan
    }
}
