import NumericKit
import RealModule
import XCTest
@testable import SpinChains

/// The synthetic l-bit model's couplings: norms (paper eq. (13)) and support/range (eq. (10)).
final class LBitModelTests: XCTestCase {
    func testRangeCouplingsHaveTheRequestedNormsAndSupport() {
        for length in [2, 4, 6] {
            var g = Xoshiro256StarStar(seed: UInt64(length))
            let (j, zeta) = (0.7, 1.3)
            let model = LBitModel(length: length, driveFrequency: 5, interaction: j, localizationLength: zeta,
                                  probeField: 1, using: &g)
            let d = 1 << length
            XCTAssertEqual(model.rangeCouplings.count, length / 2 + 1)
            for r in 0...(length / 2) {
                let v = model.couplingOperator(range: r)
                // Symmetric.
                XCTAssertEqual(v, v.transposed)
                // Eq. (13): |V_r| = sqrt(tr(V_r^2) / 2^L), tr(V^2) = sum_ij V_ij^2 for symmetric V.
                let norm = (v.elements.reduce(0) { $0 + $1 * $1 } / Double(d)).squareRoot()
                XCTAssertEqual(norm, j * Double.exp(-Double(r) / zeta), accuracy: 1e-13, "L = \(length), r = \(r)")
                // Eq. (10): every non-zero element flips l-bits with max |n| = r (l-bit n = bit n + L/2).
                var nonZero = 0
                for a in 0..<d {
                    for b in 0..<d where v[a, b] != 0 {
                        nonZero += 1
                        let flipped = (0..<length).filter { (a ^ b) >> $0 & 1 == 1 }.map { abs($0 - length / 2) }
                        XCTAssertEqual(flipped.max(), r, "element (\(a), \(b)) of V_\(r)")
                    }
                }
                XCTAssertGreaterThan(nonZero, 0)
            }
            // V is the sum of its range components.
            var sum = Matrix<Double>.zeros(rows: d, columns: d)
            for r in 0...(length / 2) { sum = Matrix(rows: d, columns: d, elements: zip(sum.elements, model.couplingOperator(range: r).elements).map(+)) }
            XCTAssertEqual((sum - model.couplingOperator).frobeniusNorm, 0, accuracy: 1e-14)
            // Quasi-energies uniform in [0, Omega).
            XCTAssertTrue(model.quasiEnergies.allSatisfy { $0 >= 0 && $0 < 5 })
        }
    }

    func testLBitFloquetOperatorIsUnitary() throws {
        var g = Xoshiro256StarStar(seed: 99)
        let model = LBitModel(length: 6, driveFrequency: 4, interaction: 0.5, localizationLength: 1,
                              probeField: 2, using: &g)
        let u = try model.floquetOperator()
        XCTAssertEqual(u.rows, 128)
        XCTAssertLessThan(try unitarityDefect(u), 1e-12)
        let system = try floquetEigensystem(u, period: model.period)
        let r = try residuals(of: u, system, period: model.period)
        XCTAssertLessThan(r.eigenResidual, 1e-12)
        XCTAssertLessThan(r.orthonormalityDefect, 1e-12)
    }
}
