import NumericKit

extension EDProblem {
    /// The sorted eigenvalues (quasi-energies) of each symmetry block on its own, without
    /// eigenvectors (two-stage drivers): what sector-resolved level statistics need.
    public func sectorSpectra(fields: DisorderFields, seed: UInt64 = 0, realization: UInt64 = 0,
                              propagators: CouplingPropagatorCache = .shared, stages: StageTimes? = nil) throws -> [[Double]] {
        let stages = stages ?? StageTimes()
        guard model.definition.structure == .realSymmetricBlocks else {
            return [try stages.measure(Stage.eigensolver) {
                try spectrum(fields: fields, seed: seed, realization: realization, propagators: propagators)
            }]
        }
        let hamiltonian = try stages.measure(Stage.build) { try hamiltonianOperator(fields: fields) }
        return try bases().map { basis in
            let matrix = stages.measure(Stage.build) { hamiltonian.denseRealMatrix(in: basis) }
            return try stages.measure(Stage.eigensolver) { try symmetricEigenvalues(matrix) }
        }
    }
}
