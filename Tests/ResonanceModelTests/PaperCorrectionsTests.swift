import Foundation
import XCTest
@testable import ResonanceModel

/// The corrections of docs/corrections/ that concern constants of the model: (55) holds up to
/// 8/zeta_c, and a direct 2 rho v gives a quarter of (83). Both against hand-evaluated closed forms.
final class PaperCorrectionsTests: XCTestCase {
    /// (55): (omega_H/Lambda) exp(-L/(2 xi)) = (8/zeta_c) omega_c = 8 ln 2 omega_c for every
    /// parameter set, on both sides of the transition (docs/corrections/eq55-heisenberg-cutoff.md).
    func testCutoffMatchesHeisenbergFormUpToEightOverZetaC() {
        for (invXi, lambda, length) in [(0.0, 10.0, 20.0), (0.1, 30, 16), (-0.05, 5, 40), (0.7, 2, 8), (-1.2, 50, 12)] {
            let model = FloquetResonanceModel(parameters(invXi: invXi, lambda: lambda, length: length))
            // omega_c = J exp(-L/(2 xi) - L ln 2), omega_H = Omega 2^-L with Omega = 8 J Lambda ln 2 (43).
            let omegaC = exp(-length * invXi / 2 - length * M_LN2)
            assertRelative(model.cutoffFrequency, omegaC, 1e-12, "(54) at 1/xi = \(invXi)")
            let printed = model.heisenbergFrequency / lambda * exp(-length * invXi / 2)
            assertRelative(printed / model.cutoffFrequency, 8 * M_LN2, 1e-12, "(55) ratio at 1/xi = \(invXi), L = \(length)")
        }
    }

    /// (83): q = 2 v rho at the peak of rho (77), (80) implies Lambda = pi (zeta_c W/(8J))^2, a quarter
    /// of the printed (83), at every W, J and r (the exact width factor 2r/(2r + 1) kept)
    /// (docs/corrections/eq83-resonance-length.md).
    func testDirectTwoRhoVIsAQuarterOfEquation83() throws {
        for (w, j) in [(10.0, 1.0), (3.0, 0.5), (25.0, 2.0)] {
            let lambda83 = try ResonanceParameters.resonanceLength(disorder: w, interaction: j)
            assertRelative(lambda83, Double.pi * pow(w / (4 * j * M_LN2), 2), 1e-14, "(83) by hand, W = \(w)")
            for r in [1.0, 10, 100] {
                let p = try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: lambda83, interaction: j, length: 2 * r, disorder: w)
                let model = HamiltonianResonanceModel(p)
                let q = 2 * model.matrixElement(atRange: r) * model.densityOfStates(energy: w / 2, range: r, probeEnergy: w / 2)
                let direct = 1 / (4 * r * q * q) * (2 * r) / (2 * r + 1)
                assertRelative(direct, Double.pi * pow(w / (8 * j * M_LN2), 2), 1e-12, "2 rho v at W = \(w), J = \(j), r = \(r)")
                assertRelative(lambda83 / direct, 4, 1e-12, "(83) over 2 rho v at W = \(w), r = \(r)")
            }
        }
    }
}
