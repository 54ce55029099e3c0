import ArgumentParser
import Foundation
import NumericKit
import ResonanceModel
import Studies

/// A comma-separated list of finite numbers, e.g. `5,10,20` (parsed by `NumericOption.values`, the
/// one list parser of the command line; the commands check the range with `RMLimits`).
struct NumberList: ExpressibleByArgument {
    var values: [Double]
    init?(argument: String) {
        guard let values = try? NumericOption.finite("list").values(from: argument, count: 1...Int.max) else { return nil }
        self.values = values
    }
    init(_ values: [Double]) { self.values = values }
    var defaultValueDescription: String { values.map { String($0) }.joined(separator: ",") }
}

/// The limits of the list options of the finite-size commands.
enum RMLimits {
    /// Chain lengths: 1...100 values, each in (0, 1e6].
    static func lengths(_ name: String, _ list: NumberList) throws {
        try check(list, each: NumericOption.positive(name, atMost: 1e6))
    }

    /// Inverse correlation lengths 1/xi > -2 ln 2 (39), 1...100 values.
    static func inverseCorrelationLengths(_ name: String, _ list: NumberList) throws {
        try check(list, each: NumericOption(name, above: -2 * M_LN2, atMost: 1e6))
    }

    /// 1...100 values, each allowed by `rule`.
    static func check(_ list: NumberList, each rule: NumericOption) throws {
        guard (1...100).contains(list.values.count) else { throw ValidationError("\(rule.name) must list 1...100 values (got \(list.values.count))") }
        for x in list.values { try rule.check(x) }
    }
}

/// The disorder parametrization options of Fig. 9: --Wc and --J.
struct DisorderCrossoverOptions: ParsableArguments {
    @Option(name: .customLong("Wc"), help: "Critical disorder W_c > 0 (Fig. 9: 10); 1/xi = ln(W/W_c).")
    var criticalDisorder: Double = DisorderCrossover().criticalDisorder
    @Option(name: .customLong("J"), help: "Interaction J > 0; Lambda(W) = pi (zeta_c W/(4J))^2 (83).")
    var interaction: Double = DisorderCrossover().interaction

    func validate() throws {
        try NumericOption.positive("--Wc").check(criticalDisorder)
        try NumericOption.positive("--J").check(interaction)
    }
    var crossover: DisorderCrossover { DisorderCrossover(criticalDisorder: criticalDisorder, interaction: interaction) }
    var record: [(String, JSONValue)] { [("Wc", .number(criticalDisorder)), ("J", .number(interaction))] }
}

/// `resonance rm drift`: W_delta(L) (116) for L = from...to, or with --summary the fits of App. D.
struct RMDrift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Drift of the crossover: W_delta(L) with [Czz](W_delta) = delta (116), the (117) fits; or the Floquet Omega_delta(L)."
    )
    @OptionGroup var disorderOptions: DisorderCrossoverOptions
    @Option(help: "Threshold delta in (0, 1) (Fig. 9: 0.01).")
    var delta = CrossoverDriftStudy.Config().threshold
    @Option(help: "Smallest L (integer steps), >= 1.") var from = Int(CrossoverDriftStudy.Config().lengths.first ?? 1)
    @Option(help: "Largest L, at most 1000 (beyond it W_delta is within rounding of W_c).") var to = Int(CrossoverDriftStudy.Config().lengths.last ?? 60)
    @Option(name: .customLong("floquet-inv-xi"), help: "Floquet analogue: Omega_delta(L) at these 1/xi (comma list) instead of W_delta.")
    var floquetInverseCorrelationLengths: NumberList?
    @Flag(help: "Print the fitted numbers (l_delta, linear slope and range, inflection, L*, apparent nu) instead of the table.")
    var summary = false
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption("--delta", above: 0, below: 1).check(delta)
        try NumericOption.integer("--from", 1...997).check(from)
        try NumericOption.integer("--to", (from + 3)...1000).check(to)
        try floquetInverseCorrelationLengths.map { try RMLimits.inverseCorrelationLengths("--floquet-inv-xi", $0) }
    }

    func run() throws {
        var config = CrossoverDriftStudy.Config()
        config.crossover = disorderOptions.crossover
        config.threshold = delta
        config.lengths = (from...to).map(Double.init)
        var record = disorderOptions.record + [("delta", JSONValue.number(delta))]
        if let list = floquetInverseCorrelationLengths {
            record.append(("floquet_inv_xi", .array(list.values.map { .number($0) })))
            config.floquetInverseCorrelationLengths = list.values
            config.parts = [.floquet]
        } else {
            config.parts = summary ? [.analysis] : [.drift]
        }
        let metadata = OutputMetadata(parameters: record, commandLine: recordedCommandLine())
        let result = try runStudy(CrossoverDriftStudy.self, config)
        if floquetInverseCorrelationLengths != nil { return try outputOptions.emit(result.floquetDrift, metadata: metadata) }
        guard summary else { return try outputOptions.emit(result.drift, metadata: metadata) }
        let a = try result.requiredAnalysis()
        let nu = try ApparentExponentStudy.drift(config.crossover, threshold: delta, lengths: config.lengths.filter { $0 >= 10 })
        let fields: [(String, JSONValue)] = [
            ("fit_range", .string("\(a.fitRange)")),
            ("l_delta_117", .number(a.scale117.slope)), ("l_delta_117_error", .number(a.scale117.slopeError)),
            ("max_deviation_117_over_Wc", .number(a.maximumFormDeviation)),
            ("l_delta_from_xi_fit", .number(1 / a.correlationLengthFit.slope)),
            ("offset_a_from_xi_fit", .number(a.correlationLengthFit.intercept / a.correlationLengthFit.slope)),
            ("xi_fit_slope", .number(a.correlationLengthFit.slope)), ("xi_fit_slope_error", .number(a.correlationLengthFit.slopeError)),
            ("xi_fit_R2", .number(a.correlationLengthFit.coefficientOfDetermination)),
            ("inflection_L", .number(a.form.inflectionLength)), ("linear_range_end_L", .number(a.form.linearRangeEnd)),
            ("linear_fit_range", .string("\(a.linearRange)")),
            ("linear_slope", .number(a.linearFit.slope)), ("linear_slope_error", .number(a.linearFit.slopeError)),
            ("linear_intercept", .number(a.linearFit.intercept)), ("linear_max_residual", .number(a.linearFit.maximumResidual)),
            ("critical_crossing_length", .number(a.criticalCrossingLength)),
            ("W_delta_infinite_L", .number(a.infiniteLengthLimit)),
            ("apparent_nu_drift_L10_to_max", .number(nu.exponent)), ("apparent_nu_drift_error", .number(nu.error)),
        ]
        try outputOptions.emit(OutputRenderer.record(fields, metadata: metadata, format: outputOptions.format.format))
    }
}

/// `resonance rm entropy`: Fig. 9 main panel, [S_P] (120) against W/W_c for several L and L -> infinity.
struct RMEntropy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entropy",
        abstract: "Probe entanglement [S_P] = ln 2 (1 - [Czz]) (120) against W/W_c for several L, with the L -> infinity limit (Fig. 9)."
    )
    @OptionGroup var disorderOptions: DisorderCrossoverOptions
    @Option(help: "Chain lengths (comma list, 1...100 values, each in (0, 1e6]).")
    var lengths = NumberList(CrossoverDriftStudy.Config().curveLengths)
    @Option(name: .customLong("ratio-from"), help: "Smallest W/W_c (> 0).") var ratioFrom = CrossoverDriftStudy.Config().curveRatios.lowerBound
    @Option(name: .customLong("ratio-to"), help: "Largest W/W_c.") var ratioTo = CrossoverDriftStudy.Config().curveRatios.upperBound
    @Option(help: "Number of W/W_c points, 2...100000.") var points = CrossoverDriftStudy.Config().curvePoints
    @Flag(help: "Print apparent-exponent estimates (direct (39), drift, collapse) instead of the curves.")
    var exponent = false
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.positive("--ratio-from", atMost: 1e6).check(ratioFrom)
        try NumericOption("--ratio-to", above: ratioFrom, atMost: 1e6).check(ratioTo)
        try NumericOption.integer("--points", 2...100_000).check(points)
        try RMLimits.lengths("--lengths", lengths)
    }

    func run() throws {
        let crossover = disorderOptions.crossover
        let ratios = grid(from: ratioFrom, to: ratioTo, points: points, logarithmic: false)
        let record = disorderOptions.record + [("lengths", JSONValue.array(lengths.values.map { .number($0) }))]
        let metadata = OutputMetadata(parameters: record, commandLine: recordedCommandLine())
        if exponent {
            var fields = [(String, JSONValue)]()
            let estimates = [
                try ApparentExponentStudy.direct(relativeDistances: ApparentExponentStudy.Config().relativeDistances, localizedSide: true),
                try ApparentExponentStudy.direct(relativeDistances: ApparentExponentStudy.Config().relativeDistances, localizedSide: false),
                try ApparentExponentStudy.direct(relativeDistances: grid(from: 0.05, to: 0.5, points: 20, logarithmic: true), localizedSide: true),
                try ApparentExponentStudy.drift(crossover, threshold: CrossoverDriftStudy.Config().threshold, lengths: lengths.values),
                try ApparentExponentStudy.drift(crossover, threshold: 0.5, lengths: lengths.values),
                ApparentExponentStudy.collapse(crossover, lengths: lengths.values, ratios: ratios),
            ]
            for (i, e) in estimates.enumerated() {
                fields += [("method_\(i)", .string(e.method)), ("window_\(i)", .string(e.window)),
                           ("nu_\(i)", .number(e.exponent)), ("nu_error_\(i)", .number(e.error))]
            }
            try outputOptions.emit(OutputRenderer.record(fields, metadata: metadata, format: outputOptions.format.format))
            return
        }
        var config = CrossoverDriftStudy.Config()
        config.crossover = crossover
        config.curveLengths = lengths.values
        config.curveRatios = ratioFrom...ratioTo
        config.curvePoints = points
        config.parts = [.curves]
        try outputOptions.emit(try runStudy(CrossoverDriftStudy.self, config).curves, metadata: metadata)
    }
}

extension RegimeMapStudy.Plane: ExpressibleByArgument {}

/// `resonance rm regimes`: the Fig. 1 map over (1/zeta, L) or (W/W_c, L).
struct RMRegimes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regimes",
        abstract: "Regime map of Fig. 1 (codes: 0 RM-MBL, 1 region I, 2 region II, 3 thermal, 4 inconsistent), its lines, or the overlap Monte Carlo."
    )
    @Option(help: "Plane: zeta (1/zeta at fixed Lambda) or disorder (W/W_c with (83), (D4)).")
    var plane = RegimeMapStudy.Config().plane
    @Option(name: .customLong("Lambda"), help: "Resonance length for the zeta plane.") var resonanceLength = RegimeMapStudy.Config().resonanceLength
    @OptionGroup var disorderOptions: DisorderCrossoverOptions
    @Option(name: .customLong("L-max"), help: "Largest L (grid 1...L-max), 2...10000; points x L-max at most 10^7.")
    var maximumLength = RegimeMapStudy.Config().maximumLength
    @Option(help: "Points along the abscissa, 2...10000.") var points = RegimeMapStudy.Config().points
    @Option(help: "Consistency threshold: inconsistent when min(L/2, |xi|) > c sqrt(Lambda) (95).")
    var consistency = RegimeMapStudy.Config().thresholds.consistency
    @Option(name: .customLong("region-boundary"), help: "Region I/II boundary at L = b Lambda.")
    var regionBoundary = RegimeMapStudy.Config().thresholds.regionBoundary
    @Flag(help: "Print the lines |xi| = L/2, L = Lambda, L = 2 sqrt(Lambda) instead of the grid (zeta plane).") var lines = false
    @Flag(help: "Run the resonance-overlap Monte Carlo (Fig. 7) against xi^2/Lambda instead.") var overlap = false
    @Option(help: "Sites of the Monte Carlo chain, 1...10000000.") var sites = RegimeMapStudy.Config().sites
    @Option(help: "Seed of the Monte Carlo.") var seed = RegimeMapStudy.Config().seed
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.positive("--Lambda", atMost: 1e12).check(resonanceLength)
        try NumericOption.integer("--L-max", 2...10_000).check(maximumLength)
        try NumericOption.integer("--points", 2...10_000).check(points)
        guard maximumLength * points <= 10_000_000 else {
            throw ValidationError("--points x --L-max must be at most 10000000 grid cells (got \(points) x \(maximumLength))")
        }
        try NumericOption.positive("--consistency", atMost: 1e12).check(consistency)
        try NumericOption.positive("--region-boundary", atMost: 1e12).check(regionBoundary)
        try NumericOption.integer("--sites", 1...10_000_000).check(sites)
        if lines && overlap { throw ValidationError("--lines and --overlap exclude each other (each prints its own table)") }
        if lines && plane == .disorder { throw ValidationError("--lines applies to --plane zeta only") }
    }

    func run() throws {
        var config = RegimeMapStudy.Config()
        config.plane = plane
        config.resonanceLength = resonanceLength
        config.crossover = disorderOptions.crossover
        config.thresholds = RegimeThresholds(consistency: consistency, regionBoundary: regionBoundary)
        config.maximumLength = maximumLength
        config.points = points
        config.sites = sites
        config.seed = seed
        config.parts = [overlap ? .overlap : lines ? .lines : .map]
        let record: [(String, JSONValue)] = [("plane", .string(plane.rawValue)), ("Lambda", .number(resonanceLength)),
                                             ("consistency", .number(consistency)), ("region_boundary", .number(regionBoundary)),
                                             ("sites", .number(Double(sites))), ("seed", .number(Double(seed)))] + disorderOptions.record
        let metadata = OutputMetadata(parameters: record, commandLine: recordedCommandLine())
        let result = try runStudy(RegimeMapStudy.self, config)
        try outputOptions.emit(overlap ? result.overlap : lines ? result.lines : result.map, metadata: metadata)
    }
}

/// `resonance rm thouless`: omega_Th (122) against W for several L, or the fitted rates of (121).
struct RMThouless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thouless",
        abstract: "Thouless frequency omega_Th ~ J (xi/L)^2 exp(-2|xi|/zeta_c) (122) against W, and the exponential rate of (121)."
    )
    @OptionGroup var disorderOptions: DisorderCrossoverOptions
    @Option(help: "Chain lengths (comma list, 1...100 values, each in (0, 1e6]).")
    var lengths = NumberList(FiniteSizePredictionsStudy.Config().thoulessLengths)
    @Option(name: .customLong("W-from"), help: "Smallest W.") var disorderFrom = FiniteSizePredictionsStudy.Config().thoulessDisorders.lowerBound
    @Option(name: .customLong("W-to"), help: "Largest W (< W_c).") var disorderTo = FiniteSizePredictionsStudy.Config().thoulessDisorders.upperBound
    @Option(help: "Number of W points, 2...100000.") var points = FiniteSizePredictionsStudy.Config().thoulessPoints
    @Flag(help: "Fit ln omega_Th = b - c W over the thermal window 1 <= |xi| <= L/2 and around W_delta(L) +- 10%.") var summary = false
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        let wc = disorderOptions.criticalDisorder
        try NumericOption("--W-from", above: 0, below: wc).check(disorderFrom)
        try NumericOption("--W-to", above: disorderFrom, below: wc).check(disorderTo)
        try NumericOption.integer("--points", 2...100_000).check(points)
        try RMLimits.lengths("--lengths", lengths)
        if summary, let short = lengths.values.first(where: { ThoulessFrequency.thermalWindow(criticalDisorder: wc, length: $0) == nil }) {
            throw ValidationError("--lengths: --summary fits over W_c/e <= W <= W_c exp(-2/L), which needs every L > 2 (got \(short))")
        }
    }

    func run() throws {
        var config = FiniteSizePredictionsStudy.Config()
        config.crossover = disorderOptions.crossover
        config.thoulessLengths = lengths.values
        config.thoulessDisorders = disorderFrom...disorderTo
        config.thoulessPoints = points
        config.parts = summary ? [.thoulessFits] : [.thouless]
        let metadata = OutputMetadata(parameters: disorderOptions.record + [("lengths", .array(lengths.values.map { .number($0) }))],
                                      commandLine: recordedCommandLine())
        let result = try runStudy(FiniteSizePredictionsStudy.self, config)
        guard summary else { return try outputOptions.emit(result.thouless, metadata: metadata) }
        let wc = config.crossover.criticalDisorder
        var fields = [(String, JSONValue)]()
        for fits in result.thoulessFits {
            let tag = "L\(Int(fits.length))", window = fits.thermalWindow, fit = fits.thermal, near = fits.nearCrossover
            fields += [("\(tag)_window", .string("\(window)")), ("\(tag)_rate_c", .number(-fit.slope)),
                       ("\(tag)_rate_c_error", .number(fit.slopeError)), ("\(tag)_R2", .number(fit.coefficientOfDetermination)),
                       ("\(tag)_local_rate_at_window_ends", .string("\(ThoulessFrequency.exponentialRate(disorder: window.lowerBound, criticalDisorder: wc)), \(ThoulessFrequency.exponentialRate(disorder: window.upperBound, criticalDisorder: wc))")),
                       ("\(tag)_W_delta", .number(fits.crossoverDisorder)), ("\(tag)_rate_c_near_W_delta", .number(-near.slope)),
                       ("\(tag)_rate_c_near_W_delta_error", .number(near.slopeError)), ("\(tag)_R2_near_W_delta", .number(near.coefficientOfDetermination))]
        }
        try outputOptions.emit(OutputRenderer.record(fields, metadata: metadata, format: outputOptions.format.format))
    }
}

/// `resonance rm fidelity`: [log chi] (126) of the Floquet RM against L, or its fitted slope.
struct RMFidelity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fidelity",
        abstract: "Typical fidelity susceptibility [log chi] = L (2 ln 2 + O(Lambda/L)) (126) of the Floquet RM against L."
    )
    @Option(name: .customLong("Lambda"), help: "Resonance length Lambda > 0.")
    var resonanceLength = FiniteSizePredictionsStudy.Config().fidelityResonanceLength
    @Option(name: .customLong("inv-xi"), help: "Inverse correlation lengths (comma list).")
    var inverseCorrelationLengths = NumberList(FiniteSizePredictionsStudy.Config().fidelityInverseCorrelationLengths)
    @Option(name: .customLong("L-from"), help: "Smallest L, > 0.") var lengthFrom = FiniteSizePredictionsStudy.Config().fidelityLengths.lowerBound
    @Option(name: .customLong("L-to"), help: "Largest L, at most 1e6.") var lengthTo = FiniteSizePredictionsStudy.Config().fidelityLengths.upperBound
    @Option(help: "Number of L points, 2...100000.") var points = FiniteSizePredictionsStudy.Config().fidelityPoints
    @Flag(help: "Fit [log chi] = s L + b for L in [4 Lambda, L-to] and L in [L-from, Lambda/2]; report s against 2 ln 2 and b against c - 4 ln 2 Lambda.") var summary = false
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.positive("--Lambda", atMost: 1e6).check(resonanceLength)
        try NumericOption.positive("--L-from", atMost: 1e6).check(lengthFrom)
        try NumericOption("--L-to", above: lengthFrom, atMost: 1e6).check(lengthTo)
        try NumericOption.integer("--points", 2...100_000).check(points)
        try RMLimits.inverseCorrelationLengths("--inv-xi", inverseCorrelationLengths)
    }

    func run() throws {
        var config = FiniteSizePredictionsStudy.Config()
        config.fidelityResonanceLength = resonanceLength
        config.fidelityInverseCorrelationLengths = inverseCorrelationLengths.values
        config.fidelityLengths = lengthFrom...lengthTo
        config.fidelityPoints = points
        let metadata = OutputMetadata(parameters: [("Lambda", .number(resonanceLength)),
                                                   ("inv_xi", .array(inverseCorrelationLengths.values.map { .number($0) }))],
                                      commandLine: recordedCommandLine())
        guard summary else {
            config.parts = [.fidelity]
            return try outputOptions.emit(try runStudy(FiniteSizePredictionsStudy.self, config).fidelity, metadata: metadata)
        }
        // Two fit windows: L in [4 Lambda, max(L-to, 8 Lambda)] (30 points) and L in [L-from, max(Lambda/2, 2 L-from)] (20 points).
        let large = grid(from: 4 * resonanceLength, to: max(lengthTo, 8 * resonanceLength), points: 30, logarithmic: false)
        let small = grid(from: lengthFrom, to: max(resonanceLength / 2, lengthFrom * 2), points: 20, logarithmic: false)
        config.parts = [.fidelityFits]
        config.fidelityFitInverseCorrelationLengths = inverseCorrelationLengths.values
        func fits(over lengths: [Double]) throws -> [FiniteSizePredictionsStudy.FidelityFit] {
            config.fidelityFitLengths = lengths
            return try runStudy(FiniteSizePredictionsStudy.self, config).fidelityFits
        }
        let fitsLarge = try fits(over: large), fitsSmall = try fits(over: small)
        var fields: [(String, JSONValue)] = [("two_ln2", .number(2 * M_LN2)),
                                             ("expected_intercept_critical", .number(2 * log(1 / (2 * resonanceLength)) - 4 * M_LN2 * resonanceLength))]
        for (fitLarge, fitSmall) in zip(fitsLarge, fitsSmall) {
            let tag = "invxi_\(fitLarge.inverseCorrelationLength)"
            fields += [("\(tag)_slope_L_gt_4Lambda", .number(fitLarge.fit.slope)), ("\(tag)_slope_error", .number(fitLarge.fit.slopeError)),
                       ("\(tag)_intercept", .number(fitLarge.fit.intercept)),
                       ("\(tag)_range_large", .string("\(large[0])...\(large[large.count - 1])")),
                       ("\(tag)_slope_L_lt_Lambda_over_2", .number(fitSmall.fit.slope)),
                       ("\(tag)_range_small", .string("\(small[0])...\(small[small.count - 1])"))]
        }
        try outputOptions.emit(OutputRenderer.record(fields, metadata: metadata, format: outputOptions.format.format))
    }
}
