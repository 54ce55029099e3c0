import CCerf
import RealModule

/// The error-function family on the real line.
///
/// `erf` and `erfc` come from the C library (through RealModule), `erfi`, `dawson` and `erfcx`
/// from libcerf (Johnson's Faddeeva package, relative accuracy ~1e-13 over the whole real line).
/// The log-scaled forms stay finite where the plain functions overflow or underflow.
public enum ErrorFunctions {
    /// erf(x), relative accuracy ~1 ulp.
    @inlinable public static func erf(_ x: Double) -> Double { Double.erf(x) }

    /// erfc(x) = 1 - erf(x), without cancellation for large x.
    @inlinable public static func erfc(_ x: Double) -> Double { Double.erfc(x) }

    /// Imaginary error function erfi(x) = -i erf(ix) = (2/sqrt(pi)) integral_0^x exp(t^2) dt.
    /// Finite up to |x| = 26.713 (then +-infinity; use `logErfi` beyond). libcerf 1.3 forms
    /// exp(x^2) D(x) and overflows early, from |x| = 26.6417: there the product is split as
    /// (h (2/sqrt(pi)) D(x)) h with h = exp(x^2/2).
    public static func erfi(_ x: Double) -> Double {
        if Swift.abs(x) < 26 { return CCerf.erfi(x) }
        let h = Double.exp(0.5 * x * x)
        return (h * (2 / Double.pi.squareRoot()) * CCerf.dawson(x)) * h
    }

    /// Dawson's function D(x) = exp(-x^2) integral_0^x exp(t^2) dt = (sqrt(pi)/2) exp(-x^2) erfi(x).
    /// Finite everywhere; D(x) ~ 1/(2x) for large |x|.
    @inlinable public static func dawson(_ x: Double) -> Double { CCerf.dawson(x) }

    /// Scaled complementary error function erfcx(x) = exp(x^2) erfc(x); erfcx(x) ~ 1/(x sqrt(pi)).
    @inlinable public static func erfcx(_ x: Double) -> Double { CCerf.erfcx(x) }

    /// ln erfi(x) for x > 0, finite for all x up to 1e154: ln erfi(x) = x^2 + ln(2 D(x) / sqrt(pi)).
    public static func logErfi(_ x: Double) -> Double {
        precondition(x > 0, "logErfi needs x > 0")
        if x < 5 { return Double.log(CCerf.erfi(x)) }
        return x * x + Double.log(2 * CCerf.dawson(x) / Double.pi.squareRoot())
    }

    /// ln erfc(x), finite for all real x, with relative accuracy near x = 0 (where it vanishes):
    /// log1p(-erf x) for |x| < 0.5, -x^2 + ln erfcx(x) for larger x > 0.
    public static func logErfc(_ x: Double) -> Double {
        if Swift.abs(x) < 0.5 { return Double.log(onePlus: -Double.erf(x)) }
        if x <= 0 { return Double.log(Double.erfc(x)) }
        return -x * x + Double.log(CCerf.erfcx(x))
    }
}
