import ComplexModule
import NumericKit
import RealModule

/// Small kernels on state vectors (`[Complex<Double>]`, index = basis state).
public enum StateVectors {
    /// `<a|b>`.
    public static func inner(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Complex<Double> {
        precondition(a.count == b.count, "vector lengths differ")
        var re = 0.0, im = 0.0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                for i in ap.indices {
                    let x = ap[i], y = bp[i]
                    re += x.real * y.real + x.imaginary * y.imaginary
                    im += x.real * y.imaginary - x.imaginary * y.real
                }
            }
        }
        return Complex(re, im)
    }

    /// `<a| Z |b>` for a diagonal `Z` of signs `(-1)^{bit of site}`: `sigma^z_site`.
    public static func sigmaZExpectation(_ a: [Complex<Double>], _ b: [Complex<Double>], site: Int) -> Complex<Double> {
        var re = 0.0, im = 0.0
        let bit = 1 << site
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                for i in ap.indices {
                    let x = ap[i], y = bp[i]
                    let s: Double = i & bit == 0 ? 1 : -1
                    re += s * (x.real * y.real + x.imaginary * y.imaginary)
                    im += s * (x.real * y.imaginary - x.imaginary * y.real)
                }
            }
        }
        return Complex(re, im)
    }

    /// `sigma^z_site |a>`.
    public static func sigmaZ(_ a: [Complex<Double>], site: Int) -> [Complex<Double>] {
        let bit = 1 << site
        var out = a
        for i in out.indices where i & bit != 0 { out[i] = -out[i] }
        return out
    }

    /// `P+ |a>` with `P+ = (1 + sigma^z_site)/2`: the entries with the bit of `site` set are zeroed.
    public static func projectedOnPlus(_ a: [Complex<Double>], site: Int) -> [Complex<Double>] {
        let bit = 1 << site
        var out = a
        for i in out.indices where i & bit != 0 { out[i] = .zero }
        return out
    }

    public static func normSquared(_ a: [Complex<Double>]) -> Double {
        inner(a, a).real
    }

    /// A Haar-random vector (independent complex Gaussian entries; not normalised) of `dimension`.
    public static func haarRandom(dimension: Int, using generator: inout some RandomNumberGenerator) -> [Complex<Double>] {
        (0..<dimension).map { _ in Complex(generator.nextGaussian(), generator.nextGaussian()) }
    }

    /// The basis vector `|index>`.
    public static func basisVector(_ index: Int, dimension: Int) -> [Complex<Double>] {
        var v = [Complex<Double>](repeating: .zero, count: dimension)
        v[index] = .one
        return v
    }
}
