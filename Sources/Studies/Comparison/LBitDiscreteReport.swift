import Foundation
import ResonanceModel

/// The report's account of the l-bit model against the discrete RM (the no-fit reference) at every
/// size available: the L of the report's own run plus stored exact averages of larger L
/// (`resonance compare lbit --store-exact`), on which both RMs are recomputed (milliseconds).
public struct LBitDiscreteReport: Sendable {
    public var comparison: LBitComparison.Config
    /// Stored exact averages (relative to the working directory); missing files are listed in the caption.
    public var cacheFiles: [String]
    public var commandLine: String

    public init(comparison: LBitComparison.Config, cacheFiles: [String], commandLine: String) {
        self.comparison = comparison
        self.cacheFiles = cacheFiles
        self.commandLine = commandLine
    }

    static func f(_ x: Double, _ digits: Int = 3) -> String { x.isFinite ? String(format: "%.\(digits)g", x) : "n/a" }
    static func pm(_ x: (mean: Double, error: Double)) -> String { "\(f(x.mean)) ± \(f(x.error, 2))" }

    /// The points of the stored files that exist, and the names of those that do not.
    public func cachedPoints() throws -> (points: [LBitComparison.Point], missing: [String]) {
        var points: [LBitComparison.Point] = [], missing: [String] = []
        for file in cacheFiles {
            guard FileManager.default.isReadableFile(atPath: file) else { missing.append(file); continue }
            points += try LBitExactCache.read(contentsOf: file).map(comparison.point)
        }
        return (points, missing)
    }

    public static func ratioTable(_ points: [LBitComparison.Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("L", points.map { Double($0.length) }), ("zeta", points.map(\.localizationLength)), ("Lambda", points.map(\.resonanceLength)),
            ("realizations", points.map { Double($0.realizations) }),
            ("ratio_S_weight", points.map(\.spectralWeightRatio.mean)), ("ratio_S_weight_err", points.map(\.spectralWeightRatio.error)),
            ("ratio_loss", points.map(\.memoryLossRatio.mean)), ("ratio_loss_err", points.map(\.memoryLossRatio.error)),
            ("ratio_hybridized", points.map(\.hybridizedRatio.mean)), ("ratio_hybridized_err", points.map(\.hybridizedRatio.error)),
            ("ratio_czz", points.map(\.memoryRatio.mean)), ("ratio_czz_err", points.map(\.memoryRatio.error)),
            ("ratio_2l_S_weight", points.map(\.twoLevelSpectralWeightRatio.mean)), ("ratio_2l_S_weight_err", points.map(\.twoLevelSpectralWeightRatio.error)),
            ("ratio_2l_loss", points.map(\.twoLevelMemoryLossRatio.mean)), ("ratio_2l_loss_err", points.map(\.twoLevelMemoryLossRatio.error)),
            ("ratio_2l_hybridized", points.map(\.twoLevelHybridizedRatio.mean)), ("ratio_2l_hybridized_err", points.map(\.twoLevelHybridizedRatio.error)),
        ])
    }

    /// The ratio figure and the ratio table, over `reportPoints` (the report's own run) and the stored sizes.
    public func contents(reportPoints: [LBitComparison.Point]) throws -> (figure: ReportFigure, table: ReportTable) {
        let (cached, missing) = try cachedPoints()
        let points = reportPoints + cached
        let f = { (x: Double) in Self.f(x) }, pm = Self.pm
        let lengths = Array(Set(points.map(\.length))).sorted()
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
        let file = "cmp_lbit_ratios.csv"
        var series: [PlotSeries] = []
        for (i, l) in lengths.enumerated() {
            let c = colours[i % colours.count], only = (column: "L", value: Double(l))
            for (ratio, pointType, title) in [("ratio_loss", 7, "(1-[Czz]) ED/discrete RM"), ("ratio_S_weight", 5, "[S] weight ED/discrete RM"),
                                              ("ratio_2l_loss", 6, "(1-[Czz]) ED/two-level"), ("ratio_2l_S_weight", 4, "[S] weight ED/two-level")] {
                series.append(PlotSeries(.columns(file: file, x: "Lambda", y: ratio, yError: ratio + "_err", only: only), style: .yerrorbars,
                                         title: "\(title), L = \(l)", color: c, pointType: pointType))
            }
        }
        series.append(PlotSeries(.constant(Double.pi), title: "pi", color: "black", dash: 2))
        series.append(PlotSeries(.constant(1), title: nil, color: "black", dash: 3))
        let largest = points.filter { $0.resonanceLength == points.map(\.resonanceLength).max() }
        let summary = largest.map { "L = \($0.length), zeta = \(f($0.localizationLength)): (1-[Czz]) \(pm($0.memoryLossRatio)), [S] weight \(pm($0.spectralWeightRatio)), hybridised \(pm($0.hybridizedRatio)); against the two-level partners \(pm($0.twoLevelMemoryLossRatio)), \(pm($0.twoLevelSpectralWeightRatio)), \(pm($0.twoLevelHybridizedRatio))" }.joined(separator: "; ")
        let sources = ["L = \(comparison.length): this report's run (\(comparison.realizations) realizations per point, seed \(comparison.seed))"]
            + cacheFiles.filter { !missing.contains($0) }.map { "\($0) (stored exact averages; its first lines record the command)" }
        let figure = ReportFigure(
            identifier: "compare-lbit-discrete-ratios", title: "l-bit model: ED over the discrete RM, and over two-level partners, against Lambda",
            claim: "With zeta and Lambda known the RM predicts the l-bit model's [Czz], [S(omega)] in omega_c < omega < J and resonant fraction with no fitted parameter; the discrete RM (integer ranges, the exact N_r and element law of (13)) is the reference free of continuum approximations.",
            caption: "Filled: ED divided by the discrete RM; open: ED divided by the same shells with every partner an exact two-level problem (no fitted parameter either). (1 - [Czz]): memory lost; [S] weight: integral of [S] over omega_c < omega < J. Errors: ED standard errors over realizations. At the largest Lambda: \(summary). The discrete RM's rule (30) (resonant iff |Delta| < |V|, then fully hybridised) undercounts the memory lost by pi at weak coupling (a partner at detuning Delta removes 4V^2/(Delta^2 + 4V^2) of the memory, whose average over Delta is 2 pi |V|/Omega, not 2|V|/Omega) and the hybridised fraction by 2/sqrt(3); the two-level partners (no fitted parameter) account for the memory lost and the hybridised fraction within errors or 10 % at Lambda >~ 18 at every L here. Their [S] weight is first order in the partners: it matches the ED at L = 8 but exceeds it by up to 20 % at L = 10 where states have several partners (zeta = 2.5, the RM's thermal side), a many-partner effect the dilute treatment leaves out. Sources: \(sources.joined(separator: "; "))." + (missing.isEmpty ? "" : " Missing stored sizes (rerun the command recorded in the README to regenerate): \(missing.joined(separator: ", ")).") ,
            parameters: "lbit, J = 1, h = 1, bins 5 per decade; L = \(lengths.map(String.init).joined(separator: ", "))",
            data: [ReportData(fileName: "cmp_lbit_ratios.csv", table: Self.ratioTable(points), metadata: OutputMetadata(parameters: [], commandLine: commandLine))],
            figure: FigurePlot(axes: PlotAxes(xLabel: "{/Symbol L} = {/Symbol z}_c {/Symbol W}/(8J)", yLabel: "ratio", logX: true,
                                              yRange: 0...4, key: "outside right", keyFont: ",8"),
                               series: series))
        let rows = points.map { p in
            ["\(p.length)", f(p.localizationLength), f(p.resonanceLength), "\(p.realizations)",
             pm(p.spectralWeightRatio), pm(p.memoryLossRatio), pm(p.hybridizedRatio), pm(p.memoryRatio),
             pm(p.twoLevelSpectralWeightRatio), pm(p.twoLevelMemoryLossRatio), pm(p.twoLevelHybridizedRatio)]
        }
        let table = ReportTable(title: "l-bit model: ED / discrete RM and ED / two-level partners (standard errors of the ED)",
                                header: ["L", "zeta", "Lambda", "realizations", "[S] weight ED/discrete", "1-[Czz] ED/discrete", "hybridized ED/(1-F)",
                                         "[Czz] ED/F", "[S] weight ED/two-level", "1-[Czz] ED/two-level", "hybridized ED/two-level"],
                                rows: rows)
        return (figure, table)
    }
}
