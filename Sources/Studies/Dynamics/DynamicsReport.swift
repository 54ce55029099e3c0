import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// The report's section on dynamics beyond diagonalization: the probe's `[Czz(t)]` and `[S(omega)]`
/// of heisenberg-o3 by dynamical typicality, beside the Hamiltonian RM (eqs. (47), (92), (93)) and
/// the dense engine.
///
/// The large-`L` runs cost minutes to hours, so they are read from a cache, `data/dynamics/L<L>_W<W>/`
/// (`czz.csv` and `spectral_function.csv` written by `resonance ed dynamics`, whose command line
/// they record; rerunning it in that folder reproduces them). A small size is recomputed on every
/// report by both engines (typicality and LAPACK on the same realizations), so that the overlay of
/// the two is checked each time.
public struct DynamicsReport: Sendable {
    public var commandLine: String
    public var cacheDirectory = StoredData.url("dynamics")
    /// The recomputed size and its realizations.
    public var smallLength = 8
    public var smallRealizations = 4
    public var disorders: [Double] = [3, 6, 20]
    /// W_c and the mapping of Fig. 9: 1/xi = ln(W/W_c), Lambda(W) from (83), J = 1.
    public var criticalDisorder = 10.0
    public var seed: UInt64 = 15
    /// The last time (units 1/J) of the recomputed size.
    public var finalTime = 1000.0

    /// The cached runs at sizes above the common one that `computeCachedRuns` (the full report)
    /// computes when missing (read back otherwise), with the `--times` grid and seed of the stored ones.
    /// `W = 20` lies on the localized side, where the RM is drawn beside it.
    public var largerRunSpecs: [LargerRunSpec] = [
        LargerRunSpec(length: 20, disorder: 6, times: "log:0.1:25.118864315095795:5", realizations: 2, seed: 15),
        LargerRunSpec(length: 20, disorder: 20, times: "log:0.1:100:5", realizations: 2, seed: 15, estimator: .projected),
    ]
    public var computeCachedRuns = false

    public init(commandLine: String) { self.commandLine = commandLine }

    /// The Hamiltonian RM at `(W, L)`: 1/xi = ln(W/W_c) (Fig. 9, (D4)), Lambda = pi (zeta_c W/4J)^2 (83).
    public func model(disorder w: Double, length: Int) throws -> HamiltonianResonanceModel {
        HamiltonianResonanceModel(try ResonanceParameters(
            inverseCorrelationLength: ResonanceParameters.inverseCorrelationLength(disorder: w, criticalDisorder: criticalDisorder),
            resonanceLength: ResonanceParameters.resonanceLength(disorder: w), length: Double(length), disorder: w))
    }

    /// The RM's [Czz(t)] (`ProbeCorrelator`, eqs. (44)-(49)) at `times`, on the cores, kept in the
    /// report's run store (`RunCache.value`, keyed by the model's parameters and the times) so
    /// that a second report reads it back.
    func modelCorrelator(_ model: HamiltonianResonanceModel, times: [Double]) throws -> [Double] {
        let p = model.parameters
        let manifest: [(String, JSONValue)] = [
            ("quantity", .string("RM [Czz(t)], Hamiltonian, ProbeCorrelator (steepest descent)")),
            ("inverse_correlation_length", .number(p.inverseCorrelationLength)), ("resonance_length", .number(p.resonanceLength)),
            ("interaction", .number(p.interaction)), ("length", .number(p.length)), ("disorder", p.disorder.map { .number($0) } ?? .null),
            ("times", .array(times.map { .number($0) })),
        ]
        return try RunCache.value(in: RunCache.current, label: "rm-czz-L\(JSONValue.format(p.length))", manifest: manifest) {
            parallelMap(times) { probeCorrelator(model, time: $0) }
        }
    }

    /// Whether the RM is drawn at `w`: on the localized side, 1/xi = ln(W/W_c) >= 0. On the thermal
    /// side (1/xi < 0) the model's formulas are outside their domain (its [Czz(t)] is no decaying
    /// memory there but swings through negative values), so the figures carry no RM curve there.
    public func drawsModel(disorder w: Double) -> Bool {
        DisorderParametrization.inverseCorrelationLength(disorder: w, criticalDisorder: criticalDisorder) >= 0
    }

    /// The cached runs: the largest L present with every disorder.
    func cachedLength() -> Int? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? []
        let lengths = Set(names.compactMap { name -> Int? in
            guard name.hasPrefix("L"), let cut = name.firstIndex(of: "_") else { return nil }
            return Int(name[name.index(after: name.startIndex)..<cut])
        })
        return lengths.sorted().last { l in
            disorders.allSatisfy { FileManager.default.fileExists(atPath: folder(length: l, disorder: $0).appendingPathComponent("czz.csv").path) }
        }
    }

    func folder(length: Int, disorder: Double) -> URL {
        cacheDirectory.appendingPathComponent("L\(length)_W\(JSONValue.format(disorder))")
    }

    public func section() throws -> ReportSection {
        if computeCachedRuns { try ensureLargerRuns() }
        let scratch = ScratchDirectories.make(prefix: "dynamics")
        defer { ScratchDirectories.remove(scratch) }
        let times = SpinAutocorrelation.logarithmicTimes(from: 0.1, to: finalTime, perDecade: 5)
        var smallColumns: [(name: String, values: [Double])] = [("t", times)]
        var deviation = 0.0, bound = 0.0
        for w in disorders {
            var problem = EDProblem(model: .heisenbergO3, length: smallLength, disorderStrength: w)
            problem.probe = problem.defaultProbe
            var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
            dynamics.threads = min(2, ProcessInfo.processInfo.activeProcessorCount)
            var run = DynamicsRun(dynamics: dynamics, times: times, states: 1, realizations: smallRealizations, seed: seed,
                                  directory: scratch.appendingPathComponent("W\(w)"))
            run.quiet = true
            run.commandLine = commandLine
            // With the report's run store bound, the typicality run is kept and read back next time.
            let label = "dynamics-L\(smallLength)-W\(JSONValue.format(w))"
            if let cache = RunCache.current { run.directory = cache.directory(label: label, manifest: run.manifest) }
            let started = Date()
            let (typical, computed) = try run.runCounted()
            RunCache.current?.note(RunCache.Use(label: label, directory: run.directory.lastPathComponent,
                                                reused: smallRealizations - computed, computed: computed,
                                                seconds: Date().timeIntervalSince(started)))
            // The dense engine on the same realizations (fields from (seed, k)), kept in the run
            // store beside the typicality run.
            let dense = try RunCache.value(in: RunCache.current, label: "dynamics-dense-L\(smallLength)-W\(JSONValue.format(w))",
                                           manifest: run.manifest + [("engine", .string("dense"))]) {
                var dense = [Double](repeating: 0, count: times.count)
                for k in 0..<smallRealizations {
                    let fields = problem.drawFields(seed: seed, realization: UInt64(k))
                    let weights = try SpectralWeights(operator: PauliString(.z, at: smallLength), eigenstates: problem.eigenstates(fields: fields))
                    let c = try SpinAutocorrelation(weights, times: times).values
                    for i in times.indices { dense[i] += c[i] / Double(smallRealizations) }
                }
                return dense
            }
            deviation = max(deviation, zip(dense, typical.correlator).map { abs($0 - $1) }.max() ?? 0)
            bound = typical.typicalityError
            smallColumns += [("czz_typical_W\(JSONValue.format(w))", typical.correlator), ("czz_dense_W\(JSONValue.format(w))", dense)]
        }
        var figures: [ReportFigure] = []
        let largeLength = cachedLength()
        var czzColumns: [(name: String, values: [Double])] = [("t", times)]
        var sColumns: [(name: String, values: [Double])] = []
        var resolutions: [String] = []
        var sResolutions: [Double: Double] = [:]
        var sCommands: [String] = []
        var counts: [String] = []
        // The RM on a finer grid than the runs' (its [Czz(t)] oscillates on the scale of its cutoffs).
        let rmTimes = SpinAutocorrelation.logarithmicTimes(from: 0.1, to: 1000, perDecade: 40)
        var rmColumns: [(name: String, values: [Double])] = [("t", rmTimes)]
        // The RM's [Czz(t)] range where it is not drawn (thermal side), for the caption.
        var thermalRange: [Double: (Double, Double)] = [:]
        var cachedCommand = "none (no cache in \(cacheDirectory.path))"
        if let largeLength {
            for w in disorders {
                let dir = folder(length: largeLength, disorder: w)
                guard let (czz, comments) = LuitzShiftInvertFigure.readTable(dir.appendingPathComponent("czz.csv")),
                      let t = czz.values(named: "t"), let c = czz.values(named: "czz"), let e = czz.values(named: "czz_err") else { continue }
                cachedCommand = LuitzShiftInvertFigure.comment(comments, "command") ?? cachedCommand
                let label = JSONValue.format(w)
                if let count = LuitzShiftInvertFigure.comment(comments, "realizations") {
                    counts.append("W = \(label): \(count)")
                }
                let model = try self.model(disorder: w, length: largeLength)
                czzColumns += [("t_W\(label)", t), ("czz_W\(label)", c), ("czz_W\(label)_err", e)]
                let rm = try modelCorrelator(model, times: rmTimes)
                if drawsModel(disorder: w) { rmColumns.append(("rm_W\(label)", rm)) } else { thermalRange[w] = (rm.min() ?? .nan, rm.max() ?? .nan) }
                let sFolder = spectralFolder(length: largeLength, disorder: w)
                if let (s, sComments) = LuitzShiftInvertFigure.readTable(sFolder.appendingPathComponent("spectral_function.csv")),
                   let omega = s.values(named: "omega"), let values = s.values(named: "S"), let errors = s.values(named: "S_err") {
                    // Each W on its own omega column: the separate kernel polynomial runs may use another grid.
                    let resolution = Self.resolution(sComments)
                    sColumns += [("omega_W\(label)", omega), ("S_W\(label)", Self.blankBelowResolution(omega: omega, values: values, resolution: resolution)),
                                 ("S_W\(label)_err", errors)]
                    if drawsModel(disorder: w) { sColumns.append(("rm_W\(label)", omega.map { spectralFunctionClosedForm(model, omega: $0) })) }
                    sResolutions[w] = resolution
                    if let resolution {
                        let order = LuitzShiftInvertFigure.comment(sComments, "kpm_order") ?? "?"
                        resolutions.append("W = \(label): \(String(format: "%.3g", resolution)) (N = \(order))")
                    }
                    sCommands.append(LuitzShiftInvertFigure.comment(sComments, "command") ?? "")
                }
            }
            czzColumns.removeFirst()   // each W carries its own time column
        }
        let larger = largerRuns(than: largeLength).compactMap { cachedCurve(length: $0.length, disorder: $0.disorder) }
        for curve in larger where drawsModel(disorder: curve.disorder) {
            let model = try self.model(disorder: curve.disorder, length: curve.length)
            rmColumns.append(("rm_L\(curve.length)_W\(JSONValue.format(curve.disorder))", try modelCorrelator(model, times: rmTimes)))
        }
        let small = smallLength
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
        let labels = disorders.map { JSONValue.format($0) }
        var czzPlot = disorders.indices.map { i in
            "\"dynamics_small.csv\" using \"t\":\"czz_dense_W\(labels[i])\" with lines dt 2 lc rgb \"\(colors[i % 4])\" title \"dense L=\(small), W=\(labels[i])\", "
                + "\"dynamics_small.csv\" using \"t\":\"czz_typical_W\(labels[i])\" with points pt 6 lc rgb \"\(colors[i % 4])\" title \"typicality L=\(small)\""
        }
        var data = [ReportData(fileName: "dynamics_small.csv", table: ColumnTable(columns: smallColumns),
                               metadata: OutputMetadata(parameters: [("L", .integer(small)), ("realizations", .integer(smallRealizations)),
                                                                     ("seed", .string(String(seed)))], commandLine: commandLine))]
        if let largeLength, !czzColumns.isEmpty {
            data.append(ReportData(fileName: "dynamics_czz_large.csv", table: ColumnTable(columns: czzColumns),
                                   metadata: OutputMetadata(parameters: [("L", .integer(largeLength))], commandLine: cachedCommand)))
            czzPlot += disorders.indices.map { i in
                "\"dynamics_czz_large.csv\" using \"t_W\(labels[i])\":\"czz_W\(labels[i])\":\"czz_W\(labels[i])_err\" with yerrorlines lw 2 lc rgb \"\(colors[i % 4])\" title \"typicality L=\(largeLength)\""
                    + (drawsModel(disorder: disorders[i]) ? ", \"dynamics_czz_rm.csv\" using \"t\":\"rm_W\(labels[i])\" with lines lw 1 dt 3 lc rgb \"\(colors[i % 4])\" title \"RM L=\(largeLength)\"" : "")
            }
        }
        let thermal = disorders.filter { !drawsModel(disorder: $0) }.map { JSONValue.format($0) }
        if rmColumns.count > 1 {
            data.append(ReportData(fileName: "dynamics_czz_rm.csv", table: ColumnTable(columns: rmColumns),
                                   metadata: OutputMetadata(parameters: [("L", .integer(largeLength ?? 0)), ("W_c", .number(criticalDisorder)),
                                                                         ("rm_omitted_thermal_side_W", .string(thermal.joined(separator: ",")))],
                                                            commandLine: commandLine)))
        }
        let swings = disorders.compactMap { w in
            thermalRange[w].map { String(format: "%.2f...%.2f", $0.0, $0.1) + " at W = \(JSONValue.format(w))" }
        }
        let domain = thermal.isEmpty ? "" : " No RM curve at W = \(thermal.joined(separator: ", ")): there 1/xi = ln(W/W_c) < 0, the thermal side, outside the model's domain"
            + (swings.isEmpty ? "." : " (its [Czz(t)] formula swings over \(swings.joined(separator: ", ")) there).")
        czzPlot += largerCurvePlot(larger, colors: colors, data: &data)
        let largeText = largeLength.map { "L = \($0) + probe (cached runs, one state per realization; realizations \(counts.joined(separator: ", ")); for one realization there is no error bar; \(cachedCommand))" } ?? "no cached large-L run"
        figures.append(ReportFigure(
            identifier: "dynamics-czz", title: "[Czz(t)] of the probe by dynamical typicality beside the RM",
            claim: "The probe's memory [Czz(t)] decays to a plateau that grows with W; the RM predicts its time dependence from the statistics of resonances (eqs. (47), (92)).",
            caption: "heisenberg-o3 with the probe ((h/2) sigma^z_P + J sigma^x_0 sigma^x_P, h = W), A = sigma^z_P. Points: one Haar-random state per realization propagated by Chebyshev (matrix-free) at L = \(small); dashed: the dense engine (LAPACK) on the same \(smallRealizations) realizations, largest difference over the \(times.count) times and \(disorders.count) disorders \(String(format: "%.3f", deviation)), i.e. \(String(format: "%.1f", deviation / bound)) typicality standard errors 1/sqrt(R N (D+1)) = \(String(format: "%.3f", bound)) (the largest of that many correlated Gaussian deviations is typically 2-3 of them). Error bars: standard errors over realizations at \(largeText). Dotted: Hamiltonian RM with 1/xi = ln(W/W_c), W_c = \(JSONValue.format(criticalDisorder)), Lambda(W) from (83), at the L of each curve, drawn on the localized side (W >= W_c) only.\(domain)\(largerCaption(larger))",
            parameters: "heisenberg-o3 + probe, W = \(labels.joined(separator: ", ")), L = \(small)\(largeLength.map { " and \($0)" } ?? "")\(larger.map { "; L = \($0.length) at W = \(JSONValue.format($0.disorder))" }.joined()), seed \(seed)",
            data: data,
            plot: """
            set logscale x; set xlabel "J t"; set ylabel "[Czz(t)]"; set key outside right; set yrange [-0.1:1.05]
            plot \(czzPlot.joined(separator: ", \\\n     "))
            """))
        if let largeLength, sColumns.count > 1 {
            let sPlot = disorders.indices.map { i in
                let resolution = sResolutions[disorders[i]].map { String(format: ", res. %.2g", $0) } ?? ""
                return "\"dynamics_s_large.csv\" using \"omega_W\(labels[i])\":\"S_W\(labels[i])\" with lines lw 2 lc rgb \"\(colors[i % 4])\" title \"KPM L=\(largeLength), W=\(labels[i])\(resolution)\""
                    + (drawsModel(disorder: disorders[i]) ? ", \"dynamics_s_large.csv\" using \"omega_W\(labels[i])\":\"rm_W\(labels[i])\" with lines dt 3 lc rgb \"\(colors[i % 4])\" title \"RM\"" : "")
            }
            let arrows = disorders.indices.compactMap { i in
                sResolutions[disorders[i]].map { "set arrow from \($0), graph 0 to \($0), graph 1 nohead dt 2 lc rgb \"\(colors[i % 4])\"" }
            }.joined(separator: "; ")
            figures.append(ReportFigure(
                identifier: "dynamics-spectral-function", title: "[S(omega)] of the probe by the kernel polynomial method beside the RM",
                claim: "On the localised side S(omega) develops a power law at small omega and weight moves into the omega = 0 delta function; the RM's closed form (93) gives the off-diagonal part.",
                caption: "Two-dimensional kernel polynomial method (Chebyshev moments of one Haar-random state per realization, Jackson kernel), normalised as the dense engine: integral S d omega = (1/D) tr A^2 = 1 with the delta function at omega = 0 broadened into the central peak, so below the resolution the curves hold the diagonal weight too. Resolution sqrt(2) pi a / N (a the spectral half-width, N the order; thin dashed vertical lines): \(resolutions.joined(separator: "; ")); each curve is drawn only above its resolution, where the Jackson-broadened delta function no longer dominates. Dotted: RM closed form (93), same parameters as the Czz figure, on the localized side only.\(domain) At L = 20 + probe the 2N stored vectors (32 MB each) limit N to a few tens per GiB, so the kernel polynomial S(omega) is shown at this L only. Runs: \(Array(Set(sCommands)).sorted().joined(separator: "; ")).",
                parameters: "heisenberg-o3 + probe, L = \(largeLength), W = \(labels.joined(separator: ", "))",
                data: [ReportData(fileName: "dynamics_s_large.csv", table: ColumnTable(columns: Self.padded(sColumns)),
                                  metadata: OutputMetadata(parameters: [("L", .integer(largeLength))], commandLine: sCommands.first ?? cachedCommand))],
                plot: """
                set logscale xy; set xlabel "omega / J"; set ylabel "[S(omega)]"; set key outside right; set yrange [1e-4:*]
                \(arrows)
                plot \(sPlot.joined(separator: ", \\\n     "))
                """))
        }
        return ReportSection(
            title: "Dynamics beyond diagonalization",
            introduction: "Dynamical typicality: C(t) = <psi|A(t) A|psi>/<psi|psi> for Haar-random states propagated by a Chebyshev expansion of exp(-iHt) on the matrix-free Hamiltonian (`resonance ed dynamics`), and S(omega) by the kernel polynomial method. The error of one state is at most 1/sqrt(D+1), so sizes beyond the dense engine's reach come at the cost of a few state vectors.",
            figures: figures)
    }
}
