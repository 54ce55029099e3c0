import Foundation
import ResonanceModel

/// The report section of App. B, C: Fig. 11 (critical decay of F), Fig. 12 (profiles f(e, r)) and
/// the energy-dependent asymptotics (B7)-(B9), each with the measured exponents and a verdict on
/// the paper's claim. All numbers come from `LossDiffusionSolver` (tolerance 1e-4).
public struct LossDiffusionReport: Sendable {
    public var config = LossDiffusionStudy.Config()
    public var commandLine: String
    var resonanceLengths: [Double] { config.resonanceLengths }
    var maxRatio: Double { config.maxRatio }

    public init(commandLine: String) { self.commandLine = commandLine }

    func metadata(_ figure: String, _ extra: [(String, JSONValue)] = []) -> OutputMetadata {
        OutputMetadata(parameters: [("figure", .string(figure)), ("W", .number(1)), ("J", .number(1)), ("tolerance", .number(config.tolerance))] + extra,
                       commandLine: commandLine)
    }

    static func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

    public func section() throws -> ReportSection {
        let result = try LossDiffusionStudy.run(config)
        let (fig11, exponentFigure, table) = try criticalDecayFigures(result.criticalDecays)
        let (energyFigure, energyTable) = try energyDependentFigure(try result.requiredEnergyDependent())
        let profile = try profileFigure(try result.requiredProfiles())
        return ReportSection(
            title: "Loss diffusion beyond the energy-blind approximation (App. B, C; Figs. 11, 12)",
            introduction: """
            The loss-diffusion equation (86) df/dr = W^2 f'' - q f, solved deterministically (co-moving \
            Ornstein-Uhlenbeck frame x = (e - W/2)/s_e(r), Scharfetter-Gummel finite volumes, TR-BDF2 in \
            sqrt(r) with step doubling, grid refinement; relative accuracy 1e-4, validated against F1 (91), \
            the exact (C17) and the random-walk solver of App. C). The local exponent d ln F/d ln r = -r p/F \
            uses the solver's p = integral q f, so it is not a numerical derivative.
            """,
            figures: [fig11, exponentFigure, profile, energyFigure],
            tables: [table, energyTable])
    }

    // MARK: Fig. 11

    /// Fig. 11 from the critical decays of `resonanceLengths` (in order).
    func criticalDecayFigures(_ decays: [LossDiffusionStudy.CriticalDecay]) throws -> (ReportFigure, ReportFigure, ReportTable) {
        var data = [ReportData]()
        var rows = [[String]]()
        var decaySeries = [PlotSeries](), exponentSeries = [PlotSeries]()
        var exponentsAt300 = [Double](), ratiosAtOne = [Double](), crossings = [Double](), belowLambda = [String]()
        for (k, decay) in decays.enumerated() {
            let lambda = decay.resonanceLength, table = decay.table
            let name = "fig11-Lambda\(Int(lambda)).csv"
            data.append(ReportData(fileName: name, table: table, metadata: metadata("fig11", [("Lambda", .number(lambda))])))
            decaySeries.append(PlotSeries(.columns(file: name, x: "r_over_Lambda", y: "Lambda_p"), title: "Lambda = \(Int(lambda))", lineType: k + 1))
            exponentSeries.append(PlotSeries(.columns(file: name, x: "r_over_Lambda", y: "local_exponent"), title: "Lambda = \(Int(lambda))", lineType: k + 1))
            let at = [0.1, 1, 10, 100, 300, 1000].map { LossDiffusionStudy.localExponent(table, atRatio: $0) }
            exponentsAt300.append(at[4])
            belowLambda.append("\(Self.f(at[0])), \(Self.f(at[1]))")
            let ratios = table.values(named: "r_over_Lambda")!, fs = table.values(named: "F")!
            let one = ratios.firstIndex { $0 >= 1 }!
            ratiosAtOne.append(fs[one] / exp(-ratios[one].squareRoot()))
            let cross = table.values(named: "local_exponent")!.firstIndex { $0 <= -2 }.map { ratios[$0] } ?? .nan
            crossings.append(cross)
            rows.append(["\(Int(lambda))"] + at.map { Self.f($0) } + [Self.f(ratiosAtOne.last!, 3), cross.isNaN ? "-" : Self.f(cross, 0)])
        }
        // References: exp(-sqrt(r/Lambda)) and (Lambda/r)^2, as Lambda |dF/dr|, and their local exponents.
        let x = LossDiffusionStudy.logRanges(from: 1e-3, to: maxRatio, perDecade: config.perDecade)
        data.append(ReportData(fileName: "fig11-reference.csv", table: ColumnTable(columns: [
            ("r_over_Lambda", x),
            ("stretched", x.map { 0.5 / $0.squareRoot() * exp(-$0.squareRoot()) }),
            ("power", x.map { $0 >= 1 ? 2 * 0.35 / ($0 * $0 * $0) : .nan }),
            ("stretched_exponent", x.map { $0 <= 10 ? -0.5 * $0.squareRoot() : .nan }),
            ("power_exponent", x.map { $0 >= 1 ? -2 : .nan }),
        ]), metadata: metadata("fig11 references")))
        let reference = "fig11-reference.csv", grey = "#444444"
        decaySeries += [PlotSeries(.columns(file: reference, x: "r_over_Lambda", y: "stretched"), title: "exp(-sqrt(r/Lambda))", color: grey, dash: 3),
                        PlotSeries(.columns(file: reference, x: "r_over_Lambda", y: "power"), title: "(Lambda/r)^2", color: grey, dash: 2)]
        exponentSeries += [PlotSeries(.columns(file: reference, x: "r_over_Lambda", y: "stretched_exponent"), title: "-sqrt(r/Lambda)/2", color: grey, dash: 3),
                           PlotSeries(.columns(file: reference, x: "r_over_Lambda", y: "power_exponent"), title: "-2", color: grey, dash: 2)]
        let atLambda = "set arrow from 1, graph 0 to 1, graph 1 nohead lc rgb \"#aaaaaa\""
        let decayFigure = FigurePlot(axes: PlotAxes(xLabel: "r/Lambda", yLabel: "Lambda |dF/dr|", logX: true, logY: true, powerTicksY: true,
                                                    key: "bottom left", decorations: [atLambda]), series: decaySeries)
        let exponentPlot = FigurePlot(axes: PlotAxes(xLabel: "r/Lambda", yLabel: "d ln F / d ln r", logX: true, yRange: -3.2...0.05,
                                                     key: "bottom left", decorations: [atLambda]), series: exponentSeries)
        let lambdas = resonanceLengths.map { "\(Int($0))" }.joined(separator: ", ")
        let fig11 = ReportFigure(
            identifier: "fig11-critical-decay", title: "Fig. 11: Lambda |dF/dr| at the transition, energy-independent matrix elements",
            claim: "For r < Lambda F(r) = exp(-sqrt(r/Lambda)); for r > Lambda the decay is slower, F ~ (Lambda/r)^2, and this continues asymptotically (App. C 1).",
            caption: """
            Lambda |dF/dr| against r/Lambda for Lambda = \(lambdas), from the PDE (C2), (C3). The curves for \
            different Lambda nearly collapse. At r = Lambda, F/exp(-sqrt(r/Lambda)) = \
            \(ratiosAtOne.map { Self.f($0, 3) }.joined(separator: ", ")): the stretched exponential \
            is a fair but not quantitative description for r < Lambda. Beyond Lambda the decay is slower than exp(-sqrt(r/Lambda)), \
            as claimed, but it is not a power law: see the local exponent.
            """,
            parameters: "1/xi = 0, W = 1 (scales out), Lambda = \(lambdas), r/Lambda up to \(Int(maxRatio))",
            data: data, figure: decayFigure)
        let exponentFigure = ReportFigure(
            identifier: "fig11-local-exponent", title: "Fig. 11 (local exponent): d ln F/d ln r against r/Lambda",
            claim: "F ~ (Lambda/r)^2 asymptotically: the local exponent should settle at -2.",
            caption: """
            The local exponent -r p/F. The stretched exponential exp(-sqrt(r/Lambda)) has exponent \
            -sqrt(r/Lambda)/2 = -0.16, -0.50 at r/Lambda = 0.1, 1; measured: \(belowLambda.joined(separator: "; ")) \
            (Lambda = \(resonanceLengths.map { "\(Int($0))" }.joined(separator: ", "))), i.e. about 2/3 of it: the \
            stretched exponential is qualitative only (the energy-resolved loss is weaker than the energy-blind one). \
            It does not settle at -2: it crosses -2 at r/Lambda = \(crossings.map { Self.f($0, 0) }.joined(separator: ", ")) \
            and keeps growing in magnitude (at r/Lambda = 300: \(exponentsAt300.map { Self.f($0) }.joined(separator: ", "))). \
            Verdict: (Lambda/r)^2 describes only a window around r/Lambda ~ 10^2-10^3; the measured \
            decay is faster than any fixed power at large r, consistent with an absorbing region |x| < b(r) \
            that widens as b ~ sqrt(ln(r/Lambda)) in the co-moving frame (the loss rate in ln r grows as sqrt(r/Lambda)).
            """,
            parameters: "as Fig. 11", data: [], figure: exponentPlot)
        let table = ReportTable(title: "Local exponent d ln F/d ln r of the critical problem (C2), (C3)",
                                header: ["Lambda", "r/Lambda=0.1", "1", "10", "100", "300", "1000", "F/exp(-sqrt(r/Lambda)) at r=Lambda", "r/Lambda where exponent = -2"],
                                rows: rows)
        return (fig11, exponentFigure, table)
    }

    // MARK: Fig. 12

    func profileFigure(_ solution: LossDiffusionSolution) throws -> ReportFigure {
        let lambda = config.profileResonanceLength, ranges = config.profileRanges
        let table = LossDiffusionStudy.profileTable(solution)
        // Depletion of the centre relative to the mean: s_e f(W/2 + 0, r)/F(r) against the free value 1/sqrt(2 pi).
        let centre = table.values(named: "e_over_s")!.firstIndex { $0 >= 0 }!
        let depletion = solution.profiles.map { $0.density[centre * 2] * $0.diffusionWidth }
        let profiles = zip(ranges, table.columns.dropFirst()).enumerated().map { k, pair in
            PlotSeries(.columns(file: "fig12-profiles.csv", x: "e_over_s", y: pair.1.name), title: "r = \(JSONValue.format(pair.0))", lineType: k + 1)
        }
        let figure = FigurePlot(axes: PlotAxes(xLabel: "(e - W/2)/s_e(r)", yLabel: "s_e(r) f(e, r)", logY: true, powerTicksY: true,
                                               xRange: -6...6, yRange: 1e-8...1, key: "top right"),
                                series: profiles)
        return ReportFigure(
            identifier: "fig12-profiles", title: "Fig. 12: profiles f(e, r) at log-spaced r",
            claim: "The centre of the distribution is depleted faster than the mean, f(0, r) decays faster than F(r), for r > Lambda; this violates the approximation of Sec. III B 4.",
            caption: """
            s_e(r) f(e, r) against (e - W/2)/s_e(r) (co-moving coordinate; the free profile is the unit \
            normal, 0.399 at the centre) for Lambda = \(Int(lambda)), r = \(ranges.map { JSONValue.format($0) }.joined(separator: ", ")). \
            Central value s_e f: \(depletion.map { String(format: "%.2e", $0) }.joined(separator: ", ")). \
            Verdict: confirmed; the surviving weight sits in two lobes at |x| of order sqrt(ln(r/Lambda)), \
            which is why F(r) decays faster than the claimed power law at large r.
            """,
            parameters: "1/xi = 0, W = 1, Lambda = \(Int(lambda))",
            data: [ReportData(fileName: "fig12-profiles.csv", table: table, metadata: metadata("fig12", [("Lambda", .number(lambda))]))],
            figure: figure)
    }

    // MARK: Energy-dependent matrix elements

    func energyDependentFigure(_ solutions: (full: LossDiffusionSolution, deltaSink: LossDiffusionSolution)) throws -> (ReportFigure, ReportTable) {
        let study = config.energyDependent
        let (full, sink) = solutions
        let energyDependentResonanceLength = study.resonanceLength, energyDensityScale = study.energyDensityScale
        let fullTable = study.observables(full), sinkTable = study.observables(sink)
        let gamma = study.strength, l = DeltaSinkSolution(strength: gamma, disorder: 1).crossoverRange
        let exact = DeltaSinkSolution(strength: gamma, disorder: 1)
        let r = full.ranges
        var rows = [[String]]()
        let sinkS = sinkTable.values(named: "S_log_exponent")!, fullS = fullTable.values(named: "S_log_exponent")!
        let sinkC = sinkTable.values(named: "czz_log_exponent")!, fullC = fullTable.values(named: "czz_log_exponent")!
        for target in [1e2, 1e3, 1e4, 1e5, 1e6] {
            guard let i = r.firstIndex(where: { $0 >= target * 0.999 }) else { continue }
            let j = min(i, r.count - 2)
            rows.append([String(format: "%.0e", r[i]), Self.f(fullC[i], 3), Self.f(fullS[j], 3), Self.f(sinkC[i], 3), Self.f(sinkS[j], 3),
                         String(format: "%.3f", sink.unresonatedFraction[i] / exact.unresonatedFraction(atRange: r[i]))])
        }
        let columns: [(name: String, values: [Double])] = [
            ("r", r), ("F_C5", full.unresonatedFraction), ("F_C7", sink.unresonatedFraction),
            ("F_C17", r.map { exact.unresonatedFraction(atRange: $0) }), ("F_C19", r.map { exact.asymptoticUnresonatedFraction(atRange: $0) }),
            ("exponent_C5", fullC), ("exponent_C7", sinkC),
        ]
        let last = r.count - 1
        let file = "fig-energy-dependent.csv", grey = "#444444"
        let plot = FigurePlot(axes: PlotAxes(xLabel: "r", yLabel: "F(r)", logX: true, logY: true, powerTicksY: true, key: "bottom left"), series: [
            PlotSeries(.columns(file: file, x: "r", y: "F_C5"), title: "(C5) energy-dependent q", lineType: 1),
            PlotSeries(.columns(file: file, x: "r", y: "F_C7"), title: "(C7) delta sink, gamma (C6)", lineType: 2),
            PlotSeries(.columns(file: file, x: "r", y: "F_C17"), style: .points, title: "exact (C17), l = 4W^2/gamma^2", color: grey, pointType: 6),
            PlotSeries(.columns(file: file, x: "r", y: "F_C19"), title: "2W/(gamma sqrt(pi r))", color: grey, dash: 2),
        ])
        let figure = ReportFigure(
            identifier: "fig-energy-dependent", title: "Energy-dependent matrix elements (B3)-(B9), (C5)-(C19)",
            claim: "With energy-dependent matrix elements q -> gamma delta(e) at large r, so F ~ r^(-1/2), [Czz(t)] ~ (ln Jt)^(-1/2) and [S(omega)] ~ |omega|^-1 (ln|J/omega|)^(-3/2) (B7)-(B9).",
            caption: """
            Lambda = \(Int(energyDependentResonanceLength)), mu = \(energyDensityScale), W = 1: gamma (C6) = \(String(format: "%.4f", gamma)), \
            l = 4W^2/gamma^2 = \(String(format: "%.1f", l)). The delta-sink problem (C7) follows (C17) (PDE/exact \
            within 1e-4) and reaches d ln F/d ln r = \(Self.f(sinkC[last], 3)) at r = \(String(format: "%.0e", r[last])) (-1/2 claimed): \
            confirmed. The full energy-dependent rate (C5) does not reduce to the delta sink: its width in e \
            grows like sqrt(r), in proportion to s_e(r), so it is not asymptotically narrower than the \
            distribution; its local exponent drifts, \(Self.f(fullC[last], 3)) at r = \(String(format: "%.0e", r[last])). \
            Through the light cone ln(Jt) = ln|J/omega| = 2r/zeta_c these exponents are those of [Czz] in ln Jt \
            and, for p (the [S] column), of omega [S] in ln|J/omega|. Verdict: (B7)-(B9) hold for the model (C7) \
            but not for (C5), where F decays faster than r^(-1/2).
            """,
            parameters: "1/xi = 0, W = J = 1, Lambda = \(Int(energyDependentResonanceLength)), mu = \(energyDensityScale)",
            data: [ReportData(fileName: "fig-energy-dependent.csv", table: ColumnTable(columns: columns),
                              metadata: metadata("energy-dependent", [("Lambda", .number(energyDependentResonanceLength)), ("mu", .number(energyDensityScale))]))],
            figure: plot)
        let table = ReportTable(
            title: "Energy-dependent case: measured log-exponents (B8 predicts -1/2 for [Czz] against ln Jt, B9 -3/2 for omega [S] against ln|J/omega|)",
            header: ["r = ln(Jt)/kappa", "(C5) d ln Czz/d ln ln Jt", "(C5) d ln(omega S)/d ln ln|J/omega|", "(C7) Czz exponent", "(C7) S exponent", "(C7) PDE/(C17)"],
            rows: rows)
        return (figure, table)
    }
}
