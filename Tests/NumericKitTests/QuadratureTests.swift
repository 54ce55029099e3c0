import ComplexModule
import Foundation
import NumericKit
import RealModule
import XCTest

final class QuadratureTests: XCTestCase {
    let rule = GaussKronrod(absoluteTolerance: 1e-15, relativeTolerance: 1e-14)

    /// Closed-form integrals, including an oscillatory one and a peaked one.
    func testKnownIntegrals() {
        let cases: [(String, (Double) -> Double, Double, Double, Double)] = [
            ("x^9 (exact for the rule)", { pow($0, 9) }, 0, 2, 102.4),
            ("exp", { exp($0) }, -1, 3, exp(3) - exp(-1)),
            ("cos(50 x)", { cos(50 * $0) }, 0, 1, sin(50) / 50),
            ("Lorentzian", { 1e-3 / ($0 * $0 + 1e-6) }, -1, 1, 2 * atan(1000)),
            ("log", { log($0) }, 1e-300, 1, -1),
        ]
        for (name, f, a, b, exact) in cases {
            let result = rule.integrate(f, from: a, to: b)
            XCTAssertEqual(result.value, exact, accuracy: 1e-13 * max(1, abs(exact)), name)
            XCTAssertLessThan(abs(result.value - exact), max(10 * result.errorEstimate, 1e-15), "\(name): error estimate honest")
        }
    }

    /// integral_0^1 cos(x)/sqrt(x) dx = sqrt(2 pi) C(sqrt(2/pi)) (Fresnel C), via the sqrt substitution.
    func testInverseSquareRootSingularity() {
        let value = rule.integrateSqrtSingular({ cos($0) / $0.squareRoot() }, from: 0, to: 1).value
        // Series: sum_k (-1)^k / ((2k)! (2k + 1/2)).
        var series = 0.0, factorial = 1.0
        for k in 0..<20 {
            if k > 0 { factorial *= Double(2 * k - 1) * Double(2 * k) }
            series += (k % 2 == 0 ? 1 : -1) / (factorial * (Double(2 * k) + 0.5))
        }
        XCTAssertEqual(value, series, accuracy: 1e-14)
    }

    /// Complex integrand: integral_0^pi exp(i x) dx = 2i.
    func testComplexIntegrand() {
        let value = rule.integrate({ Complex(cos($0), sin($0)) }, from: 0, to: Double.pi).value
        XCTAssertEqual(value.real, 0, accuracy: 1e-14)
        XCTAssertEqual(value.imaginary, 2, accuracy: 1e-14)
    }

    func testReversedAndEmptyIntervals() {
        XCTAssertEqual(rule.integrate({ $0 }, from: 1, to: 0).value, -0.5, accuracy: 1e-15)
        XCTAssertEqual(rule.integrate({ $0 }, from: 1, to: 1).value, 0)
    }
}

final class DormandPrinceTests: XCTestCase {
    /// Harmonic oscillator over 10 periods against cos/sin, and exponential decay against exp.
    func testAgainstExactSolutions() throws {
        let solver = DormandPrince(absoluteTolerance: 1e-13, relativeTolerance: 1e-13)
        let t = 20 * Double.pi + 0.3
        let y = try solver.solve({ y, _ in [y[1], -y[0]] }, from: 0, to: t, initial: [1, 0])
        XCTAssertEqual(y[0], cos(t), accuracy: 1e-10)
        XCTAssertEqual(y[1], -sin(t), accuracy: 1e-10)
        let decay = try solver.solve({ y, x in [-2 * x * y[0]] }, from: 0, to: 3, initial: [1])
        // Local tolerance 1e-13 per step; the global error sums over ~1e3 steps.
        XCTAssertEqual(decay[0] / exp(-9), 1, accuracy: 1e-9)
        // Backwards integration.
        let back = try solver.solve({ y, _ in [y[0]] }, from: 1, to: 0, initial: [exp(1)])
        XCTAssertEqual(back[0], 1, accuracy: 1e-12)
    }
}

final class AuxiliaryFunctionTests: XCTestCase {
    let rule = GaussKronrod(absoluteTolerance: 1e-16, relativeTolerance: 1e-15)

    /// g(x) = integral_0^1 exp(-x t^2) dt, against quadrature, on both sides of 0 and across the
    /// series/closed-form switch at |x| = 1.
    func testGaussianMeanAgainstQuadrature() {
        for x in [-600.0, -50, -3, -1.0000001, -1, -0.9999999, 1, -0.3, -1e-9, 0, 1e-9, 0.5, 0.9999999, 1.0000001, 7, 200] {
            let exact = rule.integrate({ t in exp(-x * t * t) }, from: 0, to: 1).value
            // exp(-x) has condition number |x|: allow that much rounding on both sides.
            let tolerance = 3e-14 + 4e-16 * abs(x)
            XCTAssertEqual(GaussianMean.value(x) / exact, 1, accuracy: tolerance, "g(\(x))")
            XCTAssertEqual(GaussianMean.logarithm(x), log(exact), accuracy: 3e-14 * max(1, abs(log(exact))), "ln g(\(x))")
        }
    }

    /// Complex continuation against quadrature of exp(-z t^2), both sides of the series switch |z| = 4.
    func testComplexGaussianMeanAgainstQuadrature() {
        let points = [Complex(0.3, -0.2), Complex(-2.0, 1.5), Complex(3.9, -0.5), Complex(4.1, -0.5),
                      Complex(-30.0, -2.0), Complex(12.0, 9.0), Complex(-4.5, 0.4)]
        for z in points {
            let exact = rule.integrate({ t in Complex.exp(-z * Complex(t * t)) }, from: 0, to: 1).value
            let got = Complex.exp(GaussianMean.logarithm(z))
            XCTAssertLessThan((got - exact).length / exact.length, 1e-12, "g(\(z))")
        }
        // On the real axis the complex and real forms agree.
        for x in [-20.0, -2, 0.5, 6] {
            XCTAssertEqual(GaussianMean.logarithm(Complex(x)).real, GaussianMean.logarithm(x), accuracy: 1e-13)
        }
    }

    /// h(x) = (1 - e^-x)/x = integral_0^1 exp(-x t) dt.
    func testRelativeExponentialAgainstQuadrature() {
        for x in [-800.0, -40, -1, -1e-12, 0, 1e-12, 0.4, 3, 700] {
            let exact = rule.integrate({ t in exp(-x * t) }, from: 0, to: 1).value
            if exact.isFinite { XCTAssertEqual(RelativeExponential.value(x) / exact, 1, accuracy: 1e-14, "h(\(x))") }
            // ln h = -x + ln((1 - e^x)/(-x)) for x < 0 stays finite where h overflows.
            let logExact = x < -30 ? -x + log(-expm1(x) / -x) : log(exact)
            XCTAssertEqual(RelativeExponential.logarithm(x), logExact, accuracy: 1e-14 * max(1, abs(logExact)), "ln h(\(x))")
        }
        for z in [Complex(0.2, -0.3), Complex(-3.0, 1.0), Complex(5.0, -2.0)] {
            let exact = rule.integrate({ t in Complex.exp(-z * Complex(t)) }, from: 0, to: 1).value
            XCTAssertLessThan((RelativeExponential.value(z) - exact).length / exact.length, 1e-14, "h(\(z))")
        }
    }
}
