import Foundation
import XCTest
import ResonanceModel
import SpinChains
@testable import Studies

/// Every correction of docs/corrections/ is settled by its audit claim as a correction: the printed
/// form fails its criteria and the corrected form meets them.
final class CorrectionClaimsTests: XCTestCase {
    func testEveryCorrectionIsSettledAsACorrection() throws {
        let claims = [CorrectionClaims.erfArgument, CorrectionClaims.generalizedFactor, CorrectionClaims.cutoffHeisenberg,
                      CorrectionClaims.scaleFreeFactor, CorrectionClaims.resonanceLengthMapping]
            + ClaimsLedger.claims.filter { $0.identifier == "correction-C17-crossover-range" }
        XCTAssertEqual(claims.count, 6)
        for claim in claims {
            XCTAssertTrue(claim.paperLocation.contains("docs/corrections/"), claim.identifier)
            let assessment = try claim.judge(try claim.measure())
            XCTAssertEqual(assessment.verdict, .confirmedWithCorrection, "\(claim.identifier): \(assessment)")
        }
    }

    /// Outside the model's domain the finite-size tables throw a named error instead of stopping
    /// the process.
    func testFiniteSizeTablesRefuseInvalidParameters() {
        XCTAssertThrowsError(try FiniteSizePredictionsStudy.fidelityTable(resonanceLength: 20, inverseCorrelationLengths: [-3], lengths: [10])) {
            XCTAssertEqual(($0 as? ResonanceModelError)?.parameter, "inv_xi")
        }
        XCTAssertThrowsError(try FiniteSizePredictionsStudy.fidelityFit(resonanceLength: 20, inverseCorrelationLength: -3, lengths: [10, 20]))
        XCTAssertThrowsError(try FiniteSizePredictionsStudy.scaleFreeResonances(resonanceLength: 20, ranges: []))
        XCTAssertThrowsError(try RegimeMapStudy.overlap(resonanceLength: 0, correlationLengths: [1], sites: 10, seed: 1))
    }

    /// `ed spectrum` and run manifests write one record of the problem: the spectrum's parameters
    /// are the manifest's, plus "probe" when there is one and how the realization was drawn.
    func testSpectrumAndRunShareTheProblemRecord() throws {
        var problem = EDProblem(model: .xxz, length: 8, disorderStrength: 3)
        problem.magnetization = .sector(0)
        for probe in [nil, problem.defaultProbe] {
            problem.probe = probe
            let manifest = problemParameters(problem), spectrum = problemParameters(problem, alwaysRecordProbe: true)
            XCTAssertEqual(spectrum.filter { $0.0 != "probe" }.map(\.0), manifest.filter { $0.0 != "probe" }.map(\.0))
            XCTAssertEqual(spectrum.first { $0.0 == "probe" }?.1, .bool(probe != nil))
            XCTAssertEqual(manifest.contains { $0.0 == "probe" }, probe == nil)
        }
    }
}
