import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

final class FloquetResonanceModelTests: XCTestCase {
    let quadrature = GaussKronrod(absoluteTolerance: 1e-15, relativeTolerance: 1e-14)

    /// F(r) = exp(-integral_0^r q) (44) against the closed form (45).
    func testUnresonatedFractionAgainstQuadratureOfQ() {
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.7, 5.0, 60.0] {
                let model = FloquetResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 60))
                for r in [0.01, 1.0, 7.5, 30.0] {
                    let integral = quadrature.integrate({ model.resonanceProbability(atRange: $0) }, from: 0, to: r).value
                    assertRelative(model.logUnresonatedFraction(atRange: r), -integral, 1e-12,
                                   "ln F, 1/xi=\(invXi) Lambda=\(lambda) r=\(r)")
                }
            }
        }
    }

    /// p = -dF/dr by a Richardson-extrapolated central difference.
    func testStrongestResonanceIsMinusDerivativeOfF() {
        for invXi in sweepInverseCorrelationLengths {
            let model = FloquetResonanceModel(parameters(invXi: invXi, lambda: 3))
            for r in [0.5, 2.0, 9.0] {
                // Only where F changes measurably over the step (else the difference is rounding).
                let h = min(0.01, 0.05 / model.resonanceProbability(atRange: r))
                guard model.resonanceProbability(atRange: r) * h > 1e-4 else { continue }
                let numerical = -richardsonDerivative({ model.unresonatedFraction(atRange: $0) }, at: r, step: h)
                assertRelative(model.strongestResonanceDensity(atRange: r), numerical, 1e-9, "p, 1/xi=\(invXi) r=\(r)")
            }
        }
    }

    /// Closed form (53) against the route through p(r), eq. (52).
    func testClosedFormSpectralFunctionMatchesEquation52() {
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.8, 12.0] {
                let model = FloquetResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 30))
                for omega in [0.5, 1e-3, 1e-6, 2e-9] where omega > model.cutoffFrequency {
                    assertRelative(model.spectralFunctionClosedForm(omega: omega), model.spectralFunction(omega: omega),
                                   1e-12, "(53) vs (52), 1/xi=\(invXi) Lambda=\(lambda) omega=\(omega)")
                }
            }
        }
    }

    /// integral [S] d omega over both signs + [Czz] = 1.
    func testSpectralSumRule() {
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.8, 12.0] {
                let model = FloquetResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 24))
                let logLow = log(model.cutoffFrequency), logHigh = log(model.parameters.interaction)
                let integral = quadrature.integrate({ y in
                    let w = exp(y)
                    return w * model.spectralFunction(omega: w)
                }, from: logLow, to: logHigh).value
                assertAbsolute(2 * integral + model.infiniteTimeMemory, 1, 1e-11, "sum rule 1/xi=\(invXi) Lambda=\(lambda)")
            }
        }
    }

    /// (57): in region II (L >> Lambda) at the transition the low-frequency exponent is theta_c.
    func testCriticalExponentJump() {
        let lambda = 4.0
        let critical = FloquetResonanceModel(parameters(invXi: 0, lambda: lambda, length: 400))
        let slope = logSlope({ critical.spectralFunction(omega: $0) }, at: 1e-30)
        assertRelative(1 + slope, critical.criticalExponent, 1e-8, "theta_c = zeta_c/(2 Lambda)")
        // Deep in the MBL phase the exponent is theta0 once (xi/Lambda)|omega|^theta0 << 1.
        let localised = FloquetResonanceModel(parameters(invXi: 0.5, lambda: lambda, length: 400))
        let slopeMBL = logSlope({ localised.spectralFunction(omega: $0) }, at: 1e-80)
        assertAbsolute(1 + slopeMBL, localised.parameters.decayExponent, 1e-6, "theta0 in the MBL phase")
    }

    /// (114): [Czz] = exp(-L/(2 Lambda)) at the transition; (115): q -> 1/Lambda.
    func testTransitionLimits() {
        for (l, lambda) in [(10.0, 2.0), (60.0, 40.0)] {
            let model = FloquetResonanceModel(parameters(invXi: 0, lambda: lambda, length: l))
            assertRelative(model.infiniteTimeMemory, FloquetResonanceModel.memoryAtTransition(length: l, resonanceLength: lambda),
                           1e-14, "(114)")
            assertRelative(model.resonanceProbability(atRange: 17), 1 / lambda, 1e-15, "(115)")
        }
        // Continuity across 1/xi = 0.
        for r in [1.0, 25.0] {
            let below = FloquetResonanceModel(parameters(invXi: -1e-12, lambda: 3)).logUnresonatedFraction(atRange: r)
            let above = FloquetResonanceModel(parameters(invXi: 1e-12, lambda: 3)).logUnresonatedFraction(atRange: r)
            let at = FloquetResonanceModel(parameters(invXi: 0, lambda: 3)).logUnresonatedFraction(atRange: r)
            assertRelative(below, at, 1e-10, "continuity below")
            assertRelative(above, at, 1e-10, "continuity above")
        }
    }

    /// Deep on the thermal side F underflows, ln F stays exact: ln F = -(xi/Lambda)(1 - e^{-r/xi}).
    func testLogarithmicFormOnTheThermalSide() {
        let model = FloquetResonanceModel(parameters(invXi: -0.69, lambda: 2, length: 2400))
        let r = 1000.0
        // -(xi/Lambda)(1 - e^{690}) with xi = -1/0.69, evaluated in logs.
        let expected = -exp(690 + log(1 / 0.69 / 2) + log1p(-exp(-690)))
        assertRelative(model.logUnresonatedFraction(atRange: r), expected, 1e-13, "ln F at r/|xi| = 690")
        XCTAssertEqual(model.unresonatedFraction(atRange: r), 0)
    }
}

/// f'(x) by Richardson extrapolation of central differences (error ~h^6).
func richardsonDerivative(_ f: (Double) -> Double, at x: Double, step h: Double) -> Double {
    func d(_ h: Double) -> Double { (f(x + h) - f(x - h)) / (2 * h) }
    let d1 = d(h), d2 = d(h / 2), d4 = d(h / 4)
    let e1 = (4 * d2 - d1) / 3, e2 = (4 * d4 - d2) / 3
    return (16 * e2 - e1) / 15
}

/// d ln f / d ln x by a central difference in ln x.
func logSlope(_ f: (Double) -> Double, at x: Double, relativeStep: Double = 1e-3) -> Double {
    let up = x * exp(relativeStep), down = x * exp(-relativeStep)
    return (log(f(up)) - log(f(down))) / (2 * relativeStep)
}
