import Foundation
import SpinChains

/// Comparison 6: does the stability criterion rho vbar (129)-(131) separate the phases at smaller
/// L than the level-spacing ratio <r>?
///
/// xxz (S^z = 0) at one disorder on each side of the crossover, for several L. Each observable is
/// turned into a phase indicator in [0, 1] (thermal 1, localised 0):
/// - rho vbar: its growth exponent between consecutive lengths, s = log_2(rho vbar(L') / rho vbar(L)) / ((L' - L)/2)
///   (thermal: rho vbar ~ 2^(L/2), s = 1; MBL: saturates, s = 0);
/// - <r>: (<r> - r_Poisson)/(r_GOE - r_Poisson).
/// The separation of an observable at a length is the thermal minus the localised indicator, with
/// its standard error; the criterion "separates earlier" where its separation at the smallest
/// lengths exceeds that of <r> by more than two combined standard errors.
public enum CriterionComparison: Study {
    public struct Config: Sendable {
        public var lengths = [8, 10, 12]
        public var thermalDisorder = 1.0
        public var localizedDisorder = 6.0
        public var realizations: [Int: Int] = [8: 60, 10: 30, 12: 10, 14: 3]
        public var seed: UInt64 = 2022

        public init() {}

        /// Realizations at `length` (4 where `realizations` has none).
        public func realizations(at length: Int) -> Int { realizations[length] ?? 4 }
    }

    public static let poissonRatio = 2 * M_LN2 - 1
    public static let goeRatio = 0.5307

    public struct Result: Sendable {
        public var lengths: [Int]
        /// Per disorder (thermal, localised), per length: mean and error.
        public var rhoVbar: [[(mean: Double, error: Double)]]
        public var ratio: [[(mean: Double, error: Double)]]
        /// Separations at lengths[1...] (rho vbar: from the pair (L_{i-1}, L_i)) and at lengths (<r>).
        public var criterionSeparation: [(mean: Double, error: Double)]
        public var ratioSeparation: [(mean: Double, error: Double)]
    }

    /// The exact-numerics job of one (L, W): xxz in the middle sector, `<r>` and `rho vbar`.
    public static func job(_ config: Config, length: Int, disorder w: Double) -> ExactRealization {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: w)
        problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: nil)
        return ExactRealization(problem: problem, observables: [.levelStatistics, .criterion], seed: config.seed)
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        var rho: [[(Double, Double)]] = [], r: [[(Double, Double)]] = []
        for w in [config.thermalDisorder, config.localizedDisorder] {
            var rhoRow: [(Double, Double)] = [], rRow: [(Double, Double)] = []
            for length in config.lengths {
                let result = try ComparisonSampling.average(job(config, length: length, disorder: w),
                                                            count: config.realizations(at: length), sink: sink)
                rhoRow.append(try result.required(.criterionRhoVbar))
                rRow.append(try result.required(.meanRatio))
            }
            rho.append(rhoRow)
            r.append(rRow)
        }
        return Self.analyse(lengths: config.lengths, rhoVbar: rho, ratio: r)
    }

    /// The indicators and separations (pure).
    public static func analyse(lengths: [Int], rhoVbar: [[(mean: Double, error: Double)]], ratio: [[(mean: Double, error: Double)]]) -> Result {
        func growth(_ row: [(mean: Double, error: Double)], _ i: Int) -> (Double, Double) {
            let a = row[i - 1], b = row[i], half = Double(lengths[i] - lengths[i - 1]) / 2
            let s = log2(b.mean / a.mean) / half
            let e = ((a.error / a.mean) * (a.error / a.mean) + (b.error / b.mean) * (b.error / b.mean)).squareRoot() / (M_LN2 * half)
            return (s, e)
        }
        let criterion = (1..<max(lengths.count, 1)).map { i -> (mean: Double, error: Double) in
            let t = growth(rhoVbar[0], i), l = growth(rhoVbar[1], i)
            return (t.0 - l.0, (t.1 * t.1 + l.1 * l.1).squareRoot())
        }
        let span = goeRatio - poissonRatio
        let ratioSeparation = lengths.indices.map { i -> (mean: Double, error: Double) in
            let t = ratio[0][i], l = ratio[1][i]
            return ((t.mean - l.mean) / span, (t.error * t.error + l.error * l.error).squareRoot() / span)
        }
        return Result(lengths: lengths, rhoVbar: rhoVbar, ratio: ratio, criterionSeparation: criterion, ratioSeparation: ratioSeparation)
    }
}
