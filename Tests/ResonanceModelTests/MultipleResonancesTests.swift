import Foundation
import XCTest
@testable import ResonanceModel
import NumericKit

/// App. A: the relative frequency shift from multiple resonances (A11), sampled, against its exact
/// discrete variance and the paper's integral estimate (A12), (A13).
final class MultipleResonancesTests: XCTestCase {
    func testA12ReducesToA13AtTransitionAndMatchesItsIntegral() throws {
        let critical = MultipleResonances(try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: 5, length: 40))
        assertRelative(critical.relativeShiftVariance(initialRange: 7), MultipleResonances.criticalRelativeShiftVariance(resonanceLength: 5),
                       1e-14, "(A12) at 1/xi = 0 is (A13)")
        // (A12) is integral_{r+1}^inf ds q'(s) (v'(s)/v(r))^2: check by quadrature.
        let m = MultipleResonances(try ResonanceParameters(inverseCorrelationLength: 0.3, resonanceLength: 5, length: 40))
        let r = 4.0, kappa = m.parameters.matrixElementDecayRate
        let integral = GaussKronrod().integrate({ s in m.hybridizedResonanceProbability(atRange: s) * exp(-2 * kappa * (s - r)) / 2 },
                                                from: r + 1, to: r + 60).value
        assertRelative(m.relativeShiftVariance(initialRange: r), integral, 1e-10, "(A12) against its integral")
    }

    func testMonteCarloOfA11MatchesDiscreteVariance() throws {
        for invXi in [0.0, 0.5] {
            let m = MultipleResonances(try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 2, length: 40))
            var rng = Xoshiro256StarStar(seed: 42)
            let samples = 200_000
            var s2 = 0.0, s4 = 0.0, s1 = 0.0
            for _ in 0..<samples {
                let x = m.sampleRelativeShift(initialRange: 3, terms: 40, using: &rng)
                s1 += x; s2 += x * x; s4 += x * x * x * x
            }
            let n = Double(samples), variance = s2 / n
            let error = ((s4 / n - variance * variance) / n).squareRoot()
            let exact = m.discreteRelativeShiftVariance(initialRange: 3)
            XCTAssertLessThan(abs(variance - exact), 4 * error, "1/xi = \(invXi): sampled \(variance) +- \(error), exact \(exact)")
            XCTAssertLessThan(abs(s1 / n), 4 * (variance / n).squareRoot(), "mean shift vanishes")
            // The integral (A12) underestimates the sum: ratio c/(1 - e^-c), c = 3/xi + 4/zeta_c.
            let c = 3 * invXi + 4 / criticalLocalizationLength
            assertRelative(exact / m.relativeShiftVariance(initialRange: 3), c / (1 - exp(-c)), 1e-10, "sum/integral")
        }
    }
}
