import ArgumentParser
import Foundation
import SpinChains
import Studies

extension PropagationMethod: ExpressibleByArgument {}
extension DynamicsEngine: ExpressibleByArgument {}
extension TypicalityEstimator: ExpressibleByArgument {}

/// `resonance ed dynamics`: [Czz(t)] and [S(omega)] by dynamical typicality, disorder-averaged
/// in a resumable run directory.
struct EDDynamics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dynamics",
        abstract: "[Czz(t)] and [S(omega)] by dynamical typicality: Haar-random states propagated by Chebyshev or Krylov (matrix-free), Floquet models by gates.",
        discussion: """
        C(t) = <psi| A(t) A |psi> / <psi|psi> for R Haar-random states per realization, A = sigma^z_P with the probe, \
        else sigma^z_0 (the dense engine's normalization: (1/D) tr(A(t) A)). Hamiltonian models (heisenberg-o3; xxz in the \
        full space) are propagated by --method chebyshev or krylov on the matrix-free Hamiltonian, or with --engine petsc by \
        the Chebyshev expansion on the Hamiltonian as a distributed PETSc matrix (--ranks-per-realization R ranks, same \
        states and results as matrix-free to 1e-10); --kpm-order N adds \
        S(omega) by the kernel polynomial method (Jackson kernel, resolution sqrt(2) pi a / N, written to the outputs). \
        floquet-o3: stroboscopic times in periods, exp(-i H_J T/2) by Chebyshev and the single-site gate layer; \
        --fourier-periods N adds S(omega) from the Jackson-windowed Fourier series of C(n), n < N. \
        Writes <out>/realizations.jsonl (rerun the same command to resume; --shard i/n for a part, joined by \
        `resonance ed merge`), invocation.json, czz.csv \
        (czz_err: standard error over realizations, or over the states for one realization; typicality_err: \
        1/sqrt(R N (D+1))), spectral_function.csv and summary.json.
        """
    )

    @OptionGroup var point: EDChainPointOptions
    @Option(help: "Times, strictly increasing, >= 0: t1,t2,..., log:from:to:perDecade, lin:from:to:count or window:from:to:count (one time drawn in each of count equal parts of [from, to], fixed seed: the late window of the [Czz] estimator) (units 1/J; Floquet: whole periods, up to 1e6).")
    var times: String = "log:0.1:1000:10"
    @Option(help: "Haar-random states per realization R, 1...100000.")
    var states: Int = 1
    @Option(help: "Propagation method of the Hamiltonian models: chebyshev or krylov.")
    var method: PropagationMethod = .chebyshev
    @Option(help: "Engine of the Hamiltonian models: matrix-free (threaded, this process) or petsc (the Hamiltonian as a distributed PETSc matrix in a sparse worker; Chebyshev only).")
    var engine: DynamicsEngine = .matrixFree
    @Option(help: "Typicality estimator: projected (one propagated vector P+|psi>, C = <phi(t)|A|phi(t)>/<psi+|psi+>, error 1/sqrt(D/2+1) per state, half the work; the default for a new --out on the matrix-free engine) or paired (phi and chi, <phi(t)|A|chi(t)>/<psi|psi>, error 1/sqrt(D+1); the default where --out holds a run stored without an estimator, and with --engine petsc, which runs only this one).")
    var estimator: TypicalityEstimator?
    @Option(name: .customLong("ranks-per-realization"), help: "With --engine petsc: MPI ranks of each realization's propagation (an R-rank mpirun job), 1...1024.")
    var ranksPerRealization: Int = 1
    @Option(name: .customLong("krylov-dimension"), help: "Lanczos vectors per Krylov step, 4...200.")
    var krylovDimension: Int = 30
    @Option(name: .customLong("kpm-order"), help: "Chebyshev order N of the kernel polynomial S(omega), 0 (none) or 8...100000 (Hamiltonian models).")
    var kpmOrder: Int = 0
    @Option(name: .customLong("fourier-periods"), help: "Floquet: periods N of C(n) behind S(omega), 0 (none) or 8...1000000.")
    var fourierPeriods: Int = 0
    @Option(help: "Frequencies of S(omega), > 0 and increasing: w1,w2,..., log:from:to:perDecade or lin:from:to:count.")
    var omega: String = "log:0.001:30:10"
    @Option(help: "Number of disorder realizations, 1...10000000.")
    var realizations: Int = 1
    @Option(help: "Seed of the run.")
    var seed: UInt64 = 1
    @Option(help: "Threads of each matrix-vector product, 1...1024 (default: every core).")
    var threads: Int?
    @Option(help: "Compute only shard i of n: the realizations k with k mod n == i.")
    var shard: String?
    @Option(help: "Output directory (created; rerunning the same command there resumes).")
    var out: String
    @Flag(help: "No progress output.")
    var quiet = false

    /// The checked problem; `checkMemory: false` for a merge, which computes nothing.
    func dynamicsProblem(checkMemory: Bool = true) throws -> DynamicsProblem {
        let problem = try point.problem(checkDenseMemory: false)
        try NumericOption.integer("--states", 1...100_000).check(states)
        try NumericOption.integer("--krylov-dimension", 4...200).check(krylovDimension)
        try EDLimits.realizations.check(realizations)
        try EDLimits.threads("--threads").check(threads)
        try NumericOption.integer("--ranks-per-realization", 1...1024).check(ranksPerRealization)
        if ranksPerRealization > 1 && engine != .petsc { throw ValidationError("--ranks-per-realization applies to --engine petsc; the matrix-free engine runs in one process (--threads)") }
        try NumericOption.integer("--kpm-order", 8...100_000).orNone().check(kpmOrder)
        try NumericOption.integer("--fourier-periods", 8...1_000_000).orNone().check(fourierPeriods)
        if fourierPeriods > 0 && !problem.model.isFloquet { throw ValidationError("--fourier-periods applies to floquet-o3; use --kpm-order for \(problem.model.rawValue)") }
        var dynamics = DynamicsProblem(problem: problem, method: method)
        dynamics.krylovDimension = krylovDimension
        dynamics.kernelOrder = kpmOrder
        dynamics.engine = engine
        dynamics.estimator = estimator ?? Self.storedEstimator(in: out) ?? (engine == .petsc ? .paired : .projected)
        dynamics.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let reason = dynamics.unsupportedReason { throw ValidationError(reason) }
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        let estimate = dynamics.memoryEstimate(ranks: ranksPerRealization)
        if checkMemory && estimate > 0.8 * available {
            throw ValidationError("refused: L = \(problem.length)\(problem.probe == nil ? "" : " + probe") (dimension \(dynamics.dimension)) needs about "
                                  + String(format: "%.1f GiB of state vectors, more than 80%% of the %.1f GiB of memory",
                                           estimate / 1_073_741_824, available / 1_073_741_824))
        }
        return dynamics
    }

    /// The estimator of the dynamics run stored in `directory` (its manifest names it; a stored
    /// run without the entry is paired), nil where there is none.
    static func storedEstimator(in directory: String) -> TypicalityEstimator? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              manifest["kind"] as? String == "dynamics" else { return nil }
        return (manifest["estimator"] as? String).flatMap(TypicalityEstimator.init(rawValue:)) ?? .paired
    }

    func plan() throws -> DynamicsRun {
        let run = try plan(directory: URL(fileURLWithPath: out), arguments: Array(CommandLine.arguments.dropFirst()))
        try OutputDirectory.check(out, option: "--out")
        return run
    }

    /// The run of these options in `directory`, started by `arguments` (a merge rebuilds the run of
    /// each source, and of the merged directory, from their recorded arguments).
    func plan(directory: URL, arguments: [String], checkMemory: Bool = true) throws -> DynamicsRun {
        let dynamics = try dynamicsProblem(checkMemory: checkMemory)
        let grid: [Double]
        let frequencies: [Double]
        do {
            grid = try DynamicsGrids.times(times, floquet: dynamics.problem.model.isFloquet)
            frequencies = try DynamicsGrids.frequencies(omega)
        } catch { throw ValidationError("\(error)") }
        var run = DynamicsRun(dynamics: dynamics, times: grid, states: states, realizations: realizations, seed: seed,
                              directory: directory)
        if kpmOrder > 0 || fourierPeriods > 0 { run.frequencies = frequencies }
        run.fourierPeriods = fourierPeriods
        do { run.shard = try shard.map { try RealizationShard(parsing: $0) } } catch { throw ValidationError("\(error)") }
        run.quiet = quiet
        run.sparseEngine = SparseWindowEngine(launch: ranksPerRealization > 1 ? .mpirun(ranks: ranksPerRealization) : .singleton)
        run.commandLine = recordedCommandLine(arguments)
        run.arguments = arguments
        return run
    }

    func validate() throws { _ = try plan() }

    func run() throws { try writing(into: out, option: "--out") { try runInDirectory() } }

    func runInDirectory() throws {
        let result = try plan().run()
        guard !quiet else { return }
        var lines = ["realizations  \(result.realizationCount)",
                     String(format: "typicality error  %.2g (%@ estimator)", result.typicalityError, result.estimator.rawValue)]
        if let resolution = result.resolution { lines.append(String(format: "S(omega) resolution  %.3g", resolution)) }
        lines.append("t  czz  czz_err")
        for (k, t) in result.times.enumerated() {
            lines.append(String(format: "%.6g  %.6g  %.2g", t, result.correlator[k], result.correlatorError[k]))
        }
        try StandardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}
