import ComplexModule
import Foundation
import NumericKit
import SpinChains
import XCTest
@testable import Studies

/// The shift-invert engine against the dense engine: the same interior levels to 1e-10, the
/// residuals it reports recomputed here, orthonormal windows, the same eigenvectors, the same
/// window observables, and its refusals.
final class SparseWindowEngineTests: XCTestCase {
    let engine = SparseWindowEngine(launch: .singleton)

    /// The dense levels nearest `Emin + epsilon (Emax - Emin)` (ascending) and their indices.
    func denseWindow(_ values: [Double], density: Double, levels: Int) -> (indices: [Int], energies: [Double]) {
        let target = values.first! + density * (values.last! - values.first!)
        let indices = values.indices.sorted { abs(values[$0] - target) < abs(values[$1] - target) }.prefix(levels).sorted()
        return (indices, indices.map { values[$0] })
    }

    func settings(levels: Int = 20, density: Double = 0.5, vectors: Bool = true) -> SparseWindowSettings {
        var s = SparseWindowSettings()
        s.levels = levels
        s.targetDensity = density
        s.wantVectors = vectors
        return s
    }

    /// Eigenvalues, residuals, orthonormality and eigenvectors against LAPACK.
    func compare(_ problem: EDProblem, seed: UInt64, density: Double = 0.5, levels: Int = 20,
                 file: StaticString = #filePath, line: UInt = #line) throws {
        let fields = problem.drawFields(seed: seed, realization: 0)
        let window = try XCTUnwrap(try engine.solve(problem: problem, fields: fields, settings: settings(levels: levels, density: density)))
        let basis = try problem.windowBasis()
        let h = try problem.hamiltonianOperator(fields: fields).denseMatrix(in: basis)
        let dense = try hermitianEigensystem(h)
        XCTAssertEqual(window.minimumEnergy, dense.values.first!, accuracy: 1e-10, file: file, line: line)
        XCTAssertEqual(window.maximumEnergy, dense.values.last!, accuracy: 1e-10, file: file, line: line)
        let expected = denseWindow(dense.values, density: density, levels: levels)
        XCTAssertEqual(window.energies.count, levels, file: file, line: line)
        for (a, b) in zip(window.energies, expected.energies) { XCTAssertEqual(a, b, accuracy: 1e-10, file: file, line: line) }
        XCTAssertLessThanOrEqual(window.maximumResidual, 1e-9, file: file, line: line)
        // Residuals recomputed here from the returned vectors: ||H v - E v|| / ||H||_2.
        let v = try XCTUnwrap(window.vectors)
        let vectors: Matrix<Complex<Double>>
        switch v {
        case let .real(m): vectors = m.complexified
        case let .complex(m): vectors = m
        }
        let norm = max(abs(dense.values.first!), abs(dense.values.last!))
        let hv = try matrixProduct(h, .none, vectors, .none)
        for a in 0..<levels {
            var r = 0.0
            for i in 0..<basis.dimension { r += (hv[i, a] - vectors[i, a] * Complex(window.energies[a], 0)).lengthSquared }
            XCTAssertLessThanOrEqual(r.squareRoot() / norm, max(10 * window.residuals[a], 1e-12), file: file, line: line)
        }
        let gram = try matrixProduct(vectors, .adjoint, vectors, .none)
        for a in 0..<levels { for b in 0..<levels {
            XCTAssertEqual(gram[a, b].real, a == b ? 1 : 0, accuracy: 1e-10, file: file, line: line)
            XCTAssertEqual(gram[a, b].imaginary, 0, accuracy: 1e-10, file: file, line: line)
        } }
        // The same eigenvectors up to a phase (disorder leaves the levels non-degenerate).
        for (a, k) in expected.indices.enumerated() {
            var overlap = Complex<Double>.zero
            for i in 0..<basis.dimension { overlap += dense.vectors[i, k].conjugate * vectors[i, a] }
            XCTAssertEqual(overlap.length, 1, accuracy: 1e-8, file: file, line: line)
        }
    }

    /// The workers take MUMPS' one-column GEMMs (blas_forward_impl.inc): both export dgemm_ and
    /// zgemm_, and the levels equal those with forwarding off (RESONANCE_GEMM_FORWARD=0, every
    /// call to OpenBLAS' GEMM) to 1e-10, real (xxz L = 12) and complex (heisenberg-o3 with a probe).
    func testWorkersForwardOneColumnGEMMsToGEMV() throws {
        let nm = URL(fileURLWithPath: "/usr/bin/nm")
        if FileManager.default.isExecutableFile(atPath: nm.path) {
            for complex in [false, true] {
                let worker = engine.resolvedWorkerDirectory().appendingPathComponent(SparseWindowEngine.workerName(realHamiltonian: !complex))
                let process = Process()
                let output = Pipe()
                process.executableURL = nm
                process.arguments = ["-D", "--defined-only", worker.path]
                process.standardOutput = output
                try process.run()
                let symbols = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                for name in ["dgemm_", "zgemm_"] {
                    XCTAssertTrue(symbols.split(separator: "\n").contains { $0.hasSuffix(" T \(name)") }, "\(worker.lastPathComponent) exports \(name)")
                }
            }
        }
        var plain = engine
        plain.environment["RESONANCE_GEMM_FORWARD"] = "0"
        var xxz = EDProblem(model: .xxz, length: 12, disorderStrength: 2)
        xxz.magnetization = .sector(0)
        var probed = EDProblem(model: .heisenbergO3, length: 9, disorderStrength: 3)
        probed.probe = probed.defaultProbe
        for problem in [xxz, probed] {
            let fields = problem.drawFields(seed: 12, realization: 0)
            let forwarded = try XCTUnwrap(try engine.solve(problem: problem, fields: fields, settings: settings(levels: 30, vectors: false)))
            let reference = try XCTUnwrap(try plain.solve(problem: problem, fields: fields, settings: settings(levels: 30, vectors: false)))
            XCTAssertEqual(forwarded.energies.count, 30)
            XCTAssertEqual(forwarded.energies.count, reference.energies.count)
            for (a, b) in zip(forwarded.energies, reference.energies) { XCTAssertEqual(a, b, accuracy: 1e-10, "\(problem.model)") }
        }
    }

    func testXXZSectorsMatchDense() throws {
        var problem = EDProblem(model: .xxz, length: 12, disorderStrength: 3)
        problem.magnetization = .sector(0)
        try compare(problem, seed: 1)                        // D = 924, periodic
        problem = EDProblem(model: .xxz, length: 11, disorderStrength: 1)
        problem.magnetization = .sector(1.5)
        problem.boundary = .open
        try compare(problem, seed: 2, density: 0.3)          // D = 165, open
        problem = EDProblem(model: .xxz, length: 10, disorderStrength: 2)
        problem.magnetization = .fullSpace
        problem.convention = .pauli
        try compare(problem, seed: 3, density: 0.7, levels: 30)   // D = 1024
    }

    func testXXZWithProbeMatchesDense() throws {
        var problem = EDProblem(model: .xxz, length: 9, disorderStrength: 2)
        problem.magnetization = .fullSpace
        problem.probe = problem.defaultProbe                 // real: sigma^x_0 sigma^x_P
        try compare(problem, seed: 4)
        problem.probe = ProbeSpin(field: 1.5, couplingStrength: 1, coupling: .y)   // complex Hermitian
        try compare(problem, seed: 4)
    }

    func testHeisenbergO3MatchesDense() throws {
        let problem = EDProblem(model: .heisenbergO3, length: 10, disorderStrength: 3)   // D = 1024, LU
        try compare(problem, seed: 5)
        var probed = EDProblem(model: .heisenbergO3, length: 9, disorderStrength: 3)
        probed.probe = probed.defaultProbe
        try compare(probed, seed: 6, density: 0.4)
    }

    /// Larger sizes, kept quick for the dense reference: xxz L = 13 (S^z = 1/2, D = 1716, Cholesky,
    /// open) and L = 14 (S^z = 0, D = 3432, periodic), heisenberg-o3 L = 11 (D = 2048, LU) and with the probe at L = 10 (D = 2048).
    func testLargerSizesMatchDense() throws {
        var problem = EDProblem(model: .xxz, length: 13, disorderStrength: 3)
        problem.magnetization = .sector(0.5)
        problem.boundary = .open
        try compare(problem, seed: 7)
        problem = EDProblem(model: .xxz, length: 14, disorderStrength: 3)
        problem.magnetization = .sector(0)
        try compare(problem, seed: 10)                      // D = 3432, periodic
        try compare(EDProblem(model: .heisenbergO3, length: 11, disorderStrength: 2), seed: 8, density: 0.6)
        var probed = EDProblem(model: .heisenbergO3, length: 10, disorderStrength: 4)
        probed.probe = probed.defaultProbe
        try compare(probed, seed: 9)
    }

    /// One rank and two ranks (a fresh mpirun job) give the same levels.
    func testTwoRanksMatchOneRank() throws {
        var problem = EDProblem(model: .xxz, length: 12, disorderStrength: 3)
        problem.magnetization = .sector(0)
        let fields = problem.drawFields(seed: 7, realization: 0)
        let one = try XCTUnwrap(try engine.solve(problem: problem, fields: fields, settings: settings(vectors: false)))
        let two = try XCTUnwrap(try SparseWindowEngine(launch: .mpirun(ranks: 2))
            .solve(problem: problem, fields: fields, settings: settings(vectors: true)))
        XCTAssertEqual(one.ranks, 1)
        XCTAssertEqual(two.ranks, 2)
        for (a, b) in zip(one.energies, two.energies) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertLessThanOrEqual(two.maximumResidual, 1e-9)
        var complexProblem = EDProblem(model: .heisenbergO3, length: 8, disorderStrength: 2)
        complexProblem.probe = complexProblem.defaultProbe
        let complexFields = complexProblem.drawFields(seed: 8, realization: 0)
        let c1 = try XCTUnwrap(try engine.solve(problem: complexProblem, fields: complexFields, settings: settings(vectors: false)))
        let c2 = try XCTUnwrap(try SparseWindowEngine(launch: .mpirun(ranks: 2))
            .solve(problem: complexProblem, fields: complexFields, settings: settings(vectors: false)))
        for (a, b) in zip(c1.energies, c2.energies) { XCTAssertEqual(a, b, accuracy: 1e-10) }
    }

    /// The SCOTCH-enabled MUMPS (loaded ahead of the PORD-only build) and PORD give the same levels
    /// to 1e-10, real and complex, and SCOTCH's factor is the smaller at xxz L = 16 (MUMPS' own
    /// count of the factor memory, INFOG(22): 69 MB against 88 MB).
    func testScotchOrderingMatchesPord() throws {
        guard SparseWindowEngine.scotchMUMPSPreload(complex: false, environment: [:]) != nil else {
            throw XCTSkip("libmumps-ptscotch-5.5 is not installed (scripts/install-deps.sh)")
        }
        var pord = engine
        pord.environment["RESONANCE_MUMPS"] = "pord"
        var problem = EDProblem(model: .xxz, length: 16, disorderStrength: 3)
        problem.magnetization = .sector(0)
        let fields = problem.drawFields(seed: 9, realization: 0)
        let s = try XCTUnwrap(try engine.solve(problem: problem, fields: fields, settings: settings(vectors: false)))
        let p = try XCTUnwrap(try pord.solve(problem: problem, fields: fields, settings: settings(vectors: false)))
        for (a, b) in zip(s.energies, p.energies) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertLessThan(s.factorBytes, p.factorBytes)
        var complexProblem = EDProblem(model: .heisenbergO3, length: 9, disorderStrength: 2)
        complexProblem.probe = complexProblem.defaultProbe
        let complexFields = complexProblem.drawFields(seed: 10, realization: 0)
        let cs = try XCTUnwrap(try engine.solve(problem: complexProblem, fields: complexFields, settings: settings(vectors: false)))
        let cp = try XCTUnwrap(try pord.solve(problem: complexProblem, fields: complexFields, settings: settings(vectors: false)))
        for (a, b) in zip(cs.energies, cp.energies) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertNil(SparseWindowEngine.scotchMUMPSPreload(complex: false, environment: ["RESONANCE_MUMPS": "pord"]))
        XCTAssertNil(SparseWindowEngine.scotchMUMPSPreload(complex: true, environment: ["LD_PRELOAD": "/lib/other.so"]))
    }

    /// BLAS threads per worker rank: the rank's share of the cores, capped by the cores the load
    /// average leaves idle, at least one.
    func testWorkerBLASThreadsShareTheIdleCores() {
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 2, ranks: 1, loadAverage: 0.1), 2)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 2, ranks: 1, loadAverage: nil), 2)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 2, ranks: 1, loadAverage: 1.2), 1)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 2, ranks: 1, loadAverage: 9), 1)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 2, ranks: 2, loadAverage: 0), 1)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 64, ranks: 4, loadAverage: 0.5), 16)
        XCTAssertEqual(SparseWindowEngine.defaultBLASThreads(cores: 64, ranks: 4, loadAverage: 40), 6)
        var engine = SparseWindowEngine(launch: .mpirun(ranks: 2))
        engine.blasThreads = 3
        XCTAssertEqual(engine.workerBLASThreads, 3)
    }

    /// The window observables equal the dense engine's observables restricted to the same levels.
    func testWindowObservablesEqualDenseRestricted() throws {
        var problem = EDProblem(model: .xxz, length: 8, disorderStrength: 2)
        problem.magnetization = .fullSpace
        problem.probe = ProbeSpin(field: 2, couplingStrength: 1, coupling: .z)
        let levels = 24
        var plan = SparseWindowPlan(settings: settings(levels: levels), engine: engine)
        plan.settings.wantVectors = false   // windowRecord asks for them itself
        var job = ExactRealization(problem: problem, observables: [.levelStatistics, .spectral, .czz, .matrixElements, .entanglement],
                                   seed: 9)
        job.settings.matrixElementWindows = .init(firstCenter: 0.25, secondCenter: 0.75, width: 0.5)
        job.window = plan
        let sparse = try job.record(realization: 0)

        // Dense: all eigenstates, then the same levels as a window of dense vectors.
        let states = try problem.eigenstates(fields: job.fields(realization: 0))
        let block = states.blocks[0]
        let chosen = denseWindow(block.energies, density: 0.5, levels: levels).indices
        guard case let .real(all) = block.vectors else { return XCTFail("xxz vectors are real") }
        let d = all.rows
        var columns = Matrix<Double>.zeros(rows: d, columns: levels)
        for (a, k) in chosen.enumerated() { for i in 0..<d { columns[i, a] = all[i, k] } }
        let restricted = Eigenstates(blocks: [EigenstateBlock(energies: chosen.map { block.energies[$0] }, vectors: .real(columns),
                                                              basis: block.basis)], period: nil)
        var dense: [String: [Double]] = [:]
        var spectrum = RealizationSpectrum(realization: 0)
        try job.addObservables(of: restricted, fraction: 1, to: &dense, spectrum: &spectrum)

        for key in ["r_mean", "r_count", "spectral_density", "spectral_diagonal_weight", "czz", "czz_infinite_time",
                    "matrix_element_probability", "entropy_half_chain", "entropy_small_subsystem", "entropy_probe", "probe_magnetization"] {
            let a = try XCTUnwrap(sparse.values[key], key), b = try XCTUnwrap(dense[key], key)
            XCTAssertEqual(a.count, b.count, key)
            for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-9 * max(1, abs(y)), key) }
        }
        // [Czz] from the window's diagonal elements, recomputed by hand: (1/N) sum_a <a|sigma^z_P|a>^2.
        let probe = probeMagnetizations(restricted, probeSite: problem.length)
        XCTAssertEqual(sparse.values["czz_infinite_time"]![0], probe.map { $0 * $0 }.reduce(0, +) / Double(levels), accuracy: 1e-10)
        XCTAssertLessThanOrEqual(sparse.values["window_max_residual"]![0], 1e-9)
    }

    /// The polynomial filter (matrix-vector products only) finds the same levels as LAPACK.
    func testPolynomialFilterMatchesDense() throws {
        var problem = EDProblem(model: .xxz, length: 12, disorderStrength: 2)
        problem.magnetization = .sector(0)
        let fields = problem.drawFields(seed: 10, realization: 0)
        var s = settings(levels: 20, vectors: false)
        s.method = .polynomialFilter
        let window = try XCTUnwrap(try engine.solve(problem: problem, fields: fields, settings: s))
        let values = try symmetricEigenvalues(try problem.hamiltonianOperator(fields: fields).denseRealMatrix(in: try problem.windowBasis()))
        for (a, b) in zip(window.energies, denseWindow(values, density: 0.5, levels: 20).energies) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertLessThanOrEqual(window.maximumResidual, 1e-9)
    }

    /// The worker's own check of MUMPS' analysis estimate refuses a job over the limit.
    func testWorkerRefusesAboveMemoryLimit() throws {
        var problem = EDProblem(model: .xxz, length: 12, disorderStrength: 1)
        problem.magnetization = .sector(0)
        var s = settings(vectors: false)
        s.memoryLimitBytes = 1e5
        XCTAssertThrowsError(try engine.solve(problem: problem, fields: problem.drawFields(seed: 1, realization: 0), settings: s)) { error in
            XCTAssertTrue("\(error)".contains("refused") && "\(error)".contains("GiB"), "\(error)")
        }
    }

    /// A residual check that cannot pass is an error, never a result.
    func testFailedResidualCheckIsAnError() throws {
        var problem = EDProblem(model: .xxz, length: 10, disorderStrength: 1)
        problem.magnetization = .sector(0)
        var s = settings(vectors: false)
        s.residualTolerance = 1e-40
        XCTAssertThrowsError(try engine.solve(problem: problem, fields: problem.drawFields(seed: 1, realization: 0), settings: s)) { error in
            XCTAssertTrue("\(error)".contains("eigenpair check failed"), "\(error)")
        }
    }

    /// Crossing of two straight lines, known in closed form; its error shrinks with the error bars.
    func testCrossingOfLines() {
        let w = [2.0, 3.0, 4.0, 5.0]
        let small = w.map { 0.50 - 0.02 * $0 }, large = w.map { 0.62 - 0.05 * $0 }   // equal at W = 4
        let c = LevelStatisticsCrossing(smallerLength: 12, largerLength: 14, disorders: w,
                                        smaller: (small, [0.001, 0.001, 0.001, 0.001]), larger: (large, [0.001, 0.001, 0.001, 0.001]))
        XCTAssertEqual(c.disorder, 4, accuracy: 1e-12)
        XCTAssertLessThan(c.error, 0.1)
        XCTAssertGreaterThan(c.error, 0)
        XCTAssertNil(LevelStatisticsCrossing.crossing(disorders: w, smaller: small, larger: small.map { $0 + 0.1 }))
    }
}
