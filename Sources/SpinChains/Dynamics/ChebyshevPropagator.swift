import ComplexModule
import RealModule

/// `exp(-i H dt) |psi>` by the Chebyshev expansion (Weisse, Wellein, Alvermann & Fehske,
/// Rev. Mod. Phys. 78, 275 (2006), Sec. V):
///
///     exp(-i H dt) = exp(-i b dt) sum_n (2 - delta_n0) (-i)^n J_n(a dt) T_n(H~),   H~ = (H - b) / a,
///
/// with `[b - a, b + a]` a `SpectralInterval`, the `T_n(H~) |psi>` from `T_{n+1} = 2 H~ T_n - T_{n-1}`
/// (one product each, fused with the sum) and the series cut where `|J_n| < tolerance`. Long
/// intervals are split into steps with `a dt <= maximumStep`, so each expansion stays short of
/// rounding trouble; the error is `tolerance` per step.
public struct ChebyshevPropagator: StatePropagator {
    public let hamiltonian: MatrixFreeOperator
    public let interval: SpectralInterval
    public var tolerance: Double
    public var maximumStep: Double = 1000
    public private(set) var productCount = 0
    private var previous: [Complex<Double>]
    private var current: [Complex<Double>]
    private var sum: [Complex<Double>]

    public init(hamiltonian: MatrixFreeOperator, interval: SpectralInterval, tolerance: Double = 1e-16) {
        self.hamiltonian = hamiltonian
        self.interval = interval
        self.tolerance = tolerance
        previous = []
        current = []
        sum = []
    }

    public mutating func evolve(_ state: inout [Complex<Double>], by dt: Double) throws {
        precondition(state.count == hamiltonian.dimension, "state length differs from the dimension")
        guard dt != 0 else { return }
        let a = interval.halfWidth, b = interval.center
        let steps = max(1, Int((abs(dt) * a / maximumStep).rounded(.up)))
        let h = dt / Double(steps)
        let z = abs(h) * a
        let order = chebyshevOrder(z, tolerance: tolerance)
        let bessel = besselSequence(z, count: order)
        // (-i)^n for dt > 0, (+i)^n for dt < 0 (exp(+i|h|H) = conjugate coefficients).
        let sign: Double = h > 0 ? -1 : 1
        let coefficients: [Complex<Double>] = (0..<order).map { n in
            let weight = (n == 0 ? 1 : 2) * bessel[n]
            switch n & 3 {
            case 0: return Complex(weight, 0)
            case 1: return Complex(0, sign * weight)
            case 2: return Complex(-weight, 0)
            default: return Complex(0, -sign * weight)
            }
        }
        let phase = Complex(Double.cos(b * h), -Double.sin(b * h))
        let d = hamiltonian.dimension
        if previous.count != d {
            previous = .init(repeating: .zero, count: d)
            current = .init(repeating: .zero, count: d)
            sum = .init(repeating: .zero, count: d)
        }
        for _ in 0..<steps {
            expand(&state, coefficients: coefficients, a: a, b: b)
            for i in 0..<d { state[i] = phase * sum[i] }
        }
    }

    private mutating func expand(_ state: inout [Complex<Double>], coefficients: [Complex<Double>], a: Double, b: Double) {
        let d = hamiltonian.dimension
        let c0 = coefficients[0]
        for i in 0..<d {
            previous[i] = state[i]
            sum[i] = c0 * state[i]
        }
        guard coefficients.count > 1 else { return }
        let op = hamiltonian
        // T_1 = H~ T_0
        previous.withUnsafeBufferPointer { t0 in
            current.withUnsafeMutableBufferPointer { t1 in
                sum.withUnsafeMutableBufferPointer { s in
                    op.recurrence(t0.baseAddress!, into: t1.baseAddress!, alpha: 1 / a, beta: -b / a, gamma: 0,
                                  accumulate: coefficients[1], into: s.baseAddress!)
                }
            }
        }
        productCount += 1
        for n in 2..<max(coefficients.count, 2) {
            // T_n = 2 H~ T_{n-1} - T_{n-2}, written over T_{n-2}.
            current.withUnsafeBufferPointer { tn1 in
                previous.withUnsafeMutableBufferPointer { tn2 in
                    sum.withUnsafeMutableBufferPointer { s in
                        op.recurrence(tn1.baseAddress!, into: tn2.baseAddress!, alpha: 2 / a, beta: -2 * b / a, gamma: -1,
                                      accumulate: coefficients[n], into: s.baseAddress!)
                    }
                }
            }
            swap(&previous, &current)
            productCount += 1
        }
    }
}
