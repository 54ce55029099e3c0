import ComplexModule
import NumericKit
import RealModule

/// An interval `[lower, upper]` that holds the spectrum of a Hermitian operator, as the Chebyshev
/// expansions need it (`H~ = (H - center) / halfWidth` has its spectrum in `[-1, 1]`).
///
/// Found by Lanczos from a fixed random start: the extreme Ritz values of `steps` steps, widened
/// by their residual bounds `beta_k |s_k|` and by `margin` of the width, and clipped to the bound
/// `sum_k |c_k|` on the spectral radius. Lanczos' extreme Ritz values converge from inside, fast
/// for the well separated edges of a many-body spectrum; the widening covers what is left.
public struct SpectralInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public var center: Double { (lower + upper) / 2 }
    public var halfWidth: Double { (upper - lower) / 2 }

    public static func estimate(_ h: MatrixFreeOperator, steps: Int = 60, margin: Double = 0.01) throws -> SpectralInterval {
        let d = h.dimension
        let k = min(steps, d)
        var generator = Xoshiro256StarStar(seed: 0x5eed)
        var v = StateVectors.haarRandom(dimension: d, using: &generator)
        let norm = StateVectors.normSquared(v).squareRoot()
        v = v.map { $0 * Complex(1 / norm) }
        var previous = [Complex<Double>](repeating: .zero, count: d)
        var w = [Complex<Double>](repeating: .zero, count: d)
        var alphas: [Double] = [], betas: [Double] = []
        var beta = 0.0
        for step in 0..<k {
            h.apply(v, into: &w)
            let alpha = StateVectors.inner(v, w).real
            for i in 0..<d { w[i] -= Complex(alpha) * v[i] + Complex(beta) * previous[i] }
            alphas.append(alpha)
            beta = StateVectors.normSquared(w).squareRoot()
            if step == k - 1 || beta < 1e-12 { betas.append(beta); break }
            betas.append(beta)
            previous = v
            v = w.map { $0 * Complex(1 / beta) }
        }
        let m = alphas.count
        var t = Matrix<Double>.zeros(rows: m, columns: m)
        for i in 0..<m {
            t[i, i] = alphas[i]
            if i + 1 < m { t[i, i + 1] = betas[i]; t[i + 1, i] = betas[i] }
        }
        let system = try symmetricEigensystem(t)
        let last = betas[m - 1]
        let lowResidual = abs(last * system.vectors[m - 1, 0])
        let highResidual = abs(last * system.vectors[m - 1, m - 1])
        let lo = system.values[0], hi = system.values[m - 1]
        let width = max(hi - lo, 1e-12)
        let bound = h.coefficientBound
        // A complete Krylov space (m = D, beta = 0) gives the exact extremes.
        let pad = m == d ? 1e-9 * width : margin * width
        return SpectralInterval(lower: max(lo - lowResidual - pad, -bound), upper: min(hi + highResidual + pad, bound))
    }
}
