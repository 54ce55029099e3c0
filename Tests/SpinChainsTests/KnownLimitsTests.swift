import ComplexModule
import Foundation
import NumericKit
import RealModule
import XCTest
@testable import SpinChains

/// Limits with answers known independently of the engine.
final class KnownLimitsTests: XCTestCase {
    /// Ground-state energies of the clean periodic Heisenberg ring, from the numpy brute force in
    /// Reference/heisenberg_ring_ground_states.py (its committed output), and E0 = -2J at L = 4.
    func testCleanHeisenbergRingGroundStates() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/heisenberg_ring_ground_states.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let energies = json["ground_state_energy"] as! [String: Double]
        XCTAssertEqual(energies["4"], -2.0)
        for (key, expected) in energies {
            let l = Int(key)!
            var problem = EDProblem(model: .xxz, length: l, disorderStrength: 0)
            problem.magnetization = .sector(0)   // the ground state of an even ring has S^z = 0
            let spectrum = try problem.spectrum(fields: DisorderFields(longitudinal: Array(repeating: 0, count: l)))
            XCTAssertEqual(spectrum[0], expected, accuracy: 1e-11, "L = \(l)")
            // The same ring written as heisenberg-o3 with W = 0: (J/2) sigma.sigma = 2 S.S.
            if l <= 8 {
                var o3 = EDProblem(model: .heisenbergO3, length: l, disorderStrength: 0)
                o3.interaction = 0.5
                let zero = DisorderFields(vectors: Array(repeating: SIMD3(0, 0, 0), count: l))
                XCTAssertEqual(try o3.spectrum(fields: zero)[0], expected, accuracy: 1e-11, "L = \(l)")
            }
        }
        // Closed form for L = 3: S_total^2 eigenvalues give E = J/2 (S^2 - 9/4): E0 = -3J/4.
        var three = EDProblem(model: .xxz, length: 3, disorderStrength: 0)
        three.magnetization = .fullSpace
        XCTAssertEqual(try three.spectrum(fields: DisorderFields(longitudinal: [0, 0, 0]))[0], -0.75, accuracy: 1e-13)
    }

    /// Sorted sums of independent single-spin levels `sum_n s_n e_n`, `s_n = +-1`.
    func freeSpectrum(_ levels: [Double]) -> [Double] {
        (0..<(1 << levels.count)).map { state in
            levels.enumerated().reduce(0) { $0 + ((state >> $1.offset) & 1 == 0 ? $1.element : -$1.element) }
        }.sorted()
    }

    func testFreeSpinsAtZeroCoupling() throws {
        let l = 6
        var xxz = EDProblem(model: .xxz, length: l, disorderStrength: 3)
        xxz.interaction = 0
        let h = xxz.drawFields(seed: 5, realization: 2)
        XCTAssertEqual(try xxz.spectrum(fields: h), freeSpectrum(h.longitudinal!.map { $0 / 2 }), accuracy: 1e-12)

        var o3 = EDProblem(model: .heisenbergO3, length: l, disorderStrength: 3)
        o3.interaction = 0
        let v = o3.drawFields(seed: 5, realization: 3)
        let lengths = v.vectors!.map { (($0 * $0).sum()).squareRoot() }
        XCTAssertEqual(try o3.spectrum(fields: v), freeSpectrum(lengths.map { 1.5 * $0 }), accuracy: 1e-12)
    }

    /// Floquet at J = 0: U_F is a product of single-site rotations, so its quasi-energies are the
    /// folded sums of single-spin quasi-energies `+-W |v_n|`, and its matrix is the Kronecker
    /// product of the 2x2 gates.
    func testFloquetFactorizesAtZeroCoupling() throws {
        let l = 5
        var problem = EDProblem(model: .floquetO3, length: l, disorderStrength: 0.9)
        problem.interaction = 0
        problem.driveFrequency = 2.2
        let fields = problem.drawFields(seed: 6, realization: 0)
        let period = problem.period
        let omega = 2.2
        func fold(_ e: Double) -> Double {
            var x = e.truncatingRemainder(dividingBy: omega)
            if x > omega / 2 { x -= omega }
            if x <= -omega / 2 { x += omega }
            return x
        }
        // exp(-i W T/2 v.sigma) over a half period: quasi-energy +-W|v|/2 per full period.
        let levels = fields.vectors!.map { 0.9 * (($0 * $0).sum()).squareRoot() / 2 }
        let expected = freeSpectrum(levels).map(fold).sorted()
        XCTAssertEqual(try problem.spectrum(fields: fields), expected, accuracy: 1e-11)

        let chain = FloquetO3Chain(interaction: 0, disorderStrength: 0.9, driveFrequency: omega, fieldVectors: fields.vectors!)
        let u = chain.floquetOperator(couplingPropagator: try CouplingPropagator(key: chain.propagatorKey))
        var product = DenseOperator.identity(1)
        for n in stride(from: l - 1, through: 0, by: -1) {
            let v = fields.vectors![n]
            let generator = v.x * TextbookPauli.x + v.y * TextbookPauli.y + v.z * TextbookPauli.z
            product = product.kron(generator.exponential(Complex(0, -0.9 * period / 2)))
        }
        XCTAssertLessThan(product.maxDifference(u), 1e-12)
    }

    func testSectorSpectraAreTheMatchingPartsOfTheFullSpectrum() throws {
        let l = 8
        var problem = EDProblem(model: .xxz, length: l, disorderStrength: 2)
        problem.anisotropy = 0.7
        let fields = problem.drawFields(seed: 7, realization: 1)
        problem.magnetization = .fullSpace
        let full = try problem.spectrum(fields: fields)
        problem.magnetization = .allSectors
        XCTAssertEqual(try problem.spectrum(fields: fields), full, accuracy: 1e-11)

        // Each full-space eigenvector has a definite S^z; those with S^z = 1 are sector S^z = 1.
        let chain = XXZChain(anisotropy: 0.7, fields: fields.longitudinal!)
        let system = try symmetricEigensystem(chain.hamiltonian.denseRealMatrix(in: FullBasis(siteCount: l)))
        let matching = system.values.indices.filter { k in
            var sz = 0.0
            for s in 0..<(1 << l) {
                let w = system.vectors[s, k] * system.vectors[s, k]
                sz += w * (Double(l) / 2 - Double(s.nonzeroBitCount))
            }
            return abs(sz - 1) < 1e-8
        }.map { system.values[$0] }
        problem.magnetization = .sector(1)
        XCTAssertEqual(try problem.spectrum(fields: fields), matching, accuracy: 1e-11)
    }

    /// `H_pauli(J, h) = 4 H_spin(J, h/2)`: the Pauli-convention spectrum is 4 times the spin one
    /// with halved fields.
    func testSpinAndPauliConventionsDifferByTheStatedFactors() throws {
        let l = 8
        var problem = EDProblem(model: .xxz, length: l, disorderStrength: 3)
        problem.magnetization = .sector(0)
        let fields = problem.drawFields(seed: 8, realization: 0)
        problem.convention = .pauli
        let pauli = try problem.spectrum(fields: fields)
        problem.convention = .spin
        let spin = try problem.spectrum(fields: DisorderFields(longitudinal: fields.longitudinal!.map { $0 / 2 }))
        XCTAssertEqual(pauli, spin.map { 4 * $0 }, accuracy: 1e-11)
    }

    /// A probe coupled by sigma^z_0 conserves the chain's S^z: the sectors (x) probe together give
    /// the full-space spectrum.
    func testProbeSectorsWithSigmaZCouplingCoverTheFullSpace() throws {
        var problem = EDProblem(model: .xxz, length: 6, disorderStrength: 2)
        problem.probe = ProbeSpin(field: 1.4, couplingStrength: 0.6, coupling: .z)
        let fields = problem.drawFields(seed: 10, realization: 0)
        problem.magnetization = .fullSpace
        let full = try problem.spectrum(fields: fields)
        XCTAssertEqual(full.count, 128)
        problem.magnetization = .allSectors
        XCTAssertEqual(try problem.spectrum(fields: fields), full, accuracy: 1e-12)
        problem.probe = ProbeSpin(field: 1.4, couplingStrength: 0.6, coupling: .x)
        XCTAssertThrowsError(try problem.spectrum(fields: fields))
    }

    /// A probe with zero coupling only adds +-h/2 to every level.
    func testDecoupledProbeSplitsEveryLevel() throws {
        var problem = EDProblem(model: .heisenbergO3, length: 5, disorderStrength: 2)
        let fields = problem.drawFields(seed: 9, realization: 0)
        let bare = try problem.spectrum(fields: fields)
        problem.probe = ProbeSpin(field: 0.8, couplingStrength: 0)
        let split = (bare.map { $0 + 0.4 } + bare.map { $0 - 0.4 }).sorted()
        XCTAssertEqual(try problem.spectrum(fields: fields), split, accuracy: 1e-12)
    }
}

func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, _ message: String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "lengths differ " + message, file: file, line: line)
    let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    XCTAssertLessThanOrEqual(worst, accuracy, message, file: file, line: line)
}
