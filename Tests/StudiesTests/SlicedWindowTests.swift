import Foundation
import NumericKit
import SpinChains
import XCTest
@testable import Studies

/// The sliced window (SLEPc spectrum slicing in the real worker) against the dense window
/// (LAPACK, every eigenvalue): the same states by index (a missing state or a window off by one
/// fails), eigenvalues to 1e-10 relative, the same eigenvectors up to sign, and every window
/// observable of a realization to 1e-10 relative (measured at L = 10, 12: 2e-13 at most).
final class SlicedWindowTests: XCTestCase {
    let windowObservables: [ExactObservable] = [.levelStatistics, .matrixElements, .criterion, .entanglement]

    func job(length: Int, disorder: Double, observables: [ExactObservable]? = nil, seed: UInt64 = 5) -> ExactRealization {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: disorder)
        problem.magnetization = .sector(0)
        return ExactRealization(problem: problem, observables: observables ?? windowObservables, seed: seed)
    }

    func requireWorker(_ job: ExactRealization) throws {
        try XCTSkipUnless(job.slicingWorkerInstalled, "resonance-sparse-real is not built next to the tests")
    }

    /// The windows of both solvers: same indices, eigenvalues, vectors up to sign.
    func compareWindows(_ job: ExactRealization, realization k: Int = 0, parts: Int = 1,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let fields = job.fields(realization: k)
        let dense = try job.problem.eigenstateWindows(fields: fields) { job.vectorWindow(energies: $0) }[0]
        let sliced = try job.slicedEigenstateWindows(fields: fields, stages: StageTimes(), parts: parts)[0]
        XCTAssertEqual(sliced.window, dense.window, "the held index window", file: file, line: line)
        XCTAssertEqual(sliced.dimension, dense.dimension, file: file, line: line)
        let scale = dense.energies.map(abs).max()!
        // Every eigenvalue the sliced solve returned sits at its dense index: a missing or extra
        // state would shift all those above it.
        var returned = 0
        for (a, e) in sliced.energies.enumerated() where !e.isNaN {
            XCTAssertEqual(e, dense.energies[a], accuracy: 1e-10 * scale, "E[\(a)]", file: file, line: line)
            returned += 1
        }
        XCTAssertGreaterThan(returned, sliced.window.count, "at least one state beyond the window", file: file, line: line)
        guard case let .real(v) = sliced.states.vectors, case let .real(w) = dense.states.vectors else {
            return XCTFail("real vectors expected", file: file, line: line)
        }
        let d = dense.dimension
        var worst = 0.0
        for a in 0..<sliced.window.count {
            var overlap = 0.0
            for i in 0..<d { overlap += v[i, a] * w[i, a] }
            worst = max(worst, abs(1 - abs(overlap)))
        }
        XCTAssertLessThan(worst, 1e-8, "|<sliced|dense>| = 1", file: file, line: line)
    }

    /// Every value of a realization's record by both solvers.
    func compareRecords(_ job: ExactRealization, realization k: Int = 0, file: StaticString = #filePath, line: UInt = #line) throws {
        var dense = job, sliced = job
        dense.windowSolver = .dense
        sliced.windowSolver = .sparse
        XCTAssertTrue(try sliced.slicesWindow(), file: file, line: line)
        XCTAssertFalse(try dense.slicesWindow(), file: file, line: line)
        let a = try dense.record(realization: k).values, b = try sliced.record(realization: k).values
        XCTAssertEqual(Set(a.keys), Set(b.keys), file: file, line: line)
        for (key, x) in a {
            let y = try XCTUnwrap(b[key], file: file, line: line)
            XCTAssertEqual(x.count, y.count, key, file: file, line: line)
            for (p, q) in zip(x, y) {
                XCTAssertEqual(p, q, accuracy: 1e-10 * max(abs(p), 1e-300), "\(key)", file: file, line: line)
            }
        }
    }

    func testSameStatesAndVectorsAsDenseFromL10ToL14() throws {
        try requireWorker(job(length: 10, disorder: 1))
        for seed: UInt64 in [1, 2, 3] { try compareWindows(job(length: 10, disorder: 1, seed: seed)) }
        try compareWindows(job(length: 12, disorder: 5))
        try compareWindows(job(length: 14, disorder: 1))
    }

    func testSameObservablesAsDenseWindow() throws {
        try requireWorker(job(length: 10, disorder: 1))
        try compareRecords(job(length: 10, disorder: 1))
        try compareRecords(job(length: 12, disorder: 3), realization: 2)
        try compareRecords(job(length: 12, disorder: 1, observables: [.matrixElements, .criterion]))
    }

    /// Wide criterion window (many partners beyond the middle third) and no criterion (no pad).
    func testPadsAndWindowsWithoutCriterion() throws {
        var wide = job(length: 10, disorder: 2)
        try requireWorker(wide)
        wide.settings.criterionWindow = 3
        try compareWindows(wide)
        try compareWindows(job(length: 10, disorder: 2, observables: [.levelStatistics, .entanglement]))
        try compareWindows(job(length: 10, disorder: 2, observables: [.matrixElements]))
    }

    /// A first interval that misses the window's edges (its ends moved 40 states inwards, more
    /// than the model's margin) grows by further slices on both sides to the same window.
    func testIntervalGrowsWhenTheFirstGuessMissesTheWindow() throws {
        var j = job(length: 12, disorder: 1)
        try requireWorker(j)
        j.windowEngine.environment["PETSC_OPTIONS"] = "-resonance_slice_inset 40"
        try compareWindows(j)
        try compareWindows(j, realization: 1, parts: 2)
    }

    /// The cheaper Gram-Schmidt passes forced at L = 12, where they lose orthogonality (measured:
    /// residuals to 1e-4): the slices that fail the residual check are computed again with
    /// SLEPc's default, and the window is the dense one.
    func testSlicesFailingTheResidualCheckAreComputedAgain() throws {
        var j = job(length: 12, disorder: 1)
        try requireWorker(j)
        j.windowEngine.environment["PETSC_OPTIONS"] = "-resonance_slice_cheap_from 0"
        try compareWindows(j)
    }

    /// Two worker processes on the two halves of the window give the one-process window.
    func testPiecesJoinToTheWholeWindow() throws {
        let j = job(length: 12, disorder: 1)
        try requireWorker(j)
        try compareWindows(j, parts: 2)
        try compareWindows(j, parts: 3)
    }

    /// The worker's own guarantee, on an index window given directly: the states returned are
    /// consecutive from `firstIndex`, cover the window with at least one spare on each side, and
    /// number exactly the dense eigenvalues in the sliced interval [minimumEnergy, maximumEnergy].
    func testWorkerReturnsEveryStateOfTheInterval() throws {
        let j = job(length: 10, disorder: 1)
        try requireWorker(j)
        let fields = j.fields(realization: 0)
        let values = try j.problem.sectorSpectra(fields: fields, seed: j.seed, realization: 0)[0]
        for window in [30..<60, 0..<20, 200..<252, 100..<101] {
            var settings = SparseWindowSettings()
            settings.wantVectors = true
            settings.indexWindow = SparseIndexWindow(indices: window, spare: 4)
            let result = try XCTUnwrap(try j.windowEngine.solve(problem: j.problem, fields: fields, settings: settings))
            let inside = values.filter { $0 >= result.minimumEnergy && $0 <= result.maximumEnergy }.count
            XCTAssertEqual(result.energies.count, inside, "\(window)")
            XCTAssertLessThanOrEqual(result.firstIndex, max(0, window.lowerBound - 1), "\(window)")
            XCTAssertGreaterThanOrEqual(result.firstIndex + result.energies.count, min(values.count, window.upperBound + 1), "\(window)")
            for (k, e) in result.energies.enumerated() { XCTAssertEqual(e, values[result.firstIndex + k], accuracy: 1e-10 * 8, "\(window)") }
        }
    }

    /// The same seed gives the same numbers, bit for bit (SLEPc's start vector is seeded, MUMPS deterministic).
    func testSameSeedSameNumbers() throws {
        var j = job(length: 10, disorder: 1)
        try requireWorker(j)
        j.windowSolver = .sparse
        XCTAssertEqual(try j.record(realization: 1).values, try j.record(realization: 1).values)
    }

    /// `auto` falls back to the dense window when the worker fails; `sparse` reports the failure.
    func testAutoFallsBackWhenTheWorkerFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("failing-worker-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let worker = folder.appendingPathComponent("resonance-sparse-real")
        try "#!/bin/sh\necho 'a test worker that always fails' >&2\nexit 1\n".write(to: worker, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: worker.path)
        var j = job(length: 14, disorder: 1, observables: [.levelStatistics, .entanglement])
        j.windowEngine.workerDirectory = folder
        XCTAssertTrue(try j.slicesWindow(), "auto slices at D = 3432 when the worker is there")
        let record = try j.record(realization: 0)
        XCTAssertNotNil(record.values["r_mean"])
        j.windowSolver = .sparse
        XCTAssertThrowsError(try j.record(realization: 0)) { XCTAssertTrue("\($0)".contains("always fails"), "\($0)") }
    }

    func testSolverChoice() throws {
        var small = job(length: 10, disorder: 1)
        XCTAssertFalse(try small.slicesWindow(), "auto keeps the dense window below the crossover")
        small.windowSolver = .sparse
        XCTAssertNoThrow(try small.slicesWindow())
        var full = job(length: 10, disorder: 1, observables: [.levelStatistics, .spectral])
        full.windowSolver = .sparse
        XCTAssertThrowsError(try full.slicesWindow()) { XCTAssertTrue("\($0)".contains("--window-solver sparse")) }
        var problem = EDProblem(model: .heisenbergO3, length: 8, disorderStrength: 1)
        problem.probe = nil
        var complex = ExactRealization(problem: problem, observables: windowObservables, seed: 1)
        complex.windowSolver = .sparse
        XCTAssertThrowsError(try complex.slicesWindow())
    }
}
