import Foundation
import NumericKit
import ResonanceModel
import SpinChains

/// Comparison 5: the drift of the crossover W_delta(L), defined by [Czz](W_delta) = delta (116),
/// measured in heisenberg-o3 with a probe, against the Hamiltonian RM's drift (Fig. 9 inset) with
/// the disorder parametrization 1/xi = ln(W/W_c), Lambda(W) = (W/W_c)^2 Lambda_c (D4), (83).
///
/// ED: [Czz] on a W grid for each L; W_delta(L) where the averaged curve crosses delta
/// (interpolated in ln W), with the error sigma_[Czz] / |d[Czz]/dW| of the crossing segment.
/// Then (i) a weighted straight line W_delta = a + b L (is the drift linear?), and (ii) the RM's
/// (W_c, Lambda_c) fitted by least squares in ln W_delta on a log grid (W_c in [1, 100], Lambda_c
/// in [0.1, 1000]); Lambda_c is set through the interaction J of (83): J = zeta_c W_c/(4 sqrt(Lambda_c/pi)).
public enum CrossoverDriftComparison: Study {
    public struct Config: Sendable {
        public var lengths = [6, 7, 8, 9]
        public var disorders: [Double] = [2, 3, 4, 5, 6, 8, 11]
        public var realizations: [Int: Int] = [6: 30, 7: 16, 8: 8, 9: 4, 10: 3]
        public var threshold = 0.3
        public var seed: UInt64 = 2022

        public init() {}

        /// Realizations at `length` (4 where `realizations` has none).
        public func realizations(at length: Int) -> Int { realizations[length] ?? 4 }
    }

    public struct Result: Sendable {
        public var lengths: [Int]
        public var disorders: [Double]
        /// [Czz] and its error, by length then disorder.
        public var memory: [[Double]]
        public var memoryError: [[Double]]
        /// W_delta(L) (NaN where the curve does not cross delta) and its error.
        public var crossover: [Double]
        public var crossoverError: [Double]
        public var linearFit: LinearFit?
        /// Fitted RM parameters and its W_delta(L).
        public var criticalDisorder: Double
        public var criticalResonanceLength: Double
        public var modelCrossover: [Double]
        /// rms of ln(W_delta^ED / W_delta^RM).
        public var modelRmsLogRatio: Double
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> Result {
        var memory: [[Double]] = [], errors: [[Double]] = []
        for length in config.lengths {
            var row: [Double] = [], rowError: [Double] = []
            for w in config.disorders {
                var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: w)
                problem.probe = problem.defaultProbe
                var settings = ExactObservableSettings()
                settings.correlatorTimes = [0]
                let result = try ComparisonSampling.average(ExactRealization(problem: problem, observables: [.czz], settings: settings, seed: config.seed),
                                                            count: config.realizations(at: length), sink: sink)
                let c = try result.required(.czzInfiniteTime)
                row.append(c.mean)
                rowError.append(c.error)
            }
            memory.append(row)
            errors.append(rowError)
        }
        return Self.analyse(lengths: config.lengths, disorders: config.disorders, memory: memory, memoryError: errors, threshold: config.threshold)
    }

    /// The crossings, the linear fit and the RM fit (pure: usable on synthetic data).
    public static func analyse(lengths: [Int], disorders: [Double], memory: [[Double]], memoryError: [[Double]],
                               threshold delta: Double) -> Result {
        let crossings = zip(memory, memoryError).map { crossing(disorders: disorders, memory: $0, memoryError: $1, threshold: delta) }
        return fit(lengths: lengths, disorders: disorders, memory: memory, memoryError: memoryError,
                   crossover: crossings.map(\.disorder), crossoverError: crossings.map(\.error), threshold: delta)
    }

    /// W_delta where one [Czz](W) row first crosses delta (interpolated in ln W) and its error
    /// sigma_[Czz] / |d[Czz]/dW| on the crossing segment; NaN where it does not cross.
    public static func crossing(disorders: [Double], memory row: [Double], memoryError rowError: [Double],
                                threshold delta: Double) -> (disorder: Double, error: Double) {
        for i in 0..<(disorders.count - 1) where (row[i] - delta) * (row[i + 1] - delta) <= 0 && row[i] != row[i + 1] {
            let t = (delta - row[i]) / (row[i + 1] - row[i])
            let w = exp(log(disorders[i]) + t * log(disorders[i + 1] / disorders[i]))
            let slope = (row[i + 1] - row[i]) / (disorders[i + 1] - disorders[i])
            let sigma = (1 - t) * rowError[i] + t * rowError[i + 1]
            return (w, abs(sigma / slope))
        }
        return (.nan, .nan)
    }

    /// The linear fit and the RM fit to given crossings W_delta(L) (NaN: no crossing at that L).
    public static func fit(lengths: [Int], disorders: [Double], memory: [[Double]], memoryError: [[Double]],
                           crossover: [Double], crossoverError: [Double], threshold delta: Double) -> Result {
        let valid = crossover.indices.filter { crossover[$0].isFinite }
        let linear = valid.count >= 3 ? try? LinearLeastSquares.line(
            x: valid.map { Double(lengths[$0]) }, y: valid.map { crossover[$0] },
            sigmas: valid.map { max(crossoverError[$0], 1e-3 * crossover[$0]) }) : nil
        // RM fit on a log grid.
        var best = (cost: Double.infinity, wc: Double.nan, lambda: Double.nan)
        if valid.count >= 2 {
            for i in 0...60 {
                let wc = exp(log(1.0) + Double(i) / 60 * log(100.0))
                for j in 0...60 {
                    let lambda = exp(log(0.1) + Double(j) / 60 * log(1e4))
                    let rm = Self.model(criticalDisorder: wc, criticalResonanceLength: lambda)
                    var cost = 0.0
                    for k in valid {
                        guard let w = try? rm.crossoverDisorder(threshold: delta, length: Double(lengths[k])).root else { cost = .infinity; break }
                        cost += pow(log(w / crossover[k]), 2)
                    }
                    if cost < best.cost { best = (cost, wc, lambda) }
                }
            }
        }
        let rm = Self.model(criticalDisorder: best.wc, criticalResonanceLength: best.lambda)
        let modelCrossover = lengths.map { (try? rm.crossoverDisorder(threshold: delta, length: Double($0)).root) ?? .nan }
        return Result(lengths: lengths, disorders: disorders, memory: memory, memoryError: memoryError, crossover: crossover,
                      crossoverError: crossoverError, linearFit: linear, criticalDisorder: best.wc,
                      criticalResonanceLength: best.lambda, modelCrossover: modelCrossover,
                      modelRmsLogRatio: valid.isEmpty ? .nan : (best.cost / Double(valid.count)).squareRoot())
    }

    /// The Fig. 9 parametrization with Lambda(W_c) = Lambda_c, through J in (83).
    public static func model(criticalDisorder wc: Double, criticalResonanceLength lambda: Double) -> DisorderCrossover {
        DisorderCrossover(criticalDisorder: wc, interaction: DisorderParametrization.interaction(resonanceLength: lambda, disorder: wc))
    }
}
