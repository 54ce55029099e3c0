import NumericKit

extension EDProblem {
    /// The sorted eigenvalues (quasi-energies) of each symmetry block on its own, without
    /// eigenvectors (two-stage drivers): what sector-resolved level statistics need.
    public func sectorSpectra(fields: DisorderFields, seed: UInt64 = 0, realization: UInt64 = 0,
                              propagators: CouplingPropagatorCache = .shared) throws -> [[Double]] {
        guard model == .xxz else {
            return [try spectrum(fields: fields, seed: seed, realization: realization, propagators: propagators)]
        }
        let chain = XXZChain(coupling: coupling, anisotropy: anisotropy, fields: try longitudinalFields(fields),
                             boundary: boundary, convention: convention)
        var hamiltonian = chain.hamiltonian
        if let probe { hamiltonian = hamiltonian + probe.terms(chainLength: length) }
        return try xxzBases().map { try symmetricEigenvalues(hamiltonian.denseRealMatrix(in: $0)) }
    }
}
