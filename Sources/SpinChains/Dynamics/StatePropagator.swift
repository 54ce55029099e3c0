import ComplexModule
import RealModule

/// Something that advances a state vector in time: `|psi> <- exp(-i H dt) |psi>`.
public protocol StatePropagator {
    /// Advances `state` by `dt` (units of `1/J`).
    mutating func evolve(_ state: inout [Complex<Double>], by dt: Double) throws
    /// Advances two states by the same `dt` (a propagator may share work between them).
    mutating func evolvePair(_ first: inout [Complex<Double>], _ second: inout [Complex<Double>], by dt: Double) throws
    /// Products `H x` done so far (the cost unit of every method; a paired product counts 2).
    var productCount: Int { get }
}

extension StatePropagator {
    public mutating func evolvePair(_ first: inout [Complex<Double>], _ second: inout [Complex<Double>], by dt: Double) throws {
        try evolve(&first, by: dt)
        try evolve(&second, by: dt)
    }
}

/// The propagation methods for Hamiltonian models.
public enum PropagationMethod: String, Sendable, CaseIterable {
    /// Chebyshev expansion of `exp(-i H dt)` with Bessel coefficients.
    case chebyshev
    /// Lanczos (Krylov) subspace of `krylovDimension` vectors, step size from its error estimate.
    case krylov
}
