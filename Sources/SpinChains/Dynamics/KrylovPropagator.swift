import ComplexModule
import NumericKit
import RealModule

/// `exp(-i H dt) |psi>` in a Lanczos (Krylov) subspace (Hochbruck & Lubich; Park & Light):
/// `m` orthonormal vectors `V` (fully reorthogonalised), `T = V^dagger H V` tridiagonal, and
///
///     exp(-i H h) |psi> ~ |psi| V exp(-i T h) e_1,
///
/// with the step `h` the largest (up to what is left of `dt`) whose error estimate
/// `|psi| beta_m |(exp(-i T h) e_1)_m|` is below `tolerance`. `T` is diagonalised by LAPACK.
/// Memory: `m + 1` vectors.
public struct KrylovPropagator: StatePropagator {
    public let hamiltonian: MatrixFreeOperator
    public var krylovDimension: Int
    public var tolerance: Double
    public private(set) var productCount = 0
    private var basis: [[Complex<Double>]] = []
    private var lastStep: Double = 0

    public init(hamiltonian: MatrixFreeOperator, krylovDimension: Int = 30, tolerance: Double = 1e-14) {
        self.hamiltonian = hamiltonian
        self.krylovDimension = max(2, min(krylovDimension, hamiltonian.dimension))
        self.tolerance = tolerance
    }

    public mutating func evolve(_ state: inout [Complex<Double>], by dt: Double) throws {
        var remaining = dt
        while abs(remaining) > 1e-15 * max(1, abs(dt)) {
            let done = try step(&state, upTo: remaining)
            remaining -= done
        }
    }

    /// One Krylov step of at most `dt`; returns the time advanced.
    private mutating func step(_ state: inout [Complex<Double>], upTo dt: Double) throws -> Double {
        let d = hamiltonian.dimension
        let norm = StateVectors.normSquared(state).squareRoot()
        guard norm > 0 else { return dt }
        if basis.count != krylovDimension + 1 || basis.first?.count != d {
            basis = Array(repeating: [Complex<Double>](repeating: .zero, count: d), count: krylovDimension + 1)
        }
        for i in 0..<d { basis[0][i] = state[i] * Complex(1 / norm) }
        var alphas: [Double] = [], betas: [Double] = []
        var m = 0
        var invariant = false
        while m < krylovDimension {
            var w = hamiltonian.applied(to: basis[m])
            productCount += 1
            let alpha = StateVectors.inner(basis[m], w).real
            // Full reorthogonalization (twice is enough).
            for _ in 0..<2 {
                for k in 0...m {
                    let c = StateVectors.inner(basis[k], w)
                    if c.length == 0 { continue }
                    for i in 0..<d { w[i] -= c * basis[k][i] }
                }
            }
            alphas.append(alpha)
            let beta = StateVectors.normSquared(w).squareRoot()
            betas.append(beta)
            m += 1
            if beta < 1e-13 * max(1, abs(alpha)) { invariant = true; break }
            basis[m] = w.map { $0 * Complex(1 / beta) }
        }
        var t = Matrix<Double>.zeros(rows: m, columns: m)
        for i in 0..<m {
            t[i, i] = alphas[i]
            if i + 1 < m { t[i, i + 1] = betas[i]; t[i + 1, i] = betas[i] }
        }
        let system = try symmetricEigensystem(t)
        // exp(-i T h) e_1 = Q exp(-i E h) Q^T e_1
        func propagated(_ h: Double) -> [Complex<Double>] {
            var y = [Complex<Double>](repeating: .zero, count: m)
            for k in 0..<m {
                let q0 = Complex(system.vectors[0, k])
                let phase = Complex(Double.cos(system.values[k] * h), -Double.sin(system.values[k] * h)) * q0
                for i in 0..<m { y[i] += Complex(system.vectors[i, k]) * phase }
            }
            return y
        }
        var h = dt
        if !invariant {
            let beta = betas[m - 1]
            if lastStep != 0 { h = dt > 0 ? min(dt, 1.5 * abs(lastStep)) : max(dt, -1.5 * abs(lastStep)) }
            while beta * propagated(h)[m - 1].length * norm > tolerance {
                h *= 0.7
            }
            lastStep = h
        }
        let y = propagated(h)
        for i in 0..<d {
            var sum = Complex<Double>.zero
            for k in 0..<m { sum += basis[k][i] * y[k] }
            state[i] = Complex(norm) * sum
        }
        return h
    }
}
