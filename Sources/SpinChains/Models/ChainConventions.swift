/// Boundary conditions of a chain of `L` sites.
public enum ChainBoundary: String, Sendable, CaseIterable {
    /// Bonds `(n, n+1 mod L)`, `n = 0..L-1`.
    case periodic
    /// Bonds `(n, n+1)`, `n = 0..L-2`.
    case open

    /// The nearest-neighbour bonds of a chain of `length` sites. For `L = 2` a periodic chain has
    /// the bond (0, 1) twice, as the sum over `n` says.
    public func bonds(length: Int) -> [(Int, Int)] {
        switch self {
        case .periodic: return length < 2 ? [] : (0..<length).map { ($0, ($0 + 1) % length) }
        case .open: return length < 2 ? [] : (0..<(length - 1)).map { ($0, $0 + 1) }
        }
    }
}

/// Spin operators `S = sigma/2` or Pauli matrices `sigma` in a Hamiltonian written with `S`.
/// Writing `H` with Pauli matrices instead of spins multiplies each two-spin term by 4 and each
/// field term by 2: `H_pauli(J, h) = 4 H_spin(J, h/2)`.
public enum SpinConvention: String, Sendable, CaseIterable {
    case spin
    case pauli

    /// The factor relating the operator to a Pauli matrix: 1/2 for spins, 1 for Pauli matrices.
    public var operatorScale: Double { self == .spin ? 0.5 : 1 }
}
