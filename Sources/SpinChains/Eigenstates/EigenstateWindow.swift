import NumericKit

/// One symmetry block with every eigenvalue but the eigenvectors of a contiguous index range
/// only (the middle of the spectrum): what the mid-spectrum observables (`<r>`, the matrix-element
/// distribution, `rho vbar`, the eigenstate entanglement) need, at a fraction of the cost of all
/// eigenvectors (see `symmetricEigenwindow`). Indices are those of the whole block in ascending
/// order, as in `EigenstateBlock`.
public struct EigenstateWindow: Sendable {
    /// All eigenvalues of the block, ascending.
    public var energies: [Double]
    /// The indices whose eigenvectors `states` holds.
    public var window: Range<Int>
    /// The held eigenstates: `energies[window]` and their vectors, column `k` for index `window.lowerBound + k`.
    public var states: EigenstateBlock

    public init(energies: [Double], window: Range<Int>, vectors: EigenvectorMatrix, basis: any SpinBasis) {
        precondition(window.lowerBound >= 0 && window.upperBound <= energies.count, "window outside the spectrum")
        self.energies = energies
        self.window = window
        self.states = EigenstateBlock(energies: Array(energies[window]), vectors: vectors, basis: basis)
    }

    /// The block's dimension (all eigenvalues).
    public var dimension: Int { energies.count }
}

extension EDProblem {
    /// Whether `eigenstateWindows` can serve this problem: real symmetric blocks (xxz).
    public var supportsEigenstateWindows: Bool { model.definition.structure == .realSymmetricBlocks }

    /// Every eigenvalue of each block and the eigenvectors of the index range `selecting` picks
    /// from the block's sorted eigenvalues (xxz only; see `symmetricEigenwindow`).
    public func eigenstateWindows(fields: DisorderFields, stages: StageTimes? = nil,
                                  selecting: ([Double]) -> Range<Int>) throws -> [EigenstateWindow] {
        guard supportsEigenstateWindows else {
            throw ProblemError.unsupported("eigenvector windows need a real symmetric Hamiltonian (xxz)")
        }
        let stages = stages ?? StageTimes()
        let hamiltonian = try stages.measure(Stage.build) { try hamiltonianOperator(fields: fields) }
        return try bases().map { basis in
            let matrix = stages.measure(Stage.build) { hamiltonian.denseRealMatrix(in: basis) }
            let system = try stages.measure(Stage.eigensolver) { try symmetricEigenwindow(matrix, selecting: selecting) }
            return EigenstateWindow(energies: system.values, window: system.window, vectors: .real(system.vectors), basis: basis)
        }
    }
}

extension EDProblem {
    /// The dense real symmetric matrix of each xxz block and its basis (what `eigenstates` and
    /// `eigenstateWindows` diagonalise), for benchmarks against bare LAPACK.
    public func realBlockMatrices(fields: DisorderFields) throws -> [(matrix: Matrix<Double>, basis: any SpinBasis)] {
        guard supportsEigenstateWindows else {
            throw ProblemError.unsupported("real block matrices exist for \(EDModelKind.names { $0.structure == .realSymmetricBlocks }) only")
        }
        let hamiltonian = try hamiltonianOperator(fields: fields)
        return try bases().map { (hamiltonian.denseRealMatrix(in: $0), $0) }
    }
}
