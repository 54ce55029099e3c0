import ComplexModule
import Foundation
import NumericKit
import SpinChains
import XCTest
@testable import Studies

/// The PETSc engine of `ed dynamics` (the Chebyshev recurrence on the Hamiltonian as a distributed
/// PETSc matrix, in the sparse worker) against the matrix-free engine in this process: the same
/// Haar-random states, `C(t)` to 1e-10 up to Jt = 10^3, on 1 and 2 MPI ranks, in the complex
/// build (heisenberg-o3) and the real one (xxz, a complex vector as two real ones).
final class SparseDynamicsTests: XCTestCase {
    func probeProblem(_ model: EDModelKind, length: Int) -> EDProblem {
        var problem = EDProblem(model: model, length: length, disorderStrength: 2)
        problem.probe = problem.defaultProbe
        return problem
    }

    /// `C(t)` of state `index` of realization `realization` by the matrix-free Chebyshev propagator.
    func matrixFree(_ dynamics: DynamicsProblem, fields: DisorderFields, seed: UInt64, index: Int, times: [Double]) throws -> [Double] {
        let h = try dynamics.hamiltonian(fields: fields)
        var propagator = ChebyshevPropagator(hamiltonian: h, interval: try SpectralInterval.estimate(h))
        let psi = dynamics.randomState(seed: seed, realization: 0, index: index)
        return try TypicalAutocorrelation.values(state: psi, site: dynamics.operatorSite, times: times, propagator: &propagator)
    }

    func petsc(_ dynamics: DynamicsProblem, fields: DisorderFields, seed: UInt64, states: Int, times: [Double], ranks: Int) throws -> SparsePropagationResult {
        let engine = SparseWindowEngine(launch: ranks > 1 ? .mpirun(ranks: ranks) : .singleton)
        let job = SparsePropagationJob(problem: dynamics.problem, fields: fields, seed: seed, realization: 0, states: states,
                                       site: dynamics.operatorSite, times: times)
        return try XCTUnwrap(try engine.propagate(job))
    }

    func testPETScEngineEqualsMatrixFreeUpToLongTimes() throws {
        let dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 8), method: .chebyshev)
        let fields = dynamics.problem.drawFields(seed: 4, realization: 0)
        let times = [0.0, 0.5, 3, 10, 100, 1000]
        let reference = try matrixFree(dynamics, fields: fields, seed: 7, index: 0, times: times)
        let one = try petsc(dynamics, fields: fields, seed: 7, states: 1, times: times, ranks: 1)
        XCTAssertEqual(one.values.count, 1)
        XCTAssertEqual(one.values[0][0], 1, accuracy: 1e-14)   // C(0) = <psi|A^2|psi>/<psi|psi> = 1
        for (k, t) in times.enumerated() { XCTAssertEqual(one.values[0][k], reference[k], accuracy: 1e-10, "Jt = \(t)") }
        XCTAssertGreaterThan(one.products, 0)
        XCTAssertEqual(one.dimension, 512)
    }

    func testTwoRanksEqualOneRank() throws {
        let dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 9), method: .chebyshev)
        let fields = dynamics.problem.drawFields(seed: 5, realization: 0)
        let times = [0.0, 1, 10, 100]
        let one = try petsc(dynamics, fields: fields, seed: 3, states: 2, times: times, ranks: 1)
        let two = try petsc(dynamics, fields: fields, seed: 3, states: 2, times: times, ranks: 2)
        XCTAssertEqual(two.ranks, 2)
        for s in 0..<2 { for k in times.indices { XCTAssertEqual(two.values[s][k], one.values[s][k], accuracy: 1e-10) } }
        // The second state is the matrix-free engine's second state.
        let reference = try matrixFree(dynamics, fields: fields, seed: 3, index: 1, times: times)
        for k in times.indices { XCTAssertEqual(two.values[1][k], reference[k], accuracy: 1e-10) }
    }

    /// xxz with a sigma^x probe coupling is real: the real build, each complex vector as two real ones.
    func testRealBuildEqualsMatrixFree() throws {
        var problem = probeProblem(.xxz, length: 8)
        problem.magnetization = .fullSpace
        XCTAssertTrue(problem.hasRealHamiltonian)
        let dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        let fields = problem.drawFields(seed: 6, realization: 0)
        let times = [0.0, 2, 50, 200]
        let reference = try matrixFree(dynamics, fields: fields, seed: 9, index: 0, times: times)
        let result = try petsc(dynamics, fields: fields, seed: 9, states: 1, times: times, ranks: 2)
        for k in times.indices { XCTAssertEqual(result.values[0][k], reference[k], accuracy: 1e-10) }
    }

    /// A run on the PETSc engine writes the records of the matrix-free run (same seed, same states).
    func testRunOnPETScEngineMatchesMatrixFreeRun() throws {
        var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 6), method: .chebyshev)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparse-dynamics-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let times = [0.0, 1, 5]
        let free = DynamicsRun(dynamics: dynamics, times: times, states: 2, realizations: 1, seed: 2, directory: directory)
        dynamics.engine = .petsc
        let sparse = DynamicsRun(dynamics: dynamics, times: times, states: 2, realizations: 1, seed: 2, directory: directory)
        let a = try free.realization(0), b = try sparse.realization(0)
        for (x, y) in zip(try XCTUnwrap(a.values["czz"]), try XCTUnwrap(b.values["czz"])) { XCTAssertEqual(x, y, accuracy: 1e-10) }
    }

    func testUnsupportedCombinationsAreRefused() {
        var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 6), method: .krylov)
        dynamics.engine = .petsc
        XCTAssertEqual(dynamics.unsupportedReason?.contains("--method chebyshev"), true)
        dynamics.method = .chebyshev
        dynamics.kernelOrder = 16
        XCTAssertEqual(dynamics.unsupportedReason?.contains("--kpm-order"), true)
        var floquet = DynamicsProblem(problem: EDProblem(model: .floquetO3, length: 6, disorderStrength: 2), method: .chebyshev)
        floquet.engine = .petsc
        XCTAssertEqual(floquet.unsupportedReason?.contains("floquet-o3"), true)
    }
}
