import ComplexModule
import NumericKit
import RealModule
import XCTest
@testable import SpinChains

/// Eigen-residuals, orthonormality and unitarity of the diagonalizations, at sizes where LAPACK's
/// backward error (~ D eps) stays well below the 1e-12 tolerance.
final class ResidualTests: XCTestCase {
    let tolerance = 1e-12

    func testXXZSectorEigensystemResiduals() throws {
        var g = disorderGenerator(seed: 11, realization: 0)
        let chain = XXZChain(fields: drawLongitudinalFields(length: 10, strength: 3, using: &g))
        let h = chain.hamiltonian.denseRealMatrix(in: MagnetizationSector(chainLength: 10, downSpins: 5))
        for driver in [SelfAdjointEigenDriver.divideAndConquer, .relativelyRobust] {
            let system = try symmetricEigensystem(h, driver: driver)
            let r = try residuals(of: h, system)
            print("residuals D=\(h.rows) \(driver): \(r)")
            XCTAssertLessThan(r.eigenResidual, tolerance, "\(driver)")
            XCTAssertLessThan(r.orthonormalityDefect, tolerance, "\(driver)")
            XCTAssertEqual(system.values, system.values.sorted())
        }
    }

    func testHeisenbergO3WithProbeEigensystemResiduals() throws {
        var g = disorderGenerator(seed: 12, realization: 0)
        let chain = HeisenbergO3Chain(disorderStrength: 4, fieldVectors: drawFieldVectors(length: 7, distribution: .gaussian, using: &g))
        let probe = ProbeSpin(field: 4, couplingStrength: 1)
        let h = (chain.hamiltonian + probe.terms(chainLength: 7)).denseMatrix(in: FullBasis(siteCount: 8))
        for driver in [SelfAdjointEigenDriver.divideAndConquer, .relativelyRobust] {
            let system = try hermitianEigensystem(h, driver: driver)
            let r = try residuals(of: h, system)
            print("residuals D=\(h.rows) \(driver): \(r)")
            XCTAssertLessThan(r.eigenResidual, tolerance, "\(driver)")
            XCTAssertLessThan(r.orthonormalityDefect, tolerance, "\(driver)")
        }
        // Values-only drivers give the same spectrum.
        let values = try hermitianEigenvalues(h)
        let reference = try hermitianEigensystem(h).values
        XCTAssertLessThan(zip(values, reference).map { abs($0 - $1) }.max()!, 1e-12)
    }

    func testFloquetO3WithProbeIsUnitaryAndItsSchurVectorsDiagonalizeIt() throws {
        var g = disorderGenerator(seed: 13, realization: 0)
        let chain = FloquetO3Chain(disorderStrength: 2, driveFrequency: 3,
                                   fieldVectors: drawFieldVectors(length: 7, distribution: .sphere, using: &g))
        let u = chain.floquetOperator(couplingPropagator: try CouplingPropagator(key: chain.propagatorKey),
                                      probe: ProbeSpin(field: 2, couplingStrength: 1))
        XCTAssertLessThan(try unitarityDefect(u), tolerance)
        let system = try floquetEigensystem(u, period: chain.period)
        let r = try residuals(of: u, system, period: chain.period)
        print("residuals Floquet D=\(u.rows): \(r), unitarity \(try unitarityDefect(u))")
        XCTAssertLessThan(r.eigenResidual, tolerance)
        XCTAssertLessThan(r.orthonormalityDefect, tolerance)
        XCTAssertLessThan(system.departureFromNormality, tolerance)
        let halfOmega = 1.5
        XCTAssertTrue(system.quasiEnergies.allSatisfy { $0 > -halfOmega && $0 <= halfOmega })
        XCTAssertEqual(system.quasiEnergies, system.quasiEnergies.sorted())
    }

    /// A unitary `Q diag(e^{i phi}) Q^dagger` in a random basis, two eigenphases 1e-13 apart:
    /// the Schur vectors must still be orthonormal eigenvectors.
    func testSchurVectorsAreOrthonormalForNearlyDegenerateEigenphases() throws {
        let d = 64
        var g = Xoshiro256StarStar(seed: 14)
        var a = Matrix<Complex<Double>>.zeros(rows: d, columns: d)
        for j in 0..<d {
            for i in 0...j {
                let z = i == j ? Complex(g.nextGaussian(), 0) : Complex(g.nextGaussian(), g.nextGaussian())
                a[i, j] = z
                a[j, i] = z.conjugate
            }
        }
        let q = try hermitianEigensystem(a).vectors   // a random unitary basis
        var phases = (0..<d).map { _ in g.nextUniform(in: -Double.pi, Double.pi) }
        phases[1] = phases[0] + 1e-13
        phases[3] = phases[2] - 3e-14
        var qd = q
        for (k, phi) in phases.enumerated() {
            let e = Complex(Double.cos(phi), Double.sin(phi))
            for i in 0..<d { qd[i, k] = qd[i, k] * e }
        }
        let u = try matrixProduct(qd, .none, q, .adjoint)
        let schur = try schurDecomposition(u)
        let r = try residuals(of: u, eigenvalues: schur.eigenvalues, vectors: schur.schurVectors)
        print("residuals nearly degenerate Schur D=\(d): \(r)")
        XCTAssertLessThan(r.eigenResidual, tolerance)
        XCTAssertLessThan(r.orthonormalityDefect, tolerance)
        // The eigenvalues are the prescribed ones.
        let found = schur.eigenvalues.map { Double.atan2(y: $0.imaginary, x: $0.real) }.sorted()
        XCTAssertLessThan(zip(found, phases.sorted()).map { abs($0 - $1) }.max()!, 1e-12)
        // The pair 1e-13 apart really is resolved into two orthogonal vectors of the 2D eigenspace:
        // projecting them onto span(q_0, q_1) keeps their norm.
        let close = schur.eigenvalues.indices.filter {
            (schur.eigenvalues[$0] - Complex(Double.cos(phases[0]), Double.sin(phases[0]))).length < 1e-10
        }
        XCTAssertEqual(close.count, 2)
        for k in close {
            var weight = 0.0
            for basisVector in [0, 1] {
                var overlap = Complex<Double>.zero
                for i in 0..<d { overlap += q[i, basisVector].conjugate * schur.schurVectors[i, k] }
                weight += overlap.lengthSquared
            }
            XCTAssertEqual(weight, 1, accuracy: 1e-12)
        }
    }

    /// H_J is diagonalised once per (L, J, boundary), whatever the disorder or the frequency.
    func testCouplingSpectrumIsDiagonalizedOncePerChain() throws {
        let cache = CouplingPropagatorCache()
        var problem = EDProblem(model: .floquetO3, length: 5, disorderStrength: 1)
        for (realization, omega) in [(0, 2.0), (1, 2.0), (2, 3.0)] {
            problem.driveFrequency = omega
            let fields = problem.drawFields(seed: 1, realization: UInt64(realization))
            _ = try problem.spectrum(fields: fields, propagators: cache)
        }
        XCTAssertEqual(cache.diagonalizationCount, 1)
        problem.interaction = 0.5
        _ = try problem.spectrum(fields: problem.drawFields(seed: 1, realization: 0), propagators: cache)
        XCTAssertEqual(cache.diagonalizationCount, 2)
    }
}
