import CLapack
import Foundation
import NumericKit
import SpinChains
import Studies

// `resonance-benchmark observables [--quick] [--realizations N] [--report-cases] [--drivers | --drivers-only | --window-only]`
// Realizations per hour at xxz L = 14, S^z = 0 (D = 3432), W = 1, in both layouts on this
// machine's cores: A = one realization per core with 1 BLAS thread each (2 x 1 on two cores),
// B = one realization at a time with BLAS on every core (1 x 2). In one run:
//   - every observable: ours, Benchmarks/observables_reference.py (numpy/scipy) in both layouts
//     (A: one process per core, 1 thread each; B: one process, every core), and the bare-LAPACK
//     floor for the same work (dsyevd with vectors + the two dsyrk halves of V^T sigma^z_0 V, on
//     prepared matrices: no build, no copies, no observables);
//   - the window observables (r, matrix-elements, criterion, entanglement): our window path
//     (middle eigenvectors only), dense (LAPACK) and sliced (SLEPc spectrum slicing in the
//     resonance-sparse-real worker, process start and transfer included), against our
//     full-vector path;
//   - <r> only: ours against bare dsyevd_2stage (values only) on the same matrices;
// ours and the bare floors are measured in pairs, realization by realization (`pairedThroughput`),
// so that a changing background load hits both alike; the reference runs as child processes
// in rounds alternating with ours (one realization per worker or process each). Each ratio is taken within one layout, ours against the reference's faster
// layout. Prints the
// CPU, the load, both OpenBLAS builds and kernels (ours and numpy/scipy's), and our per-stage
// seconds. `--report-cases` adds the report's scans; `--drivers` the eigensolver alone by each
// LAPACK route to the window's eigenvectors (`--drivers-only`: nothing else). Rerun quietly with
//   make bench-observables     (or .build/release/resonance-benchmark observables)

/// Prints and flushes, so that a redirected run shows each line as it is measured.
private func emit(_ line: String) {
    print(line)
    fflush(nil)
}

private func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The two layouts on `cores` cores.
private enum Layout: CaseIterable {
    case perCore, threaded
    func workers(_ cores: Int) -> Int { self == .perCore ? cores : 1 }
    func blasThreads(_ cores: Int) -> Int { self == .perCore ? 1 : cores }
    func label(_ cores: Int) -> String { "\(workers(cores)) x \(blasThreads(cores))" }
}

/// Our run of `count` realizations of `job`: realizations per hour and mean stage seconds.
private func ourThroughput(_ job: ExactRealization, count: Int, layout: Layout, cores: Int) throws -> (perHour: Double, timing: RunTiming) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("observables-bench-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    var run = ExactNumericsRun(realization: job, realizations: count, directory: directory, commandLine: "benchmark")
    run.workers = layout.workers(cores)
    run.blasThreads = layout.blasThreads(cores)
    run.quiet = true
    let (_, timing) = try run.executeTimed()
    return (Double(count) / timing.wallSeconds * 3600, timing)
}

/// Paired measurement: each worker runs every task on each of its realizations back to back
/// (the order rotating with `k`), so that a changing background load hits all tasks alike.
/// Each task returns the seconds it wants counted; realizations per hour of each task from the
/// busiest worker's total for that task.
private func pairedThroughput(count: Int, first: Int = 0, layout: Layout, cores: Int,
                              _ tasks: [@Sendable (Int) throws -> Double]) throws -> [Double] {
    BLASRuntime.setThreads(layout.blasThreads(cores))
    let workers = layout.workers(cores)
    let totals = (0..<tasks.count).map { _ in SecondsPerWorker(workers) }
    let failure = FailureNote()
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        for k in stride(from: first + w, to: first + count, by: workers) {
            for step in 0..<tasks.count {
                let t = (step + k) % tasks.count
                do { totals[t].add(try tasks[t](k), worker: w) } catch { failure.set(error) }
            }
        }
    }
    if let error = failure.error { throw error }
    return totals.map { Double(count) / $0.maximum * 3600 }
}

private final class FailureNote: @unchecked Sendable {
    private(set) var error: Error?
    private let lock = NSLock()
    func set(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
}

/// Our record of realization `k` of `job`, timed; its stage seconds are kept in `stages`.
private func timedRecord(_ job: ExactRealization, _ k: Int, _ stages: StageLog) throws -> Double {
    var record: RealizationRecord?
    let seconds = try wallSeconds { record = try job.record(realization: k) }
    stages.add(record?.stageSeconds ?? [:])
    return seconds
}

/// Stage seconds of many records, averaged.
private final class StageLog: @unchecked Sendable {
    private var records: [RealizationRecord] = []
    private let lock = NSLock()
    func add(_ stages: [String: Double]) {
        lock.lock(); records.append(RealizationRecord(realization: records.count, values: [:], stageSeconds: stages)); lock.unlock()
    }
    var mean: [(name: String, seconds: Double)] { lock.lock(); defer { lock.unlock() }; return RunTiming.meanStageSeconds(records) }
}

private final class SecondsPerWorker: @unchecked Sendable {
    private var seconds: [Double]
    private let lock = NSLock()
    init(_ workers: Int) { seconds = Array(repeating: 0, count: workers) }
    func add(_ s: Double, worker: Int) { lock.lock(); seconds[worker] += s; lock.unlock() }
    var maximum: Double { lock.lock(); defer { lock.unlock() }; return seconds.max() ?? .nan }
}

/// One prepared realization for the bare-LAPACK floors: the block matrix and the rows of
/// sigma^z_0 = +1.
private struct PreparedMatrix: @unchecked Sendable {
    var matrix: Matrix<Double>
    var plusRows: [Bool]
}

private enum BareWork {
    static let vectors = CChar(UInt8(ascii: "V")), values = CChar(UInt8(ascii: "N")), lower = CChar(UInt8(ascii: "L"))

    /// dsyevd with vectors and the two dsyrk halves of V^T A V: the timed LAPACK/BLAS calls only.
    static func eigensolverAndProduct(_ prepared: PreparedMatrix) -> Double {
        var a = prepared.matrix.elements
        let n = prepared.matrix.rows, n32 = Int32(n)
        var w = [Double](repeating: 0, count: n)
        let solve = wallSeconds { _ = LAPACKE_dsyevd(LAPACK_COL_MAJOR, vectors, lower, n32, &a, n32, &w) }
        let v = Matrix(rows: n, columns: n, elements: a)
        let plusIndices = prepared.plusRows.indices.filter { prepared.plusRows[$0] }
        let minusIndices = prepared.plusRows.indices.filter { !prepared.plusRows[$0] }
        let plus = plusIndices.count
        let p = Matrix<Double>(rows: plus, columns: n, entry: { i, j in v[plusIndices[i], j] })
        let q = Matrix<Double>(rows: n - plus, columns: n, entry: { i, j in v[minusIndices[i], j] })
        var c = [Double](repeating: 0, count: n * n)
        let product = wallSeconds {
            p.elements.withUnsafeBufferPointer { pp in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n32, Int32(plus), 1, pp.baseAddress, Int32(plus), 0, &c, n32)
            }
            q.elements.withUnsafeBufferPointer { qq in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n32, Int32(n - plus), -1, qq.baseAddress, Int32(n - plus), 1, &c, n32)
            }
        }
        return solve + product
    }

    static func valuesOnly(_ prepared: PreparedMatrix) -> Double {
        var a = prepared.matrix.elements
        let n32 = Int32(prepared.matrix.rows)
        var w = [Double](repeating: 0, count: prepared.matrix.rows)
        return wallSeconds { _ = LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, values, lower, n32, &a, n32, &w) }
    }

}

/// The numpy/scipy reference in one layout: realizations per hour (the reference's own
/// per-realization times, setup excluded: generous to it).
private func referenceThroughput(length: Int, realizations: Int, layout: Layout, cores: Int) -> Double? {
    let processes = layout.workers(cores), threads = layout.blasThreads(cores)
    let each = max(1, realizations / processes)
    let launched: [(Process, Pipe)] = (0..<processes).compactMap { p in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", referenceScript.path, "--L", String(length), "--W", "1", "--realizations", String(each),
                             "--threads", String(threads), "--seed", String(1 + p)]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        return (process, pipe)
    }
    guard launched.count == processes else { return nil }
    var perHour = 0.0
    for (process, pipe) in launched {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rate = object["realizations_per_hour"] as? Double else { return nil }
        perHour += rate
    }
    return perHour
}

private let referenceScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("observables_reference.py")

/// numpy's and scipy's BLAS builds (from the reference's `--describe`) and the kernels OpenBLAS
/// reports with OPENBLAS_VERBOSE=2.
private func referenceBLASDescription() -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", referenceScript.path, "--describe"]
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_VERBOSE"] = "2"
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return "python3 not runnable" }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let kernels = errors.split(separator: "\n").filter { $0.hasPrefix("Core:") }.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "numpy/scipy not importable" }
    func blas(_ key: String) -> String {
        guard let b = object[key] as? [String: Any] else { return "?" }
        return (b["configuration"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "\(b["name"] ?? "?") \(b["version"] ?? "?")"
    }
    var text = "numpy \(object["numpy"] ?? "?"): \(blas("numpy_blas")); scipy \(object["scipy"] ?? "?"): \(blas("scipy_blas"))"
    text += "; kernels loaded (OPENBLAS_VERBOSE=2): \(kernels.isEmpty ? "not reported" : kernels.joined(separator: ", "))"
    if let pools = object["threadpoolctl"] as? [[String: Any]] {
        text += "; threadpoolctl: " + pools.map { "\($0["internal_api"] ?? "?") \($0["version"] ?? "?") \($0["architecture"] ?? "?")" }.joined(separator: ", ")
    }
    return text
}

/// The widest x86 vector extension the CPU reports.
private func vectorExtension() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let flags = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    return flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : flags.contains("avx") ? "AVX" : "SSE"
}

private func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

func runObservablesBenchmarks(arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws {
    let quick = arguments.contains("--quick")
    let count = arguments.firstIndex(of: "--realizations").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
        ?? (quick ? 2 : 4)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let length = quick ? 12 : 14
    var problem = EDProblem(model: .xxz, length: length, disorderStrength: 1)
    problem.magnetization = .sector(0)
    let d = problem.blockDimensions.max() ?? 0
    emit("# observables: xxz L=\(length) S^z=0 (D=\(d)), W=1, seed 1, \(count) realizations per measurement (r only: \(2 * count))")
    emit("# CPU: \(cpuModel()), \(vectorExtension()); \(cores) cores; load average at start: \(loadAverage())")
    emit("# ours: \(BLASRuntime.configuration.split(separator: " ").joined(separator: " ")), kernel \(BLASRuntime.coreName)")
    emit("# reference: \(referenceBLASDescription())")
    let layouts = Layout.allCases
    emit("# layouts: \(layouts.map { $0.label(cores) }.joined(separator: " | ")) (workers x BLAS threads); realizations per hour")

    func row(_ name: String, _ values: [Double]) {
        emit(String(format: "%-58@", name as NSString) + values.map { String(format: " %10.0f", $0) }.joined())
    }
    // Prepared matrices of the same realizations for the bare floors.
    let prepared: [PreparedMatrix] = try (0..<(2 * count)).map { k in
        let block = try problem.realBlockMatrices(fields: problem.drawFields(seed: 1, realization: UInt64(k)))[0]
        return PreparedMatrix(matrix: block.matrix, plusRows: (0..<block.basis.dimension).map { block.basis.state(at: $0) & 1 == 0 })
    }

    let windowList: [ExactObservable] = [.levelStatistics, .matrixElements, .criterion, .entanglement]
    if arguments.contains("--drivers-only") {  // the eigensolver comparison alone
        return try compareWindowDrivers(prepared[0].matrix, job: ExactRealization(problem: problem, observables: windowList, seed: 1), cores: cores)
    }
    func job(_ observables: [ExactObservable], _ eigenvectors: EigenvectorSelection = .automatic) -> ExactRealization {
        var job = ExactRealization(problem: problem, observables: observables, seed: 1)
        job.eigenvectors = eigenvectors
        return job
    }
    func stageLine(_ name: String, _ log: StageLog) {
        emit("    stages (\(name), s per realization): " + log.mean.map { String(format: "%@ %.3f", $0.name, $0.seconds) }.joined(separator: ", "))
    }
    // The window observables: dense window, full vectors and (where the worker is built) the
    // sliced window, paired realization by realization.
    func windowSection() throws -> (pairs: [[Double]], slicing: Bool) {
        func solver(_ choice: WindowSolver) -> ExactRealization {
            var window = job(windowList)
            window.windowSolver = choice
            return window
        }
        let windowJob = solver(.dense), slicedJob = solver(.sparse), fullVectorJob = job(windowList, .all)
        let slicing = (try? slicedJob.slicesWindow()) == true && slicedJob.slicingWorkerInstalled
        if !slicing { emit("    (no sliced window: build resonance-sparse-real next to this benchmark)") }
        let windowStages = StageLog(), slicedStages = StageLog(), fullVectorStages = StageLog()
        let windowPairs = try layouts.map { layout in
            try pairedThroughput(count: count, layout: layout, cores: cores, [
                { try timedRecord(windowJob, $0, layout == .perCore ? windowStages : StageLog()) },
                { try timedRecord(fullVectorJob, $0, layout == .perCore ? fullVectorStages : StageLog()) },
            ] + (slicing ? [{ try timedRecord(slicedJob, $0, layout == .perCore ? slicedStages : StageLog()) }] : []))
        }
        row("r,matrix-elements,criterion,entanglement: window path, dense", windowPairs.map { $0[0] })
        stageLine("window, dense, \(Layout.perCore.label(cores))", windowStages)
        if slicing {
            row("r,matrix-elements,criterion,entanglement: window path, sliced", windowPairs.map { $0[2] })
            stageLine("window, sliced, \(Layout.perCore.label(cores))", slicedStages)
        }
        row("r,matrix-elements,criterion,entanglement: full vectors", windowPairs.map { $0[1] })
        stageLine("full vectors, \(Layout.perCore.label(cores))", fullVectorStages)
        return (windowPairs, slicing)
    }
    func windowRatio(_ k: Int, _ pairs: [[Double]], _ slicing: Bool) -> String {
        let sliced = slicing ? String(format: "; window, sliced / full-vector path = %.2f [>= 2]", pairs[k][2] / pairs[k][1]) : ""
        return String(format: "window, dense / full-vector path = %.2f", pairs[k][0] / pairs[k][1]) + sliced
    }
    if arguments.contains("--window-only") {
        let (pairs, slicing) = try windowSection()
        emit("# ratios (same run; load average now: \(loadAverage()))")
        for (k, layout) in layouts.enumerated() { emit("layout \(layout.label(cores)): " + windowRatio(k, pairs, slicing)) }
        return
    }
    // Every observable against the bare floor, paired realization by realization.
    let allJob = job(ExactObservable.allCases)
    let allStages = StageLog()
    // Rounds of one realization per worker: ours and the floor paired, then the reference's
    // processes on as many realizations; realizations per hour from the summed round times.
    var allSeconds = [[Double]](repeating: [0, 0, 0], count: layouts.count)
    for (l, layout) in layouts.enumerated() {
        let workers = layout.workers(cores)
        for first in stride(from: 0, to: count, by: workers) {
            let n = min(workers, count - first)
            let rates = try pairedThroughput(count: n, first: first, layout: layout, cores: cores, [
                { try timedRecord(allJob, $0, layout == .perCore ? allStages : StageLog()) },
                { BareWork.eigensolverAndProduct(prepared[$0]) },
            ])
            let referenceRate = referenceThroughput(length: length, realizations: n, layout: layout, cores: cores) ?? .nan
            for (t, rate) in (rates + [referenceRate]).enumerated() { allSeconds[l][t] += 3600 * Double(n) / rate }
        }
    }
    let all = allSeconds.map { 3600 * Double(count) / $0[0] }, floor = allSeconds.map { 3600 * Double(count) / $0[1] }
    let reference = allSeconds.map { 3600 * Double(count) / $0[2] }
    row("all observables: ours", all)
    stageLine("all, \(Layout.perCore.label(cores))", allStages)
    row("all observables: bare floor (dsyevd V + 2 dsyrk)", floor)
    row("all observables: numpy/scipy reference (alternating with ours)", reference)

    let (windowPairs, slicing) = try windowSection()

    let rJob = job([.levelStatistics])
    let rPairs = try layouts.map { layout in
        try pairedThroughput(count: 2 * count, layout: layout, cores: cores, [
            { try timedRecord(rJob, $0, StageLog()) },
            { BareWork.valuesOnly(prepared[$0]) },
        ])
    }
    row("r only: ours", rPairs.map { $0[0] })
    row("r only: bare dsyevd_2stage", rPairs.map { $0[1] })
    if arguments.contains("--drivers") {
        try compareWindowDrivers(prepared[0].matrix, job: job(windowList), cores: cores)
    }

    let bestReference = reference.filter(\.isFinite).max() ?? .nan
    let bestReferenceLayout = reference.firstIndex(of: bestReference).map { layouts[$0].label(cores) } ?? "?"
    let bestOurs = all.max() ?? .nan
    let bestLayout = all.firstIndex(of: bestOurs) ?? 0
    emit("# ratios (same run; load average now: \(loadAverage()))")
    emit(String(format: "all observables: ours (best, %@) / numpy reference (best, %@) = %.2f   [target >= 1.3]",
                layouts[bestLayout].label(cores) as NSString, bestReferenceLayout as NSString, bestOurs / bestReference))
    for (k, layout) in layouts.enumerated() {
        emit(String(format: "layout %@: all: ours / bare floor = %.2f [>= 0.91, i.e. within 1.1x]; %@; r only / dsyevd_2stage = %.2f [>= 0.95]",
                    layout.label(cores) as NSString, all[k] / floor[k], windowRatio(k, windowPairs, slicing) as NSString, rPairs[k][0] / rPairs[k][1]))
    }
    if arguments.contains("--report-cases") { try runReportCases(cores: cores, quick: quick) }
    BLASRuntime.setThreads(cores)
}

/// The eigensolver alone on one realization's matrix, 1 worker x 1 BLAS thread:
/// all vectors (dsyevd, what the full-vector path runs), the index-range path of the window
/// observables (`symmetricEigenwindow`: dsytrd + dstedc + dormtr on the window) and
/// LAPACK's own index-range driver dsyevr (RANGE = 'I', the same window, but without the
/// eigenvalues outside it), and dsytrd alone (the part both share).
private func compareWindowDrivers(_ a: Matrix<Double>, job: ExactRealization, cores: Int) throws {
    let n = a.rows, n32 = Int32(n)
    var window = 0..<0
    _ = try symmetricEigenwindow(a) { values in window = job.vectorWindow(energies: values); return 0..<0 }
    for threads in [1] {
        BLASRuntime.setThreads(threads)
        var storage = a.elements
        var w = [Double](repeating: 0, count: n)
        let full = wallSeconds { _ = LAPACKE_dsyevd(LAPACK_COL_MAJOR, BareWork.vectors, BareWork.lower, n32, &storage, n32, &w) }
        let composed = try wallSeconds { _ = try symmetricEigenwindow(a) { _ in window } }
        storage = a.elements
        var z = [Double](repeating: 0, count: n * window.count)
        var support = [Int32](repeating: 0, count: 2 * max(window.count, 1))
        var found: Int32 = 0
        let range = wallSeconds {
            _ = LAPACKE_dsyevr(LAPACK_COL_MAJOR, BareWork.vectors, CChar(UInt8(ascii: "I")), BareWork.lower, n32, &storage, n32, 0, 0,
                               Int32(window.lowerBound + 1), Int32(window.upperBound), 0, &found, &w, &z, n32, &support)
        }
        storage = a.elements
        let twoStageValues = wallSeconds { _ = LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, BareWork.values, BareWork.lower, n32, &storage, n32, &w) }
        storage = a.elements
        var e = [Double](repeating: 0, count: n), tau = [Double](repeating: 0, count: n)
        let reduction = wallSeconds { _ = LAPACKE_dsytrd(LAPACK_COL_MAJOR, BareWork.lower, n32, &storage, n32, &w, &e, &tau) }
        // The tridiagonal eigenvectors by other LAPACK routines, from the same reduction.
        let d0 = w, e0 = e
        var d1 = d0, e1 = e0
        var tridiagonalVectors = [Double](repeating: 0, count: n * n)
        let divide = wallSeconds { _ = LAPACKE_dstedc(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "I")), n32, &d1, &e1, &tridiagonalVectors, n32) }
        d1 = d0; e1 = e0
        var m: Int32 = 0, split: Int32 = 0
        var values = [Double](repeating: 0, count: n)
        var blocks = [Int32](repeating: 0, count: n), splits = [Int32](repeating: 0, count: n), failures = [Int32](repeating: 0, count: max(window.count, 1))
        var inverse = [Double](repeating: 0, count: n * max(window.count, 1))
        let bisection = wallSeconds {
            _ = LAPACKE_dstebz(CChar(UInt8(ascii: "I")), CChar(UInt8(ascii: "B")), n32, 0, 0, Int32(window.lowerBound + 1), Int32(window.upperBound),
                               0, &d1, &e1, &m, &split, &values, &blocks, &splits)
            _ = LAPACKE_dstein(LAPACK_COL_MAJOR, n32, &d1, &e1, m, &values, &blocks, &splits, &inverse, n32, &failures)
        }
        var mrrrValues = [Double](repeating: 0, count: n)
        d1 = d0; e1 = e0
        var tryrac: Int32 = 1
        let mrrr = wallSeconds {
            _ = LAPACKE_dstemr(LAPACK_COL_MAJOR, BareWork.vectors, CChar(UInt8(ascii: "I")), n32, &d1, &e1, 0, 0,
                               Int32(window.lowerBound + 1), Int32(window.upperBound), &found, &mrrrValues, &inverse, n32, Int32(window.count), &support, &tryrac)
        }
        emit(String(format: "    eigensolver, 1 x %d, D=%d, window %d..<%d (%d vectors): dsyevd all vectors %.2f s; index range (dsytrd+dstedc+dormtr on the window) %.2f s; dsyevr il..iu %.2f s; dsytrd alone %.2f s; dsyevd_2stage values only %.2f s; tridiagonal vectors: dstedc all %.2f s, dstemr window %.2f s, dstebz+dstein window %.2f s",
                     threads, n, window.lowerBound, window.upperBound, window.count, full, composed, range, reduction, twoStageValues, divide, mrrr, bisection))
    }
}

/// The report's exact-numerics scans, both layouts.
private func runReportCases(cores: Int, quick: Bool) throws {
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
        ("report <r>: xxz L=12", xxz(12, 3), [.levelStatistics], 20),
        ("report S, rho vbar: xxz L=12", xxz(12, 2), [.spectral, .criterion], 10),
        ("report Czz, S_P: heisenberg-o3+probe L=9", probe(9, 4), [.czz, .entanglement], quick ? 2 : 4),
    ]
    for (name, problem, observables, count) in cases {
        let job = ExactRealization(problem: problem, observables: observables, seed: 1)
        let rates = try Layout.allCases.map { try ourThroughput(job, count: count, layout: $0, cores: cores).perHour }
        emit(String(format: "%-58@", name as NSString) + rates.map { String(format: " %10.0f", $0) }.joined())
    }
}
