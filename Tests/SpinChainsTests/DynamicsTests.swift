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

    /// The split-complex kernel against the interleaved blocked one (the reference): the same
    /// update on random vectors to 1e-12 relative, at 6 to 14 sites (heisenberg-o3 + probe, and
    /// xxz + probe at 11, whose flip groups are all real), with split blocks from one super-chunk
    /// of 2^6 rows (groups flipping bits above the block, lane permutations, chunk flips inside
    /// the super-chunk) to the whole space, with and without the whole-block groups listed per
    /// block, on 1 and 2 threads, with and without `gamma` and the sum.
    func testSplitKernelEqualsInterleavedKernel() throws {
        for (model, sites) in [(EDModelKind.heisenbergO3, 6), (.heisenbergO3, 8), (.heisenbergO3, 11), (.xxz, 11), (.heisenbergO3, 14)] {
            let problem = probeProblem(model, length: sites - 1)
            let op = try problem.hamiltonianOperator(fields: problem.drawFields(seed: UInt64(sites), realization: 0))
            let d = 1 << sites
            var generator = Xoshiro256StarStar(seed: UInt64(40 + sites))
            let x = StateVectors.haarRandom(dimension: d, using: &generator), z0 = StateVectors.haarRandom(dimension: d, using: &generator)
            let acc0 = StateVectors.haarRandom(dimension: d, using: &generator)
            for (shift, threads, fusing) in [(6, 1, true), (7, 2, true), (6, 2, false), (8, 2, true), (sites, 2, true), (sites, 1, false)] {
                var free = try MatrixFreeOperator(op, siteCount: sites, threads: threads)
                free.splitBlockShift = shift
                free.splitFusesWholeBlockGroups = fusing
                for (gamma, accumulating) in [(-1.0, true), (0.0, false)] {
                    var z = z0, acc = acc0
                    z.withUnsafeMutableBufferPointer { zp in acc.withUnsafeMutableBufferPointer { ap in
                        free.recurrence(x, into: zp.baseAddress!, alpha: 0.3, beta: -0.2, gamma: gamma, accumulate: Complex(0.4, -0.7),
                                        into: accumulating ? ap.baseAddress! : nil)
                    } }
                    var xr = x.map(\.real), xi = x.map(\.imaginary)
                    var zr = z0.map(\.real), zi = z0.map(\.imaginary), ar = acc0.map(\.real), ai = acc0.map(\.imaginary)
                    if gamma == 0 { zr = Array(repeating: .nan, count: d); zi = zr }   // not read with gamma = 0
                    xr.withUnsafeMutableBufferPointer { xrp in xi.withUnsafeMutableBufferPointer { xip in
                    zr.withUnsafeMutableBufferPointer { zrp in zi.withUnsafeMutableBufferPointer { zip in
                    ar.withUnsafeMutableBufferPointer { arp in ai.withUnsafeMutableBufferPointer { aip in
                        free.splitRecurrence(xrp.baseAddress!, xip.baseAddress!, into: zrp.baseAddress!, zip.baseAddress!,
                                             alpha: 0.3, beta: -0.2, gamma: gamma, accumulate: Complex(0.4, -0.7),
                                             into: accumulating ? arp.baseAddress! : nil, accumulating ? aip.baseAddress! : nil)
                    } } } } } }
                    let scale = z.map(\.length).max()!
                    let splitZ = (0..<d).map { Complex(zr[$0], zi[$0]) }, splitAcc = (0..<d).map { Complex(ar[$0], ai[$0]) }
                    XCTAssertLessThan(maxDifference(splitZ, z) / scale, 1e-12, "\(model) \(sites) sites, blocks 2^\(shift), gamma \(gamma)")
                    XCTAssertLessThan(maxDifference(splitAcc, acc) / acc.map(\.length).max()!, 1e-12, "\(model) \(sites) sites, blocks 2^\(shift)")
                }
            }
        }
    }

    /// One state propagated with the split kernel (blocks of 2^6 rows) and with the interleaved
    /// one agree to 1e-10, and both with dense exp(-iHt), up to Jt = 10^3 at L = 6 + P.
    func testSplitChebyshevEqualsInterleavedAndDense() throws {
        let problem = probeProblem(.heisenbergO3, length: 6)
        let fields = problem.drawFields(seed: 12, realization: 1)
        let op = try problem.hamiltonianOperator(fields: fields)
        var dense = try DenseStatePropagator(hamiltonian: op.denseMatrix(in: FullBasis(siteCount: 7)))
        var free = try MatrixFreeOperator(op, siteCount: 7, threads: 2)
        free.splitBlockShift = 6
        let interval = try SpectralInterval.estimate(free)
        var split = ChebyshevPropagator(hamiltonian: free, interval: interval)
        var interleaved = ChebyshevPropagator(hamiltonian: free, interval: interval)
        interleaved.usesSplitKernel = false
        let start = normalizedHaarState(dimension: 128, seed: 7)
        var a = start, b = start
        var now = 0.0
        for t in [1.0, 30, 1000] {
            try split.evolve(&a, by: t - now)
            try interleaved.evolve(&b, by: t - now)
            now = t
            var exact = start
            try dense.evolve(&exact, by: t)
            XCTAssertLessThan(maxDifference(a, b), 1e-10, "Jt = \(t)")
            XCTAssertLessThan(maxDifference(a, exact), 1e-10, "Jt = \(t)")
        }
        XCTAssertEqual(split.productCount, interleaved.productCount)
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
        let start = normalizedHaarState(dimension: 64, seed: 5)
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

    /// A Haar-random state of unit norm drawn from `seed`.
    func normalizedHaarState(dimension: Int, seed: UInt64) -> [Complex<Double>] {
        var generator = Xoshiro256StarStar(seed: seed)
        let psi = StateVectors.haarRandom(dimension: dimension, using: &generator)
        let norm = StateVectors.normSquared(psi).squareRoot()
        return psi.map { $0 * Complex(1 / norm) }
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

    /// The projected estimator over an orthonormal basis of the `D/2` states with `A = +1` (the
    /// basis states with the probe's bit clear): `(2/D) sum_j <phi_j(t)| A |phi_j(t)>` is the trace,
    /// equal to the dense C(t) to 1e-10: Chebyshev at L = 8 + P (the split kernel's super-chunks and
    /// runs), Krylov at L = 6 + P (its Lanczos steps cost more per state).
    func testProjectedFullBasisEqualsDenseAutocorrelation() throws {
        for (method, length, times) in [(PropagationMethod.chebyshev, 8, [0.5, 2.5]), (.krylov, 6, [0.3, 1, 3, 8])] {
            var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: length), method: method)
            dynamics.estimator = .projected
            let fields = dynamics.problem.drawFields(seed: 6, realization: 2)
            let site = dynamics.operatorSite
            let exact = try denseAutocorrelation(dynamics.problem, fields: fields, site: site, times: times)
            var sum = [Double](repeating: 0, count: times.count)
            var propagator = try dynamics.propagator(fields: fields)
            var count = 0
            for j in 0..<dynamics.dimension where j & (1 << site) == 0 {
                let values = try TypicalAutocorrelation.values(state: StateVectors.basisVector(j, dimension: dynamics.dimension), site: site,
                                                               times: times, estimator: .projected, propagator: &propagator)
                for i in times.indices { sum[i] += 2 * values[i] / Double(dynamics.dimension) }
                count += 1
            }
            XCTAssertEqual(count, dynamics.dimension / 2)
            for i in times.indices { XCTAssertEqual(sum[i], exact[i], accuracy: 1e-10, "\(method) t = \(times[i])") }
        }
    }

    /// Floquet: over full bases the projected and the paired estimator are both the trace and
    /// agree to 1e-10 (the gate propagator runs one vector for projected, two for paired).
    func testProjectedAndPairedFullBasesAgreeForFloquet() throws {
        var dynamics = DynamicsProblem(problem: probeProblem(.floquetO3, length: 5), method: .chebyshev)
        let fields = dynamics.problem.drawFields(seed: 3, realization: 0)
        let times = [1.0, 4, 20]
        let site = dynamics.operatorSite
        var sums: [TypicalityEstimator: [Double]] = [:]
        for estimator in TypicalityEstimator.allCases {
            dynamics.estimator = estimator
            var propagator = try dynamics.propagator(fields: fields)
            var sum = [Double](repeating: 0, count: times.count)
            for j in 0..<dynamics.dimension where estimator == .paired || j & (1 << site) == 0 {
                let values = try TypicalAutocorrelation.values(state: StateVectors.basisVector(j, dimension: dynamics.dimension), site: site,
                                                               times: times, estimator: estimator, propagator: &propagator)
                let weight = estimator == .paired ? 1.0 : 2.0
                for i in times.indices { sum[i] += weight * values[i] / Double(dynamics.dimension) }
            }
            sums[estimator] = sum
        }
        for i in times.indices { XCTAssertEqual(sums[.projected]![i], sums[.paired]![i], accuracy: 1e-10, "n = \(times[i])") }
        XCTAssertGreaterThan(abs(sums[.paired]![0] - 1), 1e-3, "C(n) has moved away from C(0) = 1")
    }

    /// Haar-random states, projected: within 4 error bars `1/sqrt(R (D/2 + 1))` of the dense C(t),
    /// C(0) = 1 exactly, and within 4 combined error bars of the paired estimate from the same states.
    func testProjectedTypicalityAgreesWithDenseAndPaired() throws {
        var dynamics = DynamicsProblem(problem: probeProblem(.heisenbergO3, length: 8), method: .chebyshev)
        dynamics.threads = 2
        let fields = dynamics.problem.drawFields(seed: 1, realization: 0)
        let times = [0.0, 0.5, 2, 10, 40]
        let site = dynamics.operatorSite
        let exact = try denseAutocorrelation(dynamics.problem, fields: fields, site: site, times: times)
        let r = 4
        var means: [TypicalityEstimator: [Double]] = [:]
        for estimator in TypicalityEstimator.allCases {
            var sum = [Double](repeating: 0, count: times.count)
            for k in 0..<r {
                var propagator = try dynamics.propagator(fields: fields)
                let values = try TypicalAutocorrelation.values(state: dynamics.randomState(seed: 1, realization: 0, index: k), site: site,
                                                               times: times, estimator: estimator, propagator: &propagator)
                for i in times.indices { sum[i] += values[i] / Double(r) }
            }
            means[estimator] = sum
        }
        let projectedBar = TypicalityEstimator.projected.errorBound(dimension: dynamics.dimension, samples: r)
        let pairedBar = TypicalityEstimator.paired.errorBound(dimension: dynamics.dimension, samples: r)
        XCTAssertEqual(pairedBar, TypicalAutocorrelation.typicalityError(dimension: dynamics.dimension) / Double(r).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(projectedBar, 1 / (Double(r) * Double(dynamics.dimension / 2 + 1)).squareRoot(), accuracy: 1e-15)
        for i in times.indices {
            XCTAssertEqual(means[.projected]![i], exact[i], accuracy: 4 * projectedBar, "t = \(times[i])")
            XCTAssertEqual(means[.projected]![i], means[.paired]![i],
                           accuracy: 4 * (projectedBar * projectedBar + pairedBar * pairedBar).squareRoot(), "t = \(times[i])")
        }
        XCTAssertEqual(means[.projected]![0], 1, accuracy: 1e-12)
        // The late times have decayed well below 1, so agreeing with the dense curve is not agreeing with C(0).
        XCTAssertLessThan(exact[3], 1 - 10 * projectedBar)
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
        // Projected: the drawn state, phi and its three Chebyshev vectors: 88 D bytes.
        dynamics.estimator = .projected
        XCTAssertEqual(dynamics.memoryEstimate, 88 * Double(1 << 21))
        dynamics.estimator = .paired
        dynamics.method = .krylov
        dynamics.krylovDimension = 30
        XCTAssertEqual(dynamics.memoryEstimate, Double(1 << 21) * (16 * 34 + 8))
    }
}
