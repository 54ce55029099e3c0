import Foundation
import XCTest
@testable import ResonanceModel

/// Each formula exists once: the drift and Fig. 9 use the model's own ln F1 (91) and the one
/// Lambda(W) (83) and 1/xi(W) (D4); the parametrizations resolve as the paper says.
final class SingleSourceTests: XCTestCase {
    /// The drift's [Czz] = F1(L/2) is, bit for bit, the F1 of the Hamiltonian RM that `rm curve` and
    /// `rm scales` evaluate, wherever the RM's parameters are valid (W > W_c/4).
    func testDriftUsesTheSameF1AsTheModel() throws {
        for crossover in [DisorderCrossover(), DisorderCrossover(criticalDisorder: 4, interaction: 0.7)] {
            for ratio in [0.26, 0.5, 0.99, 1, 1.01, 3] {
                let w = ratio * crossover.criticalDisorder
                for length in [1.0, 7, 60, 400] {
                    let model = HamiltonianResonanceModel(try crossover.parameters(disorder: w, length: length))
                    XCTAssertEqual(crossover.logMemory(disorder: w, length: length), model.logUnresonatedFraction(atRange: length / 2),
                                   "W/W_c = \(ratio), L = \(length)")
                    XCTAssertEqual(crossover.memory(disorder: w, length: length), model.infiniteTimeMemory, "W/W_c = \(ratio), L = \(length)")
                }
            }
        }
    }

    /// Lambda(W) and 1/xi(W) of the crossover are the validated builders' values, which equal the
    /// printed formulas evaluated by hand.
    func testDisorderParametrizationHasOneSource() throws {
        let crossover = DisorderCrossover(criticalDisorder: 10, interaction: 1.5)
        for w in [0.5, 2.6, 10, 37] {
            let lambda = try ResonanceParameters.resonanceLength(disorder: w, interaction: 1.5)
            XCTAssertEqual(crossover.resonanceLength(disorder: w), lambda)
            assertRelative(lambda, Double.pi * pow(w / (4 * 1.5 * M_LN2), 2), 1e-14, "(83) at W = \(w)")
            XCTAssertEqual(crossover.inverseCorrelationLength(disorder: w),
                           try ResonanceParameters.inverseCorrelationLength(disorder: w, criticalDisorder: 10))
            assertRelative(ResonanceParameters.disorder(resonanceLength: lambda, interaction: 1.5), w, 1e-14, "W from (83)")
            assertRelative(DisorderParametrization.interaction(resonanceLength: lambda, disorder: w), 1.5, 1e-14, "J from (83)")
        }
    }

    /// ln F1 at exactly r/xi = -1 (where the Gaussian mean's two branches meet) is finite and
    /// continuous, for the model as for the drift.
    func testF1AtTheBranchPoint() {
        let model = HamiltonianResonanceModel(parameters(invXi: -0.5, lambda: 3, length: 10))
        let at = model.logUnresonatedFraction(atRange: 2)
        XCTAssertTrue(at.isFinite)
        assertRelative(at, model.logUnresonatedFraction(atRange: 2 * (1 + 1e-9)), 1e-8, "continuity at r/xi = -1")
        XCTAssertEqual(model.logUnresonatedFraction(atRange: 0), 0)
    }

    /// The parametrizations of the command line resolve to (39), (D4), (43) and (83), and the
    /// combinations that determine nothing are refused.
    func testParametrizationResolvesThePapersMaps() throws {
        let disorder = try ResonanceParametrization(setting: .hamiltonian, disorder: 8, criticalDisorder: 10, length: 30).parameters()
        XCTAssertEqual(disorder.inverseCorrelationLength, log(0.8))
        XCTAssertEqual(disorder.resonanceLength, try ResonanceParameters.resonanceLength(disorder: 8))
        XCTAssertEqual(disorder.disorder, 8)
        let drive = try ResonanceParametrization(setting: .floquet, localizationLength: 1.2, driveFrequency: 20, length: 20).parameters()
        assertRelative(drive.inverseCorrelationLength, 1 / 1.2 - M_LN2, 1e-15, "(39)")
        assertRelative(drive.resonanceLength, 20 / (8 * M_LN2), 1e-15, "(43)")
        XCTAssertNil(drive.disorder)
        let cases: [(ResonanceParametrization, ResonanceParametrization.Conflict)] = [
            (ResonanceParametrization(setting: .floquet, inverseCorrelationLength: 0, localizationLength: 1, resonanceLength: 1, length: 4),
             .distanceFromTransition(given: 2)),
            (ResonanceParametrization(setting: .floquet, resonanceLength: 1, length: 4), .distanceFromTransition(given: 0)),
            (ResonanceParametrization(setting: .floquet, criticalDisorder: 10, resonanceLength: 1, length: 4), .criticalDisorderWithoutDisorder),
            (ResonanceParametrization(setting: .hamiltonian, inverseCorrelationLength: 0, driveFrequency: 3, length: 4), .driveFrequencyWithoutDrive),
            (ResonanceParametrization(setting: .floquet, inverseCorrelationLength: 0, length: 4), .resonanceLengthMissing),
            (ResonanceParametrization(setting: .floquet, inverseCorrelationLength: 0, resonanceLength: 1, driveFrequency: 3, length: 4), .resonanceLengthTwice),
        ]
        for (choice, conflict) in cases {
            XCTAssertThrowsError(try choice.parameters()) { XCTAssertEqual($0 as? ResonanceParametrization.Conflict, conflict) }
        }
        XCTAssertThrowsError(try ResonanceParametrization(setting: .floquet, inverseCorrelationLength: -3, resonanceLength: 1, length: 4).parameters()) {
            XCTAssertEqual(($0 as? ResonanceModelError)?.parameter, "inv_xi")
        }
    }

    /// The thermal fit window of (121) is 1 <= |xi| <= L/2 in 1/xi = ln(W/W_c), and empty for L <= 2;
    /// the crossover window is W_delta +- 10% below W_c.
    func testThoulessWindows() throws {
        for length in [3.0, 10, 60] {
            let window = try XCTUnwrap(ThoulessFrequency.thermalWindow(criticalDisorder: 10, length: length))
            assertRelative(-1 / log(window.lowerBound / 10), 1, 1e-14, "|xi| = 1 at L = \(length)")
            assertRelative(-1 / log(window.upperBound / 10), length / 2, 1e-14, "|xi| = L/2 at L = \(length)")
        }
        XCTAssertNil(ThoulessFrequency.thermalWindow(criticalDisorder: 10, length: 2))
        XCTAssertNil(ThoulessFrequency.thermalWindow(criticalDisorder: 10, length: 1.5))
        XCTAssertEqual(ThoulessFrequency.crossoverWindow(crossoverDisorder: 5, criticalDisorder: 10), 4.5...5.5)
        XCTAssertEqual(ThoulessFrequency.crossoverWindow(crossoverDisorder: 9.5, criticalDisorder: 10)?.upperBound, 9.99)
        XCTAssertNil(ThoulessFrequency.crossoverWindow(crossoverDisorder: 12, criticalDisorder: 10))
    }
}
