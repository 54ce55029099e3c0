import Foundation
import ResonanceModel
import XCTest
@testable import Studies

/// The discrete RM of the l-bit model against a brute-force census of resonances (30), (35) in
/// drawn realizations: F, q_r and G(w) agree within four standard errors of the census.
final class LBitResonanceCensusTests: XCTestCase {
    func testDiscreteModelMatchesCensus() throws {
        for (length, zeta, omega, count) in [(4, 2.5, 2 * Double.pi, 400), (6, 1.5, 2 * Double.pi, 150), (6, 2.5, 8 * Double.pi, 150)] {
            var census = LBitResonanceCensus()
            census.length = length
            census.localizationLength = zeta
            census.driveFrequency = omega
            census.realizations = count
            census.frequencies = [0.003, 0.03, 0.1, 0.3, 0.6, 0.999, 1.001]
            let average = try census.run(workers: 2)
            let model = try DiscreteResonanceModel.syntheticLBit(length: length, driveFrequency: omega, coupling: 1, localizationLength: zeta)
            let context = "L=\(length) zeta=\(zeta) Omega=\(omega)"
            let f = try XCTUnwrap(average["unresonated"])
            XCTAssertEqual(f.mean[0], model.infiniteTimeMemory, accuracy: 4 * f.standardError[0] + 1e-3, "F, \(context)")
            let q = try XCTUnwrap(average["resonant_at_range"])
            for r in 0...(length / 2) {
                XCTAssertEqual(q.mean[r], model.resonanceProbability(atRange: Double(r)), accuracy: 4 * q.standardError[r] + 1e-3, "q_\(r), \(context)")
            }
            let g = try XCTUnwrap(average["no_stronger"])
            for (i, w) in census.frequencies.enumerated() {
                XCTAssertEqual(g.mean[i], model.noStrongerResonance(than: w), accuracy: 4 * g.standardError[i] + 1e-3, "G(\(w)), \(context)")
            }
        }
    }

    func testRangeOfAPair() {
        // L = 6: bits 0..5 are l-bits -3..2; the probe's l-bit n = 0 is bit 3.
        XCTAssertEqual(LBitResonanceCensus.range(1 << 3, length: 6), 0)
        XCTAssertEqual(LBitResonanceCensus.range((1 << 3) | (1 << 4), length: 6), 1)
        XCTAssertEqual(LBitResonanceCensus.range(1, length: 6), 3)
        XCTAssertEqual(LBitResonanceCensus.range((1 << 5) | (1 << 2), length: 6), 2)
    }
}

/// Exact diagonalization of the l-bit model at weak coupling (Lambda = 72.5, L = 4): the memory lost
/// and the hybridised fraction follow the two-level treatment of every partner within four standard
/// errors, and exceed the discrete RM's resonant fraction by about pi and 2/sqrt(3) (the RM's rule (30)).
final class LBitTwoLevelTests: XCTestCase {
    func testExactWeakCouplingFollowsTwoLevelPartners() throws {
        var c = LBitComparison.Config()
        c.length = 4
        c.realizations = 400
        let p = try c.point(try c.exact(localizationLength: 1, driveFrequency: 128 * Double.pi, workers: 2))
        let lossError = p.exactMemory.error
        XCTAssertEqual(1 - p.exactMemory.mean, 1 - p.twoLevelMemory, accuracy: 4 * lossError, "memory lost")
        XCTAssertEqual(p.hybridizedFraction.mean, p.twoLevelHybridized, accuracy: 4 * p.hybridizedFraction.error, "hybridised")
        XCTAssertEqual(p.memoryLossRatio.mean, Double.pi, accuracy: 4 * p.memoryLossRatio.error + 0.1, "ED/discrete RM loss")
    }
}

/// The tail fit of varrho on a synthetic histogram: a power law v^(-2 + theta0) on [1e-6, 1e-3] under a
/// flat (Gaussian-like) bulk on [1e-2, 0.3] holding most pairs: the tail fit recovers theta0; a flat
/// bulk alone (theta0 = 2, the bulk fit's answer) is not a valid tail.
final class TailExponentFitTests: XCTestCase {
    func testTailFitRecoversThePowerLaw() {
        let theta0 = 0.4
        let edges = (0...40).map { pow(10, -8 + Double($0) / 4) }
        let centers = (0..<40).map { (edges[$0] * edges[$0 + 1]).squareRoot() }
        let populated = centers.map { _ in 10 }
        let density = centers.map { v -> Double in
            if v > 1e-6 && v < 1e-3 { return 1e-3 * pow(v, -2 + theta0) }
            return v > 1e-2 && v < 0.3 ? 1e3 : 0
        }
        let fit = TailExponentStudy.tailFit(centers: centers, edges: edges, density: density, errors: density.map { 0.01 * $0 },
                                            populated: populated, below: 0, decadesBelowMedian: 1.5, minimumBins: 4)
        XCTAssertTrue(fit.valid)
        XCTAssertEqual(fit.theta0!.value, theta0, accuracy: 1e-6)
        XCTAssertEqual(fit.bins, 12)
        let flat = centers.map { $0 > 1e-6 && $0 < 1 ? 1.0 : 0 }
        let bulk = TailExponentStudy.tailFit(centers: centers, edges: edges, density: flat, errors: flat.map { 0.01 * $0 },
                                             populated: populated, below: 0, decadesBelowMedian: 1.5, minimumBins: 4)
        XCTAssertFalse(bulk.valid)
        XCTAssertEqual(bulk.theta0!.value, 2, accuracy: 1e-6)
    }
}
