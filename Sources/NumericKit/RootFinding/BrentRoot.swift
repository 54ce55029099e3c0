import RealModule

/// Why a root search failed.
public enum RootFindingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// f(a) and f(b) have the same sign (or one is NaN): no sign change to bracket a root.
    case notBracketed(a: Double, fa: Double, b: Double, fb: Double)
    /// The iteration limit was reached before the tolerance.
    case noConvergence(iterations: Int, bracket: ClosedRange<Double>)
    /// The bracket search left the allowed domain without finding a sign change.
    case bracketNotFound(lower: Double, upper: Double)

    public var description: String {
        switch self {
        case .notBracketed(let a, let fa, let b, let fb):
            return "no sign change: f(\(a)) = \(fa), f(\(b)) = \(fb)"
        case .noConvergence(let n, let bracket):
            return "no convergence after \(n) iterations, bracket \(bracket)"
        case .bracketNotFound(let lower, let upper):
            return "no sign change found in [\(lower), \(upper)]"
        }
    }
}

/// Brent's method (R. P. Brent, *Algorithms for Minimization without Derivatives*, ch. 4):
/// inverse quadratic interpolation and secant steps, safeguarded by bisection, on a bracket
/// [a, b] with f(a) f(b) <= 0. Converges superlinearly for smooth f and never slower than
/// bisection; the returned root lies within `absoluteTolerance + 4 eps |x|` of a sign change of f.
public struct BrentRoot: Sendable {
    public var absoluteTolerance: Double
    public var maximumIterations: Int

    public init(absoluteTolerance: Double = 0, maximumIterations: Int = 200) {
        self.absoluteTolerance = absoluteTolerance
        self.maximumIterations = maximumIterations
    }

    /// A root and how it was reached.
    public struct Result: Sendable {
        public var root: Double
        /// f(root).
        public var residual: Double
        public var iterations: Int
        /// The final bracket width.
        public var bracketWidth: Double

        public init(root: Double, residual: Double, iterations: Int, bracketWidth: Double) {
            self.root = root
            self.residual = residual
            self.iterations = iterations
            self.bracketWidth = bracketWidth
        }
    }

    /// A root of f in [a, b]. Throws `notBracketed` if f(a) and f(b) have the same sign.
    public func solve(_ f: (Double) -> Double, in a: Double, _ b: Double) throws -> Result {
        var a = a, b = b
        var fa = f(a), fb = f(b)
        if fa == 0 { return Result(root: a, residual: 0, iterations: 0, bracketWidth: 0) }
        if fb == 0 { return Result(root: b, residual: 0, iterations: 0, bracketWidth: 0) }
        guard !fa.isNaN, !fb.isNaN, (fa < 0) != (fb < 0) else {
            throw RootFindingError.notBracketed(a: a, fa: fa, b: b, fb: fb)
        }
        var c = a, fc = fa
        var d = b - a, e = d
        for iteration in 1...maximumIterations {
            if (fb < 0) == (fc < 0) {
                c = a; fc = fa; d = b - a; e = d
            }
            if Swift.abs(fc) < Swift.abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * Swift.abs(b) + 0.5 * absoluteTolerance
            let m = 0.5 * (c - b)
            if Swift.abs(m) <= tolerance || fb == 0 {
                return Result(root: b, residual: fb, iterations: iteration, bracketWidth: Swift.abs(c - b))
            }
            if Swift.abs(e) >= tolerance && Swift.abs(fa) > Swift.abs(fb) {
                var p: Double, q: Double
                let s = fb / fa
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < Swift.min(3 * m * q - Swift.abs(tolerance * q), Swift.abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += Swift.abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = f(b)
            if fb.isNaN { throw RootFindingError.notBracketed(a: a, fa: fa, b: b, fb: fb) }
        }
        throw RootFindingError.noConvergence(iterations: maximumIterations, bracket: Swift.min(b, c)...Swift.max(b, c))
    }

    /// A root of f searched outward from [a, b]: the bracket is widened geometrically (by `factor`
    /// about its centre, clamped to [lower, upper]) until f changes sign, then Brent's method runs.
    public func solve(_ f: (Double) -> Double, expandingFrom a: Double, _ b: Double,
                      within lower: Double = -.infinity, _ upper: Double = .infinity,
                      factor: Double = 1.6, maximumExpansions: Int = 100) throws -> Result {
        let bracket = try Self.bracket(f, from: a, b, within: lower, upper, factor: factor,
                                       maximumExpansions: maximumExpansions)
        return try solve(f, in: bracket.lowerBound, bracket.upperBound)
    }

    /// Widens [a, b] until f changes sign across it (Numerical Recipes' `zbrac`, clamped to a domain).
    public static func bracket(_ f: (Double) -> Double, from a: Double, _ b: Double,
                               within lower: Double = -.infinity, _ upper: Double = .infinity,
                               factor: Double = 1.6, maximumExpansions: Int = 100) throws -> ClosedRange<Double> {
        var a = Swift.max(Swift.min(a, b), lower), b = Swift.min(Swift.max(a, b), upper)
        var fa = f(a), fb = f(b)
        for _ in 0...maximumExpansions {
            if !fa.isNaN, !fb.isNaN, (fa <= 0) != (fb <= 0) || fa == 0 || fb == 0 { return a...b }
            let width = b - a
            let canLower = a > lower, canRaise = b < upper
            guard canLower || canRaise else { break }
            if canLower && (!canRaise || Swift.abs(fa) < Swift.abs(fb)) {
                a = Swift.max(a - factor * width, lower); fa = f(a)
            } else {
                b = Swift.min(b + factor * width, upper); fb = f(b)
            }
        }
        throw RootFindingError.bracketNotFound(lower: a, upper: b)
    }
}
