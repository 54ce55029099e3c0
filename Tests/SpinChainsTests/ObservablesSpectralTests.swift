import ComplexModule
import NumericKit
import RealModule
@testable import SpinChains
import XCTest

/// Sum rules and the correlator against direct time evolution (a second algorithm: dense
/// `exp(-iHt)` by Taylor scaling-and-squaring, or powers of the Floquet operator, with no
/// eigendecomposition).
final class ObservablesSpectralTests: XCTestCase {
    func problem(_ model: EDModelKind, length: Int, disorder: Double, probe: Bool) -> EDProblem {
        var p = EDProblem(model: model, length: length, disorderStrength: disorder)
        if model == .xxz { p.magnetization = probe ? .fullSpace : .sector(0) }
        if model.isFloquet { p.driveFrequency = 5 }
        if probe { p.probe = p.defaultProbe }
        return p
    }

    /// integral S + diagonal weight = (1/D) tr A^2 (= 1 for a Pauli string), Czz(0) = 1, and the
    /// off-range weights vanish for bins that cover the spectrum.
    func testSumRulesAndCzzAtZero() throws {
        let cases = [problem(.xxz, length: 8, disorder: 1.5, probe: false), problem(.xxz, length: 5, disorder: 2, probe: true),
                     problem(.heisenbergO3, length: 5, disorder: 2, probe: true), problem(.floquetO3, length: 4, disorder: 1, probe: true)]
        for p in cases {
            let states = try p.eigenstates(fields: p.drawFields(seed: 3, realization: 1))
            let a = PauliString(.z, at: p.probe == nil ? 0 : p.length)
            let weights = try SpectralWeights(operator: a, eigenstates: states)
            // (1/D) tr A^2 straight from the dense operator.
            var op = SpinOperator(); op.add(1.0, a)
            let dense = op.denseMatrix(in: FullBasis(siteCount: p.length + (p.probe == nil ? 0 : 1)))
            let trace = dense.elements.reduce(0) { $0 + $1.lengthSquared } / Double(dense.rows)
            XCTAssertEqual(trace, 1, accuracy: 1e-14)
            let upper = p.model.isFloquet ? p.driveFrequency / 2 * (1 + 1e-12) : 1e3
            let s = BinnedSpectralFunction(weights, bins: LogarithmicBins(lower: 1e-9, upper: upper, binsPerDecade: 7))
            let integral = zip(s.density, s.bins.widths).reduce(0) { $0 + 2 * $1.0 * $1.1 }
            XCTAssertEqual(integral + s.diagonalWeight + s.belowRangeWeight, trace, accuracy: 1e-12, "\(p.model)")
            XCTAssertEqual(s.aboveRangeWeight, 0, "\(p.model)")
            let czz = try SpinAutocorrelation(weights, times: [0])
            XCTAssertEqual(czz.values[0], 1, accuracy: 1e-12, "\(p.model)")
            XCTAssertEqual(weights.diagonalWeight, s.diagonalWeight, accuracy: 1e-15)
        }
    }

    /// Czz(t) from the spectral weights equals (1/D) Re tr(U^dagger A U A) with U = exp(-iHt)
    /// from a Taylor series (Hamiltonians) or U = U_F^n (Floquet, integer periods).
    func testCorrelatorMatchesTimeEvolution() throws {
        // Hamiltonian with a probe (complex H), and xxz in the full space.
        for p in [problem(.heisenbergO3, length: 3, disorder: 1.3, probe: true), problem(.xxz, length: 4, disorder: 2, probe: false)] {
            var q = p
            if q.model == .xxz { q.magnetization = .fullSpace }
            let fields = q.drawFields(seed: 11, realization: 2)
            let states = try q.eigenstates(fields: fields)
            let site = q.probe == nil ? 0 : q.length
            let weights = try SpectralWeights(operator: PauliString(.z, at: site), eigenstates: states)
            let times = [0.3, 1.7, 6.0]
            let fromWeights = try SpinAutocorrelation(weights, times: times).values
            let sites = q.length + (q.probe == nil ? 0 : 1)
            let h = denseHamiltonian(q, fields: fields)
            let a = TextbookPauli.on(TextbookPauli.z, site: site, of: sites)
            for (t, expected) in zip(times, fromWeights) {
                let u = h.exponential(Complex(0, -t))
                XCTAssertEqual(traceCorrelator(u, a), expected, accuracy: 1e-10, "\(q.model) t = \(t)")
            }
        }
        // Floquet with a probe: Czz(n) = (1/D) tr(U^-n A U^n A).
        let p = problem(.floquetO3, length: 3, disorder: 0.8, probe: true)
        let fields = p.drawFields(seed: 5, realization: 0)
        let weights = try SpectralWeights(operator: PauliString(.z, at: p.length), eigenstates: try p.eigenstates(fields: fields))
        let periods = [1.0, 2, 7, 30]
        let fromWeights = try SpinAutocorrelation(weights, times: periods).values
        let chain = FloquetO3Chain(disorderStrength: p.disorderStrength, driveFrequency: p.driveFrequency,
                                   fieldVectors: fields.vectors!)
        let uf = chain.floquetOperator(couplingPropagator: try CouplingPropagator(key: chain.propagatorKey), probe: p.probe!)
        var single = DenseOperator(n: uf.rows)
        for i in 0..<uf.rows { for j in 0..<uf.rows { single[i, j] = uf[i, j] } }
        let a = TextbookPauli.on(TextbookPauli.z, site: p.length, of: p.length + 1)
        var power = DenseOperator.identity(uf.rows)
        var n = 0
        for (target, expected) in zip(periods, fromWeights) {
            while n < Int(target) { power = single * power; n += 1 }
            XCTAssertEqual(traceCorrelator(power, a), expected, accuracy: 1e-10, "Floquet n = \(n)")
        }
    }

    /// Bins: S(omega) of a two-level system sits in the bin of its splitting.
    func testTwoLevelSpectralFunction() throws {
        // Single spin, H = (h/2) sigma^x: sigma^z connects the two eigenstates at omega = +-h.
        let basis = FullBasis(siteCount: 1)
        var h = SpinOperator(); h.add(0.5 * 3, PauliString(.x, at: 0))
        let system = try hermitianEigensystem(h.denseMatrix(in: basis))
        let states = Eigenstates(blocks: [EigenstateBlock(energies: system.values, vectors: .complex(system.vectors), basis: basis)], period: nil)
        let weights = try SpectralWeights(operator: PauliString(.z, at: 0), eigenstates: states)
        let bins = LogarithmicBins(lower: 0.1, upper: 100, binsPerDecade: 10)
        let s = BinnedSpectralFunction(weights, bins: bins)
        let k = bins.index(of: 3)
        XCTAssertEqual(s.binWeights[k], 1, accuracy: 1e-14)
        XCTAssertEqual(s.diagonalWeight, 0, accuracy: 1e-14)
        let czz = try SpinAutocorrelation(weights, times: [0.4])
        XCTAssertEqual(czz.values[0], cos(3 * 0.4), accuracy: 1e-14)
    }

    func denseHamiltonian(_ p: EDProblem, fields: DisorderFields) -> DenseOperator {
        let sites = p.length + (p.probe == nil ? 0 : 1)
        var h = DenseOperator(n: 1 << sites)
        let pauli = TextbookPauli.all
        func on(_ k: Int, _ n: Int) -> DenseOperator { TextbookPauli.on(pauli[k], site: n, of: sites) }
        let bonds = (0..<p.length).map { ($0, ($0 + 1) % p.length) }
        switch p.model {
        case .xxz:
            for (i, j) in bonds {
                h = h + 0.25 * (on(0, i) * on(0, j) + on(1, i) * on(1, j)) + (0.25 * p.anisotropy) * (on(2, i) * on(2, j))
            }
            for (n, field) in fields.longitudinal!.enumerated() { h = h + (0.5 * field) * on(2, n) }
        default:
            for (i, j) in bonds { for k in 0..<3 { h = h + 0.5 * (on(k, i) * on(k, j)) } }
            for (n, v) in fields.vectors!.enumerated() {
                h = h + (p.disorderStrength / 2) * (v.x * on(0, n) + v.y * on(1, n) + v.z * on(2, n))
            }
        }
        if let probe = p.probe {
            h = h + (probe.field / 2) * on(2, p.length) + probe.couplingStrength * (on(0, 0) * on(0, p.length))
        }
        return h
    }

    /// (1/D) Re tr(U^dagger A U A).
    func traceCorrelator(_ u: DenseOperator, _ a: DenseOperator) -> Double {
        var adjoint = DenseOperator(n: u.n)
        for i in 0..<u.n { for j in 0..<u.n { adjoint[i, j] = u[j, i].conjugate } }
        let product = adjoint * a * u * a
        var trace = 0.0
        for i in 0..<u.n { trace += product[i, i].real }
        return trace / Double(u.n)
    }
}
