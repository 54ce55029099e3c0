import Foundation
import XCTest
@testable import ResonanceModel

final class TwoLevelResonanceModelTests: XCTestCase {
    /// The per-partner closed forms against the 2x2 problem [[Delta/2, V], [V, -Delta/2]] summed on a
    /// fine midpoint grid of detunings Delta uniform on (-Omega/2, Omega/2): <sigma^z> = Delta/omega,
    /// weight 4V^2/omega^2 split over +-omega, omega = sqrt(Delta^2 + 4V^2).
    func testPartnerAveragesAgainstDetuningGrid() throws {
        let omegaDrive = 10.0
        let model = TwoLevelResonanceModel(try DiscreteResonanceModel(shells: [], driveFrequency: omegaDrive))
        let count = 400_000
        for v in [0.02, 0.3, 2.0] {
            var loss = 0.0, hybridised = 0.0, window = 0.0
            let (a, b) = (0.5, 1.5)
            for k in 0..<count {
                let delta = -omegaDrive / 2 + (Double(k) + 0.5) * omegaDrive / Double(count)
                let omega = (delta * delta + 4 * v * v).squareRoot()
                let weight = 4 * v * v / (omega * omega)
                loss += weight
                if abs(delta / omega) < 0.5 { hybridised += 1 }
                if omega > a && omega < b { window += weight / 2 }
            }
            let n = Double(count)
            assertRelative(model.memoryLoss(element: v), loss / n, 1e-6, "loss V=\(v)")
            assertAbsolute(model.hybridization(element: v), hybridised / n, 1e-5, "hybridised V=\(v)")
            assertAbsolute(model.spectralWeight(element: v, from: a, to: b), window / n, 1e-5, "[S] weight V=\(v)")
        }
        // Weak coupling: pi times the RM's resonance probability 2|V|/Omega (41); 2/sqrt(3) for hybridization.
        assertRelative(model.memoryLoss(element: 1e-6) / (2e-6 / omegaDrive), Double.pi, 1e-6, "pi")
        assertRelative(model.hybridization(element: 1e-6) / (2e-6 / omegaDrive), 2 / 3.squareRoot(), 1e-12, "2/sqrt(3)")
    }

    /// The total weight of one partner over both signs is its memory loss.
    func testSpectralSumRule() throws {
        let model = TwoLevelResonanceModel(try DiscreteResonanceModel.syntheticLBit(length: 6, driveFrequency: 100, coupling: 1, localizationLength: 1))
        for v in [0.01, 0.5, 3.0] {
            assertRelative(2 * model.spectralWeight(element: v, from: 0, to: 1e6), model.memoryLoss(element: v), 1e-12, "V=\(v)")
        }
    }
}
