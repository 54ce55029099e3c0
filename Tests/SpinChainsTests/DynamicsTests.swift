import ComplexModule
import NumericKit
import RealModule
import XCTest
@testable import SpinChains

/// Typicality, the Chebyshev and Krylov propagators, the kernel polynomial S(omega) and the
/// Floquet gate propagation, each against the dense engine (LAPACK eigensystems, dense U_F).
final class DynamicsTests: XCTestCase {
    func probeProblem(_ model: EDModelKind, length: Int, disorder: Double = 2) -> EDProblem {
        var problem = EDProblem(model: model, length: length, disorderStrength: disorder)
        problem.probe = problem.defaultProbe
        return problem
    }

    func maxDifference(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
        zip(a, b).map { ($0 - $1).length }.max() ?? 0
    }

    func testMatrixFreeProductEqualsDenseMatrix() throws {
        let problem = probeProblem(.heisenbergO3, length: 6)
        let fields = problem.drawFields(seed: 3, realization: 0)
        let op = try problem.hamiltonianOperator(fields: fields)
        let dense = op.denseMatrix(in: FullBasis(siteCount: 7))
        var generator = Xoshiro256StarStar(seed: 9)
        let x = StateVectors.haarRandom(dimension: 128, using: &generator)
        for threads in [1, 2] {
            let free = try MatrixFreeOperator(op, siteCount: 7, threads: threads)
            let y = free.applied(to: x)
            let reference = try matrixProduct(dense, .none, Matrix(rows: 128, columns: 1, elements: x), .none).elements
            XCTAssertLessThan(maxDifference(y, reference), 1e-12)
        }
    }

    /// The blocked product against the compressed-sparse-row product of the same operator (rows
    /// built from the Pauli strings independently) and the paired update against the row-by-row
    /// form, to 1e-12, with blocks smaller than the space (partners in other blocks, runs of 1 and
    /// more rows) and larger.
    func testBlockedProductEqualsStoredRowsAndRowByRowUpdate() throws {
        let problem = probeProblem(.heisenbergO3, length: 9)
        let op = try problem.hamiltonianOperator(fields: problem.drawFields(seed: 8, realization: 1))
        let d = 1 << 10
        let rows = op.sparseRows(in: FullBasis(siteCount: 10), rows: 0..<d, complex: true)
        var generator = Xoshiro256StarStar(seed: 4)
        let x1 = StateVectors.haarRandom(dimension: d, using: &generator), x2 = StateVectors.haarRandom(dimension: d, using: &generator)
        var stored = [Complex<Double>](repeating: .zero, count: d)
        for i in 0..<d {
            for k in Int(rows.rowOffsets[i])..<Int(rows.rowOffsets[i + 1]) {
                stored[i] += Complex(rows.values[2 * k], rows.values[2 * k + 1]) * x1[Int(rows.columns[k])]
            }
        }
        for (shift, threads) in [(2, 1), (5, 2), (12, 2)] {
            var free = try MatrixFreeOperator(op, siteCount: 10, threads: threads)
            free.blockShift = shift
            XCTAssertLessThan(maxDifference(free.applied(to: x1), stored), 1e-12, "block 2^\(shift)")
            func update(rowwise: Bool) -> [[Complex<Double>]] {
                var z1 = x2, z2 = x1, a1 = x1, a2 = x2
                z1.withUnsafeMutableBufferPointer { p1 in z2.withUnsafeMutableBufferPointer { p2 in
                a1.withUnsafeMutableBufferPointer { q1 in a2.withUnsafeMutableBufferPointer { q2 in
                    if rowwise {
                        free.rowwisePairedRecurrence(x1, x2, into: p1.baseAddress!, p2.baseAddress!, alpha: 0.3, beta: -0.2, gamma: -1,
                                                     accumulate: Complex(0.4, -0.7), into: q1.baseAddress!, q2.baseAddress!)
                    } else {
                        free.pairedRecurrence(x1, x2, into: p1.baseAddress!, p2.baseAddress!, alpha: 0.3, beta: -0.2, gamma: -1,
                                              accumulate: Complex(0.4, -0.7), into: q1.baseAddress!, q2.baseAddress!)
                    }
                } } } }
                return [z1, z2, a1, a2]
            }
            for (blocked, rowwise) in zip(update(rowwise: false), update(rowwise: true)) {
                XCTAssertLessThan(maxDifference(blocked, rowwise), 1e-12, "block 2^\(shift)")
            }
        }
    }

    /// The paired Chebyshev propagation of two states equals propagating each alone, to rounding.
    func testPairedChebyshevEqualsSinglePropagation() throws {
        let problem = probeProblem(.heisenbergO3, length: 5)
        let op = try problem.hamiltonianOperator(fields: problem.drawFields(seed: 2, realization: 0))
        let free = try MatrixFreeOperator(op, siteCount: 6, threads: 2)
        let interval = try SpectralInterval.estimate(free)
        var paired = ChebyshevPropagator(hamiltonian: free, interval: interval)
        var single = ChebyshevPropagator(hamiltonian: free, interval: interval)
        var generator = Xoshiro256StarStar(seed: 3)
        var a = StateVectors.haarRandom(dimension: 64, using: &generator), b = StateVectors.sigmaZ(a, site: 5)
        var a1 = a, b1 = b
        try paired.evolvePair(&a, &b, by: 7.5)
        try single.evolve(&a1, by: 7.5)
        try single.evolve(&b1, by: 7.5)
        XCTAssertLessThan(maxDifference(a, a1), 1e-13)
        XCTAssertLessThan(maxDifference(b, b1), 1e-13)
        XCTAssertEqual(paired.productCount, single.productCount)
    }

    func testBesselSequenceSumRuleAndKnownValue() {
        let j = besselSequence(10, count: 60)
        // J_0(10) = -0.2459357644513483 (Abramowitz & Stegun, Table 9.1); sum J_0 + 2 sum J_2k = 1 by construction,
        // and sum_n J_n^2 (n in Z) = 1 is independent of it.
        XCTAssertEqual(j[0], -0.2459357644513483, accuracy: 1e-14)
        let squares = j[0] * j[0] + 2 * j.dropFirst().reduce(0) { $0 + $1 * $1 }
        XCTAssertEqual(squares, 1, accuracy: 1e-13)
    }

    /// Chebyshev, Krylov and dense exp(-iHt) on one state, Jt up to 10^3.
    func testChebyshevKrylovAndDenseAgreeUpToLongTimes() throws {
        let problem = probeProblem(.heisenbergO3, length: 5)
        let fields = problem.drawFields(seed: 11, realization: 2)
        let op = try problem.hamiltonianOperator(fields: fields)
        var dense = try DenseStatePropagator(hamiltonian: op.denseMatrix(in: FullBasis(siteCount: 6)))
        let free = try MatrixFreeOperator(op, siteCount: 6)
        var chebyshev = ChebyshevPropagator(hamiltonian: free, interval: try SpectralInterval.estimate(free))
        var krylov = KrylovPropagator(hamiltonian: free, krylovDimension: 40)
        var generator = Xoshiro256StarStar(seed: 5)
        let psi = StateVectors.haarRandom(dimension: 64, using: &generator)
        let norm = StateVectors.normSquared(psi).squareRoot()
        let start = psi.map { $0 * Complex(1 / norm) }
        var a = start, b = start
        var now = 0.0
        for t in [1.0, 10, 100, 1000] {
            try chebyshev.evolve(&a, by: t - now)
            try krylov.evolve(&b, by: t - now)
            now = t
            var exact = start
            try dense.evolve(&exact, by: t)
            XCTAssertLessThan(maxDifference(a, exact), 1e-10, "Chebyshev at Jt = \(t)")
            XCTAssertLessThan(maxDifference(b, exact), 1e-10, "Krylov at Jt = \(t)")
        }
    }

    func denseAutocorrelation(_ problem: EDProblem, fields: DisorderFields, site: Int, times: [Double]) throws -> [Double] {
        let eigenstates = try problem.eigenstates(fields: fields)
        let weights = try SpectralWeights(operator: PauliString(.z, at: site), eigenstates: eigenstates)
        return try SpinAutocorrelation(weights, times: times).values
    }

    /// Haar-random states: within 4 standard errors of the trace (the bound 1/sqrt(R (D + 1))).
    func testTypicalityAgreesWithDenseWithinItsErrorBar() throws {
        var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 8), method: .chebyshev)
        dynamics.threads = 2
        let fields = dynamics.problem.drawFields(seed: 1, realization: 0)
        let times = [0.0, 0.5, 2, 10, 40]
        let exact = try denseAutocorrelation(dynamics.problem, fields: fields, site: dynamics.operatorSite, times: times)
        let r = 3
        var sum = [Double](repeating: 0, count: times.count)
        for k in 0..<r {
            var propagator = try dynamics.propagator(fields: fields)
            let values = try TypicalAutocorrelation.values(state: dynamics.randomState(seed: 1, realization: 0, index: k),
                                                           site: dynamics.operatorSite, times: times, propagator: &propagator)
            for i in times.indices { sum[i] += values[i] / Double(r) }
        }
        let bar = TypicalAutocorrelation.typicalityError(dimension: dynamics.dimension) / Double(r).squareRoot()
        for i in times.indices {
            XCTAssertEqual(sum[i], exact[i], accuracy: 4 * bar, "t = \(times[i])")
        }
        XCTAssertEqual(sum[0], 1, accuracy: 1e-12)   // C(0) = <psi|A^2|psi>/<psi|psi> = 1 exactly
    }

    /// Over a full orthonormal basis the average is the trace: equal to the dense C(t) to 1e-10.
    func testFullBasisAverageEqualsDenseAutocorrelation() throws {
        for method in PropagationMethod.allCases {
            let dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 5), method: method)
            let fields = dynamics.problem.drawFields(seed: 4, realization: 1)
            let times = [0.3, 1, 3, 8]
            let exact = try denseAutocorrelation(dynamics.problem, fields: fields, site: dynamics.operatorSite, times: times)
            var sum = [Double](repeating: 0, count: times.count)
            var propagator = try dynamics.propagator(fields: fields)
            for j in 0..<dynamics.dimension {
                let values = try TypicalAutocorrelation.values(state: StateVectors.basisVector(j, dimension: dynamics.dimension),
                                                               site: dynamics.operatorSite, times: times, propagator: &propagator)
                for i in times.indices { sum[i] += values[i] / Double(dynamics.dimension) }
            }
            for i in times.indices { XCTAssertEqual(sum[i], exact[i], accuracy: 1e-10, "\(method) t = \(times[i])") }
        }
    }

    /// Over a full basis the kernel polynomial moments equal sum_ab |A_ab|^2 T_n(x_a) T_m(x_b) / D from LAPACK.
    func testKernelPolynomialMomentsEqualDenseMoments() throws {
        let dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 5), method: .chebyshev)
        let fields = dynamics.problem.drawFields(seed: 2, realization: 3)
        let h = try dynamics.hamiltonian(fields: fields)
        let interval = try SpectralInterval.estimate(h)
        let order = 24
        var moments = Matrix<Double>.zeros(rows: order, columns: order)
        for j in 0..<dynamics.dimension {
            let m = try KernelPolynomialSpectralFunction.moments(state: StateVectors.basisVector(j, dimension: dynamics.dimension),
                                                                site: dynamics.operatorSite, hamiltonian: h, interval: interval, order: order)
            for k in moments.elements.indices { moments.elements[k] += m.elements[k] / Double(dynamics.dimension) }
        }
        let eigenstates = try dynamics.problem.eigenstates(fields: fields)
        let weights = try SpectralWeights(operator: PauliString(.z, at: dynamics.operatorSite), eigenstates: eigenstates)
        let block = weights.blocks[0]
        let x = block.energies.map { ($0 - interval.center) / interval.halfWidth }
        XCTAssertLessThan(x.map(abs).max()!, 1, "the interval holds the spectrum")
        let t = x.map { xa in (0..<order).map { Double.cos(Double($0) * Double.acos(xa)) } }
        for n in 0..<order {
            for m in 0..<order {
                var exact = 0.0
                for a in x.indices { for b in x.indices { exact += block.weights[a, b] * t[a][n] * t[b][m] } }
                XCTAssertEqual(moments[n, m], exact, accuracy: 1e-10, "mu_\(n)\(m)")
            }
        }
    }

    /// integral S d omega = mu_00 = (1/D) tr A^2 = 1, to the quadrature's truncation error.
    func testKernelPolynomialSpectralFunctionSumRule() throws {
        let dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 7), method: .chebyshev)
        let fields = dynamics.problem.drawFields(seed: 8, realization: 0)
        let h = try dynamics.hamiltonian(fields: fields)
        let interval = try SpectralInterval.estimate(h)
        let moments = try KernelPolynomialSpectralFunction.moments(state: dynamics.randomState(seed: 8, realization: 0, index: 0),
                                                                  site: dynamics.operatorSite, hamiltonian: h, interval: interval, order: 64)
        XCTAssertEqual(moments[0, 0], 1, accuracy: 1e-12)
        let kpm = KernelPolynomialSpectralFunction(interval: interval, moments: moments)
        let top = 2 * interval.halfWidth
        let count = 2000
        let step = top / Double(count)
        let omegas = (0...count).map { Double($0) * step }
        let s = try kpm.density(at: omegas)
        XCTAssertGreaterThan(s.min()!, -1e-3, "Jackson-damped S stays non-negative up to rounding")
        // Both signs of omega: 2 * integral_0^top by the trapezoid rule.
        var integral = 0.0
        for k in 0..<count { integral += (s[k] + s[k + 1]) / 2 * step }
        XCTAssertEqual(2 * integral, moments[0, 0], accuracy: 5e-3)
    }

    /// Stroboscopic gates against the dense U (with the probe), over 1 and 25 periods.
    func testFloquetGatesEqualDenseFloquetOperator() throws {
        var problem = probeProblem(.floquetO3, length: 5, disorder: 1.5)
        problem.driveFrequency = 5
        let fields = problem.drawFields(seed: 6, realization: 0)
        let chain = FloquetO3Chain(interaction: problem.interaction, disorderStrength: problem.disorderStrength,
                                   driveFrequency: problem.driveFrequency, fieldVectors: fields.vectors!, boundary: problem.boundary)
        let u = chain.floquetOperator(couplingPropagator: try CouplingPropagator(key: chain.propagatorKey), probe: problem.probe!)
        var propagator = try FloquetStatePropagator(chain: chain, probe: problem.probe)
        var generator = Xoshiro256StarStar(seed: 1)
        let psi = StateVectors.haarRandom(dimension: 64, using: &generator)
        var exact = Matrix(rows: 64, columns: 1, elements: psi)
        var state = psi
        for periods in 1...25 {
            exact = try matrixProduct(u, .none, exact, .none)
            try propagator.evolve(&state, by: 1)
            if periods == 1 || periods == 25 {
                XCTAssertLessThan(maxDifference(state, exact.elements), 1e-10, "after \(periods) periods")
            }
        }
    }

    func testMemoryEstimateCountsTheVectors() {
        var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 20), method: .chebyshev)
        // phi, chi, three Chebyshev vectors for each (16 bytes per entry) and the diagonal (8): 136 D bytes.
        XCTAssertEqual(dynamics.memoryEstimate, 136 * Double(1 << 21))
        dynamics.method = .krylov
        dynamics.krylovDimension = 30
        XCTAssertEqual(dynamics.memoryEstimate, Double(1 << 21) * (16 * 34 + 8))
    }
}
