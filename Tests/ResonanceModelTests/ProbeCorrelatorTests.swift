import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

final class ProbeCorrelatorTests: XCTestCase {
    /// [Czz(0)] = 1 in both settings, for every 1/xi.
    func testCorrelatorStartsAtOne() {
        for invXi in sweepInverseCorrelationLengths {
            let p = parameters(invXi: invXi, lambda: 2.5, length: 26)
            assertAbsolute(ProbeCorrelator(FloquetResonanceModel(p)).value(time: 0), 1, 1e-12, "Floquet 1/xi=\(invXi)")
            assertAbsolute(ProbeCorrelator(HamiltonianResonanceModel(p)).value(time: 0), 1, 1e-12, "Hamiltonian 1/xi=\(invXi)")
        }
    }

    /// At 1/xi = 0 the Floquet integral is an incomplete gamma function of imaginary argument
    /// (mpmath at 50 digits): checks the steepest-descent paths up to t = 1e12.
    func testFloquetCriticalAgainstIncompleteGamma() throws {
        let rows = try referenceRows("floquet_czz_t_critical")
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows {
            let model = FloquetResonanceModel(parameters(invXi: 0, lambda: row["lambda"]!, length: row["L"]!, j: row["J"]!))
            let t = row["t"]!
            assertAbsolute(ProbeCorrelator(model).value(time: t), row["czz"]!, 1e-10,
                           "Floquet critical Lambda=\(row["lambda"]!) L=\(row["L"]!) t=\(t)")
        }
    }

    /// General 1/xi against 32-digit Gauss-Legendre quadrature split at every zero of the cosine.
    func testFloquetAgainstHighPrecisionQuadrature() throws {
        let rows = try referenceRows("floquet_czz_t_general")
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows {
            let model = FloquetResonanceModel(parameters(invXi: row["inv_xi"]!, lambda: row["lambda"]!,
                                                         length: row["L"]!, j: row["J"]!))
            assertAbsolute(ProbeCorrelator(model).value(time: row["t"]!), row["czz"]!, 1e-10,
                           "Floquet 1/xi=\(row["inv_xi"]!) Lambda=\(row["lambda"]!) L=\(row["L"]!) t=\(row["t"]!)")
        }
    }

    func testHamiltonianAgainstHighPrecisionQuadrature() throws {
        let rows = try referenceRows("hamiltonian_czz_t")
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows {
            let model = HamiltonianResonanceModel(parameters(invXi: row["inv_xi"]!, lambda: row["lambda"]!,
                                                             length: row["L"]!, j: row["J"]!))
            assertAbsolute(ProbeCorrelator(model).value(time: row["t"]!), row["czz"]!, 1e-10,
                           "Hamiltonian 1/xi=\(row["inv_xi"]!) Lambda=\(row["lambda"]!) L=\(row["L"]!) t=\(row["t"]!)")
        }
    }

    /// Two different splittings of the same integral (real axis up to phase 6 vs 400 before the
    /// steepest-descent paths take over) must agree: the contour part is exact, not a fit.
    func testSplittingIndependence() {
        for invXi in [-0.4, 0, 0.7] {
            for t in [3e2, 1e5, 1e9, 1e12] {
                let p = parameters(invXi: invXi, lambda: 3, length: 40)
                for model in [FloquetResonanceModel(p) as any ResonanceStatistics, HamiltonianResonanceModel(p)] {
                    let a = correlator(model, threshold: 6, time: t)
                    let b = correlator(model, threshold: 400, time: t)
                    assertAbsolute(a, b, 1e-11, "\(model.setting) 1/xi=\(invXi) t=\(t)")
                }
            }
        }
    }

    /// Long-time decay (58): [Czz(t)] - [Czz] ~ (J t)^-theta0 in the MBL phase of the Floquet RM
    /// (1/J << t << 1/omega_c): the local exponent approaches theta0.
    func testPowerLawDecay() {
        let model = FloquetResonanceModel(parameters(invXi: 0.3, lambda: 200, length: 400))
        let c = ProbeCorrelator(model)
        let t1 = 1e10, t2 = 1e12
        let memory = model.infiniteTimeMemory
        let exponent = -log((c.value(time: t2) - memory) / (c.value(time: t1) - memory)) / log(t2 / t1)
        assertAbsolute(exponent, model.parameters.decayExponent, 0.01, "(58) exponent")
    }

    /// (112): at the Hamiltonian transition ln [Czz(t)] ~ -sqrt(zeta_c ln(J t)/(2 Lambda)).
    func testCriticalDecayAsymptote() {
        let lambda = 0.5
        let model = HamiltonianResonanceModel(parameters(invXi: 0, lambda: lambda, length: 1e4))
        let c = ProbeCorrelator(model)
        for t in [1e8, 1e12] {
            let ratio = log(c.value(time: t)) / log(model.criticalCorrelatorAsymptote(time: t))
            assertAbsolute(ratio, 1, 0.1, "(112) at t=\(t)")
        }
    }

    private func correlator(_ model: any ResonanceStatistics, threshold: Double, time: Double) -> Double {
        func run<M: ResonanceStatistics>(_ m: M) -> Double {
            var c = ProbeCorrelator(m)
            c.oscillationThreshold = threshold
            return c.value(time: time)
        }
        return run(model)
    }
}
