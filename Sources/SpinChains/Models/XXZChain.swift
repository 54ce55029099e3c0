/// The random-field XXZ chain (docs/exact-numerics.md, `xxz`; Luitz, Laflorencie & Alet, PRB 91, 081103 (2015)):
///
///     H = J sum_n (S^x_n S^x_{n+1} + S^y_n S^y_{n+1} + Delta S^z_n S^z_{n+1}) + sum_n h_n S^z_n
///
/// with `S = sigma/2` (convention `.spin`) or `S -> sigma` (convention `.pauli`), fields `h_n`
/// uniform in `[-W, W]` in either convention. Conserves total `S^z`; the matrix is real.
public struct XXZChain: Sendable {
    public var coupling: Double
    public var anisotropy: Double
    /// `h_n`, one per site, in the Hamiltonian's own convention.
    public var fields: [Double]
    public var boundary: ChainBoundary
    public var convention: SpinConvention

    public init(coupling: Double = 1, anisotropy: Double = 1, fields: [Double],
                boundary: ChainBoundary = .periodic, convention: SpinConvention = .spin) {
        self.coupling = coupling
        self.anisotropy = anisotropy
        self.fields = fields
        self.boundary = boundary
        self.convention = convention
    }

    public var length: Int { fields.count }

    /// `H` as a sum of Pauli strings on sites 0..L-1.
    public var hamiltonian: SpinOperator {
        let s = convention.operatorScale
        var h = SpinOperator()
        for (i, j) in boundary.bonds(length: length) {
            h.add(coupling * s * s, PauliString(.x, at: i, j))
            h.add(coupling * s * s, PauliString(.y, at: i, j))
            h.add(coupling * anisotropy * s * s, PauliString(.z, at: i, j))
        }
        for (n, field) in fields.enumerated() { h.add(field * s, PauliString(.z, at: n)) }
        return h
    }
}
