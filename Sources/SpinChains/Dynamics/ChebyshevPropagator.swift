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
    /// The second vector's work vectors (paired propagation).
    private var previous2: [Complex<Double>] = []
    private var current2: [Complex<Double>] = []
    private var sum2: [Complex<Double>] = []
    /// One vector (`evolve`) runs on split-complex copies (`MatrixFreeOperator.splitRecurrence`,
    /// from `MatrixFreeOperator.splitMinimumSites` sites) unless this is false (then the
    /// interleaved `recurrence`, the reference).
    public var usesSplitKernel = true
    /// The split work vectors: real and imaginary parts of `T_{n-1}`, `T_n` and the sum, on huge
    /// pages (`HugePageBuffer`); a copy of the propagator makes its own before it writes.
    private var split: HugePageBuffer?

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
        let (steps, coefficients, phase) = plan(dt)
        let d = hamiltonian.dimension
        if usesSplitKernel && hamiltonian.siteCount >= MatrixFreeOperator.splitMinimumSites {
            if split?.count != 6 * d || !isKnownUniquelyReferenced(&split) { split = HugePageBuffer(count: 6 * d) }
            for _ in 0..<steps { expandSplit(&state, coefficients: coefficients, phase: phase) }
            return
        }
        if previous.count != d {
            previous = .init(repeating: .zero, count: d)
            current = .init(repeating: .zero, count: d)
            sum = .init(repeating: .zero, count: d)
        }
        for _ in 0..<steps {
            expand(&state, coefficients: coefficients)
            for i in 0..<d { state[i] = phase * sum[i] }
        }
    }

    /// Both states with one pass over the rows per order (`MatrixFreeOperator.pairedRecurrence`).
    public mutating func evolvePair(_ first: inout [Complex<Double>], _ second: inout [Complex<Double>], by dt: Double) throws {
        let d = hamiltonian.dimension
        precondition(first.count == d && second.count == d, "state length differs from the dimension")
        guard dt != 0 else { return }
        let (steps, coefficients, phase) = plan(dt)
        if previous.count != d {
            previous = .init(repeating: .zero, count: d)
            current = .init(repeating: .zero, count: d)
            sum = .init(repeating: .zero, count: d)
        }
        if previous2.count != d {
            previous2 = .init(repeating: .zero, count: d)
            current2 = .init(repeating: .zero, count: d)
            sum2 = .init(repeating: .zero, count: d)
        }
        for _ in 0..<steps {
            expandPair(&first, &second, coefficients: coefficients)
            for i in 0..<d {
                first[i] = phase * sum[i]
                second[i] = phase * sum2[i]
            }
        }
    }

    private func plan(_ dt: Double) -> (steps: Int, coefficients: [Complex<Double>], phase: Complex<Double>) {
        Self.expansion(dt, interval: interval, tolerance: tolerance, maximumStep: maximumStep)
    }

    /// The expansion of `exp(-i H dt)` on `interval`: `steps` equal steps `h = dt / steps` with
    /// `a |h| <= maximumStep`, the coefficients `(2 - delta_n0) (-i)^n J_n(a h)` of each step (cut
    /// where `|J_n| < tolerance`) and its phase `exp(-i b h)`. Every engine that runs the recurrence
    /// (matrix-free here, PETSc in the sparse worker) takes its coefficients from here.
    public static func expansion(_ dt: Double, interval: SpectralInterval, tolerance: Double, maximumStep: Double)
        -> (steps: Int, coefficients: [Complex<Double>], phase: Complex<Double>) {
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
        return (steps, coefficients, Complex(Double.cos(b * h), -Double.sin(b * h)))
    }

    private mutating func expandPair(_ first: inout [Complex<Double>], _ second: inout [Complex<Double>], coefficients: [Complex<Double>]) {
        let d = hamiltonian.dimension
        let a = interval.halfWidth, b = interval.center
        let c0 = coefficients[0]
        for i in 0..<d {
            previous[i] = first[i]
            sum[i] = c0 * first[i]
            previous2[i] = second[i]
            sum2[i] = c0 * second[i]
        }
        guard coefficients.count > 1 else { return }
        let op = hamiltonian
        for n in 1..<coefficients.count {
            // n = 1: T_1 = H~ T_0 into `current`; then T_n = 2 H~ T_{n-1} - T_{n-2} over T_{n-2}.
            let (alpha, beta, gamma) = n == 1 ? (1 / a, -b / a, 0.0) : (2 / a, -2 * b / a, -1.0)
            let c = coefficients[n]
            if n == 1 {
                previous.withUnsafeBufferPointer { x1 in previous2.withUnsafeBufferPointer { x2 in
                current.withUnsafeMutableBufferPointer { z1 in current2.withUnsafeMutableBufferPointer { z2 in
                sum.withUnsafeMutableBufferPointer { s1 in sum2.withUnsafeMutableBufferPointer { s2 in
                    op.pairedRecurrence(x1.baseAddress!, x2.baseAddress!, into: z1.baseAddress!, z2.baseAddress!,
                                        alpha: alpha, beta: beta, gamma: gamma, accumulate: c, into: s1.baseAddress!, s2.baseAddress!)
                } } } } } }
            } else {
                current.withUnsafeBufferPointer { x1 in current2.withUnsafeBufferPointer { x2 in
                previous.withUnsafeMutableBufferPointer { z1 in previous2.withUnsafeMutableBufferPointer { z2 in
                sum.withUnsafeMutableBufferPointer { s1 in sum2.withUnsafeMutableBufferPointer { s2 in
                    op.pairedRecurrence(x1.baseAddress!, x2.baseAddress!, into: z1.baseAddress!, z2.baseAddress!,
                                        alpha: alpha, beta: beta, gamma: gamma, accumulate: c, into: s1.baseAddress!, s2.baseAddress!)
                } } } } } }
                swap(&previous, &current)
                swap(&previous2, &current2)
            }
            productCount += 2
        }
    }

    /// One step on split-complex vectors: `state <- phase sum_n c_n T_n(H~) state`.
    private mutating func expandSplit(_ state: inout [Complex<Double>], coefficients: [Complex<Double>], phase: Complex<Double>) {
        let d = hamiltonian.dimension
        let a = interval.halfWidth, b = interval.center
        let op = hamiltonian
        // Six arrays of D: T_{n-1} (re, im), T_n (re, im), the sum (re, im).
        let work = split!.base
        state.withUnsafeMutableBufferPointer { psi in
            let v = (0..<6).map { work + $0 * d }
            let c0 = coefficients[0]
            for i in 0..<d {
                let x = psi[i]
                v[0][i] = x.real
                v[1][i] = x.imaginary
                v[4][i] = c0.real * x.real - c0.imaginary * x.imaginary
                v[5][i] = c0.real * x.imaginary + c0.imaginary * x.real
            }
            var previous = 0, current = 2
            let layout = op.splitLayout()
            for n in 1..<max(coefficients.count, 1) {
                // n = 1: T_1 = H~ T_0; then T_n = 2 H~ T_{n-1} - T_{n-2}, written over T_{n-2}.
                let (alpha, beta, gamma) = n == 1 ? (1 / a, -b / a, 0.0) : (2 / a, -2 * b / a, -1.0)
                let (source, target) = n == 1 ? (previous, current) : (current, previous)
                op.splitRecurrence(v[source], v[source + 1], into: v[target], v[target + 1], alpha: alpha, beta: beta, gamma: gamma,
                                   accumulate: coefficients[n], into: v[4], v[5], layout: layout)
                if n > 1 { swap(&previous, &current) }
            }
            for i in 0..<d { psi[i] = phase * Complex(v[4][i], v[5][i]) }
        }
        productCount += coefficients.count - 1
    }

    private mutating func expand(_ state: inout [Complex<Double>], coefficients: [Complex<Double>]) {
        let d = hamiltonian.dimension
        let a = interval.halfWidth, b = interval.center
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
