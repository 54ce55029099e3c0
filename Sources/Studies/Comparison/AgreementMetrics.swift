import Foundation
import NumericKit
import SpinChains

/// How well a model curve agrees with disorder-averaged exact data (mean and standard error per
/// point), over the points selected by a window. All three numbers are reported because they
/// answer different questions:
///
/// - `rmsLogRatio`: sqrt(mean ln^2(exact/model)): the typical factor between the curves
///   (0.1 ~ 10 %), blind to the error bars;
/// - `meanRelativeDifference`: mean of (exact - model)/model: the sign says which is larger;
/// - `reducedChiSquared`: mean ((exact - model)/error)^2: ~1 when the difference is statistical.
public struct CurveAgreement: Sendable, Equatable {
    public var points: Int
    public var rmsLogRatio: Double
    public var meanRelativeDifference: Double
    public var reducedChiSquared: Double

    /// Compares `exact` (with `errors`) and `model` at the indices where `include` holds and both
    /// values are positive and finite. Zero errors are replaced by 5 % of the value (a bin populated
    /// in a single realization has no standard error).
    public init(exact: [Double], errors: [Double], model: [Double], include: (Int) -> Bool = { _ in true }) {
        var logs: [Double] = [], relative: [Double] = [], chi: [Double] = []
        for i in exact.indices where include(i) {
            let e = exact[i], m = model[i]
            guard e > 0, m > 0, e.isFinite, m.isFinite else { continue }
            let sigma = errors[i] > 0 && errors[i].isFinite ? errors[i] : 0.05 * e
            logs.append(log(e / m))
            relative.append((e - m) / m)
            chi.append(((e - m) / sigma) * ((e - m) / sigma))
        }
        points = logs.count
        let n = Double(max(points, 1))
        rmsLogRatio = points > 0 ? (logs.map { $0 * $0 }.reduce(0, +) / n).squareRoot() : .nan
        meanRelativeDifference = points > 0 ? relative.reduce(0, +) / n : .nan
        reducedChiSquared = points > 0 ? chi.reduce(0, +) / n : .nan
    }
}

/// Numbers shared by the comparisons.
public enum ComparisonMath {
    /// Fits on exact spectra start at this multiple of the mean mid-spectrum level spacing (the
    /// Heisenberg frequency of the size): below it [S] is level repulsion of the finite chain.
    public static let heisenbergMultiple = 3.0

    /// (measured - predicted)/predicted.
    public static func relativeDifference(_ measured: Double, _ predicted: Double) -> Double {
        (measured - predicted) / predicted
    }

    /// The mean of `f` over each `|omega|` bin, (1/width) integral_bin f d omega, by the midpoint
    /// rule in ln omega with `subdivisions` points (f d omega = f omega d ln omega). This is what a
    /// `BinnedSpectralFunction` density measures, so model and data are compared like for like.
    public static func binAverages(_ f: (Double) -> Double, bins: LogarithmicBins, subdivisions: Int = 32) -> [Double] {
        (0..<bins.count).map { k in
            let a = log(bins.edge(k)), b = log(bins.edge(k + 1)), h = (b - a) / Double(subdivisions)
            var sum = 0.0
            for i in 0..<subdivisions {
                let w = exp(a + (Double(i) + 0.5) * h)
                sum += f(w) * w * h
            }
            return sum / (bins.edge(k + 1) - bins.edge(k))
        }
    }

    /// The exponent `s` of a power law `y ~ x^s` fitted (weighted by the standard errors of ln y)
    /// over the points with x in `range`, y > 0; nil with fewer than three points.
    public static func powerLaw(x: [Double], y: [Double], errors: [Double], range: ClosedRange<Double>)
        -> (exponent: Double, error: Double, points: Int)? {
        var lx: [Double] = [], ly: [Double] = [], sigma: [Double] = []
        for i in x.indices where range.contains(x[i]) && y[i] > 0 && y[i].isFinite {
            lx.append(log(x[i]))
            ly.append(log(y[i]))
            let relative = errors[i] > 0 && errors[i].isFinite ? errors[i] / y[i] : 0.05
            sigma.append(max(relative, 0.02))
        }
        guard lx.count >= 3, let fit = try? LinearLeastSquares.line(x: lx, y: ly, sigmas: sigma) else { return nil }
        return (fit.slope, fit.slopeError * max(1, (fit.chiSquared / Double(max(fit.degreesOfFreedom, 1))).squareRoot()), lx.count)
    }

    /// 1/xi from a decay exponent theta0, inverting (51): theta0 = (1/xi)/(1/xi + 2/zeta_c).
    public static func inverseCorrelationLength(decayExponent theta0: Double, criticalLength zetaC: Double) -> Double {
        2 * theta0 / (zetaC * (1 - theta0))
    }

    /// Solves `g(x) = target` for increasing `g` by bisection in ln x on [lower, upper]; nil when
    /// the target is not bracketed.
    public static func solveIncreasing(_ g: (Double) -> Double, target: Double, lower: Double, upper: Double) -> Double? {
        var a = log(lower), b = log(upper)
        guard g(exp(a)) <= target, g(exp(b)) >= target else { return nil }
        for _ in 0..<200 {
            let m = (a + b) / 2
            if g(exp(m)) < target { a = m } else { b = m }
            if b - a < 1e-12 { break }
        }
        return exp((a + b) / 2)
    }

    /// Where the curve `y(x)` (x ascending) first crosses `level`, interpolated linearly in ln x;
    /// nil if it never does.
    public static func crossing(x: [Double], y: [Double], level: Double) -> Double? {
        for i in 0..<(x.count - 1) where (y[i] - level) * (y[i + 1] - level) <= 0 && y[i] != y[i + 1] {
            let t = (level - y[i]) / (y[i + 1] - y[i])
            return exp(log(x[i]) + t * (log(x[i + 1]) - log(x[i])))
        }
        return nil
    }
}
