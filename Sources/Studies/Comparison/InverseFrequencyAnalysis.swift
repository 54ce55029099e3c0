import Foundation
import NumericKit
import SpinChains

/// Comparison 4: the Fig. 10 analysis of the xxz chain's [S(omega)] of sigma^z_0.
///
/// Plotted as y = ([S] omega W)^-2 against x = (W omega)^-1, a pure 1/omega law is a horizontal
/// line, y = a, and the Hamiltonian RM's near-critical form (111), [S] ~ 1/(omega sqrt(Lambda
/// ln|J/omega|)) with Lambda ~ W^2 (83), is a straight line in ln x: y = a + b ln x. For each (W, L)
/// both are fitted (weighted by the propagated standard errors of [S]) over every contiguous window
/// of at least `minimumBins` bins below J; a window is acceptable when its reduced chi^2 is below
/// `acceptableChiSquared`, and each law is credited with its widest acceptable window, in decades
/// of omega.
///
/// Windows start above the Heisenberg frequency of the size: bins whose lower edge is below
/// `heisenbergMultiple` times the mean mid-spectrum level spacing (measured on the same
/// realizations, 1/rho of the middle of the spectrum) are left out, since below it [S] is level
/// repulsion of the finite chain, not the RM's continuum law.
public enum InverseFrequencyAnalysis: Study {
    public struct Config: Sendable {
        public var lengths = [10, 12]
        public var disorders: [Double] = [0.5, 1, 1.5, 2, 2.5]
        public var realizations: [Int: Int] = [8: 40, 10: 20, 12: 8, 14: 2]
        public var seed: UInt64 = 2022
        public var minimumBins = 4
        public var acceptableChiSquared = 2.0
        /// Fit windows start at this multiple of the mean mid-spectrum level spacing.
        public var heisenbergMultiple = ComparisonMath.heisenbergMultiple

        public init() {}

        /// Realizations at `length` (4 where `realizations` has none).
        public func realizations(at length: Int) -> Int { realizations[length] ?? 4 }
    }

    /// The widest acceptable window of one law.
    public struct Window: Sendable, Equatable {
        public var lowerFrequency: Double
        public var upperFrequency: Double
        public var reducedChiSquared: Double
        public var decades: Double { log10(upperFrequency / lowerFrequency) }
    }

    public struct Point: Sendable {
        public var length: Int
        public var disorder: Double
        public var realizations: Int
        /// The mean mid-spectrum level spacing 1/rho (J), and the lowest frequency a window may reach.
        public var levelSpacing: Double = .nan
        public var lowestFrequency: Double = 0
        public var omega: [Double]
        public var spectral: [Double]
        public var spectralError: [Double]
        /// x = (W omega)^-1, y = ([S] omega W)^-2 and its error.
        public var x: [Double]
        public var y: [Double]
        public var yError: [Double]
        public var inverseFrequency: Window?
        public var logarithmic: Window?
        /// a, b of the logarithmic fit over its window.
        public var logarithmicCoefficients: (intercept: Double, slope: Double)?
        public var constant: Double?
    }

    public static func problem(length: Int, disorder: Double) -> EDProblem {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: disorder)
        problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: nil)
        return problem
    }

    public static func run(_ config: Config, sink: any StudySink) throws -> [Point] {
        var points: [Point] = []
        for length in config.lengths {
            for w in config.disorders {
                let problem = problem(length: length, disorder: w)
                var settings = ExactObservableSettings()
                settings.frequencyBins = LogarithmicBins(lower: 1e-4, upper: 10, binsPerDecade: 5)
                let count = config.realizations(at: length)
                // The matrix elements of sigma^z_0 come with the mid-spectrum density of states.
                let result = try ComparisonSampling.average(ExactRealization(problem: problem, observables: [.spectral, .matrixElements],
                                                                             settings: settings, seed: config.seed),
                                                            count: count, sink: sink)
                guard let curve = result.spectralCurve else {
                    throw NumericalError(quantity: ExactQuantity.spectralDensity.rawValue, detail: "not among the averages of L = \(length), W = \(w)")
                }
                let spacing = 1 / (result.scalar(.matrixElementDensityOfStates)?.mean ?? .nan)
                let lowest = spacing.isFinite ? config.heisenbergMultiple * spacing : 0
                var point = Self.analyse(length: length, disorder: w, realizations: count, omega: curve.omega,
                                         spectral: curve.density, errors: curve.error,
                                         minimumBins: config.minimumBins, acceptableChiSquared: config.acceptableChiSquared,
                                         lowestFrequency: lowest, binsPerDecade: Double(settings.frequencyBins?.binsPerDecade ?? 5))
                point.levelSpacing = spacing
                points.append(point)
            }
        }
        return points
    }

    /// The fits of one curve (pure: usable on synthetic data). Bins with omega >= J = 1 or no
    /// weight, and bins whose lower edge (from the centre and `binsPerDecade`) is below
    /// `lowestFrequency`, are left out.
    public static func analyse(length: Int, disorder w: Double, realizations: Int, omega: [Double], spectral: [Double],
                               errors: [Double], minimumBins: Int = 4, acceptableChiSquared: Double = 2,
                               lowestFrequency: Double = 0, binsPerDecade: Double = 5) -> Point {
        let x = omega.map { 1 / (w * $0) }
        let y = zip(omega, spectral).map { o, s in s > 0 ? 1 / ((s * o * w) * (s * o * w)) : .nan }
        // dy/y = 2 dS/S; a bin seen in one realization only gets 10 %.
        let yError = zip(y, zip(spectral, errors)).map { y, se in
            let (s, e) = se
            return y * 2 * max(e > 0 && e.isFinite ? e / s : 0.1, 0.01)
        }
        let halfBin = pow(10, 0.5 / binsPerDecade)
        let usable = omega.indices.filter { omega[$0] < 1 && y[$0].isFinite && omega[$0] / halfBin >= lowestFrequency }
        var best: (constant: (Window, Double)?, log: (Window, Double, Double)?) = (nil, nil)
        // Contiguous runs of usable bins.
        for start in usable.indices {
            for end in usable.indices where end - start + 1 >= minimumBins {
                let idx = Array(usable[start...end])
                guard idx.last! - idx.first! == idx.count - 1 else { continue }
                let lx = idx.map { log(x[$0]) }, ly = idx.map { y[$0] }, sy = idx.map { yError[$0] }
                let window = { (chi: Double) in
                    Window(lowerFrequency: omega[idx.first!], upperFrequency: omega[idx.last!], reducedChiSquared: chi)
                }
                if let fit = try? LinearLeastSquares.fit(x: lx, y: ly, sigmas: sy, basis: [{ _ in 1 }]) {
                    let chi = fit.chiSquared / Double(max(fit.degreesOfFreedom, 1))
                    let candidate = window(chi)
                    if (chi < acceptableChiSquared), candidate.decades > (best.constant?.0.decades ?? -1) {
                        best.constant = (candidate, fit.coefficients[0])
                    }
                }
                if let fit = try? LinearLeastSquares.line(x: lx, y: ly, sigmas: sy) {
                    let chi = fit.chiSquared / Double(max(fit.degreesOfFreedom, 1))
                    let candidate = window(chi)
                    if (chi < acceptableChiSquared), fit.slope > 0, candidate.decades > (best.log?.0.decades ?? -1) {
                        best.log = (candidate, fit.intercept, fit.slope)
                    }
                }
            }
        }
        return Point(length: length, disorder: w, realizations: realizations, lowestFrequency: lowestFrequency, omega: omega, spectral: spectral,
                     spectralError: errors, x: x, y: y, yError: yError, inverseFrequency: best.constant?.0,
                     logarithmic: best.log?.0, logarithmicCoefficients: best.log.map { ($0.1, $0.2) }, constant: best.constant?.1)
    }
}
