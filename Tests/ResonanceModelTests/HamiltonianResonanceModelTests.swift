import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

final class HamiltonianResonanceModelTests: XCTestCase {
    let quadrature = GaussKronrod(absoluteTolerance: 1e-15, relativeTolerance: 1e-14)

    /// (91) in its three branches against a Dormand-Prince solution of (90),
    /// dF1/dr = -exp(-r/xi) F1/sqrt(4 Lambda r), written in s = sqrt(r) to remove the r^(-1/2):
    /// dF1/ds = -exp(-s^2/xi) F1/sqrt(Lambda).
    func testClosedFormAgainstODESolution() throws {
        let solver = DormandPrince(absoluteTolerance: 1e-300, relativeTolerance: 1e-13)
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.6, 8.0, 200.0] {
                let model = HamiltonianResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 80))
                for r in [0.02, 1.0, 6.0, 40.0] {
                    // Where F1 < 1e-200 the ODE is stiff for an explicit solver (rates ~e^{r/|xi|}).
                    guard model.unresonatedFraction(atRange: r) > 1e-200 else { continue }
                    let y = try solver.solve({ y, s in [-exp(-s * s * invXi) * y[0] / lambda.squareRoot()] },
                                             from: 0, to: r.squareRoot(), initial: [1])
                    assertRelative(model.unresonatedFraction(atRange: r), y[0], 1e-10,
                                   "F1 vs ODE, 1/xi=\(invXi) Lambda=\(lambda) r=\(r)")
                }
            }
        }
    }

    /// ln F1 against 30-digit mpmath values of (91), including |r/xi| up to 700 where erfi overflows
    /// and 1/xi = +-1e-12 around the transition.
    func testLogUnresonatedFractionAgainstHighPrecisionTable() throws {
        let rows = try referenceRows("hamiltonian_log_f1")
        XCTAssertGreaterThan(rows.count, 50)
        for row in rows {
            guard let invXi = row["inv_xi"], let lambda = row["lambda"], let r = row["r"], let expected = row["log_f1"]
            else { continue }
            guard invXi > -log(2) else { continue }
            let model = HamiltonianResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 2 * r + 2))
            if expected.isInfinite {
                XCTAssertEqual(model.logUnresonatedFraction(atRange: r), expected, "1/xi=\(invXi) r=\(r)")
                continue
            }
            assertRelative(model.logUnresonatedFraction(atRange: r), expected, 1e-10,
                           "ln F1 1/xi=\(invXi) Lambda=\(lambda) r=\(r)")
        }
    }

    /// p = -dF1/dr numerically.
    func testStrongestResonanceIsMinusDerivativeOfF1() {
        for invXi in sweepInverseCorrelationLengths {
            let model = HamiltonianResonanceModel(parameters(invXi: invXi, lambda: 3))
            for r in [0.5, 2.0, 9.0] {
                let q = model.resonanceProbability(atRange: r)
                let h = min(0.01, 0.05 / q, 0.1 * r)
                guard q * h > 1e-4 else { continue }
                let numerical = -richardsonDerivative({ model.unresonatedFraction(atRange: $0) }, at: r, step: h)
                assertRelative(model.strongestResonanceDensity(atRange: r), numerical, 1e-9, "p, 1/xi=\(invXi) r=\(r)")
            }
        }
    }

    /// (93) with the corrected Erf argument against (52) with p = q F1.
    func testClosedFormSpectralFunctionMatchesEquation52() {
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.8, 12.0] {
                let model = HamiltonianResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 30))
                for omega in [0.5, 1e-3, 1e-6, 2e-9] where omega > model.cutoffFrequency {
                    assertRelative(model.spectralFunctionClosedForm(omega: omega), model.spectralFunction(omega: omega),
                                   1e-12, "(93) vs (52), 1/xi=\(invXi) Lambda=\(lambda) omega=\(omega)")
                }
            }
        }
    }

    func testSpectralSumRule() {
        for invXi in sweepInverseCorrelationLengths {
            for lambda in [0.8, 12.0] {
                let model = HamiltonianResonanceModel(parameters(invXi: invXi, lambda: lambda, length: 24))
                // [S] has a 1/sqrt(ln(J/omega)) edge at omega = J, where omega itself cannot resolve
                // ln(J/omega) below ~1e-16: integrate in y = ln omega up to ln J - 1e-4 with y = ln J - 1e-4 - u^2,
                // and take the last sliver, 1/2 integral_0^{r(J e^-1e-4)} p dr = (1 - F1)/2, from (91).
                let edge = 1e-4
                let logLow = log(model.cutoffFrequency), logHigh = log(model.parameters.interaction) - edge
                let bulk = quadrature.integrateSqrtSingular({ y in
                    let w = exp(logHigh - y)
                    return w * model.spectralFunction(omega: w)
                }, from: 0, to: logHigh - logLow).value
                let sliver = 0.5 * (1 - model.unresonatedFraction(atRange: edge / model.parameters.matrixElementDecayRate))
                let integral = bulk + sliver
                assertAbsolute(2 * integral + model.infiniteTimeMemory, 1, 1e-11, "sum rule 1/xi=\(invXi) Lambda=\(lambda)")
            }
        }
    }

    /// (114) and (115) at the transition; continuity of F1 across 1/xi = 0.
    func testTransitionLimits() {
        for (l, lambda) in [(10.0, 2.0), (60.0, 40.0)] {
            let model = HamiltonianResonanceModel(parameters(invXi: 0, lambda: lambda, length: l))
            assertRelative(model.infiniteTimeMemory,
                           HamiltonianResonanceModel.memoryAtTransition(length: l, resonanceLength: lambda), 1e-14, "(114)")
            assertRelative(model.resonanceProbability(atRange: 17), 1 / (4 * lambda * 17).squareRoot(), 1e-15, "(115)")
        }
        for r in [1.0, 25.0, 400.0] {
            let at = HamiltonianResonanceModel(parameters(invXi: 0, lambda: 3)).logUnresonatedFraction(atRange: r)
            for eps in [-1e-12, 1e-12] {
                let near = HamiltonianResonanceModel(parameters(invXi: eps, lambda: 3)).logUnresonatedFraction(atRange: r)
                assertRelative(near, at, 1e-9, "continuity at 1/xi=\(eps), r=\(r)")
            }
        }
    }

    /// Near the transition [S] ~ 1/(omega sqrt(Lambda ln|J/omega|)) (111): at 1/xi = 0 and
    /// ln|J/omega| << Lambda the ratio of (93) to (111) tends to the constant 1/(4 sqrt(2 ln 2)).
    func testNearCriticalSpectralFunction() {
        let model = HamiltonianResonanceModel(parameters(invXi: 0, lambda: 1e8, length: 1e4))
        for omega in [1e-3, 1e-10, 1e-30] {
            let ratio = model.spectralFunction(omega: omega) / model.nearCriticalSpectralFunction(omega: omega)
            assertRelative(ratio, 1 / (4 * (2 * log(2.0)).squareRoot()), 1e-3, "(111) at omega=\(omega)")
        }
    }

    /// theta0 appears as the low-frequency exponent in the MBL phase, and 0+ at the transition:
    /// d ln [S]/d ln omega -> -1 with a logarithmic correction -1/(2 ln(J/omega)) - sqrt(...) terms.
    func testLowFrequencyExponents() {
        // MBL: ln S = (theta0 - 1) ln omega - (1/2) ln ln(J/omega) + ln F1, so the slope is
        // theta0 - 1 + 1/(2 ln(J/omega)) + O(F1 variation, exponentially small deep in the tail).
        let mbl = HamiltonianResonanceModel(parameters(invXi: 0.5, lambda: 4, length: 4000))
        let deep = 1e-280
        assertAbsolute(1 + logSlope({ mbl.spectralFunction(omega: $0) }, at: deep),
                       mbl.parameters.decayExponent + 1 / (2 * -log(deep)), 1e-8, "theta0 (MBL)")
        let critical = HamiltonianResonanceModel(parameters(invXi: 0, lambda: 4, length: 1e5))
        // At 1/xi = 0: ln S = -ln omega - (1/2) ln ln(J/omega) - sqrt(zeta_c ln(J/omega)/(2 Lambda)) + const.
        let omega = 1e-200, logRatio = -log(omega)
        let expected = -1 + 1 / (2 * logRatio)
            + 0.5 * (criticalLocalizationLength / (2 * 4 * logRatio)).squareRoot()
        assertRelative(logSlope({ critical.spectralFunction(omega: $0) }, at: omega), expected, 1e-8, "critical slope")
    }
}

final class HamiltonianDensityOfStatesTests: XCTestCase {
    let model = HamiltonianResonanceModel(try! ResonanceParameters(inverseCorrelationLength: 0.2, resonanceLength: 3,
                                                                   length: 30, disorder: 1.7))

    /// rho_sigma (79), (80) solves the growth-diffusion equation (81):
    /// d rho/dr = W^2 d^2 rho/de^2 + (2/zeta_c) rho, checked by finite differences.
    func testDensityOfStatesSolvesGrowthDiffusion() {
        let w = model.disorder, eSigma = 0.85
        for (e, r) in [(0.3, 0.7), (-2.0, 3.0), (4.0, 10.0)] {
            let rho = { (e: Double, r: Double) in self.model.densityOfStates(energy: e, range: r, probeEnergy: eSigma) }
            let dr = richardsonDerivative({ rho(e, $0) }, at: r, step: 1e-2)
            let h = 1e-2
            let d2e = (rho(e + h, r) - 2 * rho(e, r) + rho(e - h, r)) / (h * h)
            assertRelative(dr, w * w * d2e + 2 / criticalLocalizationLength * rho(e, r), 1e-4, "(81) at e=\(e), r=\(r)")
        }
    }

    /// The total number of states at range r: integral rho de = 4 exp(2r/zeta_c)/zeta_c, as (40) with the
    /// Floquet Omega replaced by the energy density.
    func testDensityOfStatesNormalization() {
        let quadrature = GaussKronrod(absoluteTolerance: 0, relativeTolerance: 1e-13)
        for r in [0.0, 2.0, 7.5] {
            let s = model.localEnergyWidth(atRange: r)
            let total = quadrature.integrate({ self.model.densityOfStates(energy: $0, range: r, probeEnergy: 0.4) },
                                             from: 0.4 - 40 * s, to: 0.4 + 40 * s).value
            assertRelative(total, 4 * exp(2 * r / criticalLocalizationLength) / criticalLocalizationLength, 1e-12, "r=\(r)")
        }
        XCTAssertEqual(model.localEnergyWidth(atRange: 4), 1.7 * 3, accuracy: 1e-15)
    }

    /// (82) at the partner's energy is the energy-blind rate (89); away from it it falls as a Gaussian
    /// of variance 2 W^2 r.
    func testEnergyResolvedResonanceProbability() {
        for r in [0.5, 4.0] {
            assertRelative(model.resonanceProbability(energy: -0.3, range: r, partnerEnergy: -0.3),
                           model.resonanceProbability(atRange: r), 1e-15, "(82) vs (89)")
            let w = model.disorder, offset = 1.3
            assertRelative(model.resonanceProbability(energy: offset, range: r, partnerEnergy: 0) / model.resonanceProbability(atRange: r),
                           exp(-offset * offset / (4 * w * w * r)), 1e-14, "Gaussian in e")
        }
    }
}
