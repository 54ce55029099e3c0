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

    /// Deep on the thermal side (W = 3, W_c = 10, L = 14: 1/xi = -1.2, kappa = 0.18) p(r) grows
    /// fast off the real axis and the complex paths fail (they gave 1e64 at t = 66). The value must
    /// obey |[Czz]| <= 1 and equal an independent real-axis integral: composite Simpson on uniform
    /// grids in u = sqrt(r) (which removes the r^(-1/2) of the density at r = 0), with n and 2n
    /// points; p has kinks, so the tolerance is the grids' own difference.
    func testThermalSideAgainstRealAxisSimpson() throws {
        let w = 3.0
        let model = HamiltonianResonanceModel(try ResonanceParameters(
            inverseCorrelationLength: ResonanceParameters.inverseCorrelationLength(disorder: w, criticalDisorder: 10),
            resonanceLength: ResonanceParameters.resonanceLength(disorder: w), length: 14, disorder: w))
        let correlator = ProbeCorrelator(model)
        let kappa = model.parameters.matrixElementDecayRate, half = model.parameters.maximumRange
        // 2 u p(u^2) at u -> 0 is finite (p ~ r^(-1/2)); its limit from a tiny u.
        let origin = 2e-9 * model.strongestResonanceDensity(atRange: 1e-18)
        func simpson(_ t: Double, points n: Int) -> Double {
            let h = half.squareRoot() / Double(n)
            var sum = origin * cos(t)
            for k in 1...n {
                let u = Double(k) * h
                let f = 2 * u * model.strongestResonanceDensity(atRange: u * u) * cos(t * exp(-kappa * u * u))
                sum += f * (k == n ? 1 : (k % 2 == 1 ? 4 : 2))
            }
            return model.infiniteTimeMemory + sum * h / 3
        }
        for t in [20.0, 65.79, 100, 300] {
            let value = correlator.value(time: t)
            XCTAssertLessThanOrEqual(abs(value), 1 + 1e-12, "t = \(t)")
            let coarse = simpson(t, points: 200_000), fine = simpson(t, points: 400_000)
            XCTAssertLessThan(abs(coarse - fine), 1e-5, "t = \(t)")
            XCTAssertEqual(value, fine, accuracy: 2 * abs(coarse - fine) + 1e-10, "t = \(t)")
        }
    }
}
