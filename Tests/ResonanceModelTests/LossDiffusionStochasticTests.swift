import Foundation
import XCTest
@testable import ResonanceModel

/// The random-walk solver (App. C) against the deterministic one and the exact (C17).
final class LossDiffusionStochasticTests: XCTestCase {
    /// |a - b| within k combined standard errors (b's error included).
    func assertWithinErrorBars(_ a: Double, _ errorA: Double, _ b: Double, _ errorB: Double, _ k: Double, _ context: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let bound = k * (errorA * errorA + errorB * errorB).squareRoot()
        XCTAssert(abs(a - b) <= bound, "\(context): \(a) vs \(b), difference \(abs(a - b)) > \(k) sigma = \(bound)", file: file, line: line)
    }

    func testCriticalCaseAgreesWithPDE() throws {
        let problem = try LossDiffusionProblem.critical(resonanceLength: 3)
        let ranges = [0.5, 3, 12, 30]
        let pde = try LossDiffusionSolver(tolerance: 1e-4, initialCells: 80).solve(problem, ranges: ranges)
        let walks = try StochasticLossDiffusionSolver(trajectories: 12_000, seed: 7, etaStep: 0.04).solve(problem, ranges: ranges)
        for i in ranges.indices {
            assertWithinErrorBars(walks.unresonatedFraction[i], walks.unresonatedFractionError[i],
                                  pde.unresonatedFraction[i], pde.unresonatedFractionError[i], 4, "F at r = \(ranges[i])")
            assertWithinErrorBars(walks.strongestResonanceDensity[i], walks.strongestResonanceDensityError[i],
                                  pde.strongestResonanceDensity[i], pde.strongestResonanceDensityError[i], 4, "p at r = \(ranges[i])")
            // The error bars are informative (a few per cent at most here).
            XCTAssertLessThan(walks.unresonatedFractionError[i], 0.02 * walks.unresonatedFraction[i])
        }
    }

    func testEnergyResolvedCaseAgreesWithPDE() throws {
        let parameters = try ResonanceParameters(inverseCorrelationLength: 0.1, resonanceLength: 2, length: 40, disorder: 1)
        let problem = try LossDiffusionProblem.energyResolved(HamiltonianResonanceModel(parameters))
        let ranges = [1.0, 8]
        let pde = try LossDiffusionSolver(tolerance: 1e-4, initialCells: 80).solve(problem, ranges: ranges)
        let walks = try StochasticLossDiffusionSolver(trajectories: 8_000, seed: 3, etaStep: 0.03).solve(problem, ranges: ranges)
        for i in ranges.indices {
            assertWithinErrorBars(walks.unresonatedFraction[i], walks.unresonatedFractionError[i],
                                  pde.unresonatedFraction[i], pde.unresonatedFractionError[i], 4, "F at r = \(ranges[i])")
        }
    }

    func testDeltaSinkBridgeWeightsMatchC17() throws {
        let gamma = 1.0, w = 1.0
        let exact = DeltaSinkSolution(strength: gamma, disorder: w)
        let problem = try LossDiffusionProblem.deltaSink(strength: gamma, disorder: w)
        let ranges = [0.5, 4, 16]
        // Exact per-step weights: a coarse step costs no bias in F.
        let walks = try StochasticLossDiffusionSolver(trajectories: 20_000, seed: 11, etaStep: 0.25).solve(problem, ranges: ranges)
        for (i, r) in ranges.enumerated() {
            assertWithinErrorBars(walks.unresonatedFraction[i], walks.unresonatedFractionError[i],
                                  exact.unresonatedFraction(atRange: r), 0, 4, "F at r = \(r)")
        }
    }

    func testResultsIndependentOfThreadCount() throws {
        let problem = try LossDiffusionProblem.critical(resonanceLength: 10)
        let one = try StochasticLossDiffusionSolver(trajectories: 3_000, seed: 5, etaStep: 0.1, threads: 1, blockSize: 500)
            .solve(problem, ranges: [2, 20])
        let two = try StochasticLossDiffusionSolver(trajectories: 3_000, seed: 5, etaStep: 0.1, threads: 2, blockSize: 500)
            .solve(problem, ranges: [20, 2])
        XCTAssertEqual(one.unresonatedFraction, two.unresonatedFraction.reversed())
        XCTAssertEqual(one.strongestResonanceDensityError, two.strongestResonanceDensityError.reversed())
    }
}
