import Foundation
import ResonanceModel

/// Fig. 1 as data: the classified (1/zeta, L) or (W/W_c, L) grid, the boundary lines, omega_th (96)
/// along the grid, and the overlap Monte Carlo of Sec. IV B / Fig. 7.
public enum RegimeMapStudy: Study {
    /// The plane of the map: (1/zeta, L) at fixed Lambda, or (W/W_c, L) with (83), (D4).
    public enum Plane: String, Sendable, CaseIterable { case zeta, disorder }

    /// The map of Fig. 1 and the overlap Monte Carlo of Fig. 7, each default stated once:
    /// `resonance rm regimes` and the report section build their runs from `Config()`.
    public struct Config: Sendable {
        public var plane = Plane.zeta
        /// Lambda of the zeta plane (Fig. 1: 30).
        public var resonanceLength = 30.0
        /// The parametrization of the disorder plane (W_c = 10, J = 1).
        public var crossover = DisorderCrossover()
        /// Consistency threshold (95) and region I/II boundary (`RegimeThresholds` defaults: 1, 1).
        public var thresholds = RegimeThresholds()
        /// The grid: L = 1...maximumLength against `points` abscissae, 1/zeta in [0.01, 2 ln 2] or
        /// W/W_c in [0.3, 3] (log-spaced).
        public var maximumLength = 80
        public var points = 121
        /// The overlap Monte Carlo: chain of `sites`, seed, 16 xi log-spaced on [0.3, 3 sqrt(Lambda)].
        public var sites = 100_000
        public var seed: UInt64 = 1
        /// What `run` computes.
        public var parts: Set<Part> = [.map, .lines]

        public init() {}

        public var lengths: [Double] { (1...maximumLength).map(Double.init) }
        public var overlapCorrelationLengths: [Double] {
            grid(from: 0.3, to: 3 * resonanceLength.squareRoot(), points: 16, logarithmic: true)
        }
    }

    /// The tables `run` computes; those left out come back empty.
    public enum Part: Sendable, Hashable, CaseIterable {
        /// The classified grid of `plane`.
        case map
        /// The lines of the zeta plane.
        case lines
        /// The overlap Monte Carlo against xi^2/Lambda.
        case overlap
    }

    public struct Result: Sendable {
        /// inv_zeta or W_over_Wc, L, inv_xi, Lambda, regime, omega_th.
        public var map: ColumnTable
        /// L and the lines |xi| = L/2, L = Lambda, L = 2 sqrt(Lambda).
        public var lines: ColumnTable
        public var overlap: ColumnTable
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        let map = RegimeMap(thresholds: config.thresholds), parts = config.parts, empty = ColumnTable(columns: [])
        var classified = empty
        if parts.contains(.map) {
            switch config.plane {
            case .zeta:
                let inverseZetas = grid(from: 0.01, to: 2 * M_LN2, points: config.points, logarithmic: false)
                classified = table(map.classify(inverseLocalizationLengths: inverseZetas, lengths: config.lengths,
                                          resonanceLength: config.resonanceLength), abscissaName: "inv_zeta")
            case .disorder:
                let ratios = grid(from: 0.3, to: 3, points: config.points, logarithmic: true)
                classified = table(map.classify(disorderRatios: ratios, lengths: config.lengths, crossover: config.crossover),
                             abscissaName: "W_over_Wc")
            }
        }
        return Result(
            map: classified,
            lines: parts.contains(.lines) ? lines(map: map, resonanceLength: config.resonanceLength, lengths: config.lengths) : empty,
            overlap: parts.contains(.overlap)
                ? try overlap(resonanceLength: config.resonanceLength, correlationLengths: config.overlapCorrelationLengths,
                              sites: config.sites, seed: config.seed)
                : empty)
    }

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
