import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

/// Stability criterion (128)-(131), fidelity susceptibility (126), Thouless frequency (122), regime map.
final class FiniteSizeCriteriaTests: XCTestCase {
    let quadrature = GaussKronrod(absoluteTolerance: 1e-14, relativeTolerance: 1e-12)

    /// (128): the closed forms xi/Lambda (Floquet) and sqrt(pi xi/(4 Lambda)) (Hamiltonian) against
    /// quadrature of q(r) to r = 80 xi; and -ln F(R) against quadrature of q on [0, R] on both sides.
    func testStabilityCriterionClosedFormsAgainstQuadrature() throws {
        for invXi in [0.05, 0.3, 1.0] {
            for lambda in [2.0, 30] {
                let far = 80 / invXi
                let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, length: 2 * far)
                let floquet = FloquetResonanceModel(p), hamiltonian = HamiltonianResonanceModel(p)
                let qF = quadrature.integrate({ floquet.resonanceProbability(atRange: $0) }, from: 0, to: far).value
                let qH = quadrature.integrateSqrtSingular({ hamiltonian.resonanceProbability(atRange: $0) }, from: 0, to: far).value
                assertRelative(StabilityCriterion.floquetLimit(inverseCorrelationLength: invXi, resonanceLength: lambda), qF, 1e-11, "Floquet")
                assertRelative(StabilityCriterion.hamiltonianLimit(inverseCorrelationLength: invXi, resonanceLength: lambda), qH, 1e-11, "Hamiltonian")
            }
        }
        for invXi in [-0.4, -0.01, 0, 0.2] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 10, length: 30)
            let floquet = FloquetResonanceModel(p), hamiltonian = HamiltonianResonanceModel(p)
            assertRelative(StabilityCriterion.expectedResonances(floquet, upToRange: 15),
                           quadrature.integrate({ floquet.resonanceProbability(atRange: $0) }, from: 0, to: 15).value, 1e-11, "F")
            assertRelative(StabilityCriterion.expectedResonances(hamiltonian, upToRange: 15),
                           quadrature.integrateSqrtSingular({ hamiltonian.resonanceProbability(atRange: $0) }, from: 0, to: 15).value,
                           1e-11, "H")
        }
    }

    /// (129) for the discrete Floquet RM: the geometric closed form against the direct sum of
    /// N_r v(r)/Omega with (36), (38), (43); and its large-xi ratio to (1/2) integral q dr, (3/2)/(4 ln 2).
    func testDiscreteMeanMatrixElementDensity() throws {
        for invXi in [-0.3, 0.001, 0.5] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 25, length: 40)
            let model = FloquetResonanceModel(p)
            let omega = ResonanceParameters.driveFrequency(resonanceLength: 25)
            let direct = (0...20).reduce(0.0) { $0 + FloquetResonanceModel.stateCount(atRange: $1) * model.matrixElement(atRange: Double($1)) } / omega
            assertRelative(StabilityCriterion.floquetMeanMatrixElementDensity(model, upToRange: 20), direct, 1e-12, "1/xi=\(invXi)")
        }
        let p = try ResonanceParameters(inverseCorrelationLength: 1e-4, resonanceLength: 25, length: 1e6)
        let model = FloquetResonanceModel(p)
        let ratio = StabilityCriterion.floquetMeanMatrixElementDensity(model, upToRange: 400_000)
            / (0.5 * StabilityCriterion.expectedResonances(model, upToRange: 5e5))
        assertRelative(ratio, 1.5 / (4 * M_LN2), 2e-3, "coarse-graining factor")
    }

    /// (126) at 1/xi = 0: the closed form against quadrature; slope 2 ln 2 and intercept
    /// c - 4 ln 2 Lambda for L >> Lambda (the O(Lambda/L) correction of (126)).
    func testFidelitySusceptibilityAtTransition() throws {
        for lambda in [5.0, 40] {
            for length in [2.0, 20, 100, 600] {
                let p = try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: lambda, length: length)
                let chi = FidelitySusceptibility(FloquetResonanceModel(p))
                assertRelative(chi.meanLogSusceptibility(),
                               FidelitySusceptibility.criticalMeanLogSusceptibility(length: length, resonanceLength: lambda),
                               1e-9, "Lambda=\(lambda) L=\(length)")
            }
            let big = 60 * lambda, c = 2 * log(1 / (2 * lambda))
            let slope = (FidelitySusceptibility.criticalMeanLogSusceptibility(length: big + 1, resonanceLength: lambda)
                         - FidelitySusceptibility.criticalMeanLogSusceptibility(length: big, resonanceLength: lambda))
            XCTAssertEqual(slope, 2 * M_LN2, accuracy: 1e-10)
            XCTAssertEqual(FidelitySusceptibility.criticalMeanLogSusceptibility(length: big, resonanceLength: lambda) - 2 * M_LN2 * big,
                           c - 4 * M_LN2 * lambda, accuracy: 1e-9)
        }
    }

    /// s(r) integrates to 1 - F(L/2) (the resonant fraction), for xi of both signs.
    func testLongestResonanceDensityNormalization() throws {
        for invXi in [-0.2, 0, 0.1] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 12, length: 30)
            let chi = FidelitySusceptibility(FloquetResonanceModel(p))
            let total = quadrature.integrate({ chi.longestResonanceDensity(atRange: $0) }, from: 0, to: 15).value
            assertRelative(total, 1 - FloquetResonanceModel(p).infiniteTimeMemory, 1e-11, "1/xi=\(invXi)")
        }
    }

    /// (122) and its local rate in W (121): the analytic c(W) against a central difference of ln omega_Th.
    func testThoulessRate() {
        for w in [3.0, 6, 8.5, 9.5] {
            let h = 1e-5
            let numeric = -(log(ThoulessFrequency.value(disorder: w + h, criticalDisorder: 10, length: 20))
                            - log(ThoulessFrequency.value(disorder: w - h, criticalDisorder: 10, length: 20))) / (2 * h)
            assertRelative(ThoulessFrequency.exponentialRate(disorder: w, criticalDisorder: 10), numeric, 1e-7, "W=\(w)")
        }
        // omega_Th = omega_xi-like scale times (xi/L)^2: doubling L quarters it.
        XCTAssertEqual(ThoulessFrequency.value(correlationLength: -3, length: 10) / ThoulessFrequency.value(correlationLength: -3, length: 20),
                       4, accuracy: 1e-12)
    }

    /// The regime map agrees with its own boundary lines: just inside |xi| < L/2 is thermal or
    /// RM-MBL, just outside is region I (L < Lambda) or II, and beyond min(L/2, |xi|) > sqrt(Lambda)
    /// the point is inconsistent.
    func testRegimeMapAgainstBoundaryLines() {
        let map = RegimeMap()
        let lambda = 400.0  // sqrt(Lambda) = 20: L < 40 consistent
        for length in [8.0, 16, 30] {
            let thermalLine = RegimeMap.correlationLengthLine(length: length, thermalSide: true)
            let localizedLine = RegimeMap.correlationLengthLine(length: length, thermalSide: false)
            let inside = map.classify(inverseLocalizationLengths: [thermalLine - 1e-6, localizedLine + 1e-6], lengths: [length], resonanceLength: lambda)
            XCTAssertEqual(inside.map(\.regime), [.thermal, .localised], "L=\(length)")
            let outside = map.classify(inverseLocalizationLengths: [thermalLine + 1e-6, M_LN2, localizedLine - 1e-6], lengths: [length], resonanceLength: lambda)
            XCTAssertEqual(Set(outside.map(\.regime)), [.regionI], "L=\(length)")
        }
        let lines = map.inconsistentInverseLocalizationLengths(resonanceLength: lambda)
        let long = map.classify(inverseLocalizationLengths: [lines.thermal + 1e-6, M_LN2, lines.localised - 1e-6], lengths: [50], resonanceLength: lambda)
        XCTAssertEqual(Set(long.map(\.regime)), [.inconsistent])
        XCTAssertEqual(map.selfConsistentLength(resonanceLength: lambda), 40)
        let small = map.classify(inverseLocalizationLengths: [M_LN2], lengths: [2], resonanceLength: 1)
        XCTAssertEqual(small.first?.regime, .regionII)
    }
}

final class GeneralizedCriterionTests: XCTestCase {
    /// rho vbar from the generalised RM with the coarse-grained Floquet varrho(v) = q(r(v))/(2 kappa v^2)
    /// (from 2 v varrho dv = q dr, v = J e^{-kappa r}) equals (1/2) integral_0^{L/2} q dr = (xi/(2 Lambda))(1 - e^{-L/(2 xi)}).
    func testGeneralizedRhoVbarMatchesFloquetIntegral() throws {
        for invXi in [-0.3, 0, 0.5] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 7, length: 30)
            let model = FloquetResonanceModel(p)
            let kappa = p.matrixElementDecayRate
            let lower = model.matrixElement(atRange: p.maximumRange)
            let generalised = try GeneralizedResonanceModel(lowerCutoff: lower, upperCutoff: p.interaction) { v in
                model.resonanceProbability(atRange: log(p.interaction / v) / kappa) / (2 * kappa * v * v)
            }
            let expected = -0.5 * model.logUnresonatedFraction(atRange: p.maximumRange)
            let measured = StabilityCriterion.meanMatrixElementDensity(generalised)
            XCTAssertEqual(measured / expected, 1, accuracy: 1e-9, "1/xi = \(invXi)")
        }
    }
}
