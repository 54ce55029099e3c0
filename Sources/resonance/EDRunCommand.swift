import ArgumentParser
import Foundation
import NumericKit
import SpinChains
import Studies

/// The run options shared by `ed run` and `ed scan`.
struct EDRunOptions: ParsableArguments {
    @Option(help: "Number of disorder realizations, 1...10000000 (realization k draws from (seed, k) only).")
    var realizations: Int

    @Option(help: "Seed of the run.")
    var seed: UInt64

    @Option(help: "Observables, comma-separated: \(ExactObservable.allCases.map(\.rawValue).joined(separator: ",")), or all. \(ExactObservable.eigenvectorNeeds).")
    var observables: String = "r"

    @Option(help: "Output directory (created; rerunning the same command there resumes; one process at a time).")
    var out: String

    @Option(help: "Realizations computed in parallel, 1...1024 (default: one per core; 1 with threaded BLAS from dimension 4096).")
    var workers: Int?

    @Option(name: .customLong("blas-threads"), help: "OpenBLAS threads per realization, 1...1024 (default: 1 when workers > 1, else all cores). Averages are bit-identical between runs with the same value.")
    var blasThreads: Int?

    @Flag(help: "No progress output.")
    var quiet = false

    @Flag(name: .customLong("write-fields"), help: "Write each realization's fields to <out>/fields/realization_<k>.json.")
    var writeFields = false

    @Option(help: "JSON fields file used for every realization instead of random draws.")
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

    @Option(name: .customLong("window-solver"), help: "When every observable is a window observable (r, matrix-elements, criterion, entanglement without a probe; dense --method): dense (LAPACK, every eigenvalue), sparse (SLEPc spectrum slicing of the window's energy interval, real models in one block: xxz in one S^z sector), or auto (sparse from dimension \(ExactRealization.slicingDimension) where it applies and resonance-sparse-real is installed, and not with --save-spectra). Same states and values either way, to 1e-10 (docs/exact-numerics.md). Kept in the run's manifest (resuming with another solver is refused) and in each record (window_solver: the solver that computed it).")
    var windowSolver: WindowSolver = .auto

    @Option(help: "Compute only shard i of n: the realizations k with k mod n == i, into --out (its own directory; `ed merge` joins the shards).")
    var shard: String?

    @Option(name: .customLong("ranks-per-realization"), help: "Under mpirun: MPI ranks that share one realization (the communicator is split into groups of R). The dense engine computes a realization on one rank, so R = 1; with a sparse --method, R > 1 runs each solve on R ranks of the group's node.")
    var ranksPerRealization: Int = 1

    @Flag(name: .customLong("save-spectra"), help: "Keep every realization's eigenvalues (and per-state entanglement of the middle window, if computed) in <out>/spectra.h5 (HDF5).")
    var saveSpectra = false

    func validate() throws {
        try EDLimits.realizations.check(realizations)
        try EDLimits.threads("--workers").check(workers)
        try EDLimits.threads("--blas-threads").check(blasThreads)
        try NumericOption("--window-fraction", above: 0, atMost: 1).check(windowFraction)
        try NumericOption.positive("--criterion-window", atMost: WorkLimits.energy).check(criterionWindow)
        try EDLimits.energy("--perturbation-strength").check(perturbationStrength)
        try OutputDirectory.check(out, option: "--out")
        if let fields { try InputFile.check(fields, option: "--fields") }
        _ = try parsedObservables()
        _ = try windows(sparse: false)
        try methodOptions.validateOptions()
        _ = try parsedShard()
        try DistributionOptions.validate(ranksPerRealization: ranksPerRealization, method: methodOptions)
    }

    func parsedShard() throws -> RealizationShard? {
        do { return try shard.map { try RealizationShard(parsing: $0) } } catch { throw ValidationError("\(error)") }
    }

    /// The problem at (L, W, Omega) with the dense memory check only where it is diagonalised densely.
    func problem(_ point: EDChainPointOptions) throws -> EDProblem {
        try point.problem(methodOptions: methodOptions, matricesAlive: 2, observables: try parsedObservables())
    }

    func parsedObservables() throws -> [ExactObservable] {
        do { return try ExactObservable.parseList(observables) } catch { throw ValidationError("--observables: \(error)") }
    }

    func windows(sparse: Bool) throws -> MatrixElementDistribution.Windows {
        let text = matrixElementWindows ?? (sparse ? "0.25,0.75,0.5" : "0.45,0.55,0.05")
        let parts = try NumericOption("--matrix-element-windows", above: 0, below: 1).values(from: text, count: 3...3)
        guard abs(parts[1] - parts[0]) >= parts[2] else {
            throw ValidationError("--matrix-element-windows: expected c1,c2,width in (0, 1) with |c2 - c1| >= width (got \(text))")
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

    /// The fields file, read and checked against the problem (nil without --fields).
    func givenFields(for problem: EDProblem) throws -> DisorderFields? {
        guard let fields else { return nil }
        return try readGivenFields(path: fields, option: "--fields", for: problem)
    }

    /// Everything checked before a directory is made: settings against L, the window, the fields.
    func check(problem: EDProblem) throws {
        _ = try settings(for: problem, sparse: methodOptions.sparseMethod(for: problem) != nil)
        let smallest = problem.blockDimensions.min() ?? 0
        let kept = middleWindow(count: smallest, fraction: windowFraction).count
        if kept < 3 {
            throw ValidationError("--window-fraction \(windowFraction) keeps \(kept) of the \(smallest) states of the smallest block; at least 3 are needed (a fraction >= \(JSONValue.format(3 / Double(max(smallest, 1)))))")
        }
        _ = try givenFields(for: problem)
    }

    func plan(problem: EDProblem, directory: URL, arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws -> ExactNumericsRun {
        let given = try givenFields(for: problem)
        var window = try methodOptions.plan(for: problem, observables: try parsedObservables())
        // Under mpirun the ranks share out realizations (each solve then runs as a one-rank MPI
        // job); `--ranks P` gives each solve its own P-rank job instead.
        if window != nil, methodOptions.ranks == nil, SparseWindowEngine.launcherSize > 1 {
            window?.engine.launch = .singleton
        }
        var job = ExactRealization(problem: problem, observables: try parsedObservables(),
                                   settings: try settings(for: problem, sparse: window != nil), seed: seed, fields: given)
        job.window = window
        // Slicing computes the window's eigenvalues only; with --save-spectra `auto` computes by
        // `dense` (ExactNumericsRun), so that every eigenvalue is kept.
        job.windowSolver = windowSolver
        if job.windowSolver == .sparse {
            do { _ = try job.slicesWindow() } catch { throw ValidationError("\(error)") }
        }
        var run = ExactNumericsRun(realization: job, realizations: realizations, directory: directory,
                                   commandLine: recordedCommandLine(arguments))
        run.arguments = arguments
        run.shard = try parsedShard()
        run.saveSpectra = saveSpectra
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
        Writes <out>/realizations.jsonl (one line per finished realization, so an interrupted run resumes where it \
        stopped when the same command is given again), one CSV per observable (spectral_function.csv, czz.csv, \
        matrix_elements.csv, fidelity.csv, probe_entropy.csv, scalars.csv; _err columns are standard errors over \
        realizations) and summary.json (parameters, seed, results, timings). Models as in `resonance ed spectrum --help`. \
        --shard i/n computes part of the run (join the parts with `resonance ed merge`); under mpirun the ranks share \
        the realizations and rank 0 writes <out>; `resonance ed slurm` prints a job-array script.
        """
    )

    @OptionGroup var point: EDChainPointOptions
    @OptionGroup var runOptions: EDRunOptions

    func validate() throws {
        let problem = try runOptions.problem(point)
        try runOptions.check(problem: problem)
    }

    func run() throws { try writing(into: runOptions.out, option: "--out") { try runInDirectory() } }

    func runInDirectory() throws {
        let problem = try runOptions.problem(point)
        let plan = try runOptions.plan(problem: problem, directory: URL(fileURLWithPath: runOptions.out))
        let result = try DistributionOptions.execute(plan, ranksPerRealization: runOptions.ranksPerRealization)
        if let result, !runOptions.quiet { try printScalars(result) }
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
    @Option(name: .customLong("L"), help: "Chain lengths, comma-separated integers in 2...30 (e.g. 8,10,12).")
    var lengths: String
    @Option(name: .customLong("W"), help: "Disorder strengths, comma-separated, each 0...1e12.")
    var disorders: String
    @Option(name: .customLong("Omega"), help: "Drive frequencies, comma-separated (Floquet models).")
    var frequencies: String?
    @OptionGroup var runOptions: EDRunOptions

    func points() throws -> [EDProblem] {
        let ls = try EDLimits.length.integers(from: lengths, count: 1...100)
        let ws = try EDLimits.disorder.values(from: disorders, count: 1...1000)
        let omegas: [Double?] = try frequencies.map { try EDLimits.frequency.values(from: $0, count: 1...1000) } ?? [nil]
        var problems: [EDProblem] = []
        for l in ls { for w in ws { for omega in omegas {
            problems.append(try chain.problem(length: l, disorder: w, driveFrequency: omega, methodOptions: runOptions.methodOptions,
                                              matricesAlive: 2, observables: try runOptions.parsedObservables()))
        } } }
        return problems
    }

    func validate() throws {
        for problem in try points() { try runOptions.check(problem: problem) }
    }

    func run() throws { try writing(into: runOptions.out, option: "--out") { try runInDirectory() } }

    func runInDirectory() throws {
        let base = URL(fileURLWithPath: runOptions.out)
        let distributed = MPIEnvironment.isLaunched()
        if !distributed {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try RunInvocation(arguments: Array(CommandLine.arguments.dropFirst()), realizations: runOptions.realizations,
                              shard: try runOptions.parsedShard()).write(to: base)
        }
        var results: [ExactNumericsResult] = []
        for problem in try points() {
            let plan = try runOptions.plan(problem: problem, directory: base.appendingPathComponent(ExactNumericsScan.pointName(problem)))
            if let result = try DistributionOptions.execute(plan, ranksPerRealization: runOptions.ranksPerRealization) {
                results.append(result)
            }
        }
        guard results.count == (try points()).count else { return }   // ranks other than 0
        if distributed {
            try RunInvocation(arguments: Array(CommandLine.arguments.dropFirst()), realizations: runOptions.realizations,
                              shard: nil).write(to: base)
        }
        try writeTable(results, base: base, arguments: Array(CommandLine.arguments.dropFirst()))
    }

    /// scan.csv, and the table on the terminal.
    func writeTable(_ results: [ExactNumericsResult], base: URL, arguments: [String]) throws {
        let table = ExactNumericsScan.table(results)
        let metadata = OutputMetadata(parameters: [("seed", .string(String(runOptions.seed))), ("realizations", .integer(runOptions.realizations)),
                                                   ("observables", .string(runOptions.observables))],
                                      commandLine: recordedCommandLine(arguments))
        try OutputFile.write(OutputRenderer.curve(table, metadata: metadata, format: .csv), to: base.appendingPathComponent("scan.csv").path,
                             option: "--out")
        if !runOptions.quiet { try StandardOutput.write(OutputRenderer.curve(table, metadata: metadata, format: .table)) }
    }
}

/// `resonance ed study luitz`: <r> of the xxz chain on the grid of Luitz, Laflorencie and Alet.
struct EDStudy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Published comparisons. luitz: <r> of xxz on L = 12..16, W = 1..5 (PRB 91, 081103 (2015); crossing near W ~ 3.7).",
        discussion: "--estimate times one realization at each L and prints the extrapolated cost of the whole study without running it."
    )

    @Argument(help: "The study: luitz.")
    var name: String
    @Option(name: .customLong("L"), help: "Chain lengths, integers in 2...30 (refused above 80% of memory).")
    var lengths: String = "12,14,16"
    @Option(name: .customLong("W"), help: "Disorder strengths, each 0...1e12.")
    var disorders: String = "1,1.5,2,2.5,3,3.25,3.5,3.75,4,4.5,5"
    @Option(help: "Realizations per point, per L (comma-separated, one per L; one number applies to all), each 1...10000000.")
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

    /// The validated grid: lengths, disorders, realizations per length.
    func grid() throws -> (lengths: [Int], disorders: [Double], realizations: [Int]) {
        guard name == "luitz" else { throw ValidationError("unknown study '\(name)'; available: luitz") }
        let ls = try EDLimits.length.integers(from: lengths, count: 1...100)
        let ws = try EDLimits.disorder.values(from: disorders, count: 1...1000)
        var counts = try EDLimits.realizations.integers(from: realizations, count: 1...100)
        if counts.count == 1 { counts = Array(repeating: counts[0], count: ls.count) }
        guard counts.count == ls.count else {
            throw ValidationError("--realizations: give one count or one per L (\(ls.count) lengths, \(counts.count) counts)")
        }
        for l in ls {
            var problem = EDProblem(model: .xxz, length: l, disorderStrength: ws[0])
            problem.magnetization = EDProblem.defaultMagnetization(length: l, probeCoupling: nil)
            if methodOptions.method == .dense { try refuseAboveMemory(problem, matricesAlive: 1) }
        }
        return (ls, ws, counts)
    }

    func validate() throws {
        _ = try grid()
        try methodOptions.validateOptions()
        try OutputDirectory.check(out, option: "--out")
    }

    func run() throws { try writing(into: out, option: "--out") { try runInDirectory() } }

    func runInDirectory() throws {
        let (ls, ws, counts) = try grid()
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
        try StandardOutput.write(LuitzComparisonStudy.describe(costs) + "\n")
        if estimate { return }
        let table = try study.run(directory: URL(fileURLWithPath: out), quiet: quiet, commandLine: recordedCommandLine())
        try StandardOutput.write(OutputRenderer.curve(table, metadata: OutputMetadata(parameters: [], commandLine: recordedCommandLine()), format: .table))
        for c in LuitzComparisonStudy.crossings(table, lengths: ls) {
            try StandardOutput.write(String(format: "crossing L = %d/%d: W = %.3f +- %.3f (published W_c ~ %.1f)\n", c.smallerLength, c.largerLength,
                                            c.disorder, c.error, LuitzComparisonStudy.publishedCrossing))
        }
    }
}

/// Prints the scalar results of a run as an aligned table.
func printScalars(_ result: ExactNumericsResult) throws {
    var lines = ["realizations  \(result.realizationCount)"]
    let width = result.scalars.map(\.name.count).max() ?? 0
    for s in result.scalars {
        lines.append(s.name.padding(toLength: width, withPad: " ", startingAt: 0)
                     + String(format: "  %.6g +- %.2g", s.mean, s.error))
    }
    if let residual = result.sumRuleResidual { lines.append(String(format: "sum rule residual  %.2e", residual)) }
    try StandardOutput.write(lines.joined(separator: "\n") + "\n")
}
