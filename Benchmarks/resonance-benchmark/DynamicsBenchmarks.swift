import ComplexModule
import Dispatch
import Foundation
import NumericKit
import SpinChains
import Studies

// `resonance-benchmark dynamics [--sizes 16,18,20,22] [--petsc-sizes 16,18,20] [--check-jt 10] [--block-shifts 10,12,14]`
// Dynamical typicality for heisenberg-o3 with the probe (W = 2, J = 1): seconds per state per unit
// Jt and memory at each L.
// - Matrix-free, 1 and 2 threads: the paired Chebyshev update (one pass over the rows computes
//   z <- alpha H x + beta x + gamma z and acc <- acc + c z for phi and chi of C(t), as the
//   propagation runs), blocked (the kernel in use) and row by row (its first form), median of 5
//   (3 from L = 20), wall seconds and, on 1 thread, the thread's CPU seconds (what a loaded
//   machine does not distort as much). Against the bandwidth floor: 168 bytes per row over a
//   STREAM-like triad timed in the same run. Per unit Jt: the Chebyshev order per Jt of steps of
//   a dt = 1000 times the paired update; Jt = 1e3 is that times 1000 (a projection).
// - PETSc engine, 1 and 2 MPI ranks: the sparse worker propagates one state over a short Jt
//   (below: 2 at L = 16 down to 0.25 at L = 22); its propagation seconds per paired product
//   (MatMult of phi and chi, the same recurrence) times the same order per Jt give the seconds
//   per state per Jt, extrapolated from the short run. Its peak resident set per rank and the
//   matrix's stored entries. The matrix takes ~20 bytes per entry (and its rows are built once more
//   in the worker), so L = 22 (D = 2^23, ~45 entries per row) needs about 15 GB: --petsc-sizes.
// - At the smallest size a real matrix-free propagation over --check-jt checks the projection.
// Timings under whatever load the machine has (printed).

/// STREAM triad `a = b + s c` over `n` doubles on `threads` threads: bytes per second (24 n per pass, median of 5).
private func triadBandwidth(count n: Int, threads: Int) -> Double {
    var a = [Double](repeating: 0, count: n), b = [Double](repeating: 1, count: n), c = [Double](repeating: 2, count: n)
    var times: [Double] = []
    let chunks = threads
    let size = (n + chunks - 1) / chunks
    for _ in 0..<6 {
        times.append(a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeBufferPointer { cp in
                    let (pa, pb, pc) = (Int(bitPattern: ap.baseAddress), Int(bitPattern: bp.baseAddress), Int(bitPattern: cp.baseAddress))
                    return seconds {
                        DispatchQueue.concurrentPerform(iterations: chunks) { k in
                            let x = UnsafeMutablePointer<Double>(bitPattern: pa)!
                            let y = UnsafePointer<Double>(bitPattern: pb)!
                            let z = UnsafePointer<Double>(bitPattern: pc)!
                            for i in (k * size)..<min(n, (k + 1) * size) { x[i] = y[i] + 3 * z[i] }
                        }
                    }
                }
            }
        })
    }
    return 24 * Double(n) / median(Array(times.dropFirst()))
}

/// CPU seconds of the calling thread so far.
private func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

private typealias PairedUpdate = (UnsafePointer<Complex<Double>>, UnsafePointer<Complex<Double>>,
                                  UnsafeMutablePointer<Complex<Double>>, UnsafeMutablePointer<Complex<Double>>,
                                  UnsafeMutablePointer<Complex<Double>>, UnsafeMutablePointer<Complex<Double>>) -> Void

/// Median wall and calling-thread CPU seconds of one paired update by `update` (from the same
/// inputs each time), and the outputs of the last one.
private func pairedUpdateSeconds(_ d: Int, repeats: Int, _ update: PairedUpdate)
    -> (seconds: Double, cpuSeconds: Double, outputs: [[Complex<Double>]]) {
    var generator = Xoshiro256StarStar(seed: 1)
    let x1 = StateVectors.haarRandom(dimension: d, using: &generator), x2 = StateVectors.haarRandom(dimension: d, using: &generator)
    var z1 = x2, z2 = x1, a1 = x1, a2 = x2
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<repeats {
        (z1, z2, a1, a2) = (x2, x1, x1, x2)
        let cpuStart = threadCPUSeconds()
        wall.append(seconds {
            x1.withUnsafeBufferPointer { p1 in x2.withUnsafeBufferPointer { p2 in
            z1.withUnsafeMutableBufferPointer { q1 in z2.withUnsafeMutableBufferPointer { q2 in
            a1.withUnsafeMutableBufferPointer { b1 in a2.withUnsafeMutableBufferPointer { b2 in
                update(p1.baseAddress!, p2.baseAddress!, q1.baseAddress!, q2.baseAddress!, b1.baseAddress!, b2.baseAddress!)
            } } } } } }
        })
        cpu.append(threadCPUSeconds() - cpuStart)
    }
    return (median(wall), median(cpu), [z1, z2, a1, a2])
}

/// Median wall and calling-thread CPU seconds of one single-vector update `z <- alpha H x + beta x
/// + gamma z, acc <- acc + c z` (from the same inputs each time): the interleaved kernel
/// (`recurrence`) or the split-complex one (`splitRecurrence`, on split copies of the same
/// vectors), and the final `z` and `acc` as complex vectors.
private func singleUpdateSeconds(_ h: MatrixFreeOperator, repeats: Int, split: Bool)
    -> (seconds: Double, cpuSeconds: Double, outputs: [[Complex<Double>]]) {
    let d = h.dimension
    var generator = Xoshiro256StarStar(seed: 1)
    let x = StateVectors.haarRandom(dimension: d, using: &generator), z0 = StateVectors.haarRandom(dimension: d, using: &generator)
    let c = Complex(0.1, 0.1)
    var wall: [Double] = [], cpu: [Double] = []
    var outputs: [[Complex<Double>]] = []
    if split {
        // x, z and acc (real and imaginary parts) on huge pages, as `ChebyshevPropagator` holds them.
        let buffer = HugePageBuffer(count: 6 * d)
        let v = (0..<6).map { buffer.base + $0 * d }
        for i in 0..<d { v[0][i] = x[i].real; v[1][i] = x[i].imaginary }
        for _ in 0..<repeats {
            for i in 0..<d { v[2][i] = z0[i].real; v[3][i] = z0[i].imaginary; v[4][i] = x[i].real; v[5][i] = x[i].imaginary }
            let cpuStart = threadCPUSeconds()
            wall.append(seconds {
                h.splitRecurrence(v[0], v[1], into: v[2], v[3], alpha: 0.1, beta: 0.01, gamma: -1, accumulate: c, into: v[4], v[5])
            })
            cpu.append(threadCPUSeconds() - cpuStart)
        }
        outputs = [(0..<d).map { Complex(v[2][$0], v[3][$0]) }, (0..<d).map { Complex(v[4][$0], v[5][$0]) }]
    } else {
        var z = z0, acc = x
        for _ in 0..<repeats {
            (z, acc) = (z0, x)
            let cpuStart = threadCPUSeconds()
            wall.append(seconds {
                z.withUnsafeMutableBufferPointer { zp in acc.withUnsafeMutableBufferPointer { ap in
                    h.recurrence(x, into: zp.baseAddress!, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: c, into: ap.baseAddress!)
                } }
            })
            cpu.append(threadCPUSeconds() - cpuStart)
        }
        outputs = [z, acc]
    }
    return (median(wall), median(cpu), outputs)
}

/// Largest `|a - b|` over each pair of vectors, relative to the largest `|b|` of the pair.
private func maximumRelativeDifference(_ a: [[Complex<Double>]], _ b: [[Complex<Double>]]) -> Double {
    zip(a, b).map { pair in
        (zip(pair.0, pair.1).map { ($0 - $1).length }.max() ?? 0) / max(pair.1.map(\.length).max() ?? 1, .leastNormalMagnitude)
    }.max() ?? 0
}

private func maximumDifference(_ a: [[Complex<Double>]], _ b: [[Complex<Double>]]) -> Double {
    zip(a, b).map { zip($0, $1).map { ($0 - $1).length }.max() ?? 0 }.max() ?? 0
}

func runDynamicsBenchmarks(arguments: [String]) throws {
    func value(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
    let sizes = (value("--sizes") ?? "16,18,20,22").split(separator: ",").compactMap { Int($0) }
    let petscSizes = (value("--petsc-sizes") ?? "16,18,20").split(separator: ",").compactMap { Int($0) }
    let checkJt = Double(value("--check-jt") ?? "10") ?? 10
    let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    print("\n## dynamics: heisenberg-o3 + probe, W = 2, Chebyshev; CPU \(cpuModel()); OpenBLAS \(BLASRuntime.configuration), kernel \(BLASRuntime.coreName); load average \(load)")
    let triad = [1, 2].map { triadBandwidth(count: 1 << 24, threads: $0) }
    print(String(format: "STREAM-like triad (3 x 128 MiB): %.2f GB/s on 1 thread, %.2f GB/s on 2", triad[0] / 1e9, triad[1] / 1e9))
    print("Matrix-free paired update (phi and chi in one pass): it moves at least \(MatrixFreeOperator.minimumBytesPerPairedRow) bytes per row "
          + "(for both vectors x read, z read and written, acc read and written; the diagonal table). Blocks of 2^\(MatrixFreeOperator.defaultBlockShift) rows.")
    print("L+P  D         thr  row-wise s  blocked s  speed-up  blocked CPU s  floor s  x floor  order/Jt  s/state/Jt  Jt=1e3 s/state  (at floor)  est. MiB  max |blocked - row-wise|")
    var orderPerJt: [Int: Double] = [:]
    var matrixFreePerStateJt: [Int: [Int: Double]] = [:]
    var singleRows: [String] = []
    var checks: [String] = []
    for length in sizes {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: 2)
        problem.probe = problem.defaultProbe
        let dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        let fields = problem.drawFields(seed: 2006, realization: 0)
        let op = try problem.hamiltonianOperator(fields: fields)
        var h = try MatrixFreeOperator(op, siteCount: length + 1, threads: 2)
        let interval = try SpectralInterval.estimate(h, steps: 30)
        let stepJt = 1000 / interval.halfWidth
        orderPerJt[length] = Double(chebyshevOrder(1000)) / stepJt
        let d = h.dimension
        let repeats = length >= 20 ? 3 : 5
        for threads in [1, 2] {
            h.threads = threads
            let blocked = pairedUpdateSeconds(d, repeats: repeats) { x1, x2, z1, z2, a1, a2 in
                h.pairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
            }
            let rowwise = pairedUpdateSeconds(d, repeats: repeats) { x1, x2, z1, z2, a1, a2 in
                h.rowwisePairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
            }
            let floor = Double(MatrixFreeOperator.minimumBytesPerPairedRow * d) / triad[threads - 1]
            let perStateJt = orderPerJt[length]! * blocked.seconds
            matrixFreePerStateJt[length, default: [:]][threads] = perStateJt
            print(String(format: "%2d+P %-9d %3d  %10.4f  %9.4f  %8.1f  %13@  %7.4f  %7.1f  %8.2f  %10.3f  %14.0f  %10.0f  %8.0f  %.1e",
                         length, d, threads, rowwise.seconds, blocked.seconds, rowwise.seconds / blocked.seconds,
                         threads == 1 ? String(format: "%.4f", blocked.cpuSeconds) : "-", floor, blocked.seconds / floor,
                         orderPerJt[length]!, perStateJt, 1000 * perStateJt, 1000 * orderPerJt[length]! * floor,
                         dynamics.memoryEstimate / 1_048_576, maximumDifference(blocked.outputs, rowwise.outputs)))
        }
        // One vector (the projected estimator): the interleaved kernel against the split-complex one.
        for threads in [1, 2] {
            h.threads = threads
            let interleaved = singleUpdateSeconds(h, repeats: repeats, split: false)
            let split = singleUpdateSeconds(h, repeats: repeats, split: true)
            let floor = Double(MatrixFreeOperator.minimumBytesPerSplitRow * d) / triad[threads - 1]
            let perStateJt = orderPerJt[length]! * split.seconds
            let paired = matrixFreePerStateJt[length]![threads]!
            singleRows.append(String(format: "%2d+P %-9d %3d  %13.4f  %7.4f  %8.2f  %11@  %7.4f  %7.1f  %10.3f  %14.0f  %10.0f  %14.0f  %14.1f  %.1e",
                                     length, d, threads, interleaved.seconds, split.seconds, interleaved.seconds / split.seconds,
                                     threads == 1 ? String(format: "%.4f", split.cpuSeconds) : "-", floor, split.seconds / floor,
                                     perStateJt, 1000 * perStateJt, 1000 * orderPerJt[length]! * floor, 1000 * paired, paired / perStateJt,
                                     maximumRelativeDifference(split.outputs, interleaved.outputs)))
        }
        do {
            // The same split kernel with the whole-block groups taken with the others (no per-block sweeps), 1 thread.
            var unfused = h
            unfused.threads = 1
            unfused.splitFusesWholeBlockGroups = false
            var fused = unfused
            fused.splitFusesWholeBlockGroups = true
            var a: [Double] = [], b: [Double] = []
            for _ in 0..<3 {
                a.append(singleUpdateSeconds(fused, repeats: repeats, split: true).cpuSeconds)
                b.append(singleUpdateSeconds(unfused, repeats: repeats, split: true).cpuSeconds)
            }
            singleRows.append(String(format: "  L = %d + P, split kernel, 1 thread, CPU s per update: %.4f with the whole-block groups swept per block, %.4f with them among the others (x %.2f)",
                                     length, median(a), median(b), median(b) / median(a)))
        }
        if let shifts = value("--split-block-shifts") {
            h.threads = 2
            for shift in shifts.split(separator: ",").compactMap({ Int($0) }) {
                var hs = h
                hs.splitBlockShift = shift
                let t = singleUpdateSeconds(hs, repeats: repeats, split: true)
                hs.threads = 1
                let one = singleUpdateSeconds(hs, repeats: repeats, split: true)
                singleRows.append(String(format: "  L = %d + P, split blocks of 2^%d rows: %.4f s per update on 2 threads, %.4f s (CPU %.4f s) on 1",
                                         length, shift, t.seconds, one.seconds, one.cpuSeconds))
            }
        }
        h.threads = 2
        if let shifts = value("--block-shifts") {
            h.threads = 1
            for shift in shifts.split(separator: ",").compactMap({ Int($0) }) {
                var hs = h
                hs.blockShift = shift
                let t = pairedUpdateSeconds(d, repeats: repeats) { x1, x2, z1, z2, a1, a2 in
                    hs.pairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
                }
                print(String(format: "  blocks of 2^%d rows, 1 thread: %.4f s (CPU %.4f s) per paired update", shift, t.seconds, t.cpuSeconds))
            }
            h.threads = 2
        }
        if length == sizes.min() {
            var propagator = ChebyshevPropagator(hamiltonian: h, interval: interval)
            var generator = Xoshiro256StarStar(seed: 1)
            var phi = StateVectors.haarRandom(dimension: d, using: &generator)
            var chi = StateVectors.sigmaZ(phi, site: length)
            let measured = try seconds {
                try propagator.evolvePair(&phi, &chi, by: checkJt)
            }
            print(String(format: "check at L = %d + P, 2 threads: one state (phi and chi) to Jt = %g took %.2f s, %.3f s per unit Jt (%d products)",
                         length, checkJt, measured, measured / checkJt, propagator.productCount))
            var projectedPropagator = ChebyshevPropagator(hamiltonian: h, interval: interval)
            var projected = StateVectors.projectedOnPlus(StateVectors.haarRandom(dimension: d, using: &generator), site: length)
            let projectedSeconds = try seconds { try projectedPropagator.evolve(&projected, by: checkJt) }
            checks.append(String(format: "check at L = %d + P, 2 threads: one projected state (split kernel) to Jt = %g took %.2f s, %.3f s per unit Jt (%d products)",
                                 length, checkJt, projectedSeconds, projectedSeconds / checkJt, projectedPropagator.productCount))
        }
    }

    print("\nOne vector per state (projected estimator, C = <phi(t)|A|phi(t)>/<psi+|psi+>): the update z <- alpha H x + beta x + gamma z, "
          + "acc <- acc + c z by the interleaved kernel (recurrence, blocks of 2^\(MatrixFreeOperator.defaultBlockShift)) and the split-complex one "
          + "(splitRecurrence, blocks of 2^\(MatrixFreeOperator.defaultSplitBlockShift), sums of 64-row super-chunks in registers, work vectors on huge pages); floor: \(MatrixFreeOperator.minimumBytesPerSplitRow) bytes per row (the split kernel builds its diagonal per block); "
          + "s/state/Jt and Jt=1e3 for the projected estimator on the split kernel, beside the paired estimator on the interleaved kernel (table above).")
    print("L+P  D         thr  interleaved s  split s  speed-up  split CPU s  floor s  x floor  s/state/Jt  Jt=1e3 s/state  (at floor)  paired Jt=1e3 s  paired/projected  max rel |split - interleaved|")
    for row in singleRows { print(row) }
    for line in checks { print(line) }
    print("load average after the matrix-free runs: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " "))

    // The PETSc engine: the sparse worker next to this executable.
    print("\nPETSc engine (resonance-sparse-complex: complex AIJ, the Chebyshev recurrence with MatMult on phi and chi), one state over a short Jt, extrapolated:")
    print("L+P  D         ranks  Jt run  s propagation  s/paired product  s/state/Jt  x matrix-free (same cores)  Jt=1e3 s/state  stored entries  peak RSS MiB/rank  assembly s  bounds s")
    for length in petscSizes {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: 2)
        problem.probe = problem.defaultProbe
        let fields = problem.drawFields(seed: 2006, realization: 0)
        let shortJt = length <= 16 ? 2.0 : length <= 18 ? 1.0 : length <= 20 ? 0.5 : 0.25
        let order = orderPerJt[length] ?? 28
        for ranks in [1, 2] {
            let engine = SparseWindowEngine(launch: ranks > 1 ? .mpirun(ranks: ranks) : .singleton)
            let job = SparsePropagationJob(problem: problem, fields: fields, seed: 1, realization: 0, states: 1, site: length, times: [0, shortJt])
            do {
                guard let result = try engine.propagate(job) else { continue }
                let perPair = result.secondsPropagation / (Double(result.products) / 2)
                let perStateJt = perPair * order
                let ratio = matrixFreePerStateJt[length]?[ranks].map { String(format: "%.2f", perStateJt / $0) } ?? "-"
                print(String(format: "%2d+P %-9d %5d  %6.2f  %13.2f  %16.4f  %10.3f  %26@  %14.0f  %14d  %17.0f  %10.1f  %8.1f",
                             length, result.dimension, ranks, shortJt, result.secondsPropagation, perPair, perStateJt, ratio, 1000 * perStateJt,
                             result.matrixNonzeros, result.peakResidentBytesMax / 1_048_576, result.secondsAssembly, result.secondsBounds))
            } catch {
                print(String(format: "%2d+P ranks %d: %@", length, ranks, "\(error)"))
            }
        }
    }
}
