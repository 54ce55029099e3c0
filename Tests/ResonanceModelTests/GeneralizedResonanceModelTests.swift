import Foundation
import XCTest
@testable import ResonanceModel

/// The generalised RM (Sec. IV A, with the factor 2 and the sign corrected) fed with the Floquet
/// matrix-element density (98) must reproduce the Floquet closed form (53).
final class GeneralizedResonanceModelTests: XCTestCase {
    /// Coarse-grained (98): the cumulative number of states with v(r') >= v, sum_{r' <= r} N_r' =
    /// 2 4^r - 1, smoothed to C(r) = 2 4^r, binned in v as a histogram varrho = (1/Omega) dC/dv.
    func floquetHistogram(_ p: ResonanceParameters, bins: Int) -> (v: [Double], varrho: [Double]) {
        let omega = ResonanceParameters.driveFrequency(resonanceLength: p.resonanceLength, interaction: p.interaction)
        let kappa = p.matrixElementDecayRate
        func cumulative(_ v: Double) -> Double { 2 * pow(4, log(p.interaction / v) / kappa) }
        let vMin = p.interaction * exp(-kappa * p.maximumRange), vMax = p.interaction
        let edges = (0...bins).map { vMin * pow(vMax / vMin, Double($0) / Double(bins)) }
        var centres = [Double](), density = [Double]()
        for i in 0..<bins {
            centres.append((edges[i] * edges[i + 1]).squareRoot())
            density.append((cumulative(edges[i]) - cumulative(edges[i + 1])) / (omega * (edges[i + 1] - edges[i])))
        }
        return (centres, density)
    }

    func testFloquetHistogramReproducesClosedForm53() throws {
        for invXi in [0.2, 0.0, -0.1] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 3, length: 24)
            let floquet = FloquetResonanceModel(p)
            let table = floquetHistogram(p, bins: 3000)
            let generalized = try GeneralizedResonanceModel(matrixElements: table.v, density: table.varrho)
            for omega in [0.5, 0.05, 1e-3, 1e-5] {
                assertRelative(generalized.spectralFunction(omega: omega), floquet.spectralFunctionClosedForm(omega: omega),
                               2e-3, "S(omega = \(omega)), 1/xi = \(invXi)")
            }
        }
    }

    func testAnalyticDensityReproducesClosedForm53AndSumRule() throws {
        let p = try ResonanceParameters(inverseCorrelationLength: 0.1, resonanceLength: 2, length: 30)
        let floquet = FloquetResonanceModel(p)
        let omegaDrive = ResonanceParameters.driveFrequency(resonanceLength: p.resonanceLength)
        let kappa = p.matrixElementDecayRate, j = p.interaction
        // Coarse-grained (98) in closed form: varrho(v) = (4/zeta_c) 4^r(v)/(Omega kappa v).
        let vMin = floquet.cutoffFrequency
        let generalized = try GeneralizedResonanceModel(lowerCutoff: vMin, upperCutoff: j) { v in
            (4 / criticalLocalizationLength) * pow(4, log(j / v) / kappa) / (omegaDrive * kappa * v)
        }
        for omega in [0.9, 0.1, 1e-4] {
            assertRelative(generalized.spectralFunction(omega: omega), floquet.spectralFunctionClosedForm(omega: omega),
                           1e-9, "S(omega = \(omega))")
        }
        assertRelative(generalized.zeroFrequencyWeight, floquet.infiniteTimeMemory, 1e-9, "F(0) = [Czz]")
        // Sum rule: 2 integral_0^J S + F(0) = 1 (S is even in omega).
        let integral = (0..<4000).reduce(0.0) { sum, k in
            let a = vMin * pow(j / vMin, Double(k) / 4000), b = vMin * pow(j / vMin, Double(k + 1) / 4000)
            let m = (a * b).squareRoot()
            return sum + generalized.spectralFunction(omega: m) * (b - a)
        }
        assertRelative(2 * integral + generalized.zeroFrequencyWeight, 1, 1e-4, "sum rule")
    }

    func testTableValidation() {
        XCTAssertThrowsError(try GeneralizedResonanceModel(matrixElements: [1, 0.5], density: [1, 1]))
        XCTAssertThrowsError(try GeneralizedResonanceModel(matrixElements: [0.1, 0.5], density: [1, -1]))
    }
}
