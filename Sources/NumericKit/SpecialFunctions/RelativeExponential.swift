import ComplexModule
import RealModule

/// The relative exponential h(x) = (1 - exp(-x))/x = integral_0^1 exp(-x t) dt, h(0) = 1.
///
/// Behind the Floquet resonance model's unresonated fraction (45): ln F(r) = -(r/Lambda) h(r/xi),
/// one formula for both signs of xi and for 1/xi = 0. `-expm1(-x)/x` has no cancellation for any
/// x != 0, and the logarithmic form does not overflow for x < -709.
public enum RelativeExponential {
    /// h(x), relative accuracy ~1e-16; +infinity for x < ~ -709.
    public static func value(_ x: Double) -> Double {
        if x == 0 { return 1 }
        return -Double.expMinusOne(-x) / x
    }

    /// ln h(x), finite for all real x.
    public static func logarithm(_ x: Double) -> Double {
        if x > -30 { return Double.log(value(x)) }
        // h = (exp(-x) - 1)/(-x) = exp(-x)(1 - exp(x))/(-x).
        return -x - Double.log(-x) + Double.log(-Double.expMinusOne(x))
    }

    /// h(z) for complex z (Taylor series for |z| < 0.5).
    public static func value(_ z: Complex<Double>) -> Complex<Double> {
        if z.length < 0.5 {
            var term = Complex<Double>(1), sum = Complex<Double>(1), n = 1.0
            while n < 60 {
                n += 1
                term = term * (-z) / Complex(n)
                sum = sum + term
                if term.length < 1e-17 { break }
            }
            return sum
        }
        return -Complex.expMinusOne(-z) / z
    }
}
