import Foundation
import NumericKit
import XCTest
@testable import ResonanceModel

/// The resonance-overlap Monte Carlo (Sec. IV B, Fig. 7).
final class FiniteSizeOverlapTests: XCTestCase {
    /// Inverse-transform sampling of the Floquet F (45) against its explicit inverse
    /// r = -xi ln(1 + Lambda ln(u)/xi).
    func testFloquetRangeSampling() throws {
        let xi = 3.0, lambda = 20.0
        let overlap = ResonanceOverlap(FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 1 / xi,
                                                                                    resonanceLength: lambda, length: 200)))
        for u in [0.99, 0.95, 0.9, 0.87] {
            let explicit = -xi * log(1 + lambda * log(u) / xi)
            XCTAssertEqual(try XCTUnwrap(overlap.range(uniform: u)), explicit, accuracy: 1e-9, "u=\(u)")
        }
        XCTAssertNil(overlap.range(uniform: 0.5))  // below F(inf) = exp(-xi/Lambda) = 0.86
    }

    /// Monte Carlo against quadrature: density 1 - F(R), overlap fraction and mean partner count,
    /// within 5 standard errors (binomial/Poisson estimates).
    func testMonteCarloAgainstQuadrature() throws {
        for (xi, lambda) in [(2.0, 10.0), (4.0, 8.0)] {
            let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 1 / xi, resonanceLength: lambda, length: 60))
            let overlap = ResonanceOverlap(model)
            let sample = overlap.sample(sites: 40_000, seed: 7)
            let density = overlap.resonanceDensity
            XCTAssertEqual(sample.density, density, accuracy: 5 * (density * (1 - density) / 40_000).squareRoot())
            let fraction = overlap.expectedOverlapFraction()
            let n = Double(sample.resonances)
            // Neighbouring overlaps are correlated: allow twice the binomial error.
            XCTAssertEqual(sample.overlapFraction, fraction, accuracy: 10 * (fraction * (1 - fraction) / n).squareRoot() + 1e-3,
                           "xi=\(xi) Lambda=\(lambda)")
            XCTAssertEqual(sample.meanPartners, overlap.expectedPartners(), accuracy: 0.05 * overlap.expectedPartners() + 0.01)
        }
    }

    /// For xi << Lambda the partner count approaches 4 xi^2/Lambda (density xi/Lambda times the
    /// reach 2(r + r') with mean ranges xi): the overlap condition xi^2 >~ Lambda of Sec. IV B.
    func testPartnerCountScalesAsXiSquaredOverLambda() throws {
        for (xi, lambda) in [(3.0, 3000.0), (6.0, 12000.0)] {
            let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 1 / xi, resonanceLength: lambda, length: 80 * xi))
            let partners = ResonanceOverlap(model).expectedPartners()
            // Discreteness of the site lattice: the sum over d of G(d - r) differs from the integral by O(1/xi).
            assertRelative(partners, 4 * xi * xi / lambda, 0.5 / xi, "xi=\(xi)")
        }
    }
}
