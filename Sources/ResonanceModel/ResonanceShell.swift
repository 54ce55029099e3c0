import Foundation
import NumericKit

/// The law of the off-diagonal matrix elements `|V_ba|` that couple a reference state to its
/// partners in one shell of the discrete resonance model.
public enum MatrixElementLaw: Sendable, Equatable {
    /// Every partner has `|V_ba| = v`: the RM's single characteristic value (38).
    case fixed(Double)
    /// `V_ba = R u`, `u` one coordinate of a point drawn uniformly on the unit sphere in `dimension`
    /// dimensions: the law of one entry of a Gaussian matrix rescaled to a fixed Frobenius norm
    /// (the synthetic l-bit model's `V_r`, normalised by (13)). `|u|` has the density
    /// `c_n (1 - s^2)^((n-3)/2)` on `[0, 1]`, `c_n = 2 Gamma(n/2)/(sqrt(pi) Gamma((n-1)/2))`;
    /// for large `n` the entry is Gaussian with variance `R^2/n`. `dimension = 1` is `|V| = R`.
    case sphereCoordinate(radius: Double, dimension: Double)
}

/// One shell of the discrete resonance model: the partners of a reference state at one integer
/// range `r` (10), their exact number `N_r` and the law of their matrix elements.
public struct ResonanceShell: Sendable, Equatable {
    public var range: Double
    /// `N_r`, the number of partner states (not necessarily an integer in the continuum limit).
    public var partnerCount: Double
    public var law: MatrixElementLaw

    public init(range: Double, partnerCount: Double, law: MatrixElementLaw) {
        self.range = range
        self.partnerCount = partnerCount
        self.law = law
    }

    /// True when `|V|` takes one value (an atom of the strongest-resonance distribution).
    var isFixed: Bool {
        switch law {
        case .fixed: return true
        case .sphereCoordinate(_, let n): return n <= 1
        }
    }

    /// The largest `|V|` with non-negligible probability: `v` (fixed), or the radius `R` cut where
    /// `(1 - s^2)^((n-1)/2) < e^-46` (beyond it every tail integral is below 1e-20 of its total).
    public var largestElement: Double {
        switch law {
        case .fixed(let v): return v
        case .sphereCoordinate(let r, let n):
            guard n > 1 else { return r }
            let s2 = -expm1(-92 / (n - 1))
            return r * min(1, s2.squareRoot())
        }
    }

    /// `ln` of `E[s 1{s > a}]` for `s = |u|`: `k_n (1 - a^2)^((n-1)/2)`,
    /// `k_n = Gamma(n/2)/(sqrt(pi) Gamma((n+1)/2))` (a closed form of the sphere density).
    static func logFirstMomentTail(dimension n: Double, above a: Double) -> Double {
        let logK = lgamma(n / 2) - 0.5 * log(Double.pi) - lgamma((n + 1) / 2)
        guard a > 0 else { return logK }
        guard a < 1 else { return -.infinity }
        return logK + 0.5 * (n - 1) * log1p(-a * a)
    }

    /// `ln c_n`, `c_n = 2 Gamma(n/2)/(sqrt(pi) Gamma((n-1)/2))`.
    static func logDensityNormalization(dimension n: Double) -> Double {
        let gammas: Double = lgamma(n / 2) - lgamma((n - 1) / 2)
        return M_LN2 - 0.5 * log(Double.pi) + gammas
    }

    /// `P(s > c)` for `s = |u|`, by Gauss-Legendre quadrature of the density in `theta`, `s = sin theta`
    /// (which removes the `(1 - s^2)^(-1/2)` of small `n`): `c_n integral cos^(n-2) theta d theta`.
    static func tailProbability(dimension n: Double, above c: Double) -> Double {
        guard c > 0 else { return 1 }
        guard c < 1 else { return 0 }
        let logC = Self.logDensityNormalization(dimension: n)
        let lower = asin(c), upper = Double.pi / 2
        let pieces = 64, h = (upper - lower) / Double(pieces)
        // 3-point Gauss-Legendre per piece; the integrand is smooth in theta.
        let nodes = [-0.7745966692414834, 0.0, 0.7745966692414834], weights = [5.0 / 9, 8.0 / 9, 5.0 / 9]
        var sum = 0.0
        for i in 0..<pieces {
            let mid = lower + (Double(i) + 0.5) * h
            for (x, w) in zip(nodes, weights) {
                let theta = mid + 0.5 * h * x
                let cosine = cos(theta)
                if cosine > 0 { sum += w * 0.5 * h * exp(logC + (n - 2) * log(cosine)) }
            }
        }
        return min(1, sum)
    }

    /// `pi(w)`: the probability that one partner resonates (Floquet rule (30): its quasi-energy
    /// detuning, uniform on the circle of circumference `Omega`, lies within `|V|`, probability
    /// `min(1, 2|V|/Omega)`, as in (41)) through an element `|V| > w`.
    public func resonantTail(above w: Double, driveFrequency omega: Double) -> Double {
        let half = omega / 2
        switch law {
        case .fixed(let v):
            return v > w ? min(1, v / half) : 0
        case .sphereCoordinate(let r, let n):
            if n <= 1 { return r > w ? min(1, r / half) : 0 }
            let a = max(w, 0) / r
            guard a < 1 else { return 0 }
            let cap = half / r  // s above this resonates surely
            if cap >= 1 {
                return (r / half) * exp(Self.logFirstMomentTail(dimension: n, above: a))
            }
            let lower = min(a, cap)
            let moment = exp(Self.logFirstMomentTail(dimension: n, above: lower))
                - exp(Self.logFirstMomentTail(dimension: n, above: cap))
            return (r / half) * max(0, moment) + Self.tailProbability(dimension: n, above: max(a, cap))
        }
    }

    /// `-d pi/dw` for `w` inside the support: `f(w) min(1, 2w/Omega)`, `f` the density of `|V|`;
    /// zero for a fixed element (its contribution is an atom).
    public func resonantDensity(at w: Double, driveFrequency omega: Double) -> Double {
        elementDensity(at: w) * min(1, 2 * w / omega)
    }

    /// The probability density `f(w)` of `|V|` (zero for a fixed element, whose law is an atom).
    public func elementDensity(at w: Double) -> Double {
        guard case .sphereCoordinate(let r, let n) = law, n > 1, w >= 0, w < r else { return 0 }
        let s = w / r
        let logC = Self.logDensityNormalization(dimension: n)
        return exp(logC + 0.5 * (n - 3) * log1p(-s * s)) / r
    }

    /// `E[g(|V|)]` over this shell's law (adaptive Gauss-Kronrod on the support for a continuous law).
    public func expectation(_ g: (Double) -> Double) -> Double {
        if isFixed { return g(largestElement) }
        let quadrature = GaussKronrod(absoluteTolerance: 1e-300, relativeTolerance: 1e-10)
        let top = largestElement
        // The mass sits near R/sqrt(n): split there so that the rule sees the peak.
        guard case .sphereCoordinate(let r, let n) = law else { return g(top) }
        let scale = min(top, r / n.squareRoot())
        return quadrature.integrate({ g($0) * elementDensity(at: $0) }, from: 0, to: scale).value
            + (top > scale ? quadrature.integrate({ g($0) * elementDensity(at: $0) }, from: scale, to: top).value : 0)
    }
}
