import CLapack
import ComplexModule
import Foundation
import NumericKit
import SpinChains

// `resonance-benchmark ed [--quick] [--repeats N] [--realizations N] [--threads 1,2] [--python P]`
// For each case and thread count: our full pipeline (build + diagonalise with vectors), the bare
// LAPACK driver on the same matrix, and Benchmarks/ed_reference.py (numpy/scipy) run as a child
// process with the same thread count. Medians over repeats; ratios ours/bare and ours/numpy.
// `resonance-benchmark ed-drivers [--quick]`: times the LAPACK drivers against each other.

private enum EDBenchmarkCase: String, CaseIterable {
    case xxzSector = "xxz-sector", xxzFull = "xxz-full", heisenbergProbe = "heisenberg-o3-probe", floquetProbe = "floquet-o3-probe"

    func length(quick: Bool) -> Int {
        switch self {
        case .xxzSector: return quick ? 12 : 14
        case .xxzFull: return quick ? 10 : 12
        case .heisenbergProbe: return quick ? 9 : 11
        case .floquetProbe: return quick ? 8 : 10
        }
    }
}

/// Bare LAPACK calls on a prepared column-major buffer (what the pipeline's diagonalization costs
/// without our wrapper: no copies, no sorting).
private enum BareLapack {
    static func dsyevd(_ a: Matrix<Double>) -> Double {
        var storage = a.elements
        var w = [Double](repeating: 0, count: a.rows)
        let n = Int32(a.rows)
        return seconds {
            _ = LAPACKE_dsyevd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")), n, &storage, n, &w)
        }
    }

    static func zheevr(_ a: Matrix<Complex<Double>>) -> Double {
        var storage = a.elements
        var z = [Complex<Double>](repeating: .zero, count: a.rows * a.rows)
        var w = [Double](repeating: 0, count: a.rows)
        var support = [Int32](repeating: 0, count: 2 * a.rows)
        var found: Int32 = 0
        let n = Int32(a.rows)
        return seconds {
            storage.withUnsafeMutableBytes { ab in
                z.withUnsafeMutableBytes { zb in
                    _ = LAPACKE_zheevr(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "A")), CChar(UInt8(ascii: "L")),
                                       n, ab.baseAddress!.assumingMemoryBound(to: resonancekit_complex_double.self), n,
                                       0, 0, 0, 0, 0, &found, &w,
                                       zb.baseAddress!.assumingMemoryBound(to: resonancekit_complex_double.self), n, &support)
                }
            }
        }
    }

    static func zgees(_ a: Matrix<Complex<Double>>) -> Double {
        var storage = a.elements
        var z = [Complex<Double>](repeating: .zero, count: a.rows * a.rows)
        var w = [Complex<Double>](repeating: .zero, count: a.rows)
        var sorted: Int32 = 0
        let n = Int32(a.rows)
        return seconds {
            storage.withUnsafeMutableBytes { ab in
                z.withUnsafeMutableBytes { zb in
                    w.withUnsafeMutableBytes { wb in
                        _ = LAPACKE_zgees(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "N")), nil, n,
                                          ab.baseAddress!.assumingMemoryBound(to: resonancekit_complex_double.self), n, &sorted,
                                          wb.baseAddress!.assumingMemoryBound(to: resonancekit_complex_double.self),
                                          zb.baseAddress!.assumingMemoryBound(to: resonancekit_complex_double.self), n)
                    }
                }
            }
        }
    }
}

/// One realization of a case: (pipeline seconds, bare LAPACK seconds, dimension).
private func measure(_ benchmark: EDBenchmarkCase, length l: Int, realization: UInt64) throws -> (Double, Double, Int) {
    var g = disorderGenerator(seed: 2024, realization: realization)
    switch benchmark {
    case .xxzSector, .xxzFull:
        let chain = XXZChain(fields: drawLongitudinalFields(length: l, strength: 3, using: &g))
        let basis: any SpinBasis = benchmark == .xxzSector
            ? MagnetizationSector(chainLength: l, downSpins: l / 2) : FullBasis(siteCount: l)
        var h = Matrix<Double>.zeros(rows: 0, columns: 0)
        let ours = try seconds {
            h = chain.hamiltonian.denseRealMatrix(in: basis)
            _ = try symmetricEigensystem(h)
        }
        return (ours, BareLapack.dsyevd(h), h.rows)
    case .heisenbergProbe:
        let chain = HeisenbergO3Chain(disorderStrength: 3, fieldVectors: drawFieldVectors(length: l, distribution: .gaussian, using: &g))
        let probe = ProbeSpin(field: 3, couplingStrength: 1)
        var h = Matrix<Complex<Double>>.zeros(rows: 0, columns: 0)
        let ours = try seconds {
            h = (chain.hamiltonian + probe.terms(chainLength: l)).denseMatrix(in: FullBasis(siteCount: l + 1))
            _ = try hermitianEigensystem(h)
        }
        return (ours, BareLapack.zheevr(h), h.rows)
    case .floquetProbe:
        let chain = FloquetO3Chain(disorderStrength: 3, driveFrequency: 2 * Double.pi,
                                   fieldVectors: drawFieldVectors(length: l, distribution: .gaussian, using: &g))
        var u = Matrix<Complex<Double>>.zeros(rows: 0, columns: 0)
        let ours = try seconds {
            let propagator = try CouplingPropagatorCache.shared.propagator(for: chain.propagatorKey)
            u = chain.floquetOperator(couplingPropagator: propagator, probe: ProbeSpin(field: 3, couplingStrength: 1))
            _ = try floquetEigensystem(u, period: chain.period)
        }
        return (ours, BareLapack.zgees(u), u.rows)
    }
}

/// Runs ed_reference.py with the given thread count; returns its median total seconds.
private func numpyReference(_ benchmark: EDBenchmarkCase, length: Int, threads: Int, repeats: Int, python: String) -> Double? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ed_reference.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, script, benchmark.rawValue, "--L", String(length), "--repeats", String(repeats)]
    var environment = ProcessInfo.processInfo.environment
    for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = String(threads) }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return (object["total_s"] as? NSNumber)?.doubleValue
}

private func option(_ name: String, in arguments: [String]) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

/// Entry point called from main.swift.
func runEDBenchmarks(arguments: [String]) throws {
    let quick = arguments.contains("--quick")
    let repeats = option("--repeats", in: arguments).flatMap(Int.init) ?? (quick ? 1 : 3)
    let realizations = option("--realizations", in: arguments).flatMap(Int.init) ?? 1
    let threadCounts = (option("--threads", in: arguments) ?? "1,2").split(separator: ",").compactMap { Int($0) }
    let python = option("--python", in: arguments) ?? "python3"
    let only = option("--case", in: arguments).flatMap(EDBenchmarkCase.init(rawValue:))
    print("# ED benchmark: OpenBLAS kernel \(BLASRuntime.coreName); \(BLASRuntime.kernelDiagnosis())")
    print("# \(BLASRuntime.configuration)")
    print("# median of \(repeats) repeats per realization; times in seconds; pipeline = build + diagonalise with vectors")
    print("case                 L      D threads real    ours    bare  numpy  ours/bare ours/numpy")
    for benchmark in EDBenchmarkCase.allCases where only == nil || only == benchmark {
        let l = benchmark.length(quick: quick)
        for threads in threadCounts {
            BLASRuntime.setThreads(threads)
            _ = try? measure(benchmark, length: min(l, 6), realization: 999)   // warm-up (threads, caches)
            let reference = numpyReference(benchmark, length: l, threads: threads, repeats: repeats, python: python)
            for realization in 0..<realizations {
                var ours: [Double] = [], bare: [Double] = []
                var dimension = 0
                for _ in 0..<repeats {
                    let (o, b, d) = try measure(benchmark, length: l, realization: UInt64(realization))
                    ours.append(o); bare.append(b); dimension = d
                }
                let (o, b) = (median(ours), median(bare))
                let numpyText = reference.map { String(format: "%6.2f", $0) } ?? "   n/a"
                let ratio = reference.map { String(format: "%10.3f", o / $0) } ?? "       n/a"
                print(benchmark.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
                      + String(format: " %2d %6d %7d %4d %7.2f %7.2f ", l, dimension, threads, realization, o, b)
                      + numpyText + String(format: " %10.3f", o / b) + " " + ratio)
            }
        }
    }
}

/// Times the LAPACK drivers against each other on one matrix per problem type.
func runEDDriverComparison(arguments: [String]) throws {
    let quick = arguments.contains("--quick")
    let threads = option("--threads", in: arguments).flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
    BLASRuntime.setThreads(threads)
    let l = quick ? 10 : 12
    var g = disorderGenerator(seed: 1, realization: 0)
    let real = XXZChain(fields: drawLongitudinalFields(length: l, strength: 3, using: &g)).hamiltonian
        .denseRealMatrix(in: FullBasis(siteCount: l))
    let complex = HeisenbergO3Chain(disorderStrength: 3, fieldVectors: drawFieldVectors(length: l, distribution: .gaussian, using: &g))
        .hamiltonian.denseMatrix(in: FullBasis(siteCount: l))
    print("# LAPACK drivers, D = \(real.rows), \(threads) threads, kernel \(BLASRuntime.coreName)")
    for driver in [SelfAdjointEigenDriver.divideAndConquer, .relativelyRobust] {
        var system: Eigensystem<Double>?
        let t = try seconds { system = try symmetricEigensystem(real, driver: driver) }
        let orthogonality = try residuals(of: real, system!).orthonormalityDefect
        print(String(format: "real symmetric, vectors, %@ %7.2f s  ||V^T V - 1||_2 = %.2e", driver.rawValue, t, orthogonality))
    }
    for driver in SelfAdjointEigenDriver.allCases {
        let t = try seconds { _ = try symmetricEigenvalues(real, driver: driver) }
        print(String(format: "real symmetric, values,  %@ %7.2f s", driver.rawValue, t))
    }
    for driver in [SelfAdjointEigenDriver.divideAndConquer, .relativelyRobust] {
        var system: Eigensystem<Complex<Double>>?
        let t = try seconds { system = try hermitianEigensystem(complex, driver: driver) }
        let orthogonality = try residuals(of: complex, system!).orthonormalityDefect
        print(String(format: "hermitian, vectors,      %@ %7.2f s  ||V^+ V - 1||_2 = %.2e", driver.rawValue, t, orthogonality))
    }
    for driver in SelfAdjointEigenDriver.allCases {
        let t = try seconds { _ = try hermitianEigenvalues(complex, driver: driver) }
        print(String(format: "hermitian, values,       %@ %7.2f s", driver.rawValue, t))
    }
}
