import Foundation

/// Adaptive explicit Runge-Kutta integrator, Dormand-Prince 5(4) (Hairer, Norsett, Wanner,
/// "Solving ODEs I", Sec. II.5), with the standard step-size controller.
///
/// Solves y' = f(x, y) for a vector y from x0 to x1 (either direction) so that each step's local
/// error is below `absoluteTolerance + relativeTolerance |y|` component-wise.
public struct DormandPrince: Sendable {
    public var absoluteTolerance: Double
    public var relativeTolerance: Double
    public var maximumSteps: Int

    public init(absoluteTolerance: Double = 1e-12, relativeTolerance: Double = 1e-12, maximumSteps: Int = 1_000_000) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.maximumSteps = maximumSteps
    }

    public enum Failure: Error, Equatable { case tooManySteps, stepSizeUnderflow }

    /// y(x1) given y(x0) = y0.
    public func solve(_ f: ([Double], Double) -> [Double], from x0: Double, to x1: Double,
                      initial y0: [Double]) throws -> [Double] {
        let direction: Double = x1 >= x0 ? 1 : -1
        var x = x0, y = y0
        var h = direction * min(abs(x1 - x0), 1e-3 * max(abs(x1 - x0), 1e-300))
        var k1 = f(y, x)
        var steps = 0
        while direction * (x1 - x) > 0 {
            steps += 1
            if steps > maximumSteps { throw Failure.tooManySteps }
            if direction * (x + h - x1) > 0 { h = x1 - x }
            let k2 = f(combine(y, h, [(Self.a21, k1)]), x + Self.c2 * h)
            let k3 = f(combine(y, h, [(Self.a31, k1), (Self.a32, k2)]), x + Self.c3 * h)
            let k4 = f(combine(y, h, [(Self.a41, k1), (Self.a42, k2), (Self.a43, k3)]), x + Self.c4 * h)
            let k5 = f(combine(y, h, [(Self.a51, k1), (Self.a52, k2), (Self.a53, k3), (Self.a54, k4)]), x + Self.c5 * h)
            let k6 = f(combine(y, h, [(Self.a61, k1), (Self.a62, k2), (Self.a63, k3), (Self.a64, k4), (Self.a65, k5)]), x + h)
            let yNew = combine(y, h, [(Self.b1, k1), (Self.b3, k3), (Self.b4, k4), (Self.b5, k5), (Self.b6, k6)])
            let k7 = f(yNew, x + h)
            var errorNorm = 0.0
            for i in 0..<y.count {
                let e = h * (Self.e1 * k1[i] + Self.e3 * k3[i] + Self.e4 * k4[i] + Self.e5 * k5[i]
                             + Self.e6 * k6[i] + Self.e7 * k7[i])
                let scale = absoluteTolerance + relativeTolerance * max(abs(y[i]), abs(yNew[i]))
                errorNorm = max(errorNorm, abs(e) / scale)
            }
            if errorNorm <= 1 {
                x += h
                y = yNew
                k1 = k7  // first-same-as-last
            }
            let factor = errorNorm == 0 ? 5 : min(5, max(0.2, 0.9 * pow(1 / errorNorm, 0.2)))
            h *= factor
            if abs(h) < 1e-15 * max(abs(x), 1e-300) { throw Failure.stepSizeUnderflow }
        }
        return y
    }

    private func combine(_ y: [Double], _ h: Double, _ terms: [(Double, [Double])]) -> [Double] {
        var out = y
        for (a, k) in terms {
            for i in 0..<out.count { out[i] += h * a * k[i] }
        }
        return out
    }

    static let c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9
    static let a21 = 1.0 / 5
    static let a31 = 3.0 / 40, a32 = 9.0 / 40
    static let a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9
    static let a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729
    static let a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176,
               a65 = -5103.0 / 18656
    static let b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84
    // Difference between the 5th- and 4th-order weights.
    static let e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200,
               e6 = 22.0 / 525, e7 = -1.0 / 40
}
