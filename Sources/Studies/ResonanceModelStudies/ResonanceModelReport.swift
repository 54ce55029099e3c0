import Foundation
import ResonanceModel

/// The report section of the analytic RM (Fig. 2 of the paper, both settings): the low-frequency
/// exponent theta against 1/zeta (2a, 2d), [S(omega)] on both sides of the transition (2b, 2e),
/// [Czz(t)] with its light cone, and [Czz] against 1/zeta (2f). Every number is computed here.
public struct ResonanceModelReport {
    public var resonanceLength: Double = 10
    public var length: Double = 60
    public var interaction: Double = 1
    public var commandLine: String

    public init(commandLine: String) { self.commandLine = commandLine }

    /// The inverse correlation lengths of the spectral-function and correlator figures.
    let inverseCorrelationLengths: [Double] = [-0.2, -0.05, 0, 0.05, 0.2, 0.5]

    public func section() throws -> ReportSection {
        var figures = [ReportFigure]()
        for setting in ResonanceSetting.allCases {
            figures.append(try exponentFigure(setting))
        }
        for setting in ResonanceSetting.allCases {
            figures.append(try spectralFunctionFigure(setting))
        }
        for setting in ResonanceSetting.allCases {
            figures.append(try correlatorFigure(setting))
        }
        figures.append(try memoryFigure())
        return ReportSection(
            title: "The resonance model (Fig. 2)",
            introduction: """
            The resonance model computed from its closed forms and integrals: eqs. (45)-(57) (Floquet) and \
            (91)-(93) (Hamiltonian, energy-blind F1). 1/xi = 1/zeta - 1/zeta_c is the distance from the RM \
            transition (zeta_c = 1/ln 2); Lambda the resonance length; J = 1 sets the units. [Czz(t)] is the \
            quadrature of (47)/(92) (steepest-descent paths where the phase exceeds 16 rad, accurate to 1e-10 \
            at any t), not the light-cone estimate, which is drawn beside it.
            """,
            figures: figures)
    }

    func parameters(_ invXi: Double, length: Double? = nil, lambda: Double? = nil) throws -> ResonanceParameters {
        try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda ?? resonanceLength,
                                interaction: interaction, length: length ?? self.length)
    }

    func metadata(_ description: String) -> OutputMetadata {
        OutputMetadata(parameters: [("figure", .string(description)), ("Lambda", .number(resonanceLength)),
                                    ("L", .number(length)), ("J", .number(interaction))], commandLine: commandLine)
    }

    static func label(_ invXi: Double) -> String { "1/xi=\(JSONValue.format(invXi))" }

    /// NaN where a value is zero or not finite, so that gnuplot leaves a gap on log axes.
    static func gap(_ x: Double) -> Double { x > 0 && x.isFinite ? x : .nan }

    // MARK: Fig. 2a / 2d

    /// theta against 1/zeta: theta0 (51) on the MBL side, theta_c (57) at the transition, and the
    /// apparent exponent 1 + d ln[S]/d ln omega measured at omega = 10 omega_c for growing L,
    /// which shows how the jump at the transition emerges as L grows.
    func exponentFigure(_ setting: ResonanceSetting) throws -> ReportFigure {
        let inverseZeta = grid(from: log(2.0) + 1e-3, to: 4, points: 240, logarithmic: false)
        let theta0 = try inverseZeta.map { try parameters($0 - log(2.0)).decayExponent }
        var columns: [(name: String, values: [Double])] = [("inv_zeta", inverseZeta), ("theta0", theta0)]
        let lengths: [Double] = [40, 160, 640]
        for l in lengths {
            let values = try inverseZeta.map { iz -> Double in
                let model = resonanceModel(setting, try parameters(iz - log(2.0), length: l, lambda: 4))
                return apparentExponent(model)
            }
            columns.append(("apparent theta L=\(Int(l))", values))
        }
        let lambdas: [Double] = [1, 4, 16]
        var critical: [(name: String, values: [Double])] = [("inv_zeta", lambdas.map { _ in log(2.0) }), ("Lambda", lambdas)]
        let thetaC = lambdas.map { setting == .floquet ? criticalLocalizationLength / (2 * $0) : 0 }
        critical.append(("theta_c", thetaC))
        let atTransition = try lengths.map { l in apparentExponent(resonanceModel(setting, try parameters(0, length: l, lambda: 4))) }
        let name = setting == .floquet ? "fig2a-theta-floquet" : "fig2d-theta-hamiltonian"
        let thetaCText = setting == .floquet
            ? "theta_c = zeta_c/(2 Lambda) = 0.180 at Lambda = 4 (orange points: Lambda = 1, 4, 16)"
            : "theta_c = 0+ (log corrections)"
        // Each point labelled with its Lambda on an opaque box drawn over the curves; where the
        // points coincide (Hamiltonian: theta_c = 0 for every Lambda) one key entry names them all.
        let lambdaList = lambdas.map { JSONValue.format($0) }.joined(separator: ", ")
        let criticalFile = "\(name)-critical.csv"
        let coincide = Set(thetaC).count < thetaC.count
        let marks = [PlotSeries(.columns(file: criticalFile, x: "inv_zeta", y: "theta_c"), style: .points,
                                title: coincide ? "theta_c (57) = 0 at Lambda = \(lambdaList)" : "theta_c (57)",
                                color: "#f28e2b", pointType: 7, pointSize: 1.6)]
            + (coincide ? [] : [PlotSeries(.labels(file: criticalFile, x: "inv_zeta", y: "theta_c", format: "{/Symbol L} = %g", text: "Lambda"), title: nil)])
        let measured = zip(lengths, atTransition).map { "L = \(Int($0)): \(String(format: "%.4f", $1))" }.joined(separator: ", ")
        let apparent = zip(lengths, [3, 5, 7]).map { l, lineType in
            PlotSeries(.columns(file: "\(name).csv", x: "inv_zeta", y: "apparent theta L=\(Int(l))"), title: "apparent, L = \(Int(l))",
                       lineType: lineType, dash: 2)
        }
        let figure = FigurePlot(
            axes: PlotAxes(xLabel: "1/{/Symbol z}", yLabel: "low-frequency exponent {/Symbol q}", xRange: 0.62...2.5, yRange: -0.02...1.02,
                           key: "bottom right",
                           decorations: ["set arrow from log(2), graph 0 to log(2), graph 1 nohead dt 3 lc rgb \"#888888\"",
                                         "set label \"1/{/Symbol z}_c = ln 2\" at log(2)+0.03, 0.95",
                                         "set style textbox opaque noborder"]),
            series: [PlotSeries(.columns(file: "\(name).csv", x: "inv_zeta", y: "theta0"), title: "theta0 (51)", lineType: 1)] + apparent + marks)
        return ReportFigure(
            identifier: name,
            title: setting == .floquet ? "Fig. 2a: exponent theta, Floquet RM" : "Fig. 2d: exponent theta, Hamiltonian RM",
            claim: setting == .floquet
                ? "[S(omega)] ~ omega^(-1+theta) at low frequency with theta = theta0 -> 1 deep in the MBL phase and theta -> 0 at the transition, where theta jumps to theta_c = zeta_c/(2 Lambda) > 0 (57)."
                : "In the Hamiltonian RM theta = theta0 in the MBL phase and theta_c = 0+ at the transition: the correction to 1/omega is logarithmic (93), (111).",
            caption: """
            Solid: theta0 = zeta_c/(2 xi + zeta_c) against 1/zeta. Dashed: the apparent exponent \
            1 + d ln[S]/d ln omega measured on the computed [S(omega)] at omega = 10 omega_c (Lambda = 4), \
            for L = 40, 160, 640: at finite L it is smooth through the transition; as L grows it approaches \
            theta0 on the MBL side. At the transition it measures \(measured); \(thetaCText).
            """,
            parameters: "Lambda = 4 (apparent exponents), J = 1, L = 40, 160, 640",
            data: [ReportData(fileName: "\(name).csv", table: ColumnTable(columns: columns), metadata: metadata(name)),
                   ReportData(fileName: "\(name)-critical.csv", table: ColumnTable(columns: critical),
                              metadata: metadata(name + " critical points"))],
            figure: figure)
    }

    /// 1 + d ln[S]/d ln omega at omega = 10 omega_c, by a central difference in ln omega.
    func apparentExponent(_ model: any ResonanceStatistics) -> Double {
        let omega = 10 * model.matrixElement(atRange: model.parameters.maximumRange)
        let h = 1e-3
        let slope = (model.logSpectralFunction(omega: omega * exp(h)) - model.logSpectralFunction(omega: omega * exp(-h))) / (2 * h)
        return 1 + slope
    }

    // MARK: Fig. 2b / 2e

    func spectralFunctionFigure(_ setting: ResonanceSetting) throws -> ReportFigure {
        let omegas = grid(from: 1e-22, to: 0.999, points: 600, logarithmic: true)
        var columns: [(name: String, values: [Double])] = [("omega", omegas)]
        var scales = [String]()
        for invXi in inverseCorrelationLengths {
            let model = resonanceModel(setting, try parameters(invXi))
            columns.append(("\(Self.label(invXi))", omegas.map { Self.gap($0 * model.spectralFunction(omega: $0)) }))
            let s = ResonanceScales(model)
            scales.append("1/xi = \(JSONValue.format(invXi)): omega_xi = \(String(format: "%.2e", s.correlationFrequency)), omega_c = \(String(format: "%.2e", s.cutoffFrequency))")
        }
        let name = setting == .floquet ? "fig2b-spectral-floquet" : "fig2e-spectral-hamiltonian"
        let table = ColumnTable(columns: columns)
        let figure = FigurePlot(axes: PlotAxes(xLabel: "{/Symbol w} / J", yLabel: "{/Symbol w} [S({/Symbol w})]", logX: true, logY: true,
                                               powerTicksX: true, powerTicksY: true, yRange: 1e-6...1, key: "bottom right"),
                                series: PlotSeries.family(table, file: "\(name).csv"))
        return ReportFigure(
            identifier: name,
            title: setting == .floquet ? "Fig. 2b: spectral function, Floquet RM" : "Fig. 2e: spectral function, Hamiltonian RM",
            claim: setting == .floquet
                ? "Near the transition [S(omega)] ~ omega^(-1+theta) between omega_xi and J, controlled by the transition; below omega_xi the phase decides: a power law down to omega_c (MBL) or a collapse (thermal) (52), (53), (59)."
                : "The same for the Hamiltonian RM, with a logarithmic rather than power-law correction to 1/omega at the transition (93), (111).",
            caption: """
            omega [S(omega)] from (52) (checked against the closed form \(setting == .floquet ? "(53)" : "(93)") to 1e-12 in the tests), \
            so a flat curve is 1/omega. Thermal curves (1/xi < 0) collapse below omega_xi = J exp(-1/|theta0|); \
            MBL curves keep the power law omega^theta0 down to the cut-off omega_c = v(L/2). \
            \(scales.joined(separator: "; ")).
            """,
            parameters: "Lambda = \(JSONValue.format(resonanceLength)), L = \(JSONValue.format(length)), J = 1",
            data: [ReportData(fileName: "\(name).csv", table: table, metadata: metadata(name))],
            figure: figure)
    }

    // MARK: [Czz(t)] with its light cone

    func correlatorFigure(_ setting: ResonanceSetting) throws -> ReportFigure {
        let times = grid(from: 0.1, to: 1e14, points: 700, logarithmic: true)
        let values: [Double] = [-0.2, 0, 0.2, 0.5]
        var columns: [(name: String, values: [Double])] = [("t", times)]
        for invXi in values {
            let model = resonanceModel(setting, try parameters(invXi))
            columns.append(("\(Self.label(invXi))", parallelMap(times) { probeCorrelator(model, time: $0) }))
            columns.append(("light cone \(Self.label(invXi))", times.map { model.lightConeCorrelator(time: $0) }))
        }
        let name = setting == .floquet ? "czz-t-floquet" : "czz-t-hamiltonian"
        let file = "\(name).csv"
        let series = values.indices.flatMap { i -> [PlotSeries] in
            let quadrature = columns[1 + 2 * i].name, cone = columns[2 + 2 * i].name
            return [PlotSeries(.columns(file: file, x: "t", y: quadrature), title: quadrature, lineType: i + 1),
                    PlotSeries(.columns(file: file, x: "t", y: cone), title: nil, lineType: i + 1, dash: 2)]
        }
        let figure = FigurePlot(axes: PlotAxes(xLabel: setting == .floquet ? "t (drive periods)" : "J t", yLabel: "[C_{zz}(t)]", logX: true,
                                               powerTicksX: true, yRange: -0.05...1.02, key: "top right"),
                                series: series)
        return ReportFigure(
            identifier: name,
            title: setting == .floquet ? "[Czz(t)] and its light cone, Floquet RM (47), (49), (50)"
                : "[Czz(t)] and its light cone, Hamiltonian RM (92), (112)",
            claim: setting == .floquet
                ? "Resonances at range r act at times t ~ 1/v(r): a logarithmic light cone r(t) = (zeta_c (1-theta0)/2) ln(J t) (50); [Czz(t)] ~ (J t)^(-theta) (58) and saturates at [Czz] = F(L/2) after t ~ 1/omega_c."
                : "At the Hamiltonian transition [Czz(t)] ~ exp(-sqrt(zeta_c ln(J t)/(2 Lambda))) (112); the same logarithmic light cone.",
            caption: """
            Solid: the quadrature of \(setting == .floquet ? "(47)" : "(92)"); dashed: the light-cone estimate F(r(t)) (49). \
            The estimate tracks the decay; the quadrature adds the oscillations at J t ~ 1 and saturates at F(L/2) once the \
            light cone reaches L/2.
            """,
            parameters: "Lambda = \(JSONValue.format(resonanceLength)), L = \(JSONValue.format(length)), J = 1, 1/xi = -0.2, 0, 0.2, 0.5",
            data: [ReportData(fileName: "\(name).csv", table: ColumnTable(columns: columns), metadata: metadata(name))],
            figure: figure)
    }

    // MARK: Fig. 2f

    func memoryFigure() throws -> ReportFigure {
        let inverseZeta = grid(from: 0.3, to: 3, points: 271, logarithmic: false)
        var columns: [(name: String, values: [Double])] = [("inv_zeta", inverseZeta)]
        let lengths: [Double] = [20, 60, .infinity]
        for setting in ResonanceSetting.allCases {
            for l in lengths {
                let label = "\(setting.rawValue) L=\(l.isFinite ? String(Int(l)) : "inf")"
                columns.append((label, try inverseZeta.map { iz -> Double in
                    let invXi = iz - log(2.0)
                    if l.isFinite {
                        return resonanceModel(setting, try parameters(invXi, length: l)).infiniteTimeMemory
                    }
                    return Self.infiniteLengthMemory(setting, inverseCorrelationLength: invXi, resonanceLength: resonanceLength)
                }))
            }
        }
        let name = "fig2f-memory"
        let series = columns.dropFirst().enumerated().map { i, column in
            PlotSeries(.columns(file: "\(name).csv", x: "inv_zeta", y: column.name), title: column.name, lineType: i % 3 + 1, dash: i < 3 ? 1 : 2)
        }
        let figure = FigurePlot(axes: PlotAxes(xLabel: "1/{/Symbol z}", yLabel: "[C_{zz}]", yRange: -0.02...1.02, key: "top left",
                                               decorations: ["set arrow from log(2), graph 0 to log(2), graph 1 nohead dt 3 lc rgb \"#888888\""]),
                                series: series)
        return ReportFigure(
            identifier: name,
            title: "Fig. 2f: infinite-time memory [Czz] against 1/zeta",
            claim: "[Czz] is an order parameter of the RM's MBL phase: it goes to zero smoothly as 1/zeta -> 1/zeta_c from the MBL side, faster than any power law, in both settings.",
            caption: """
            [Czz] = F(L/2) (48) for L = 20, 60 and its L -> infinity limit: exp(-xi/Lambda) (Floquet, solid) and \
            exp(-sqrt(pi xi/(4 Lambda))) (Hamiltonian, dashed) for xi > 0, zero for xi <= 0. Both limits vanish as \
            exp(-c/(1/zeta - 1/zeta_c)^a) with a = 1, 1/2: an essential singularity. Finite L smooths the transition.
            """,
            parameters: "Lambda = \(JSONValue.format(resonanceLength)), J = 1, L = 20, 60, infinity",
            data: [ReportData(fileName: "\(name).csv", table: ColumnTable(columns: columns), metadata: metadata(name))],
            figure: figure)
    }

    /// [Czz] as L -> infinity: F(infinity) = exp(-xi/Lambda) (45) or exp(-sqrt(pi xi/(4 Lambda))) (91)
    /// for xi > 0, and 0 on the thermal side and at the transition.
    public static func infiniteLengthMemory(_ setting: ResonanceSetting, inverseCorrelationLength invXi: Double,
                                            resonanceLength lambda: Double) -> Double {
        guard invXi > 0 else { return 0 }
        switch setting {
        case .floquet: return exp(-1 / (invXi * lambda))
        case .hamiltonian: return exp(-(Double.pi / (4 * lambda * invXi)).squareRoot())
        }
    }
}
