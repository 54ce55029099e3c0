/// The static Heisenberg chain in random O(3) fields (docs/exact-numerics.md, `heisenberg-o3`; paper eq. (61)):
///
///     H = (J/2) sum_n sigma_n . sigma_{n+1} + (W/2) sum_n v_n . sigma_n
///
/// with Pauli matrices and random vectors `v_n` (`[v_n . v_n] = 1`). No conservation law besides
/// energy; the matrix is complex Hermitian (the `v^y sigma^y` terms).
public struct HeisenbergO3Chain: Sendable {
    public var interaction: Double
    public var disorderStrength: Double
    /// `v_n = (x, y, z)`, one per site.
    public var fieldVectors: [SIMD3<Double>]
    public var boundary: ChainBoundary

    public init(interaction: Double = 1, disorderStrength: Double, fieldVectors: [SIMD3<Double>],
                boundary: ChainBoundary = .periodic) {
        self.interaction = interaction
        self.disorderStrength = disorderStrength
        self.fieldVectors = fieldVectors
        self.boundary = boundary
    }

    public var length: Int { fieldVectors.count }

    public var hamiltonian: SpinOperator {
        heisenbergCoupling(length: length, coupling: interaction / 2, boundary: boundary)
            + fieldTerms(fieldVectors, strength: disorderStrength / 2)
    }
}

/// `J sum_n sigma_n . sigma_{n+1}` over the bonds of the chain (real matrix elements).
public func heisenbergCoupling(length: Int, coupling: Double, boundary: ChainBoundary) -> SpinOperator {
    var h = SpinOperator()
    for (i, j) in boundary.bonds(length: length) {
        for pauli in Pauli.allCases { h.add(coupling, PauliString(pauli, at: i, j)) }
    }
    return h
}

/// `strength sum_n v_n . sigma_n`.
public func fieldTerms(_ vectors: [SIMD3<Double>], strength: Double) -> SpinOperator {
    var h = SpinOperator()
    for (n, v) in vectors.enumerated() {
        h.add(strength * v.x, PauliString(.x, at: n))
        h.add(strength * v.y, PauliString(.y, at: n))
        h.add(strength * v.z, PauliString(.z, at: n))
    }
    return h
}

/// `heisenberg-o3` in the model catalog: one complex Hermitian matrix on the full space.
public struct HeisenbergO3ChainModel: ChainModel {
    public let name = "heisenberg-o3"
    public let summary = "H = (J/2) sum sigma_n.sigma_n+1 + (W/2) sum v_n.sigma_n"
    public let structure = ModelStructure.hermitian
    public let disorder = ModelDisorder.fieldVectors

    public func hamiltonian(of problem: EDProblem, fields: DisorderFields) throws -> SpinOperator {
        let chain = HeisenbergO3Chain(interaction: problem.interaction, disorderStrength: problem.disorderStrength,
                                      fieldVectors: try problem.fieldVectors(fields), boundary: problem.boundary)
        return problem.probe.map { chain.hamiltonian + $0.terms(chainLength: problem.length) } ?? chain.hamiltonian
    }
}

extension EDModelKind {
    public static let heisenbergO3 = EDModelKind(HeisenbergO3ChainModel())
}
