import Foundation
import XCTest
@testable import ResonanceModel
import NumericKit

/// The deterministic loss-diffusion solver against exact solutions: F1 (91) for the energy-blind
/// rate, (C17) with l = 4 W^2/gamma^2 for the delta sink (C7), and the free OU equilibrium.
final class LossDiffusionPDETests: XCTestCase {
    func testTridiagonalSolveInvertsMultiply() {
        let n = 7
        let a = TridiagonalSystem(sub: (0..<n).map { -0.3 - 0.01 * Double($0) }, diagonal: (0..<n).map { 2 + 0.1 * Double($0) },
                                  sup: (0..<n).map { -0.5 + 0.02 * Double($0) })
        let x = (0..<n).map { sin(Double($0) + 1) }
        let y = a.solve(a.multiply(x))
        for i in 0..<n { assertAbsolute(y[i], x[i], 1e-14, "component \(i)") }
    }

    func testNormalProfileIsExactEquilibriumAndMassConserved() {
        let grid = OrnsteinUhlenbeckGrid(cells: 40, halfWidth: 8)
        let g = grid.equilibrium
        let mg = grid.generator.multiply(g)
        XCTAssertLessThan(mg.map(abs).max()!, 1e-14 * g.max()! / (grid.spacing * grid.spacing))
        // Column sums weighted by w vanish: mass is conserved for any profile.
        let bump = grid.nodes.map { exp(-($0 - 2) * ($0 - 2)) }
        XCTAssertEqual(grid.mass(grid.generator.multiply(bump)), 0, accuracy: 1e-13)
    }

    func testEnergyBlindRateReproducesF1() throws {
        for invXi in [0.0, 0.05, -0.02] {
            let parameters = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 10, length: 200)
            let model = HamiltonianResonanceModel(parameters)
            let problem = try LossDiffusionProblem.energyBlind(parameters)
            let ranges = [0.01, 0.5, 3, 20, 60]
            let solution = try LossDiffusionSolver(tolerance: 1e-5, initialCells: 40).solve(problem, ranges: ranges)
            for (i, r) in ranges.enumerated() {
                assertRelative(solution.unresonatedFraction[i], model.unresonatedFraction(atRange: r), 1e-4,
                               "F at r = \(r), 1/xi = \(invXi)")
                assertRelative(solution.strongestResonanceDensity[i], model.strongestResonanceDensity(atRange: r), 1e-4,
                               "p at r = \(r), 1/xi = \(invXi)")
            }
        }
    }

    func testDeltaSinkMatchesExactSolutionC17() throws {
        let gamma = 0.8, w = 1.0
        let exact = DeltaSinkSolution(strength: gamma, disorder: w)
        let problem = try LossDiffusionProblem.deltaSink(strength: gamma, disorder: w)
        let ranges = [0.05, 1, 6.25, 30, 200]
        let solution = try LossDiffusionSolver(tolerance: 2e-5, initialCells: 80).solve(problem, ranges: ranges)
        for (i, r) in ranges.enumerated() {
            assertRelative(solution.unresonatedFraction[i], exact.unresonatedFraction(atRange: r), 1e-4, "F at r = \(r)")
            assertRelative(solution.strongestResonanceDensity[i], exact.strongestResonanceDensity(atRange: r), 1e-4, "p at r = \(r)")
        }
        // The paper's printed l = 4 W^2/(pi gamma^2) is excluded.
        let printed = ErrorFunctions.erfcx((30 * Double.pi / exact.crossoverRange).squareRoot())
        XCTAssertGreaterThan(abs(solution.unresonatedFraction[3] / printed - 1), 0.1)
    }
}

/// The loss rates of the paper's cases against direct quadrature and (C6).
final class LossDiffusionRateTests: XCTestCase {
    func testGaussianCellAverageMatchesQuadrature() throws {
        let problem = try LossDiffusionProblem.energyDependent(resonanceLength: 10, energyDensityScale: 0.5)
        let rate = problem.lossRate
        for r in [1e-4, 0.3, 50] {
            let a = -0.2, b = 0.13
            let direct = GaussKronrod(absoluteTolerance: 1e-300, relativeTolerance: 1e-12)
                .integrate({ rate.rate(energy: $0, range: r) }, from: a, to: b).value / (b - a)
            assertRelative(rate.cellAverage(lowerEnergy: a, upperEnergy: b, range: r), direct, 1e-9, "cell average at r = \(r)")
        }
    }

    func testEnergyDependentRateIntegratesToGammaC6() throws {
        let lambda = 10.0, w = 1.3, mu = 0.6
        let problem = try LossDiffusionProblem.energyDependent(resonanceLength: lambda, disorder: w, energyDensityScale: mu)
        let rate = try XCTUnwrap(problem.lossRate as? GaussianLossRate)
        let gamma = DeltaSinkSolution.strength(resonanceLength: lambda, disorder: w, energyDensityScale: mu)
        // (C6) holds up to O(1/r).
        assertRelative(rate.integratedRate(range: 1e7), gamma, 1e-6, "gamma at r = 1e7")
        let direct = GaussKronrod().integrate({ rate.rate(energy: $0, range: 40) }, from: -60, to: 60).value
        assertRelative(rate.integratedRate(range: 40), direct, 1e-10, "integral at r = 40")
        XCTAssertGreaterThan(abs(rate.integratedRate(range: 40) / gamma - 1), 1e-4)
    }
}
