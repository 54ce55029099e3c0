import ArgumentParser
import Foundation
import NumericKit
import SpinChains
import Studies

/// The run options shared by `ed run` and `ed scan`.
struct EDRunOptions: ParsableArguments {
    @Option(help: "Number of disorder realisations (realisation k draws from (seed, k) only).")
    var realizations: Int

    @Option(help: "Seed of the run.")
    var seed: UInt64

    @Option(help: "Observables, comma-separated: \(ExactObservable.allCases.map(\.rawValue).joined(separator: ",")), or all.")
    var observables: String = "r"

    @Option(help: "Output directory (created; rerunning the same command there resumes).")
    var out: String

    @Option(help: "Realisations computed in parallel (default: one per core; 1 with threaded BLAS from dimension 4096).")
    var workers: Int?

    @Option(name: .customLong("blas-threads"), help: "OpenBLAS threads per realisation (default: 1 when workers > 1, else all cores). Averages are bit-identical between runs with the same value.")
    var blasThreads: Int?

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(name: .customLong("write-fields"), help: "Write each realisation's fields to <out>/fields/realization_<k>.json.")
    var writeFields = false

    @Option(help: "JSON fields file used for every realisation instead of random draws.")
    var fields: String?

    @Option(name: .customLong("window-fraction"), help: "Middle fraction of each sector's spectrum for <r> and the mid-spectrum observables.")
    var windowFraction: Double = 1.0 / 3

    @Option(name: .customLong("operator"), help: "Operator A of S(omega) and Czz: e.g. z0, zP (default zP with a probe, else z0).")
    var spectralOperator: String?

    @Option(help: "Perturbation V of the matrix elements, criterion and fidelity: e.g. z0, x0 (default z0 for xxz, else the probe coupling's sigma^a_0).")
    var perturbation: String?

    @Option(name: .customLong("perturbation-strength"), help: "Strength of V (default J).")
    var perturbationStrength: Double?

    @Option(name: .customLong("criterion-window"), help: "Energy window delta of rho vbar.")
    var criterionWindow: Double = 0.5

    @Option(name: .customLong("matrix-element-windows"), help: "Centres and width of the two windows of varrho(v), as fractions of the spectrum (of the window's levels with a sparse method): c1,c2,width (default 0.45,0.55,0.05; sparse: 0.25,0.75,0.5).")
    var matrixElementWindows: String?

    @OptionGroup var methodOptions: EDMethodOptions

    func validate() throws {
        guard realizations >= 1 else { throw ValidationError("--realizations must be >= 1") }
        if let workers { guard workers >= 1 else { throw ValidationError("--workers must be >= 1") } }
        if let blasThreads { guard blasThreads >= 1 else { throw ValidationError("--blas-threads must be >= 1") } }
        guard windowFraction > 0, windowFraction <= 1 else { throw ValidationError("--window-fraction must be in (0, 1]") }
        guard criterionWindow > 0 else { throw ValidationError("--criterion-window must be > 0") }
        _ = try parsedObservables()
        _ = try windows(sparse: false)
        try methodOptions.validateOptions()
    }

    /// The problem at (L, W, Omega) with the dense memory check only where it is diagonalised densely.
    func problem(_ chain: EDChainOptions, length: Int, disorder: Double, drivingFrequency: Double?) throws -> EDProblem {
        let problem = try chain.problem(length: length, disorder: disorder, drivingFrequency: drivingFrequency, checkDenseMemory: false)
        if methodOptions.sparseMethod(for: problem) == nil {
            try EDChainOptions.checkDenseMemory(problem, matricesAlive: 2)
        } else {
            _ = try methodOptions.plan(for: problem, observables: try parsedObservables())
        }
        return problem
    }

    func parsedObservables() throws -> [ExactObservable] {
        do { return try ExactObservable.parseList(observables) } catch { throw ValidationError("--observables: \(error)") }
    }

    func windows(sparse: Bool) throws -> MatrixElementDistribution.Windows {
        let text = matrixElementWindows ?? (sparse ? "0.25,0.75,0.5" : "0.45,0.55,0.05")
        let parts = text.split(separator: ",").compactMap { Double($0) }
        guard parts.count == 3, parts.allSatisfy({ $0 > 0 && $0 < 1 }), abs(parts[1] - parts[0]) >= parts[2] else {
            throw ValidationError("--matrix-element-windows: expected c1,c2,width in (0, 1) with |c2 - c1| >= width")
        }
        return .init(firstCenter: parts[0], secondCenter: parts[1], width: parts[2])
    }

    func settings(for problem: EDProblem, sparse: Bool) throws -> ExactObservableSettings {
        var settings = ExactObservableSettings()
        settings.spectralFraction = windowFraction
        settings.spectralOperator = spectralOperator
        settings.perturbation = perturbation
        settings.perturbationStrength = perturbationStrength
        settings.criterionWindow = criterionWindow
        settings.matrixElementWindows = try windows(sparse: sparse)
        do {
            _ = try settings.manifest(for: problem)   // checks the operators against L
        } catch { throw ValidationError("\(error)") }
        return settings
    }

    func plan(problem: EDProblem, directory: URL) throws -> ExactNumericsRun {
        let given = try fields.map { try DisorderFields(json: Data(contentsOf: URL(fileURLWithPath: $0))) }
        var window = try methodOptions.plan(for: problem, observables: try parsedObservables())
        // Under mpirun the ranks share out realisations (each solve then runs as a one-rank MPI
        // job); `--ranks P` gives each solve its own P-rank job instead.
        if window != nil, methodOptions.ranks == nil, SparseWindowEngine.launcherSize > 1 {
            window?.engine.launch = .singleton
        }
        var job = ExactRealisation(problem: problem, observables: try parsedObservables(),
                                   settings: try settings(for: problem, sparse: window != nil), seed: seed, fields: given)
        job.window = window
        var run = ExactNumericsRun(realisation: job, realizations: realizations, directory: directory,
                                   commandLine: recordedCommandLine())
        run.workers = workers
        run.blasThreads = blasThreads
        run.quiet = quiet
        run.writeFields = writeFields
        return run
    }
}

/// `resonance ed run`: a disorder-averaged run of the chosen observables.
struct EDRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Disorder-averaged observables of one model at one (L, W): <r>, S(omega), Czz(t), varrho(v), rho vbar, chi, entanglement.",
        discussion: """
        Writes <out>/realizations.jsonl (one line per finished realisation, so an interrupted run resumes where it \
        stopped when the same command is given again), one CSV per observable (spectral_function.csv, czz.csv, \
        matrix_elements.csv, fidelity.csv, probe_entropy.csv, scalars.csv; _err columns are standard errors over \
        realisations) and summary.json (parameters, seed, results, timings). Models as in `resonance ed spectrum --help`.
        """
    )

    @OptionGroup var chain: EDChainOptions
    @Option(name: .customLong("L"), help: "Number of chain sites L (probe not counted).")
    var length: Int
    @Option(name: .customLong("W"), help: "Disorder strength W >= 0.")
    var disorderStrength: Double
    @Option(name: .customLong("Omega"), help: "Driving frequency Omega > 0 (floquet-o3, lbit).")
    var drivingFrequency: Double?
    @OptionGroup var runOptions: EDRunOptions

    func validate() throws {
        _ = try runOptions.problem(chain, length: length, disorder: disorderStrength, drivingFrequency: drivingFrequency)
    }

    func run() throws {
        let problem = try runOptions.problem(chain, length: length, disorder: disorderStrength, drivingFrequency: drivingFrequency)
        let result = try runOptions.plan(problem: problem, directory: URL(fileURLWithPath: runOptions.out)).execute()
        if !runOptions.quiet { printScalars(result) }
    }
}

/// `resonance ed scan`: runs over grids of W (or Omega) and L, one sub-directory per point.
struct EDScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Disorder-averaged runs over grids of L and W (or Omega): one sub-directory per point, and scan.csv.",
        discussion: "Each point is an `ed run` in <out>/L<L>_W<W>[_Omega<Omega>]; rerunning resumes every point. scan.csv holds the scalar results with standard errors."
    )

    @OptionGroup var chain: EDChainOptions
    @Option(name: .customLong("L"), help: "Chain lengths, comma-separated (e.g. 8,10,12).")
    var lengths: String
    @Option(name: .customLong("W"), help: "Disorder strengths, comma-separated.")
    var disorders: String
    @Option(name: .customLong("Omega"), help: "Driving frequencies, comma-separated (Floquet models).")
    var frequencies: String?
    @OptionGroup var runOptions: EDRunOptions

    static func numbers(_ text: String, _ name: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { throw ValidationError("\(name): expected comma-separated numbers") }
        return values.map { $0! }
    }

    func points() throws -> [EDProblem] {
        let ls = try Self.numbers(lengths, "--L").map { Int($0) }
        let ws = try Self.numbers(disorders, "--W")
        let omegas: [Double?] = try frequencies.map { try Self.numbers($0, "--Omega") } ?? [nil]
        var problems: [EDProblem] = []
        for l in ls { for w in ws { for omega in omegas {
            problems.append(try runOptions.problem(chain, length: l, disorder: w, drivingFrequency: omega))
        } } }
        return problems
    }

    func validate() throws { _ = try points() }

    func run() throws {
        let base = URL(fileURLWithPath: runOptions.out)
        var results: [ExactNumericsResult] = []
        for problem in try points() {
            let name = "L\(problem.length)_W\(JSONValue.format(problem.disorderStrength))"
                + (problem.model.isFloquet ? "_Omega\(JSONValue.format(problem.drivingFrequency))" : "")
            results.append(try runOptions.plan(problem: problem, directory: base.appendingPathComponent(name)).execute())
        }
        let table = ExactNumericsScan.table(results)
        let metadata = OutputMetadata(parameters: [("seed", .string(String(runOptions.seed))), ("realizations", .integer(runOptions.realizations)),
                                                   ("observables", .string(runOptions.observables))],
                                      commandLine: recordedCommandLine())
        try OutputRenderer.curve(table, metadata: metadata, format: .csv).write(to: base.appendingPathComponent("scan.csv"),
                                                                                atomically: true, encoding: .utf8)
        if !runOptions.quiet { print(OutputRenderer.curve(table, metadata: metadata, format: .table), terminator: "") }
    }
}

/// `resonance ed study luitz`: <r> of the xxz chain on the grid of Luitz, Laflorencie and Alet.
struct EDStudy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Published comparisons. luitz: <r> of xxz on L = 12..16, W = 1..5 (PRB 91, 081103 (2015); crossing near W ~ 3.7).",
        discussion: "--estimate times one realisation at each L and prints the extrapolated cost of the whole study without running it."
    )

    @Argument(help: "The study: luitz.")
    var name: String
    @Option(name: .customLong("L"), help: "Chain lengths.")
    var lengths: String = "12,14,16"
    @Option(name: .customLong("W"), help: "Disorder strengths.")
    var disorders: String = "1,1.5,2,2.5,3,3.25,3.5,3.75,4,4.5,5"
    @Option(help: "Realisations per point, per L (comma-separated, one per L; one number applies to all).")
    var realizations: String = "1000,200,50"
    @Option(help: "Seed.")
    var seed: UInt64 = 2015
    @Option(help: "Output directory.")
    var out: String = "luitz-study"
    @Flag(help: "Only measure the cost and print the estimate.")
    var estimate = false
    @Flag(help: "No progress output.")
    var quiet = false
    @OptionGroup var methodOptions: EDMethodOptions

    func validate() throws {
        guard name == "luitz" else { throw ValidationError("unknown study '\(name)'; available: luitz") }
        try methodOptions.validateOptions()
    }

    func run() throws {
        let ls = try EDScan.numbers(lengths, "--L").map { Int($0) }
        let ws = try EDScan.numbers(disorders, "--W")
        var counts = try EDScan.numbers(realizations, "--realizations").map { Int($0) }
        if counts.count == 1 { counts = Array(repeating: counts[0], count: ls.count) }
        guard counts.count == ls.count else { throw ValidationError("--realizations: give one count or one per L") }
        guard ls.allSatisfy({ (4...30).contains($0) && $0 % 2 == 0 }) else { throw ValidationError("--L: even chain lengths in 4...30") }
        var study = LuitzComparisonStudy(lengths: ls, disorders: ws, realizations: counts, seed: seed)
        if methodOptions.method != .dense {
            // One plan for every size: the window's settings do not depend on L (auto: the largest size decides).
            let probe = study.problem(length: ls.max() ?? 12, disorder: ws[0])
            for l in ls { _ = try methodOptions.plan(for: study.problem(length: l, disorder: ws[0])) }
            study.window = try methodOptions.plan(for: probe)
            if var window = study.window, methodOptions.ranks == nil, SparseWindowEngine.launcherSize > 1 {
                window.engine.launch = .singleton
                study.window = window
            }
        }
        let costs = try study.estimateCost()
        print(LuitzComparisonStudy.describe(costs))
        if estimate { return }
        let table = try study.run(directory: URL(fileURLWithPath: out), quiet: quiet, commandLine: recordedCommandLine())
        print(OutputRenderer.curve(table, metadata: OutputMetadata(parameters: [], commandLine: recordedCommandLine()), format: .table),
              terminator: "")
        for c in LuitzComparisonStudy.crossings(table, lengths: ls) {
            print(String(format: "crossing L = %d/%d: W = %.3f +- %.3f (published W_c ~ %.1f)", c.smallerLength, c.largerLength,
                         c.disorder, c.error, LuitzComparisonStudy.publishedCrossing))
        }
    }
}

/// Prints the scalar results of a run as an aligned table.
func printScalars(_ result: ExactNumericsResult) {
    var lines = ["realizations  \(result.realizationCount)"]
    let width = result.scalars.map(\.name.count).max() ?? 0
    for s in result.scalars {
        lines.append(s.name.padding(toLength: width, withPad: " ", startingAt: 0)
                     + String(format: "  %.6g +- %.2g", s.mean, s.error))
    }
    if let residual = result.sumRuleResidual { lines.append(String(format: "sum rule residual  %.2e", residual)) }
    print(lines.joined(separator: "\n"))
}
