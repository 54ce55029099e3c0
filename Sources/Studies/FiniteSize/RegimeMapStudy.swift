import Foundation
import ResonanceModel

/// Fig. 1 as data: the classified (1/zeta, L) or (W/W_c, L) grid, the boundary lines, omega_th (96)
/// along the grid, and the overlap Monte Carlo of Sec. IV B / Fig. 7.
public enum RegimeMapStudy {
    /// Regime codes for plotting: 0 RM-MBL, 1 region I, 2 region II, 3 thermal, 4 inconsistent.
    public static func code(_ regime: ResonanceRegime) -> Double {
        switch regime {
        case .localised: return 0
        case .regionI: return 1
        case .regionII: return 2
        case .thermal: return 3
        case .inconsistent: return 4
        }
    }

    /// The grid as a table: abscissa, L, 1/xi, Lambda, regime code, omega_th (96) of the Floquet RM.
    public static func table(_ points: [RegimeMap.Point], abscissaName: String) -> ColumnTable {
        let omegaTh = points.map { point -> Double in
            guard let p = try? ResonanceParameters(inverseCorrelationLength: point.inverseCorrelationLength,
                                                   resonanceLength: point.resonanceLength, length: point.length)
            else { return .nan }
            return ResonanceScales(FloquetResonanceModel(p)).thresholdFrequency
        }
        return ColumnTable(columns: [
            (abscissaName, points.map(\.abscissa)), ("L", points.map(\.length)),
            ("inv_xi", points.map(\.inverseCorrelationLength)), ("Lambda", points.map(\.resonanceLength)),
            ("regime", points.map { code($0.regime) }), ("omega_th", omegaTh),
        ])
    }

    /// The lines of Fig. 1 in the (1/zeta, L) plane at fixed Lambda: |xi| = L/2 on both sides, and
    /// (constant in 1/zeta) L = Lambda and L = 2 sqrt(Lambda).
    public static func lines(map: RegimeMap, resonanceLength lambda: Double, lengths: [Double]) -> ColumnTable {
        ColumnTable(columns: [
            ("L", lengths),
            ("inv_zeta_xi_half_L_thermal", lengths.map { RegimeMap.correlationLengthLine(length: $0, thermalSide: true) }),
            ("inv_zeta_xi_half_L_localized", lengths.map { RegimeMap.correlationLengthLine(length: $0, thermalSide: false) }),
            ("L_equals_Lambda", lengths.map { _ in map.regionBoundaryLength(resonanceLength: lambda) }),
            ("L_equals_2_sqrt_Lambda", lengths.map { _ in map.selfConsistentLength(resonanceLength: lambda) }),
        ])
    }

    /// Resonance density per site (Sec. IV B): 1 - F(r = 1) and 1 - F(infinity) against xi/Lambda
    /// (Floquet), for 1/xi > 0.
    public static func resonanceDensity(resonanceLength lambda: Double, correlationLengths: [Double]) throws -> ColumnTable {
        var oneSite = [Double](), total = [Double]()
        for xi in correlationLengths {
            let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 1 / xi, resonanceLength: lambda,
                                                                      length: 2 * 80 * xi))
            oneSite.append(-expm1(model.logUnresonatedFraction(atRange: 1)))
            total.append(-expm1(model.logUnresonatedFraction(atRange: 80 * xi)))
        }
        return ColumnTable(columns: [("xi", correlationLengths), ("xi_over_Lambda", correlationLengths.map { $0 / lambda }),
                                     ("one_minus_F1", oneSite), ("one_minus_F_inf", total)])
    }

    /// The overlap Monte Carlo against xi^2/Lambda (Floquet, chain of `sites`), with the quadrature
    /// expectation beside it.
    public static func overlap(resonanceLength lambda: Double, correlationLengths: [Double], sites: Int, seed: UInt64) throws -> ColumnTable {
        var rows = [[Double]]()
        for (index, xi) in correlationLengths.enumerated() {
            let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 1 / xi, resonanceLength: lambda,
                                                                      length: 2 * max(40 * xi, 40)))
            let simulation = ResonanceOverlap(model)
            let sample = simulation.sample(sites: sites, seed: seed &+ UInt64(index))
            rows.append([xi, xi * xi / lambda, sample.density, sample.meanRange, sample.overlapFraction,
                         simulation.expectedOverlapFraction(), sample.meanPartners, simulation.expectedPartners(),
                         Double(sample.largestCluster)])
        }
        let names = ["xi", "xi2_over_Lambda", "density", "mean_range", "overlap_fraction_mc", "overlap_fraction_quadrature",
                     "partners_mc", "partners_quadrature", "largest_cluster"]
        return ColumnTable(columns: names.indices.map { c in (names[c], rows.map { $0[c] }) })
    }
}
