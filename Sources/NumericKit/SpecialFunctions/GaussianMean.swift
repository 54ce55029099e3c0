import ComplexModule
import CCerf
import RealModule

/// The Gaussian mean g(x) = integral_0^1 exp(-x t^2) dt = (sqrt(pi)/2) erf(sqrt x)/sqrt x.
///
/// For x < 0 it is (sqrt(pi)/2) erfi(sqrt(-x))/sqrt(-x) = exp(-x) D(sqrt(-x))/sqrt(-x) with Dawson's D.
/// It is the function behind the Hamiltonian resonance model's unresonated fraction (91):
/// ln F1(r) = -sqrt(r/Lambda) g(r/xi), one formula for both signs of xi and for 1/xi = 0 (g(0) = 1).
/// Near x = 0 the Taylor series sum_n (-x)^n/(n! (2n+1)) is used, so g is smooth across the
/// transition. Relative accuracy ~1e-15 for |x| < 1 and the accuracy of libcerf (~1e-13) beyond.
public enum GaussianMean {
    /// g(x); overflows to +infinity for x < ~ -709.
    public static func value(_ x: Double) -> Double {
        if Swift.abs(x) < 1 { return series(x) }
        if x > 0 {
            let s = x.squareRoot()
            return 0.5 * Double.pi.squareRoot() * Double.erf(s) / s
        }
        return Double.exp(logarithm(x))
    }

    /// ln g(x), finite for all real x (for x < 0: -x + ln(D(sqrt(-x))/sqrt(-x))).
    public static func logarithm(_ x: Double) -> Double {
        if x > -1 { return Double.log(value(x)) }
        let s = (-x).squareRoot()
        return -x + Double.log(CCerf.dawson(s) / s)
    }

    static func series(_ x: Double) -> Double {
        // sum_n (-x)^n / (n! (2n+1)); |x| < 1 needs at most 20 terms for 1e-17.
        var term = 1.0, sum = 1.0, n = 0.0
        while true {
            n += 1
            term *= -x / n
            let contribution = term / (2 * n + 1)
            sum += contribution
            if Swift.abs(contribution) < 1e-17 * Swift.abs(sum) { break }
        }
        return sum
    }

    /// ln g(z) for complex z with Re z > -700 (principal branch near the real axis).
    ///
    /// Used for analytic continuation along steepest-descent paths. |z| <= 4: Taylor series (at most
    /// ~50 terms, cancellation below e^4 ~ 55 ulp). Beyond: g = sqrt(pi) erf(w)/(2w), w = sqrt(z), with
    /// erf(w) = 1 - exp(-z) w(iw) through the Faddeeva function w of libcerf; for Re z < -20 the
    /// logarithm is formed without the exponentially large factor.
    public static func logarithm(_ z: Complex<Double>) -> Complex<Double> {
        if z.length <= 4 { return Complex.log(series(z)) }
        let w = Complex.sqrt(z)
        let iw = Complex(-w.imaginary, w.real)
        let faddeeva = Complex(re_w_of_z(iw.real, iw.imaginary), im_w_of_z(iw.real, iw.imaginary))
        let prefactor = Complex.log(Complex(0.5 * Double.pi.squareRoot()) / w)
        if z.real < -20 {
            // erf(w) = exp(-z) (exp(z) - w(iw)): keep exp(-z) in the logarithm.
            return prefactor - z + Complex.log(Complex.exp(z) - faddeeva)
        }
        return prefactor + Complex.log(Complex(1) - Complex.exp(-z) * faddeeva)
    }

    static func series(_ z: Complex<Double>) -> Complex<Double> {
        var term = Complex<Double>(1), sum = Complex<Double>(1), n = 0.0
        while n < 200 {
            n += 1
            term = term * (-z) / Complex(n)
            let contribution = term / Complex(2 * n + 1)
            sum = sum + contribution
            if contribution.length < 1e-17 * sum.length { break }
        }
        return sum
    }
}
