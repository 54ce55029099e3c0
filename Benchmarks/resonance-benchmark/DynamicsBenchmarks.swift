import ComplexModule
import Dispatch
import Foundation
import NumericKit
import SpinChains

// `resonance-benchmark dynamics [--sizes 16,18,20,22] [--check-jt 10]`
// Dynamical typicality for heisenberg-o3 with the probe (W = 2, J = 1): seconds per state per unit
// Jt and memory at each L, on 1 and 2 threads. Per product: the fused Chebyshev update (one
// matrix-free product, the recurrence and the running sum), median of 5, alone and paired (phi
// and chi of C(t) in one pass, as the propagation runs); per unit Jt: the Chebyshev order of a step
// of a dt = 1000 over dt, times the paired update. The bandwidth floors (88 bytes per row for one
// update, 136 for a pair) are set against a STREAM-like triad timed in the same run; a compressed-sparse-row product of the same matrix (Swift, one thread) and
// PETSc's MatMult on it (complex AIJ on 1 and 2 MPI ranks, by the helper that
// Benchmarks/petsc-matmult/build.sh builds; up to L = 18) are set against the matrix-free one. At the smallest size a
// real propagation over --check-jt checks the projection. Timings under whatever load the machine has.

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

/// `y = H x` from stored rows (CSR, complex values): the product PETSc's MatMult performs.
private func csrProduct(_ rows: SparseRows, _ x: [Complex<Double>], _ y: inout [Complex<Double>]) {
    rows.rowOffsets.withUnsafeBufferPointer { offsets in
        rows.columns.withUnsafeBufferPointer { columns in
            rows.values.withUnsafeBufferPointer { values in
                for i in 0..<(offsets.count - 1) {
                    var re = 0.0, im = 0.0
                    for k in Int(offsets[i])..<Int(offsets[i + 1]) {
                        let j = Int(columns[k])
                        let vr = values[2 * k], vi = values[2 * k + 1]
                        re += vr * x[j].real - vi * x[j].imaginary
                        im += vr * x[j].imaginary + vi * x[j].real
                    }
                    y[i] = Complex(re, im)
                }
            }
        }
    }
}

/// Writes the rows as `Benchmarks/petsc-matmult/petsc_matmult.c` reads them.
private func writeCSR(_ rows: SparseRows, to url: URL) throws {
    var data = Data()
    func append<T>(_ values: [T]) { values.withUnsafeBytes { data.append(contentsOf: $0) } }
    append([Int64(rows.dimension), Int64(rows.nonzeroCount)])
    append(rows.rowOffsets)
    append(rows.columns)
    append(rows.values)
    try data.write(to: url)
}

/// Median seconds of PETSc's MatMult on `ranks` MPI ranks (nil if the helper or mpirun fails).
private func petscMatMult(helper: String, file: URL, ranks: Int) -> Double? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-n", String(ranks), helper, file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let range = output.range(of: "seconds ") else { return nil }
    return Double(output[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines))
}

/// Median seconds of one paired update (phi and chi of C(t), as the propagation runs) by `update`.
private func pairedUpdateSeconds(_ d: Int, repeats: Int,
                                 _ update: (UnsafePointer<Complex<Double>>, UnsafePointer<Complex<Double>>,
                                            UnsafeMutablePointer<Complex<Double>>, UnsafeMutablePointer<Complex<Double>>,
                                            UnsafeMutablePointer<Complex<Double>>, UnsafeMutablePointer<Complex<Double>>) -> Void)
    -> (seconds: Double, z: [Complex<Double>], acc: [Complex<Double>]) {
    var generator = Xoshiro256StarStar(seed: 1)
    let x1 = StateVectors.haarRandom(dimension: d, using: &generator), x2 = StateVectors.haarRandom(dimension: d, using: &generator)
    var z1 = x2, z2 = x1, a1 = x1, a2 = x2
    let time = median((0..<repeats).map { _ in
        seconds {
            x1.withUnsafeBufferPointer { p1 in x2.withUnsafeBufferPointer { p2 in
            z1.withUnsafeMutableBufferPointer { q1 in z2.withUnsafeMutableBufferPointer { q2 in
            a1.withUnsafeMutableBufferPointer { b1 in a2.withUnsafeMutableBufferPointer { b2 in
                update(p1.baseAddress!, p2.baseAddress!, q1.baseAddress!, q2.baseAddress!, b1.baseAddress!, b2.baseAddress!)
            } } } } } }
        }
    })
    return (time, z1 + z2, a1 + a2)
}

func runDynamicsBenchmarks(arguments: [String]) throws {
    func value(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
    let sizes = (value("--sizes") ?? "16,18,20,22").split(separator: ",").compactMap { Int($0) }
    let checkJt = Double(value("--check-jt") ?? "10") ?? 10
    let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    print("\n## dynamics: heisenberg-o3 + probe, W = 2, Chebyshev; CPU \(cpuModel()); OpenBLAS \(BLASRuntime.configuration), kernel \(BLASRuntime.coreName); load average \(load)")
    let triad = [1, 2].map { triadBandwidth(count: 1 << 24, threads: $0) }
    print(String(format: "STREAM-like triad (3 x 128 MiB): %.2f GB/s on 1 thread, %.2f GB/s on 2", triad[0] / 1e9, triad[1] / 1e9))
    print("Paired update: z <- alpha H x + beta x + gamma z, acc <- acc + c z for phi and chi in one pass; it moves at least "
          + "\(MatrixFreeOperator.minimumBytesPerPairedRow) bytes per row (x, z read and written, acc read and written, for both; the diagonal).")
    print("L+P  D         threads  row-wise s  blocked s  speed-up  floor s  x floor  order/Jt  s/state/Jt  Jt=1e3 s/state  est. MiB  peak RSS MiB  max |blocked - row-wise|")
    for length in sizes {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: 2)
        problem.probe = problem.defaultProbe
        let dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        let fields = problem.drawFields(seed: 2006, realization: 0)
        let op = try problem.hamiltonianOperator(fields: fields)
        var h = try MatrixFreeOperator(op, siteCount: length + 1, threads: 2)
        let interval = try SpectralInterval.estimate(h, steps: 30)
        let stepJt = 1000 / interval.halfWidth
        let orderPerJt = Double(chebyshevOrder(1000)) / stepJt
        let d = h.dimension
        let repeats = length >= 20 ? 3 : 5
        for threads in [1, 2] {
            h.threads = threads
            let update = { (x1: UnsafePointer<Complex<Double>>, x2: UnsafePointer<Complex<Double>>, z1: UnsafeMutablePointer<Complex<Double>>,
                            z2: UnsafeMutablePointer<Complex<Double>>, a1: UnsafeMutablePointer<Complex<Double>>, a2: UnsafeMutablePointer<Complex<Double>>) in
                h.pairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
            }
            let rowwise = { (x1: UnsafePointer<Complex<Double>>, x2: UnsafePointer<Complex<Double>>, z1: UnsafeMutablePointer<Complex<Double>>,
                             z2: UnsafeMutablePointer<Complex<Double>>, a1: UnsafeMutablePointer<Complex<Double>>, a2: UnsafeMutablePointer<Complex<Double>>) in
                h.rowwisePairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
            }
            // One update each from the same inputs for the comparison, then the timed repeats.
            let blocked = pairedUpdateSeconds(d, repeats: repeats, update)
            let reference = pairedUpdateSeconds(d, repeats: repeats, rowwise)
            let difference = zip(blocked.acc, reference.acc).map { ($0 - $1).length }.max() ?? 0
            let floor = Double(MatrixFreeOperator.minimumBytesPerPairedRow * d) / triad[threads - 1]
            let perStateJt = orderPerJt * blocked.seconds
            print(String(format: "%2d+P %-9d %7d  %10.4f  %9.4f  %8.1f  %7.4f  %7.1f  %8.2f  %10.3f  %14.0f  %8.0f  %12.0f  %.1e",
                         length, d, threads, reference.seconds, blocked.seconds, reference.seconds / blocked.seconds, floor, blocked.seconds / floor,
                         orderPerJt, perStateJt, 1000 * perStateJt, dynamics.memoryEstimate / 1_048_576, peakResidentBytes() / 1_048_576, difference))
        }
        if let shifts = value("--block-shifts") {
            // The block size of the blocked update (rows 2^shift), on 1 thread.
            h.threads = 1
            for shift in shifts.split(separator: ",").compactMap({ Int($0) }) {
                var hs = h
                hs.blockShift = shift
                let t = pairedUpdateSeconds(d, repeats: repeats) { x1, x2, z1, z2, a1, a2 in
                    hs.pairedRecurrence(x1, x2, into: z1, z2, alpha: 0.1, beta: 0.01, gamma: -1, accumulate: Complex(0.1, 0.1), into: a1, a2)
                }
                print(String(format: "  block of 2^%d rows, 1 thread: %.4f s per paired update", shift, t.seconds))
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
        }
    }
}
