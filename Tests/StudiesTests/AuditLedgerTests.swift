import Foundation
import XCTest
@testable import Presentation
@testable import Studies

/// The claims ledger: completeness, verdicts decided by the criteria, the budget, and the JSON.
final class AuditLedgerTests: XCTestCase {
    /// Every required claim is in the ledger exactly once, with a paper location and a command.
    func testLedgerIsComplete() {
        let identifiers = ClaimsLedger.claims.map(\.identifier)
        XCTAssertEqual(Set(identifiers).count, identifiers.count, "duplicate identifiers")
        for required in ClaimsLedger.requiredIdentifiers {
            XCTAssertTrue(identifiers.contains(required), "missing claim \(required)")
        }
        for claim in ClaimsLedger.claims {
            XCTAssertFalse(claim.paperLocation.isEmpty, claim.identifier)
            XCTAssertEqual(claim.command, "resonance audit --claim \(claim.identifier)")
            XCTAssertGreaterThanOrEqual(claim.estimatedCost, 0)
        }
        XCTAssertThrowsError(try ClaimsLedger.select(["no-such-claim"]))
    }

    static func measurements(_ pairs: [(String, Double)]) -> Measurements {
        Measurements(pairs.map { Measurement(MeasurementName($0.0), $0.1) })
    }

    /// The drift verdict follows the numbers: a saturation above W_c is a correction, an exact
    /// limit W_c with L + 1 fitting best confirms, a curved drift fails.
    func testDriftVerdictFollowsCriteria() throws {
        var values: [(String, Double)] = [("linear_slope", 0.5), ("linear_relative_max_residual", 0.01),
                                          ("max_deviation_offset_1_over_Wc", 0.05), ("max_deviation_offset_2_over_Wc", 0.03),
                                          ("W_delta_infinite_over_Wc", 1.001), ("critical_crossing_length", 1700), ("linear_range_end", 8)]
        XCTAssertEqual(try CrossoverClaims.judgeDrift(Self.measurements(values)).verdict, .confirmedWithCorrection)
        values[2].1 = 0.02
        values[4].1 = 1
        XCTAssertEqual(try CrossoverClaims.judgeDrift(Self.measurements(values)).verdict, .confirmed)
        values[1].1 = 0.2
        XCTAssertEqual(try CrossoverClaims.judgeDrift(Self.measurements(values)).verdict, .notConfirmed)
    }

    /// Synthetic numbers through the other verdict functions.
    func testVerdictsFromSyntheticMeasurements() throws {
        let exact = [("nu_direct_localized", 1.0), ("nu_direct_thermal", 1.0), ("nu_drift_error", 0.01), ("nu_collapse_error", 0.1)]
        XCTAssertEqual(try CrossoverClaims.judgeExponent(Self.measurements(exact + [("nu_drift", 1.05), ("nu_collapse", 1.1)])).verdict, .confirmed)
        XCTAssertEqual(try CrossoverClaims.judgeExponent(Self.measurements(exact + [("nu_drift", 2), ("nu_collapse", 1.1)])).verdict, .confirmedWithCorrection)
        XCTAssertEqual(try CrossoverClaims.judgeExponent(Self.measurements([("nu_direct_localized", 1.5), ("nu_direct_thermal", 1.0)] + ["nu_drift", "nu_drift_error", "nu_collapse", "nu_collapse_error"].map { ($0, Double.nan) })).verdict, .notConfirmed)

        let printed = [("printed_max_relative_deviation", 0.05), ("corrected_max_relative_deviation", 1e-15)]
        XCTAssertEqual(try CorrectionClaims.judgeErf(Self.measurements(printed)).verdict, .confirmedWithCorrection)
        XCTAssertEqual(try CorrectionClaims.judgeErf(Self.measurements([("printed_max_relative_deviation", 1e-12), ("corrected_max_relative_deviation", 1e-15)])).verdict, .confirmed)
        XCTAssertEqual(try CorrectionClaims.judgeErf(Self.measurements([("printed_max_relative_deviation", 0.1), ("corrected_max_relative_deviation", 0.1)])).verdict, .notConfirmed)

        XCTAssertEqual(try CorrectionClaims.judgeMapping(Self.measurements([("ratio_83_over_direct", 4)])).verdict, .confirmedWithCorrection)
        XCTAssertEqual(try CorrectionClaims.judgeMapping(Self.measurements([("ratio_83_over_direct", 1)])).verdict, .confirmed)
        XCTAssertEqual(try CorrectionClaims.judgeMapping(Self.measurements([("ratio_83_over_direct", 2)])).verdict, .notConfirmed)

        let theta = [("theta_c", 0.07), ("theta_floquet_1", 0.07), ("theta_floquet_2", 0.0701)]
        XCTAssertEqual(try SpectralClaims.judgeCritical(Self.measurements(theta + [("theta_hamiltonian_1", 0.03), ("theta_hamiltonian_2", 0.01)])).verdict, .confirmed)
        XCTAssertEqual(try SpectralClaims.judgeCritical(Self.measurements(theta + [("theta_hamiltonian_1", 0.03), ("theta_hamiltonian_2", 0.05)])).verdict, .notConfirmed)

        let power = [("stretched_ratio_at_0.1", 1.05), ("stretched_ratio_at_1", 0.95), ("exponent_at_1", -0.48),
                     ("exponent_at_10", -2.1), ("exponent_at_100", -2.0), ("exponent_at_300", -1.95), ("exponent_at_1000", -2.0)]
        XCTAssertEqual(try LossDiffusionClaims.judgeCritical(Self.measurements(power)).verdict, .confirmed)
        XCTAssertEqual(try LossDiffusionClaims.judgeCritical(Self.measurements(power.dropLast() + [("exponent_at_1000", -3)])).verdict, .notConfirmed)

        let thouless = [10, 20, 40, 60].flatMap { [("R2_local_L\($0)", 0.999), ("R2_global_L\($0)", 0.9), ("rate_c_near_W_delta_L\($0)", 0.5)] }
        XCTAssertEqual(try CrossoverClaims.judgeThouless(Self.measurements(thouless)).verdict, .confirmedWithCorrection)

        // A measurement that is NaN can never confirm; one that was not measured (a misspelt name)
        // is an error naming it, never a verdict.
        XCTAssertEqual(try CorrectionClaims.judgeCutoff(Self.measurements([("ratio_min", .nan), ("ratio_max", .nan)])).verdict, .notConfirmed)
        XCTAssertThrowsError(try CorrectionClaims.judgeCutoff(Self.measurements([("ratio_min", 1)]))) { error in
            XCTAssertTrue("\(error)".contains("ratio_max"), "\(error)")
        }
        XCTAssertEqual(try ExactNumericsClaims.judgePlaceholder(Measurements()).verdict, .outsideReach)
    }

    static func syntheticClaim(_ id: String, cost: Double, throwing: Bool = false) -> Claim {
        Claim(identifier: id, title: id, statement: "", paperLocation: "(0)", test: "", estimatedCost: cost,
              measure: {
                  struct Failure: Error {}
                  if throwing { throw Failure() }
                  return Measurements([Measurement(MeasurementName("x"), cost)])
              },
              judge: { m in Assessment(try m[MeasurementName("x")] < 50 ? .confirmed : .notConfirmed, "x") })
    }

    /// A verdict that reads a name its check did not measure (a misspelt key) fails the claim with
    /// an error naming that key, and keeps the measured numbers; it is never judged "not confirmed".
    func testMisspeltMeasurementFailsNamingIt() {
        let claim = Claim(identifier: "typo", title: "typo", statement: "", paperLocation: "(0)", test: "", estimatedCost: 0,
                          measure: { Measurements([Measurement(MeasurementName("nu_drift"), 1)]) },
                          judge: { m in Assessment(try m[MeasurementName("nu_drfit")] < 2 ? .confirmed : .notConfirmed, "") })
        let outcome = AuditRunner.check(claim)
        guard case let .failed(message) = outcome.status else { return XCTFail("status \(outcome.status.label)") }
        XCTAssertTrue(message.contains("nu_drfit") && message.contains("nu_drift"), message)
        XCTAssertNil(outcome.assessment)
        XCTAssertEqual(outcome.measurements.values.map(\.name), ["nu_drift"])
    }

    /// Claims whose cost exceeds what is left are skipped; cheap ones run first; ledger order kept.
    func testBudgetIsHonoured() {
        let claims = [Self.syntheticClaim("big", cost: 100), Self.syntheticClaim("a", cost: 4), Self.syntheticClaim("b", cost: 5),
                      Self.syntheticClaim("c", cost: 3), Self.syntheticClaim("broken", cost: 0, throwing: true)]
        // A clock that advances by each claim's cost as it runs: 3 + 4 = 7 s used, 5 > 3 left.
        final class FakeClock: @unchecked Sendable { var now = 0.0 }
        let clock = FakeClock()
        let runner = AuditRunner(budget: 10, clock: { clock.now })
        var order = [String]()
        let outcomes = runner.run(claims) { outcome in
            order.append(outcome.claim.identifier)
            if outcome.status == .ran { clock.now += outcome.claim.estimatedCost }
        }
        XCTAssertEqual(outcomes.map(\.claim.identifier), ["big", "a", "b", "c", "broken"])
        XCTAssertEqual(order, ["broken", "c", "a", "b", "big"])
        XCTAssertEqual(outcomes.map(\.status.label), ["not run: budget", "ran", "not run: budget", "ran", "failed"])
        XCTAssertEqual(outcomes[1].assessment?.verdict, .confirmed)
        XCTAssertTrue(outcomes[0].verdictLabel.hasPrefix("not run: budget"))
    }

    /// The cheap real checks run, every verdict comes with criteria, and claims.json parses with
    /// the expected keys.
    func testCheapChecksAndJSONParse() throws {
        let cheap = ClaimsLedger.claims.filter { $0.estimatedCost <= 0.1 }
        let outcomes = AuditRunner(budget: 1000).run(cheap)
        for outcome in outcomes {
            XCTAssertEqual(outcome.status, .ran, outcome.claim.identifier)
            guard let assessment = outcome.assessment else { return XCTFail(outcome.claim.identifier) }
            if assessment.verdict != .outsideReach {
                XCTAssertFalse(assessment.criteria.isEmpty, outcome.claim.identifier)
                XCTAssertFalse(outcome.measurements.values.isEmpty, outcome.claim.identifier)
            }
        }
        let skipped = AuditRunner(budget: 1000).run([Self.syntheticClaim("big", cost: 1e6)])
        let writer = AuditWriter(budget: 10, commandLine: "resonance audit --budget 10")
        let text = writer.json(outcomes + skipped)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["command_line"] as? String, "resonance audit --budget 10")
        XCTAssertNotNil(object["version"] as? String)
        XCTAssertNotNil(object["parameters"] as? [String: Any])
        let records = try XCTUnwrap(object["claims"] as? [[String: Any]])
        XCTAssertEqual(records.count, outcomes.count + 1)
        for key in ["id", "paper_location", "command", "status", "verdict", "reason", "criteria", "measured", "parameters", "estimated_cost_seconds"] {
            XCTAssertNotNil(records[0][key], key)
        }
        XCTAssertEqual(records.last?["status"] as? String, "not run: budget")
        let html = writer.html(outcomes + skipped)
        XCTAssertTrue(html.contains("not run: budget"))
        let summary = ReportSummary(headline: [], claims: outcomes, runs: [], scope: "", seconds: 0).html(figures: [])
        XCTAssertEqual(summary.components(separatedBy: "<span class=\"badge ").count - 1, outcomes.count)
    }
}
