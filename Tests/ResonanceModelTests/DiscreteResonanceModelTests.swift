import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

final class DiscreteResonanceModelTests: XCTestCase {
    let quadrature = GaussKronrod(absoluteTolerance: 1e-15, relativeTolerance: 1e-12)

    /// The sphere-coordinate law: the closed-form tail of 2|V|/Omega against adaptive quadrature of
    /// the density; the density integrates to one; the capped branch (R > Omega/2) against quadrature.
    func testSphereLawTailsAgainstQuadrature() {
        for n in [4.0, 24.0, 480.0] {
            for (radius, omega) in [(0.8, 2 * Double.pi), (3.0, 2.0)] {
                let shell = ResonanceShell(range: 1, partnerCount: 1, law: .sphereCoordinate(radius: radius, dimension: n))
                let total = quadrature.integrate({ shell.resonantDensity(at: $0, driveFrequency: 1e300) / (2 * $0 / 1e300) },
                                                 from: 0, to: radius).value
                assertRelative(total, 1, 1e-8, "normalization n=\(n)")
                for w in [0.0, 0.05, 0.3] where w < radius {
                    let expected = quadrature.integrate({ shell.resonantDensity(at: $0, driveFrequency: omega) }, from: w, to: radius).value
                    let tail = shell.resonantTail(above: w, driveFrequency: omega)
                    if expected > 1e-10 {
                        assertRelative(tail, expected, 1e-7, "tail n=\(n) R=\(radius) w=\(w)")
                    } else {
                        assertAbsolute(tail, expected, 1e-15, "tail n=\(n) R=\(radius) w=\(w)")
                    }
                }
            }
        }
    }

    /// Large n: the element is Gaussian with variance R^2/n, so E|V| = sigma sqrt(2/pi).
    func testSphereLawGaussianLimit() {
        let n = 1e6, sigma = 0.01
        let shell = ResonanceShell(range: 3, partnerCount: 1, law: .sphereCoordinate(radius: sigma * n.squareRoot(), dimension: n))
        let omega = 10.0
        assertRelative(shell.resonantTail(above: 0, driveFrequency: omega), 2 * sigma * (2 / Double.pi).squareRoot() / omega, 1e-5, "E|V|")
        let w = 1.5 * sigma
        assertRelative(shell.resonantTail(above: w, driveFrequency: omega),
                       2 * sigma * (2 / Double.pi).squareRoot() * exp(-w * w / (2 * sigma * sigma)) / omega, 1e-5, "tail")
    }

    /// Partner counts of the l-bit model: N_0 = 1, N_r = (3/2) 4^r (36), N_(L/2) = 2^(L-1); every
    /// other chain state is a partner at exactly one range, so sum_r N_r = 2^L - 1; and the variance
    /// R^2/n of an element is |V_r|^2/N_r (37).
    func testLBitShellsCountEveryState() throws {
        for length in [2, 4, 8, 14] {
            let model = try DiscreteResonanceModel.syntheticLBit(length: length, driveFrequency: 7, coupling: 1.3, localizationLength: 1.7)
            XCTAssertEqual(model.shells.map(\.partnerCount).reduce(0, +), pow(2, Double(length)) - 1)
            for shell in model.shells {
                let r = Int(shell.range)
                let expected = r == 0 ? 1 : r == length / 2 ? pow(2, Double(length - 1)) : FloquetResonanceModel.stateCount(atRange: r)
                XCTAssertEqual(shell.partnerCount, expected, "L=\(length) r=\(r)")
                guard case .sphereCoordinate(let radius, let n) = shell.law else { return XCTFail("law") }
                assertRelative(radius * radius / n, 1.69 * exp(-2 * shell.range / 1.7) / expected, 1e-12, "variance r=\(r)")
            }
        }
    }

    /// Deep in the chain the l-bit model's first-order q_r is 2 N_r E|V|/Omega, below the continuum
    /// q(r) = 2 v rho (41), (42) by 4 ln 2 sqrt(pi/3): (40) counts 4 ln 2 4^r states per unit range
    /// against (3/2) 4^r, and (38) uses v = sqrt(3/2) sigma against E|V| = sqrt(2/pi) sigma.
    func testLBitAgainstContinuumDensityRatio() throws {
        let zeta = 2.0, omega = 4000.0, length = 24
        let discrete = try DiscreteResonanceModel.syntheticLBit(length: length, driveFrequency: omega, coupling: 1, localizationLength: zeta)
        let continuum = FloquetResonanceModel(try ResonanceParameters(
            inverseCorrelationLength: try ResonanceParameters.inverseCorrelationLength(localizationLength: zeta),
            resonanceLength: try ResonanceParameters.resonanceLength(driveFrequency: omega), length: Double(length)))
        for r in [6.0, 9.0] {
            let firstOrder = discrete.shells[Int(r)].partnerCount * discrete.shells[Int(r)].resonantTail(above: 0, driveFrequency: omega)
            assertRelative(continuum.resonanceProbability(atRange: r) / firstOrder, 4 * M_LN2 * (Double.pi / 3).squareRoot(), 1e-3, "r=\(r)")
        }
    }

    /// Continuum limit: shells of width 1e-3 with the continuum's rho (40) and v (38) reproduce F (45),
    /// G(w) = F(r(w)), the bin averages of [S] (52) and [Czz(t)] (47) (`ProbeCorrelator`), within
    /// O(J/Omega) (first-order resonance probability) and O(step) (one shell at a bin edge).
    func testContinuumLimitReproducesFloquetRM() throws {
        for invXi in [0.4, 0.0, -0.3] {
            let continuum = FloquetResonanceModel(parameters(invXi: invXi, lambda: 200, length: 8))
            let omega = ResonanceParameters.driveFrequency(resonanceLength: 200)
            let step = 1e-3
            let discrete = try DiscreteResonanceModel.continuumShells(of: continuum, step: step)
            let order = 1.01 / omega  // ln(1 - 2v/Omega)/(-2v/Omega) - 1 <= v/Omega <= J/Omega
            let logF = continuum.logUnresonatedFraction(atRange: 4)
            assertRelative(log(discrete.infiniteTimeMemory), logF, order + 1e-6, "ln F, 1/xi=\(invXi)")
            let kappa = continuum.parameters.matrixElementDecayRate
            for w in [0.9, 0.2, 0.02] where w > continuum.cutoffFrequency {
                let r = log(1 / w) / kappa
                assertAbsolute(discrete.logNoStrongerResonance(than: w), continuum.logUnresonatedFraction(atRange: r),
                               order * abs(logF) + 2 * step * continuum.resonanceProbability(atRange: 0), "ln G(\(w))")
            }
            for (a, b) in [(0.5, 0.8), (0.05, 0.1), (0.004, 0.01)] where a > continuum.cutoffFrequency {
                let expected = quadrature.integrate({ continuum.spectralFunction(omega: $0) }, from: a, to: b).value / (b - a)
                assertRelative(discrete.spectralBinAverage(from: a, to: b), expected, 0.01, "[S] on [\(a), \(b)]")
            }
            let correlator = ProbeCorrelator(continuum)
            for t in [0.0, 1.0, 7.0, 30.0] {
                assertAbsolute(discrete.correlator(time: t), correlator.value(time: t), 2e-4, "Czz(\(t)), 1/xi=\(invXi)")
            }
        }
    }

    /// Sum rule of the l-bit model's discrete RM: [Czz(0)] = F + integral dG = 1, the continuous
    /// part integrated by the correlator's quadrature and the range-0 atom at w = J added.
    func testLBitCorrelatorSumRule() throws {
        for (length, zeta, omega) in [(4, 2.5, 2 * Double.pi), (10, 1.0, 8 * Double.pi), (14, 2.5, 32 * Double.pi)] {
            let model = try DiscreteResonanceModel.syntheticLBit(length: length, driveFrequency: omega, coupling: 1, localizationLength: zeta)
            assertAbsolute(model.correlator(time: 0), 1, 1e-9, "Czz(0), L=\(length)")
            XCTAssertEqual(model.atoms.count, 1)
            XCTAssertEqual(model.atoms[0].frequency, 1)
            let weight = model.spectralWeight(from: 1e-12, to: 100) * 2
            assertAbsolute(weight + model.infiniteTimeMemory, 1, 1e-12, "weight, L=\(length)")
            // q_r and the nearest-resonance probabilities add up to 1 - F.
            let nearest = model.shells.map { model.nearestResonanceProbability(atRange: $0.range) }.reduce(0, +)
            assertAbsolute(nearest + model.infiniteTimeMemory, 1, 1e-12, "sum p_r, L=\(length)")
        }
    }

    func testInvalidInputIsRejected() {
        XCTAssertThrowsError(try DiscreteResonanceModel.syntheticLBit(length: 5, driveFrequency: 1, coupling: 1, localizationLength: 1))
        XCTAssertThrowsError(try DiscreteResonanceModel.syntheticLBit(length: 4, driveFrequency: .nan, coupling: 1, localizationLength: 1))
        XCTAssertThrowsError(try DiscreteResonanceModel(shells: [ResonanceShell(range: 0, partnerCount: -1, law: .fixed(1))], driveFrequency: 1))
    }
}
