import ComplexModule
import NumericKit
import RealModule
import XCTest
@testable import SpinChains

/// Every model's matrix against a brute-force construction from Kronecker products of the
/// textbook Pauli matrices, entry by entry.
final class ModelConstructionTests: XCTestCase {
    typealias P = TextbookPauli

    func randomFields(_ count: Int, seed: UInt64) -> [Double] {
        var g = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in g.nextUniform(in: -2, 2) }
    }

    func randomVectors(_ count: Int, seed: UInt64) -> [SIMD3<Double>] {
        var g = Xoshiro256StarStar(seed: seed)
        return drawFieldVectors(length: count, distribution: .gaussian, using: &g)
    }

    func bruteXXZ(fields h: [Double], j: Double, delta: Double, periodic: Bool, scale s: Double) -> DenseOperator {
        let l = h.count
        var m = DenseOperator(n: 1 << l)
        let bonds = (0..<(periodic ? l : l - 1)).map { ($0, ($0 + 1) % l) }
        for (a, b) in bonds {
            for (op, factor) in zip(P.all, [1, 1, delta]) {
                m = m + (j * factor * s * s) * (P.on(op, site: a, of: l) * P.on(op, site: b, of: l))
            }
        }
        for n in 0..<l { m = m + (h[n] * s) * P.on(P.z, site: n, of: l) }
        return m
    }

    func testXXZFullSpaceMatchesKroneckerConstruction() {
        let h = randomFields(5, seed: 1)
        for boundary in ChainBoundary.allCases {
            for convention in SpinConvention.allCases {
                let chain = XXZChain(interaction: 0.7, anisotropy: 1.3, fields: h, boundary: boundary, convention: convention)
                let engine = chain.hamiltonian.denseRealMatrix(in: FullBasis(siteCount: 5))
                let brute = bruteXXZ(fields: h, j: 0.7, delta: 1.3, periodic: boundary == .periodic,
                                     scale: convention == .spin ? 0.5 : 1)
                XCTAssertLessThan(brute.maxDifference(engine), 1e-14, "\(boundary) \(convention)")
            }
        }
    }

    func testXXZSectorIsTheFullMatrixRestrictedToTheSector() {
        let l = 6
        let h = randomFields(l, seed: 2)
        let brute = bruteXXZ(fields: h, j: 1, delta: 0.8, periodic: true, scale: 0.5)
        let chain = XXZChain(interaction: 1, anisotropy: 0.8, fields: h)
        for down in 0...l {
            let sector = MagnetizationSector(chainLength: l, downSpins: down)
            // The sector's states, enumerated independently: integers with `down` set bits, ascending.
            let states = (0..<(1 << l)).filter { $0.nonzeroBitCount == down }
            XCTAssertEqual(sector.dimension, states.count)
            let engine = chain.hamiltonian.denseRealMatrix(in: sector)
            for (i, si) in states.enumerated() {
                for (j, sj) in states.enumerated() {
                    XCTAssertEqual(engine[i, j], brute[si, sj].real, accuracy: 1e-14)
                }
            }
        }
    }

    func testHeisenbergO3WithAndWithoutProbeMatchesKroneckerConstruction() {
        let l = 4
        let v = randomVectors(l, seed: 3)
        let (j, w, hProbe) = (0.9, 2.5, 1.7)
        let chain = HeisenbergO3Chain(interaction: j, disorderStrength: w, fieldVectors: v, boundary: .periodic)
        var brute = DenseOperator(n: 1 << l)
        for n in 0..<l {
            for op in P.all { brute = brute + (j / 2) * (P.on(op, site: n, of: l) * P.on(op, site: (n + 1) % l, of: l)) }
            for (component, op) in zip([v[n].x, v[n].y, v[n].z], P.all) {
                brute = brute + (w / 2 * component) * P.on(op, site: n, of: l)
            }
        }
        XCTAssertLessThan(brute.maxDifference(chain.hamiltonian.denseMatrix(in: FullBasis(siteCount: l))), 1e-14)

        for (pauli, op) in zip(Pauli.allCases, P.all) {
            let probe = ProbeSpin(field: hProbe, couplingStrength: j, coupling: pauli)
            let engine = (chain.hamiltonian + probe.terms(chainLength: l)).denseMatrix(in: FullBasis(siteCount: l + 1))
            // H (x) 1_P + (h/2) 1 (x) sigma^z_P + J sigma^a_0 (x) sigma^x_P, probe the slow index.
            var total = DenseOperator.identity(2).kron(brute)
            total = total + (hProbe / 2) * P.z.kron(.identity(1 << l))
            total = total + j * P.x.kron(P.on(op, site: 0, of: l))
            XCTAssertLessThan(total.maxDifference(engine), 1e-14, "coupling \(pauli)")
        }
    }

    func bruteFloquet(v: [SIMD3<Double>], j: Double, w: Double, omega: Double) -> DenseOperator {
        let l = v.count
        let t = 2 * Double.pi / omega
        var hJ = DenseOperator(n: 1 << l), hW = DenseOperator(n: 1 << l)
        for n in 0..<l {
            for op in P.all { hJ = hJ + j * (P.on(op, site: n, of: l) * P.on(op, site: (n + 1) % l, of: l)) }
            for (component, op) in zip([v[n].x, v[n].y, v[n].z], P.all) { hW = hW + (w * component) * P.on(op, site: n, of: l) }
        }
        return hJ.exponential(Complex(0, -t / 2)) * hW.exponential(Complex(0, -t / 2))
    }

    func testFloquetO3MatchesMatrixExponentials() throws {
        let l = 4
        let v = randomVectors(l, seed: 4)
        let (j, w, omega) = (0.8, 1.9, 3.1)
        let chain = FloquetO3Chain(interaction: j, disorderStrength: w, driveFrequency: omega, fieldVectors: v)
        let propagator = try CouplingPropagator(key: chain.propagatorKey)
        let engine = chain.floquetOperator(couplingPropagator: propagator)
        let brute = bruteFloquet(v: v, j: j, w: w, omega: omega)
        XCTAssertLessThan(brute.maxDifference(engine), 1e-12)

        // With the probe: U_1 U_0, U_0 = U_F (x) exp(-(i/2) h T sigma^z_P), U_1 = exp(-i T V (x) sigma^x_P).
        let t = 2 * Double.pi / omega
        for (pauli, op) in zip(Pauli.allCases, P.all) {
            let probe = ProbeSpin(field: 1.3, couplingStrength: 0.4, coupling: pauli)
            let withProbe = chain.floquetOperator(couplingPropagator: propagator, probe: probe)
            let u0 = P.z.exponential(Complex(0, -0.5 * 1.3 * t)).kron(brute)
            let u1 = (0.4 * P.x.kron(P.on(op, site: 0, of: l))).exponential(Complex(0, -t))
            XCTAssertLessThan((u1 * u0).maxDifference(withProbe), 1e-12, "coupling \(pauli)")
        }
    }

    func testLBitFloquetOperatorMatchesMatrixExponentials() throws {
        var g = Xoshiro256StarStar(seed: 5)
        let model = LBitModel(length: 4, driveFrequency: 2.3, interaction: 0.6, localizationLength: 0.9,
                              probeField: 1.1, using: &g)
        let d = 16
        let t = 2 * Double.pi / 2.3
        var v = DenseOperator(n: d), u0chain = DenseOperator(n: d)
        let vEngine = model.couplingOperator
        for i in 0..<d {
            u0chain[i, i] = Complex(Double.cos(model.quasiEnergies[i] * t), -Double.sin(model.quasiEnergies[i] * t))
            for k in 0..<d { v[i, k] = Complex(vEngine[i, k], 0) }
        }
        let u0 = P.z.exponential(Complex(0, -0.5 * 1.1 * t)).kron(u0chain)
        let u1 = P.x.kron(v).exponential(Complex(0, -t))
        XCTAssertLessThan((u1 * u0).maxDifference(try model.floquetOperator()), 1e-12)
    }

    func testSingleSiteRotationIsTheExponentialOfItsGenerator() {
        let axis = SIMD3(0.3, -1.2, 0.5)
        let gate = SingleSiteGate.rotation(angle: 0.7, axis: axis)
        let generator = axis.x * P.x + axis.y * P.y + axis.z * P.z
        let exact = generator.exponential(Complex(0, -0.7))
        XCTAssertLessThan((exact[0, 0] - gate.g00).length + (exact[0, 1] - gate.g01).length
                          + (exact[1, 0] - gate.g10).length + (exact[1, 1] - gate.g11).length, 1e-14)
    }
}
