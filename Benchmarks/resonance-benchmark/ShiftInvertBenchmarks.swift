import Foundation
import NumericKit
import SpinChains
import Studies

// `resonance-benchmark shift-invert [--large] [--quick] [--repeats N] [--options CASES] [--options-only]`
// Seconds (wall clock of the whole solve, worker start included; median over repeats) and peak
// memory (resident set summed over ranks) per realization of the shift-invert engine, 50 levels at
// energy density 0.5: xxz (S^z = 0, periodic, W = 3) at L = 14, 16, 18 (and 20 with --large) on
// 1 and 2 ranks; heisenberg-o3 L = 13 with the probe (D = 16384, LU); the polynomial filter
// against shift-invert; the dense pipeline (eigenvalues, OpenBLAS on every core) at L = 10..16 in
// the same run, which fixes the crossover of `--method auto`. Every line splits the worker's
// seconds into bounds (Krylov-Schur for Emin, Emax), MUMPS analysis, numerical factorization,
// the shift-and-invert iteration (its triangular solves) and residuals/vectors.
//
// `--options xxz:18,o3:13` compares solver options on one realization of each case (xxz L = 18;
// heisenberg-o3 + probe L = 13): the ordering (SCOTCH, the default, against PORD, the only one of
// the MUMPS that Debian's PETSc links, and AMD), BLAS threads, block low-rank factors, pivoting
// threshold, scaling and Krylov-Schur's subspace size, run round-robin `--repeats` times so that
// a changing machine load falls on every option alike; medians and ratios to the default.
// `--options-only` skips everything else.

private func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func middle(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
}

private func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

private func xxz(_ length: Int) -> EDProblem {
    var problem = EDProblem(model: .xxz, length: length, disorderStrength: 3)
    problem.magnetization = .sector(0)
    return problem
}

private struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private struct WindowTiming {
    var seconds: Double
    var result: SparseWindowResult
}

private func timeWindow(_ problem: EDProblem, launch: SparseWindowEngine.Launch, method: SparseWindowMethod = .shiftInvert,
                        repeats: Int, complexBuild: Bool = false) throws -> WindowTiming {
    var settings = SparseWindowSettings()
    settings.method = method
    let fields = problem.drawFields(seed: 2018, realization: 0)
    var times: [Double] = []
    var last: SparseWindowResult?
    for _ in 0..<repeats {
        var engine = SparseWindowEngine(launch: launch)
        engine.alwaysComplexBuild = complexBuild
        times.append(try wallSeconds { last = try engine.solve(problem: problem, fields: fields, settings: settings) })
    }
    return WindowTiming(seconds: middle(times), result: last!)
}

private func line(_ label: String, _ d: Int, _ ranks: Int, _ t: WindowTiming) -> String {
    label.padding(toLength: 34, withPad: " ", startingAt: 0)
        + String(format: " %8d %5d %9.2f %9.2f %9.0f %9.0f %10.1e  ", d, ranks, t.seconds, t.result.seconds,
           t.result.peakResidentBytesSum / 1e6, t.result.factorBytes / 1e6, t.result.maximumResidual)
        + split(t.result)
}

/// The worker's seconds by phase.
private func split(_ r: SparseWindowResult) -> String {
    String(format: "bounds %.2f analysis %.2f factor %.2f solve %.2f vectors %.2f assembly %.2f",
           r.secondsBounds, r.secondsAnalysis, r.secondsFactorization, r.secondsSolve, r.secondsVectors, r.secondsAssembly)
}

/// A solver option compared by `--options`: environment of the worker (PETSc options reach MUMPS
/// with the prefix `st_`, Krylov-Schur with `eps_`).
private struct SolverOption {
    var name: String
    var environment: [String: String]
    var blasThreads: Int?
}

private func solverOptions(complex: Bool) -> [SolverOption] {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    func petsc(_ name: String, _ options: String) -> SolverOption { SolverOption(name: name, environment: ["PETSC_OPTIONS": options]) }
    var options = [SolverOption(name: "default (SCOTCH), 1 BLAS thread", environment: [:], blasThreads: 1),
                   SolverOption(name: "PORD (PETSc's own MUMPS)", environment: ["RESONANCE_MUMPS": "pord"])]
    if cores > 1 { options.append(SolverOption(name: "\(cores) BLAS threads", environment: [:], blasThreads: cores)) }
    options += [
        petsc("BLR eps 1e-10 (ICNTL(35)=2)", "-st_mat_mumps_icntl_35 2 -st_mat_mumps_cntl_7 1e-10"),
        petsc("BLR eps 1e-8", "-st_mat_mumps_icntl_35 2 -st_mat_mumps_cntl_7 1e-8"),
        petsc("no scaling (ICNTL(8)=0)", "-st_mat_mumps_icntl_8 0"),
        petsc("ordering AMD (ICNTL(7)=0)", "-st_mat_mumps_icntl_7 0"),
        petsc("Krylov-Schur ncv 80", "-eps_ncv 80"),
        petsc("Krylov-Schur ncv 120", "-eps_ncv 120"),
    ]
    if !complex { options.append(petsc("no pivoting threshold (CNTL(1)=0)", "-st_mat_mumps_cntl_1 0")) }
    return options
}

/// `--options`: each option on the same realization, round-robin over the repeats.
private func compareOptions(_ problem: EDProblem, label: String, repeats: Int) throws {
    let options = solverOptions(complex: !problem.hasRealHamiltonian)
    let fields = problem.drawFields(seed: 2018, realization: 0)
    var times = [[Double]](repeating: [], count: options.count)
    var results = [SparseWindowResult?](repeating: nil, count: options.count)
    var failures = [String?](repeating: nil, count: options.count)
    for round in 0..<repeats {
        for (i, option) in options.enumerated() where failures[i] == nil {
            var engine = SparseWindowEngine(launch: .singleton)
            engine.environment = option.environment
            engine.blasThreads = option.blasThreads ?? 1
            let load = loadAverage()
            do {
                var result: SparseWindowResult?
                times[i].append(try wallSeconds { result = try engine.solve(problem: problem, fields: fields, settings: SparseWindowSettings()) })
                results[i] = result
                print(String(format: "#   round %d %@: %.2f s (load %@)", round + 1, option.name, times[i].last!, load))
            } catch {
                failures[i] = "\(error)"
            }
        }
    }
    print("# options, \(label), D = \(problem.windowDimension), 1 rank, \(repeats) round(s); ratio = median / median of the default; dE = max |E - E_default|")
    print("option                                  seconds  ratio  rss_MB factor_MB   residual       dE  split")
    let reference = middle(times[0])
    for (i, option) in options.enumerated() {
        let name = option.name.padding(toLength: 38, withPad: " ", startingAt: 0)
        if let failure = failures[i] { print("\(name)  failed: \(failure)"); continue }
        guard let r = results[i] else { continue }
        let dE = zip(r.energies, results[0]?.energies ?? r.energies).map { abs($0 - $1) }.max() ?? .nan
        print(name + String(format: " %8.2f %6.2f %7.0f %9.0f %10.1e %8.1e  ", middle(times[i]), middle(times[i]) / reference,
                                  r.peakResidentBytesSum / 1e6, r.factorBytes / 1e6, r.maximumResidual, dE) + split(r))
    }
}

func runShiftInvertBenchmarks(arguments: [String]) throws {
    let large = arguments.contains("--large")
    let quick = arguments.contains("--quick")
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 3
    print("# shift-invert: CPU \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average at start \(loadAverage())")
    print("# 50 levels at energy density 0.5, seed 2018 realization 0; seconds = median wall clock per realization (worker start included),")
    print("# solver = the worker's own seconds (split: bounds, MUMPS analysis, factorization, Krylov-Schur solve, residuals/vectors, assembly);")
    print("# memory = peak resident set summed over ranks (MB);")
    print("# factor = MUMPS factor memory (MB, INFOG(22)); residual = max ||Hv - Ev||/||H||_2")
    if let index = arguments.firstIndex(of: "--options"), index + 1 < arguments.count {
        for item in arguments[index + 1].split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let length = Int(parts[1]), (6...24).contains(length) else {
                throw BenchmarkError("--options: expected cases like xxz:18,o3:13, got \(item)")
            }
            if parts[0] == "xxz" {
                try compareOptions(xxz(length), label: "xxz L=\(length)", repeats: repeats)
            } else if parts[0] == "o3" {
                var probed = EDProblem(model: .heisenbergO3, length: length, disorderStrength: 3)
                probed.probe = probed.defaultProbe
                try compareOptions(probed, label: "heisenberg-o3+probe L=\(length)", repeats: repeats)
            } else {
                throw BenchmarkError("--options: the model is xxz or o3, got \(parts[0])")
            }
        }
        if arguments.contains("--options-only") {
            print("# load average at end \(loadAverage())")
            return
        }
    }
    print("case                                      D ranks   seconds    solver    rss_MB factor_MB   residual  split (worker seconds)")
    let sizes = quick ? [12, 14] : [14, 16, 18] + (large ? [20] : [])
    var oneRank: [Int: Double] = [:]
    for length in sizes {
        let problem = xxz(length)
        let reps = length >= 18 ? 1 : repeats
        let one = try timeWindow(problem, launch: .singleton, repeats: reps)
        oneRank[length] = one.seconds
        print(line("xxz L=\(length) shift-invert", problem.windowDimension, 1, one))
        let two = try timeWindow(problem, launch: .mpirun(ranks: 2), repeats: reps)
        print(line("xxz L=\(length) shift-invert", problem.windowDimension, 2, two))
        let agree = zip(one.result.energies, two.result.energies).map { abs($0 - $1) }.max() ?? .nan
        print(String(format: "#   L=%d: 2 ranks / 1 rank time %.2f; max |E_1rank - E_2ranks| = %.1e", length, two.seconds / one.seconds, agree))
    }
    // The cost of a single (complex) build for a real symmetric problem: LU on complex numbers.
    let single = quick ? 12 : 16
    let complexBuild = try timeWindow(xxz(single), launch: .singleton, repeats: 1, complexBuild: true)
    print(line("xxz L=\(single) complex build, LU", xxz(single).windowDimension, 1, complexBuild))
    if let real = oneRank[single] { print(String(format: "#   L=%d: complex-build LU / real-build Cholesky time %.2f", single, complexBuild.seconds / real)) }
    // The complex Hermitian target: heisenberg-o3 with the probe, LU.
    var probed = EDProblem(model: .heisenbergO3, length: quick ? 9 : 13, disorderStrength: 3)
    probed.probe = probed.defaultProbe
    print(line("heisenberg-o3+probe L=\(probed.length) LU", probed.windowDimension, 1,
               try timeWindow(probed, launch: .singleton, repeats: 1)))
    // Polynomial filter (matrix-vector products only) against shift-invert.
    for length in quick ? [12] : [14, 16] + (large ? [18] : []) {
        let filter = try timeWindow(xxz(length), launch: .singleton, method: .polynomialFilter, repeats: 1)
        print(line("xxz L=\(length) polynomial-filter", xxz(length).windowDimension, 1, filter))
        if let si = oneRank[length] { print(String(format: "#   L=%d: filter / shift-invert time %.2f", length, filter.seconds / si)) }
    }
    // The dense pipeline (eigenvalues, every core), for the crossover of --method auto.
    BLASRuntime.setThreads(ProcessInfo.processInfo.activeProcessorCount)
    print("# dense pipeline (build + dsyevd eigenvalues, \(BLASRuntime.threads) OpenBLAS threads, kernel \(BLASRuntime.coreName)) vs shift-invert, 1 rank:")
    print("case                          D   dense_s  shift_invert_s  ratio  dense_peak_rss_MB")
    for length in quick ? [10, 12] : [10, 12, 14, 16] {
        let problem = xxz(length)
        let fields = problem.drawFields(seed: 2018, realization: 0)
        let reps = length >= 16 ? 1 : repeats
        let dense = middle(try (0..<reps).map { _ in try wallSeconds { _ = try problem.spectrum(fields: fields) } })
        let sparse = try oneRank[length] ?? timeWindow(problem, launch: .singleton, repeats: reps).seconds
        print(String(format: "xxz L=%-2d dense/shift-invert %7d %9.2f %15.2f %6.2f %18.0f", length, problem.windowDimension, dense, sparse,
                     dense / sparse, peakResidentBytes() / 1e6))
    }
    print("# load average at end \(loadAverage())")
}
