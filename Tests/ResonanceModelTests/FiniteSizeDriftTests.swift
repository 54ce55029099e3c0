import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

/// The drift of the crossover (Sec. V E, App. D, Fig. 9).
final class FiniteSizeDriftTests: XCTestCase {
    let crossover = DisorderCrossover(criticalDisorder: 10, interaction: 1)

    /// [Czz](W_delta(L)) = delta to 1e-12 (relative), for L = 1..60 and several delta.
    func testCrossoverDisorderSolvesDefinition() throws {
        for delta in [0.01, 0.1, 0.5] {
            for length in 1...60 {
                let w = try crossover.crossoverDisorder(threshold: delta, length: Double(length)).root
                assertRelative(crossover.memory(disorder: w, length: Double(length)), delta, 1e-12,
                               "[Czz](W_delta), delta=\(delta) L=\(length)")
            }
        }
    }

    /// The Fig. 9 inset: W_delta(L) increases monotonically with L and approaches W_c from below
    /// (delta = 0.01 < exp(-sqrt(L/(2 Lambda(W_c)))) for all these L, so the root stays thermal).
    func testCrossoverDisorderIsMonotoneAndBelowCritical() throws {
        var previous = 0.0
        for length in [1.0, 2, 3, 5, 8, 13, 20, 30, 45, 60, 100, 200, 500, 1000] {
            let w = try crossover.crossoverDisorder(threshold: 0.01, length: length).root
            XCTAssertGreaterThan(w, previous, "L=\(length)")
            XCTAssertLessThan(w, crossover.criticalDisorder, "L=\(length)")
            previous = w
        }
        XCTAssertGreaterThan(previous, 9.8)
    }

    /// The continued ln F1 equals the Hamiltonian model's where the parameters are valid (W > W_c/4),
    /// and is continuous across W = W_c.
    func testMemoryMatchesHamiltonianModelAndIsContinuousAtCritical() throws {
        for w in [2.6, 5, 9.99, 10, 10.01, 20, 80] {
            for length in [1.0, 10, 60, 400] {
                let model = HamiltonianResonanceModel(try crossover.parameters(disorder: w, length: length))
                assertRelative(crossover.logMemory(disorder: w, length: length),
                               model.logUnresonatedFraction(atRange: length / 2), 1e-14, "W=\(w) L=\(length)")
            }
        }
        for length in [5.0, 60] {
            let below = crossover.probeEntanglement(disorder: 10 * (1 - 1e-10), length: length)
            let above = crossover.probeEntanglement(disorder: 10 * (1 + 1e-10), length: length)
            let at = crossover.probeEntanglement(disorder: 10, length: length)
            XCTAssertEqual(below, at, accuracy: 1e-9)
            XCTAssertEqual(above, at, accuracy: 1e-9)
            // At the transition (114): [Czz] = exp(-sqrt(L/(2 Lambda))).
            let lambda = crossover.resonanceLength(disorder: 10)
            assertRelative(crossover.memory(disorder: 10, length: length),
                           HamiltonianResonanceModel.memoryAtTransition(length: length, resonanceLength: lambda), 1e-14, "(114)")
        }
    }

    /// L -> infinity of [S_P]: the finite-L values converge to the limit (ln 2 on the thermal side,
    /// ln 2 (1 - exp(-sqrt(pi xi/(4 Lambda)))) on the localised side), and the limit is continuous at W_c.
    func testInfiniteLengthLimit() {
        for w in [3.0, 8, 9.9] {
            XCTAssertEqual(crossover.probeEntanglement(disorder: w, length: 1e5), M_LN2, accuracy: 1e-12, "W=\(w)")
        }
        for w in [10.5, 15, 40] {
            let limit = crossover.probeEntanglementLimit(disorder: w)
            // The erf branch converges like exp(-r/xi): r = 60 xi is far enough.
            let xi = 1 / log(w / 10)
            assertRelative(crossover.probeEntanglement(disorder: w, length: 120 * xi), limit, 1e-12, "W=\(w)")
            XCTAssertLessThan(crossover.probeEntanglement(disorder: w, length: 10), limit)
        }
        XCTAssertEqual(crossover.probeEntanglementLimit(disorder: 10 * (1 + 1e-12)), M_LN2, accuracy: 1e-3)
        XCTAssertEqual(crossover.probeEntanglementLimit(disorder: 10), M_LN2)
    }

    /// (D5): Erfi(sqrt x) exp(-x) sqrt(pi x) = 1 + 1/(2x) + 3/(4x^2) + ...: the leading form's
    /// relative error is 1/(2x) to O(1/x^2), the two-term form's is O(1/x^2).
    func testErfiAsymptotics() {
        for x in [10.0, 30, 100, 300] {
            let s = x.squareRoot()
            let exact = ErrorFunctions.erfi(s)
            let leading = DriftAsymptotics.erfiLeadingAsymptote(squareRootArgument: s)
            let twoTerm = DriftAsymptotics.erfiAsymptote(squareRootArgument: s)
            XCTAssertEqual(exact / leading - 1, 1 / (2 * x), accuracy: 1.2 / (x * x), "x=\(x)")
            XCTAssertEqual(exact / twoTerm - 1, 0, accuracy: 1.2 / (x * x), "x=\(x)")
        }
    }

    /// (117) from (D3) + (D5): the asymptotic 1/|xi(W_delta)| against the exact root. (D5) needs
    /// x = L/(2|xi|) >> 1 at the crossover; x grows as delta falls (and, at fixed delta, is largest
    /// near L ~ 10-60 and falls at large L as the crossover nears W_c), so the check sweeps delta:
    /// the relative error decreases and stays below 1.2/x^2 (the (D5) correction 1/(2x) enters y
    /// divided by the O(x) slope of the exponent).
    func testAsymptoticDriftAgainstExactRoot() throws {
        let lambdaC = crossover.resonanceLength(disorder: 10)
        for length in [10.0, 30, 60] {
            var previousError = Double.infinity
            for delta in [1e-2, 1e-4, 1e-8, 1e-16, 1e-32, 1e-64] {
                let exact = try crossover.crossoverDisorder(threshold: delta, length: length).root
                let yExact = log(10 / exact)
                let y = try XCTUnwrap(DriftAsymptotics.inverseCorrelationLength(threshold: delta, length: length,
                                                                                criticalResonanceLength: lambdaC))
                let error = abs(y / yExact - 1), x = 0.5 * length * yExact
                XCTAssertLessThan(error, 1.2 / (x * x), "L=\(length) delta=\(delta) x=\(x)")
                XCTAssertLessThan(error, previousError, "L=\(length) delta=\(delta)")
                previousError = error
            }
        }
    }

    /// Beyond the Fig. 9 window: [Czz](W_c) = exp(-sqrt(L/(2 Lambda(W_c)))) (114), so W_delta(L)
    /// passes W_c exactly at L* = 2 Lambda(W_c) ln^2 delta, and as L -> infinity it tends to the
    /// localised-side W at which F1(infinity) = exp(-sqrt(pi xi/(4 Lambda))) = delta.
    func testCrossoverPassesCriticalAndSaturates() throws {
        for delta in [0.01, 0.3] {
            let crossing = crossover.criticalCrossingLength(threshold: delta)
            assertRelative(crossing, 2 * crossover.resonanceLength(disorder: 10) * log(delta) * log(delta), 1e-15, "L*")
            assertRelative(try crossover.crossoverDisorder(threshold: delta, length: crossing).root, 10, 1e-12, "W_delta(L*)")
            let limit = try crossover.crossoverDisorderLimit(threshold: delta)
            XCTAssertGreaterThan(limit, 10)
            assertRelative(crossover.probeEntanglementLimit(disorder: limit), M_LN2 * (1 - delta), 1e-12, "limit definition")
            let far = try crossover.crossoverDisorder(threshold: delta, length: 1e6 * crossing).root
            assertRelative(far, limit, 1e-6, "W_delta(L -> infinity)")
        }
    }

    /// The shape claims of App. D about W_c exp(-l/(L + a)): the inflection at L = l/2 - a (second
    /// difference changes sign there), and the linear range ends where the cubic Taylor term about
    /// the inflection equals the linear one, L + a = l (1/2 + sqrt(3/4)). Checked with finite differences.
    func testExponentialFormInflectionAndLinearRange() {
        for (l, a) in [(7.0, 1.0), (20, 1), (12, 2)] {
            let form = ExponentialDriftForm(criticalDisorder: 10, scale: l, offset: a)
            let h = 1e-3
            let second = { (x: Double) in
                (form.disorder(length: x + h) - 2 * form.disorder(length: x) + form.disorder(length: x - h)) / (h * h)
            }
            let l0 = form.inflectionLength
            XCTAssertGreaterThan(second(l0 - 0.05 * l), 0)
            XCTAssertLessThan(second(l0 + 0.05 * l), 0)
            XCTAssertEqual(second(l0), 0, accuracy: 1e-5)
            // Derivatives at the inflection by central differences (step 1e-2 l).
            let k = 1e-2 * l
            let d1 = (form.disorder(length: l0 + k) - form.disorder(length: l0 - k)) / (2 * k)
            let d3 = (form.disorder(length: l0 + 2 * k) - 2 * form.disorder(length: l0 + k)
                      + 2 * form.disorder(length: l0 - k) - form.disorder(length: l0 - 2 * k)) / (2 * k * k * k)
            let reach = (6 * d1 / abs(d3)).squareRoot()
            assertRelative(l0 + reach, form.linearRangeEnd, 1e-3, "linear range l=\(l) a=\(a)")
            assertRelative(d1, form.slope(length: l0), 2e-4, "slope")  // central-difference error f''' k^2/(6 f') = 1.3e-4
        }
    }

    /// Floquet analogue: the closed-form Lambda_delta(L) solves F(L/2) = delta (checked by an
    /// independent root search), is linear, L/(2|ln delta|), for L << |xi|, and saturates at
    /// xi/|ln delta| on the localised side.
    func testFloquetFrequencyDrift() throws {
        for invXi in [-0.5, -0.05, 0, 0.02, 0.3] {
            let drift = FloquetFrequencyDrift(inverseCorrelationLength: invXi)
            for length in [1.0, 10, 60, 300] {
                let closed = drift.crossoverResonanceLength(threshold: 0.01, length: length)
                let root = try drift.crossoverResonanceLengthByRootFinding(threshold: 0.01, length: length)
                assertRelative(closed, root, 1e-12, "1/xi=\(invXi) L=\(length)")
                let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: invXi,
                                                                          resonanceLength: closed, length: length))
                assertRelative(model.infiniteTimeMemory, 0.01, 1e-12, "F(L/2) at Lambda_delta")
            }
        }
        let nearlyCritical = FloquetFrequencyDrift(inverseCorrelationLength: -1e-4)
        assertRelative(nearlyCritical.crossoverResonanceLength(threshold: 0.01, length: 20), 10 / log(100), 1e-3, "linear")
        let localised = FloquetFrequencyDrift(inverseCorrelationLength: 0.1)
        assertRelative(localised.crossoverResonanceLength(threshold: 0.01, length: 2000), 10 / log(100), 1e-12, "saturation")
    }
}
