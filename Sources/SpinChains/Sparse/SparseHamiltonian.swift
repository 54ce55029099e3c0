/// What the sparse engines need of a problem: the one block whose window is computed, and the
/// Hamiltonian as a sum of Pauli strings (rows are generated from it rank by rank).
extension EDProblem {
    /// Why this problem has no sparse window engine, or nil if it has one. Supported: `xxz` in one
    /// S^z sector or the full space (with or without the probe) and `heisenberg-o3` (with or
    /// without the probe); the Floquet models are unitary, not Hermitian.
    public var sparseWindowUnsupportedReason: String? {
        let definition = model.definition
        if definition.isFloquet {
            return "--method shift-invert applies to the Hamiltonian models \(EDModelKind.names { !$0.isFloquet }), not to \(model.rawValue)"
        }
        if definition.hasMagnetizationSectors && magnetization == .allSectors {
            return "--method shift-invert needs one S^z sector or 'full', not 'all'"
        }
        return nil
    }

    /// The basis of the single block the window lives in.
    public func windowBasis() throws -> any SpinBasis {
        if let reason = sparseWindowUnsupportedReason { throw ProblemError.unsupported(reason) }
        return try bases()[0]
    }

    /// The Hamiltonian (with the probe's terms, if any) for the given fields.
    public func hamiltonianOperator(fields: DisorderFields) throws -> SpinOperator {
        try model.definition.hamiltonian(of: self, fields: fields)
    }

    /// Whether the Hamiltonian's matrix is real symmetric (xxz, unless a `sigma^y` probe coupling
    /// makes it complex): decides Cholesky in the real build versus LU in the complex build.
    public var hasRealHamiltonian: Bool {
        model.definition.structure == .realSymmetricBlocks && probe?.coupling != .y
    }

    /// The dimension of the window's block.
    public var windowDimension: Int { blockDimensions.max() ?? 0 }
}
