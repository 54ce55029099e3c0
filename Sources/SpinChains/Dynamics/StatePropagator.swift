import ComplexModule
import RealModule

/// Something that advances a state vector in time: `|psi> <- exp(-i H dt) |psi>`.
public protocol StatePropagator {
    /// Advances `state` by `dt` (units of `1/J`).
    mutating func evolve(_ state: inout [Complex<Double>], by dt: Double) throws
    /// Products `H x` done so far (the cost unit of every method).
    var productCount: Int { get }
}

/// The propagation methods for Hamiltonian models.
public enum PropagationMethod: String, Sendable, CaseIterable {
    /// Chebyshev expansion of `exp(-i H dt)` with Bessel coefficients.
    case chebyshev
    /// Lanczos (Krylov) subspace of `krylovDimension` vectors, step size from its error estimate.
    case krylov
}
