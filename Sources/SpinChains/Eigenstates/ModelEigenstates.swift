import ComplexModule
import RealModule
import NumericKit

/// The eigenstates of one symmetry block: eigenvalues (quasi-energies for Floquet models) in
/// ascending order, the eigenvectors in the block's basis, and the basis itself (so that
/// operators and bipartitions can be expressed in it).
public struct EigenstateBlock: Sendable {
    public var energies: [Double]
    public var vectors: EigenvectorMatrix
    public var basis: any SpinBasis

    /// `vectors` has one column per energy and one row per basis state: all `D` eigenvectors of
    /// the block, or a window of `N < D` of them (then every observable of the block is one of
    /// the window).
    public init(energies: [Double], vectors: EigenvectorMatrix, basis: any SpinBasis) {
        precondition(energies.count == vectors.columnCount && basis.dimension == vectors.dimension, "block sizes differ")
        self.energies = energies
        self.vectors = vectors
        self.basis = basis
    }

    /// The number of eigenstates held (the block's dimension unless it is a window).
    public var dimension: Int { energies.count }
}

/// All eigenstates of one disorder realization, block by block.
///
/// Energy differences follow the model: plain differences for Hamiltonians; for Floquet models
/// (`period` set) quasi-energy differences folded into `(-Omega/2, Omega/2]`, `Omega = 2 pi / T`.
public struct Eigenstates: Sendable {
    public var blocks: [EigenstateBlock]
    /// The drive period `T` of a Floquet model, nil for a Hamiltonian.
    public var period: Double?

    public init(blocks: [EigenstateBlock], period: Double?) {
        self.blocks = blocks
        self.period = period
    }

    /// The Hilbert-space dimension `D` (all blocks).
    public var dimension: Int { blocks.reduce(0) { $0 + $1.dimension } }
    /// The number of sites of the states (chain plus probe).
    public var siteCount: Int { blocks.first?.basis.siteCount ?? 0 }

    /// The frequency `omega = to - from` (folded into `(-Omega/2, Omega/2]` for Floquet models).
    @inlinable
    public func frequency(from: Double, to: Double) -> Double {
        foldedFrequency(to - from, period: period)
    }
}

/// `omega` itself for a Hamiltonian; for a drive of period `T`, `omega` folded into
/// `(-Omega/2, Omega/2]`, `Omega = 2 pi / T`.
@inlinable
public func foldedFrequency(_ omega: Double, period: Double?) -> Double {
    guard let period else { return omega }
    let frequency = 2 * Double.pi / period
    var folded = omega - frequency * (omega / frequency).rounded()
    if folded <= -frequency / 2 { folded += frequency }
    if folded > frequency / 2 { folded -= frequency }
    return folded
}

extension EDProblem {
    /// Eigenvalues and eigenvectors for the given fields (the lbit model is drawn from
    /// `(seed, realization)`), one block per symmetry sector. Hamiltonians: `dsyevd` (real,
    /// xxz) or `zheevr` (complex Hermitian); Floquet operators: complex Schur form (`zgees`),
    /// whose vectors stay orthonormal inside nearly degenerate clusters.
    public func eigenstates(fields: DisorderFields, seed: UInt64 = 0, realization: UInt64 = 0,
                            propagators: CouplingPropagatorCache = .shared, stages: StageTimes? = nil) throws -> Eigenstates {
        let stages = stages ?? StageTimes()
        switch model.definition.structure {
        case .realSymmetricBlocks:
            let hamiltonian = try stages.measure(Stage.build) { try hamiltonianOperator(fields: fields) }
            var blocks: [EigenstateBlock] = []
            for basis in try bases() {
                let matrix = stages.measure(Stage.build) { hamiltonian.denseRealMatrix(in: basis) }
                let system = try stages.measure(Stage.eigensolver) { try symmetricEigensystem(matrix) }
                blocks.append(EigenstateBlock(energies: system.values, vectors: .real(system.vectors), basis: basis))
            }
            return Eigenstates(blocks: blocks, period: nil)
        case .hermitian:
            let matrix = try stages.measure(Stage.build) { try hamiltonianOperator(fields: fields).denseMatrix(in: fullBasis) }
            let system = try stages.measure(Stage.eigensolver) { try hermitianEigensystem(matrix) }
            return Eigenstates(blocks: [EigenstateBlock(energies: system.values, vectors: .complex(system.vectors), basis: fullBasis)],
                               period: nil)
        case .floquet:
            let u = try stages.measure(Stage.build) {
                try floquetOperator(fields: fields, seed: seed, realization: realization, propagators: propagators)
            }
            let system = try stages.measure(Stage.eigensolver) { try floquetEigensystem(u, period: period) }
            return Eigenstates(blocks: [EigenstateBlock(energies: system.quasiEnergies, vectors: .complex(system.vectors), basis: fullBasis)],
                               period: period)
        }
    }
}
