import ArgumentParser
import Foundation
import SpinChains
import Studies

/// `resonance compare ...`: the resonance model confronted with exact numerics. Each subcommand
/// runs one comparison in memory (realization k draws from (seed, k) alone) and prints one row per
/// point with the agreement numbers; `--spectra` prints the curves instead. Costs quoted are wall
/// times of a release build on two cores.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the resonance model with disorder-averaged exact numerics.",
        subcommands: [CompareLBit.self, CompareGeneralized.self, CompareTailExponent.self, CompareInverseFrequency.self, CompareDrift.self, CompareCriterion.self,
                      CompareEntanglement.self]
    )
}

/// Parses "1,2.5" into positive numbers (at most 1e12).
private func numbers(_ text: String, _ name: String) throws -> [Double] {
    try NumericOption.positive("--\(name)", atMost: WorkLimits.energy).values(from: text, count: 1...1000)
}

/// Parses "6,8" into chain lengths in 2...30.
private func lengths(_ text: String, _ name: String) throws -> [Int] {
    try NumericOption.integer("--\(name)", 2...30).integers(from: text, count: 1...100)
}

/// Parses "8:40,10:20" into realizations per length (L in 2...30, N in 1...1000000, each L once).
private func perLength(_ text: String) throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    for (index, item) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
        let parts = item.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ValidationError("--realizations: element \(index + 1) '\(item)' is not an L:N pair; expected e.g. 8:40,10:20")
        }
        let l = try NumericOption.integer("--realizations (L)", 2...30).integer(try NumericOption.finite("--realizations (L)").value(String(parts[0])))
        let n = try NumericOption.integer("--realizations (N)", 1...1_000_000).integer(try NumericOption.finite("--realizations (N)").value(String(parts[1])))
        guard result[l] == nil else { throw ValidationError("--realizations: L = \(l) is given twice") }
        result[l] = n
    }
    return result
}

/// The text of an option whose default is a study's list (`Config`): "8,10,12", "0.5,1,2".
private func listText(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
private func listText(_ values: [Double]) -> String { values.map { JSONValue.format($0) }.joined(separator: ",") }
/// "8:60,10:30" from realizations per length.
private func perLengthText(_ counts: [Int: Int]) -> String {
    counts.keys.sorted().map { "\($0):\(counts[$0] ?? 0)" }.joined(separator: ",")
}

/// Refuses lengths at which `model` (with the default probe if `probe`, in its default S^z
/// sector if it has sectors) would not fit in memory (with the estimate).
private func refuseAboveMemory(_ lengths: [Int], _ model: EDModelKind, probe: Bool) throws {
    for length in lengths {
        var problem = EDProblem(model: model, length: length, disorderStrength: 1)
        if probe { problem.probe = problem.defaultProbe }
        if model.definition.hasMagnetizationSectors {
            problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: problem.probe?.coupling)
        }
        try refuseAboveMemory(problem)
    }
}

struct ComparisonOptions: ParsableArguments {
    @Option(help: "Seed of the disorder draws.")
    var seed: UInt64 = 2022
    @Option(help: "Worker threads, 1...1024 (default: every core).")
    var workers: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws { try EDLimits.threads("--workers").check(workers) }
}

struct CompareLBit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lbit",
        abstract: "Synthetic l-bit model against the Floquet RM at the same zeta, Lambda, L (no fitted parameter).",
        discussion: "Lambda = zeta_c Omega/(8J) (43), 1/xi = 1/zeta - ln 2 (39). Cost per realization and (zeta, Omega) (dense Schur of the 2^(L+1) Floquet operator, one core): L = 8 about 1 s, L = 10 about 1 min, L = 12 about an hour. --store-exact keeps the exact averages so that the models can be recomputed on them (--exact-from).")
    @Option(help: "Even chain length.") var length = LBitComparison.Config().length
    @Option(help: "Bare localization lengths zeta, comma-separated.") var zeta = listText(LBitComparison.Config().localizationLengths)
    @Option(help: "Drive frequencies Omega, comma-separated.") var omega = listText(LBitComparison.Config().driveFrequencies)
    @Option(help: "Realizations per point, 1...1000000.") var realizations = LBitComparison.Config().realizations
    @Flag(help: "Print [S(omega)] of every point (ED and RM) instead of the summary.") var spectra = false
    @Flag(help: "Print [Czz(t)] of every point instead of the summary.") var correlators = false
    @Option(help: "Also write the exact disorder averages to this CSV file (reread with --exact-from).") var storeExact: String?
    @Option(help: "Read the exact averages from this CSV file (written by --store-exact) instead of diagonalising; the RMs are recomputed.") var exactFrom: String?
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        guard length >= 2, length % 2 == 0, length <= 14 else { throw ValidationError("--length must be even, 2...14 (got \(length))") }
        try NumericOption.integer("--realizations", 1...1_000_000).check(realizations)
        _ = try numbers(zeta, "zeta")
        _ = try numbers(omega, "omega")
        if let storeExact { try OutputFile.checkWritable(storeExact, option: "--store-exact") }
        if let exactFrom { try InputFile.check(exactFrom, option: "--exact-from") }
    }

    func run() throws {
        var comparison = LBitComparison.Config()
        comparison.length = length
        comparison.localizationLengths = try numbers(zeta, "zeta")
        comparison.driveFrequencies = try numbers(omega, "omega")
        comparison.realizations = realizations
        comparison.seed = options.seed
        let exact: [LBitExactAverages]
        if let exactFrom {
            exact = try LBitExactCache.read(contentsOf: exactFrom, option: "--exact-from")
        } else {
            exact = try comparison.exact(sink: InMemorySink(workers: options.workers))
        }
        if let storeExact {
            let metadata = OutputMetadata(parameters: [("seed", .string(String(options.seed)))], commandLine: recordedCommandLine())
            let url = URL(fileURLWithPath: storeExact)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try OutputRenderer.curve(LBitExactCache.table(exact), metadata: metadata, format: .csv).write(to: url, atomically: true, encoding: .utf8)
            } catch { throw FileError(option: "--store-exact", path: storeExact, detail: "cannot write it (\(fileErrorReason(error)))") }
        }
        let points = try exact.map(comparison.point)
        let table = spectra ? ComparisonTables.lbitSpectra(points)
            : correlators ? ComparisonTables.lbitCorrelators(points) : ComparisonTables.lbitSummary(points)
        try options.emit(table, parameters: [("length", .integer(length)), ("realizations", .integer(realizations))])
    }
}

struct CompareGeneralized: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generalized",
        abstract: "Generalised RM (100)-(102) from the measured varrho(v) against the measured [S(omega)]; theta, theta0, xi, Lambda fitted.",
        discussion: "floquet-o3 and heisenberg-o3 with probe. Cost per realization and W: L = 8 about 0.2 s, L = 10 about 10 s.")
    @Option(help: "Chain length, 2...30 (refused above 80% of memory).") var length = GeneralizedComparison.Config().length
    @Option(help: "Disorders of floquet-o3.") var floquetW = listText(GeneralizedComparison.Config().floquetDisorders)
    @Option(help: "Disorders of heisenberg-o3.") var heisenbergW = listText(GeneralizedComparison.Config().hamiltonianDisorders)
    @Option(help: "Drive frequency Omega of floquet-o3.") var omega = GeneralizedComparison.Config().floquetDriveFrequency
    @Option(help: "Realizations per point, 1...1000000.") var realizations = GeneralizedComparison.Config().realizations
    @Flag(help: "Measure varrho in the eigenstates with the probe rather than in the bare chain.") var withProbe = false
    @Flag(help: "Print the spectra (ED and generalised RM) instead of the summary.") var spectra = false
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        try NumericOption.integer("--length", 2...30).check(length)
        try NumericOption.integer("--realizations", 1...1_000_000).check(realizations)
        try EDLimits.frequency.check(omega)
        _ = try numbers(floquetW, "floquet-w")
        _ = try numbers(heisenbergW, "heisenberg-w")
        for model in [EDModelKind.floquetO3, .heisenbergO3] { try refuseAboveMemory([length], model, probe: true) }
    }

    func run() throws {
        var comparison = GeneralizedComparison.Config()
        comparison.length = length
        comparison.floquetDisorders = try numbers(floquetW, "floquet-w")
        comparison.hamiltonianDisorders = try numbers(heisenbergW, "heisenberg-w")
        comparison.realizations = realizations
        comparison.floquetDriveFrequency = omega
        comparison.seed = options.seed
        comparison.matrixElementsWithProbe = withProbe
        try options.runStudy(GeneralizedComparison.self, config: comparison,
                             parameters: { _ in [("length", .integer(length)), ("realizations", .integer(realizations))] }) {
            spectra ? ComparisonTables.generalizedSpectra($0) : ComparisonTables.generalizedSummary($0)
        }
    }
}

struct CompareTailExponent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail-exponent",
        abstract: "theta0 from the small-v tail of the measured varrho(v) against L; implied 1/xi (51) and Lambda (91) where the fit is valid.",
        discussion: "heisenberg-o3 (bare chain for varrho, with probe for [Czz] at --memory-lengths). Cost per realization and W: L = 8 0.2 s, L = 10 5 s, L = 12 about 1 min (bare chain only).")
    @Option(help: "Lengths.") var lengths = listText(TailExponentStudy.Config().lengths)
    @Option(help: "Disorders.") var disorders = listText(TailExponentStudy.Config().disorders)
    @Option(help: "Realizations per length, L:N pairs.") var realizations = perLengthText(TailExponentStudy.Config().realizations)
    @Option(help: "Lengths at which [Czz] is measured with the probe (for Lambda); comma-separated.") var memoryLengths = listText(TailExponentStudy.Config().memoryLengths)
    @Option(help: "The tail: |V| at least this many decades below the median, 0.5...6.") var tailDecades = TailExponentStudy.Config().tailDecades
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        guard tailDecades.isFinite, tailDecades >= 0.5, tailDecades <= 6 else { throw ValidationError("--tail-decades must be 0.5...6 (got \(tailDecades))") }
    }

    func run() throws {
        var study = TailExponentStudy.Config()
        study.lengths = try numbers(lengths, "lengths").map { Int($0) }
        guard study.lengths.allSatisfy({ $0 >= 4 && $0 <= 14 }) else { throw ValidationError("--lengths must be 4...14") }
        study.disorders = try numbers(disorders, "disorders")
        study.realizations = try perLength(realizations)
        guard study.realizations.values.allSatisfy({ $0 <= 100_000 }) else { throw ValidationError("--realizations must be 1...100000 per length") }
        study.memoryLengths = try numbers(memoryLengths, "memory-lengths").map { Int($0) }
        guard study.memoryLengths.allSatisfy({ $0 >= 4 && $0 <= 14 }) else { throw ValidationError("--memory-lengths must be 4...14") }
        study.tailDecades = tailDecades
        study.seed = options.seed
        try options.runStudy(TailExponentStudy.self, config: study, parameters: { _ in [("tail_decades", .number(tailDecades))] },
                             table: TailExponentStudy.table)
    }
}

struct CompareInverseFrequency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inverse-frequency",
        abstract: "Fig. 10 analysis of xxz: ([S] omega W)^-2 against (W omega)^-1; widest windows of 1/omega and of (111).",
        discussion: "Cost per realization (S^z = 0): L = 10 0.05 s, L = 12 0.5 s, L = 14 about 15 s, L = 16 about 10 min.")
    @Option(help: "Lengths, integers in 2...30 (refused above 80% of memory).") var lengths = listText(InverseFrequencyAnalysis.Config().lengths)
    @Option(help: "Disorders.") var disorders = listText(InverseFrequencyAnalysis.Config().disorders)
    @Option(help: "Realizations per length, L:N pairs (N in 1...1000000).") var realizations = perLengthText(InverseFrequencyAnalysis.Config().realizations)
    @Option(help: "Largest acceptable reduced chi^2 of a window.") var chiSquared = InverseFrequencyAnalysis.Config().acceptableChiSquared
    @Flag(help: "Print the scaled curves instead of the summary.") var curves = false
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        try refuseAboveMemory(try CompareLengths.parse(lengths, "lengths"), .xxz, probe: false)
        _ = try numbers(disorders, "disorders")
        _ = try perLength(realizations)
        try NumericOption.positive("--chi-squared", atMost: 1e12).check(chiSquared)
    }

    func run() throws {
        var analysis = InverseFrequencyAnalysis.Config()
        analysis.lengths = try CompareLengths.parse(lengths, "lengths")
        analysis.disorders = try numbers(disorders, "disorders")
        analysis.realizations = try perLength(realizations)
        analysis.acceptableChiSquared = chiSquared
        analysis.seed = options.seed
        try options.runStudy(InverseFrequencyAnalysis.self, config: analysis) {
            curves ? ComparisonTables.inverseFrequencyCurves($0) : ComparisonTables.inverseFrequencySummary($0)
        }
    }
}

struct CompareDrift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "W_delta(L) from [Czz] of heisenberg-o3 with probe against the RM's drift (W_c, Lambda_c fitted).",
        discussion: "Cost per realization and W: L = 8 0.1 s, L = 9 0.6 s, L = 10 4 s, L = 11 30 s.")
    @Option(help: "Lengths, integers in 2...30 (refused above 80% of memory).") var lengths = listText(CrossoverDriftComparison.Config().lengths)
    @Option(help: "Disorder grid.") var disorders = listText(CrossoverDriftComparison.Config().disorders)
    @Option(help: "Realizations per length, L:N pairs (N in 1...1000000).") var realizations = perLengthText(CrossoverDriftComparison.Config().realizations)
    @Option(help: "The level delta of [Czz](W_delta) = delta (116).") var threshold = CrossoverDriftComparison.Config().threshold
    @Flag(help: "Print [Czz] against W instead of W_delta(L).") var memory = false
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        try NumericOption("--threshold", above: 0, below: 1).check(threshold)
        try refuseAboveMemory(try CompareLengths.parse(lengths, "lengths"), .heisenbergO3, probe: true)
        _ = try numbers(disorders, "disorders")
        _ = try perLength(realizations)
    }

    func run() throws {
        var comparison = CrossoverDriftComparison.Config()
        comparison.lengths = try CompareLengths.parse(lengths, "lengths")
        comparison.disorders = try numbers(disorders, "disorders").sorted()
        comparison.realizations = try perLength(realizations)
        comparison.threshold = threshold
        comparison.seed = options.seed
        try options.runStudy(CrossoverDriftComparison.self, config: comparison, parameters: { result in [
            ("threshold", .number(threshold)), ("W_c_fitted", .number(result.criticalDisorder)),
            ("Lambda_c_fitted", .number(result.criticalResonanceLength)), ("rm_rms_log_ratio", .number(result.modelRmsLogRatio)),
            ("linear_slope", .number(result.linearFit?.slope ?? .nan)),
            ("linear_reduced_chi2", .number(result.linearFit.map { $0.chiSquared / Double(max($0.degreesOfFreedom, 1)) } ?? .nan)),
        ] }) { memory ? ComparisonTables.driftMemory($0) : ComparisonTables.driftSummary($0) }
    }
}

struct CompareCriterion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criterion",
        abstract: "rho vbar (129)-(131) against <r> as phase indicators of xxz on both sides of the crossover.",
        discussion: "Cost per realization: L = 10 0.05 s, L = 12 0.5 s, L = 14 15 s.")
    @Option(help: "Lengths (even).") var lengths = listText(CriterionComparison.Config().lengths)
    @Option(help: "Thermal-side disorder.") var thermalW = CriterionComparison.Config().thermalDisorder
    @Option(help: "Localized-side disorder.") var localizedW = CriterionComparison.Config().localizedDisorder
    @Option(help: "Realizations per length, L:N pairs (N in 1...1000000).") var realizations = perLengthText(CriterionComparison.Config().realizations)
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        try refuseAboveMemory(try CompareLengths.parse(lengths, "lengths"), .xxz, probe: false)
        try NumericOption("--thermal-w", atLeast: 0, atMost: WorkLimits.energy).check(thermalW)
        try NumericOption("--localized-w", atLeast: 0, atMost: WorkLimits.energy).check(localizedW)
        _ = try perLength(realizations)
    }

    func run() throws {
        var comparison = CriterionComparison.Config()
        comparison.lengths = try CompareLengths.parse(lengths, "lengths")
        comparison.thermalDisorder = thermalW
        comparison.localizedDisorder = localizedW
        comparison.realizations = try perLength(realizations)
        comparison.seed = options.seed
        try options.runStudy(CriterionComparison.self, config: comparison,
                             parameters: { _ in [("thermal_W", .number(thermalW)), ("localized_W", .number(localizedW))] },
                             table: ComparisonTables.criterionSummary)
    }
}

struct CompareEntanglement: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entanglement",
        abstract: "The probe entropy [S_P] against ln 2 (1 - [Czz]) (120) and the two-site entropy against 2 ln 2, heisenberg-o3 with probe.",
        discussion: "The default (L = 8, 3 disorders, 8 realizations each) takes about 2 CPU-seconds in a release build; every eigenstate is needed, so the cost grows as the cube of the dimension 2^(L+1).")
    @Option(help: "Chain length, 2...30 (refused above 80% of memory).") var length = ProbeEntanglementComparison.Config().length
    @Option(help: "Disorders.") var disorders = listText(ProbeEntanglementComparison.Config().disorders)
    @Option(help: "Realizations per W, 1...1000000.") var realizations = ProbeEntanglementComparison.Config().realizations
    @OptionGroup var options: ComparisonOptions

    func validate() throws {
        try NumericOption.integer("--length", 2...30).check(length)
        try NumericOption.integer("--realizations", 1...1_000_000).check(realizations)
        _ = try numbers(disorders, "disorders")
        var config = ProbeEntanglementComparison.Config()
        config.length = length
        try refuseAboveMemory(ProbeEntanglementComparison.job(config, disorder: 1).problem)
    }

    func run() throws {
        var config = ProbeEntanglementComparison.Config()
        config.length = length
        config.disorders = try numbers(disorders, "disorders")
        config.realizations = realizations
        config.seed = options.seed
        try options.runStudy(ProbeEntanglementComparison.self, config: config,
                             parameters: { _ in [("length", .integer(length)), ("realizations", .integer(realizations))] },
                             table: ProbeEntanglementComparison.table)
    }
}

/// Chain lengths of the comparisons: integers in 2...30, each refused above 80% of memory.
enum CompareLengths {
    static func parse(_ text: String, _ name: String) throws -> [Int] { try lengths(text, name) }
}
