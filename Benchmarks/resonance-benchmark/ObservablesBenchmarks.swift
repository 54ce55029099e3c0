import Foundation
import NumericKit
import SpinChains
import Studies

// `resonance-benchmark observables [--quick]`: realisations per hour of exact-numerics runs
// (the report's scans, and xxz L = 14 S^z = 0 with every observable) with 2 workers x 1 BLAS
// thread and 1 worker x 2 BLAS threads, against Benchmarks/observables_reference.py
// (numpy/scipy, the same observables, BLAS on every core) run as a child process.

private func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Realisations per hour of `count` realisations of `job` with the given parallelism.
private func throughput(_ job: ExactRealisation, count: Int, workers: Int, blasThreads: Int) throws -> Double {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("observables-bench-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    var run = ExactNumericsRun(realisation: job, realizations: count, directory: directory, commandLine: "benchmark")
    run.workers = workers
    run.blasThreads = blasThreads
    run.quiet = true
    let seconds = try wallSeconds { try run.execute() }
    return Double(count) / seconds * 3600
}

/// Runs the numpy/scipy reference; returns its realisations per hour.
private func referenceThroughput(length: Int, realizations: Int, threads: Int) -> Double? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("observables_reference.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, "--L", String(length), "--W", "1", "--realizations", String(realizations),
                         "--threads", String(threads)]
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = String(threads)
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return object["realizations_per_hour"] as? Double
}

func runObservablesBenchmarks(quick: Bool = CommandLine.arguments.contains("--quick")) throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("# observables: realisations per hour (2 workers x 1 BLAS thread | 1 worker x \(cores) BLAS threads)")
    func xxz(_ length: Int, _ w: Double) -> EDProblem {
        var p = EDProblem(model: .xxz, length: length, disorderStrength: w)
        p.magnetization = .sector(0)
        return p
    }
    func probe(_ length: Int, _ w: Double) -> EDProblem {
        var p = EDProblem(model: .heisenbergO3, length: length, disorderStrength: w)
        p.probe = p.defaultProbe
        return p
    }
    let cases: [(String, EDProblem, [ExactObservable], Int)] = [
        ("report <r>: xxz L=14", xxz(14, 3), [.levelStatistics], quick ? 2 : 4),
        ("report <r>: xxz L=12", xxz(12, 3), [.levelStatistics], 20),
        ("report S, rho vbar: xxz L=12", xxz(12, 2), [.spectral, .criterion], 10),
        ("report Czz, S_P: heisenberg-o3+probe L=9", probe(9, 4), [.czz, .entanglement], quick ? 2 : 4),
        ("xxz L=14 S^z=0, all observables", xxz(14, 1), ExactObservable.allCases, quick ? 2 : 4),
    ]
    var ours: Double = .nan
    for (name, problem, observables, count) in cases {
        let job = ExactRealisation(problem: problem, observables: observables, seed: 1)
        let parallel = try throughput(job, count: count, workers: cores, blasThreads: 1)
        let threaded = try throughput(job, count: count, workers: 1, blasThreads: cores)
        print(String(format: "%-44@ D=%-5d %9.0f/h | %9.0f/h", name as NSString, problem.blockDimensions.max() ?? 0, parallel, threaded))
        ours = max(parallel, threaded)
    }
    let referenceCount = quick ? 1 : 2
    if let reference = referenceThroughput(length: 14, realizations: referenceCount, threads: cores) {
        print(String(format: "numpy/scipy reference, xxz L=14 all observables (%d BLAS threads): %.0f/h; ours/reference = %.2f",
                     cores, reference, ours / reference))
    } else {
        print("numpy/scipy reference: not run (python3 with numpy and scipy needed)")
    }
    BLASRuntime.setThreads(cores)
}
