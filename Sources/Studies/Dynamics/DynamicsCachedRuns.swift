import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// Reading the cached `ed dynamics` runs of the report's dynamics section: runs at sizes above
/// the common one (a single disorder, e.g. `L20_W6`), the kernel polynomial runs of higher order
/// kept apart (`spectral/L<L>_W<W>`, `--times 0`: `S(omega)` only) and the resolution of each
/// `S(omega)`, below which the curve is blanked (the Jackson-broadened peak there holds the
/// `omega = 0` delta function, not `S`).
extension DynamicsReport {
    /// A cached run the full report can recompute: heisenberg-o3 + probe, one state per realization.
    public struct LargerRunSpec: Sendable {
        public var length: Int
        public var disorder: Double
        public var times: String
        public var realizations: Int
        public var seed: UInt64
        /// The estimator the run is stored with (runs stored before the projected one existed are paired).
        public var estimator: TypicalityEstimator

        public init(length: Int, disorder: Double, times: String, realizations: Int, seed: UInt64, estimator: TypicalityEstimator = .paired) {
            self.length = length
            self.disorder = disorder
            self.times = times
            self.realizations = realizations
            self.seed = seed
            self.estimator = estimator
        }

        /// The command that writes it (into `folder`), with the estimator `largerRun` computes it with.
        public func command(folder: URL) -> String {
            "resonance ed dynamics --model heisenberg-o3 --probe --L \(length) --W \(JSONValue.format(disorder)) --times \(times) --states 1 --estimator \(estimator.rawValue) --realizations \(realizations) --seed \(seed) --out \(folder.relativePath)"
        }
    }

    /// The run of `spec` in its cache folder (as `spec.command` writes it).
    func largerRun(_ spec: LargerRunSpec) throws -> DynamicsRun {
        var problem = EDProblem(model: .heisenbergO3, length: spec.length, disorderStrength: spec.disorder)
        problem.probe = problem.defaultProbe
        var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        dynamics.estimator = spec.estimator
        dynamics.threads = ProcessInfo.processInfo.activeProcessorCount
        let dir = folder(length: spec.length, disorder: spec.disorder)
        var run = DynamicsRun(dynamics: dynamics, times: try DynamicsGrids.times(spec.times, floquet: false), states: 1, realizations: spec.realizations,
                              seed: spec.seed, directory: dir)
        run.commandLine = spec.command(folder: dir)
        return run
    }

    /// Computes the `largerRunSpecs` runs that are missing (a stored one is read back, not recomputed).
    func ensureLargerRuns() throws {
        for spec in largerRunSpecs {
            let stored = cachedCurve(length: spec.length, disorder: spec.disorder).flatMap { Int($0.realizations) } ?? 0
            if stored < spec.realizations { try largerRun(spec).run() }
        }
    }

    /// A cached run beside the RM at its own (L, W).
    struct CachedCurve {
        var length: Int
        var disorder: Double
        var times: [Double]
        var correlator: [Double]
        var error: [Double]
        var realizations: String
        var command: String
        /// The estimator's error of one state (`typicality_error` of the run; runs stored before
        /// it was written are paired: `1/sqrt(D+1)`).
        var typicalityError: Double
        var estimator: String
    }

    /// The cached folders `L<L>_W<W>` with `L` above `length` (every one if `length` is nil).
    func largerRuns(than length: Int?) -> [(length: Int, disorder: Double)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? []
        return names.compactMap { name -> (Int, Double)? in
            guard name.hasPrefix("L"), let cut = name.firstIndex(of: "_"), let l = Int(name[name.index(after: name.startIndex)..<cut]),
                  name[cut...].hasPrefix("_W"), let w = Double(name[name.index(cut, offsetBy: 2)...]) else { return nil }
            return l > (length ?? 0) ? (l, w) : nil
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// `czz.csv` of the cached run at (L, W).
    func cachedCurve(length: Int, disorder: Double) -> CachedCurve? {
        let dir = folder(length: length, disorder: disorder)
        guard let (czz, comments) = LuitzShiftInvertFigure.readTable(dir.appendingPathComponent("czz.csv")),
              let t = czz.values(named: "t"), let c = czz.values(named: "czz"), let e = czz.values(named: "czz_err") else { return nil }
        let command = LuitzShiftInvertFigure.comment(comments, "command") ?? ""
        let count = LuitzShiftInvertFigure.comment(comments, "realizations") ?? "?"
        // A JSON string in the metadata: "projected".
        let estimator = LuitzShiftInvertFigure.comment(comments, "estimator")?.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            ?? TypicalityEstimator.paired.rawValue
        let bound = LuitzShiftInvertFigure.comment(comments, "typicality_error").flatMap(Double.init) ?? 1 / Double((1 << (length + 1)) + 1).squareRoot()
        return CachedCurve(length: length, disorder: disorder, times: t, correlator: c, error: e, realizations: count, command: command,
                           typicalityError: bound, estimator: estimator)
    }

    /// The folder of `S(omega)` at (L, W): the separate kernel polynomial run if there is one.
    func spectralFolder(length: Int, disorder: Double) -> URL {
        let separate = cacheDirectory.appendingPathComponent("spectral").appendingPathComponent("L\(length)_W\(JSONValue.format(disorder))")
        let file = separate.appendingPathComponent("spectral_function.csv").path
        return FileManager.default.fileExists(atPath: file) ? separate : folder(length: length, disorder: disorder)
    }

    /// `S_resolution` of a run's CSV comments.
    static func resolution(_ comments: [String]) -> Double? {
        LuitzShiftInvertFigure.comment(comments, "S_resolution").flatMap(Double.init)
    }

    /// NaN where `omega` is below the resolution.
    static func blankBelowResolution(omega: [Double], values: [Double], resolution: Double?) -> [Double] {
        guard let resolution else { return values }
        return zip(omega, values).map { $0 < resolution ? .nan : $1 }
    }

    /// Columns padded with NaN to the longest (runs on different grids in one table).
    static func padded(_ columns: [(name: String, values: [Double])]) -> [(name: String, values: [Double])] {
        let n = columns.map(\.values.count).max() ?? 0
        return columns.map { ($0.name, $0.values + Array(repeating: .nan, count: n - $0.values.count)) }
    }

    /// The larger-L curves' data file (appended to `data`) and plot lines: typicality with its
    /// error bars, and the RM at their L (columns `rm_L<L>_W<W>` of `dynamics_czz_rm.csv`, on the
    /// localized side only).
    func largerCurvePlot(_ curves: [CachedCurve], colors: [String], data: inout [ReportData]) -> [String] {
        guard !curves.isEmpty else { return [] }
        var columns: [(name: String, values: [Double])] = []
        var lines: [String] = []
        for c in curves {
            let w = JSONValue.format(c.disorder)
            let tag = "L\(c.length)_W\(w)"
            columns += [("t_\(tag)", c.times), ("czz_\(tag)", c.correlator), ("czz_\(tag)_err", c.error)]
            let color = colors[(disorders.firstIndex(of: c.disorder) ?? 3) % colors.count]
            lines.append("\"dynamics_czz_larger.csv\" using \"t_\(tag)\":\"czz_\(tag)\":\"czz_\(tag)_err\" with yerrorlines lw 3 pt 7 ps 0.7 lc rgb \"\(color)\" title \"typicality L=\(c.length), W=\(w)\""
                         + (drawsModel(disorder: c.disorder) ? ", \"dynamics_czz_rm.csv\" using \"t\":\"rm_\(tag)\" with lines lw 2 dt 4 lc rgb \"\(color)\" title \"RM L=\(c.length), W=\(w)\"" : ""))
        }
        data.append(ReportData(fileName: "dynamics_czz_larger.csv", table: ColumnTable(columns: Self.padded(columns)),
                               metadata: OutputMetadata(parameters: curves.map { ("L\($0.length)_W\(JSONValue.format($0.disorder))", .string($0.command)) },
                                                        commandLine: curves[0].command)))
        return lines
    }

    /// The caption's sentence on the larger-L curves.
    func largerCaption(_ curves: [CachedCurve]) -> String {
        curves.map { c in
            let last = c.times.last ?? .nan
            return " Thick: L = \(c.length) + probe (D = 2^\(c.length + 1)) at W = \(JSONValue.format(c.disorder)), \(c.realizations) realization(s), one Haar-random state each, to Jt = \(String(format: "%.3g", last)) (cached run: \(c.command)); error bars: the spread over states/realizations, or 0 for one state, whose typicality error (\(c.estimator) estimator) is \(c.estimator == TypicalityEstimator.projected.rawValue ? "1/sqrt(D/2+1)" : "1/sqrt(D+1)") = \(String(format: "%.1e", c.typicalityError))."
        }.joined()
    }
}
