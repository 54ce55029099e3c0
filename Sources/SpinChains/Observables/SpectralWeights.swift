import NumericKit

/// The weights `|A_ab|^2 / D` of an operator `A` between all pairs of eigenstates of one
/// realisation, block by block, with the eigenvalues they connect. Every spectral observable of
/// `A` (the spectral function, the correlator, the infinite-time memory) is a sum over these.
///
/// `A` is a Pauli string (e.g. `sigma^z_0`, `sigma^z_P`) that maps each block's basis into
/// itself, so `A` is block diagonal and `tr A^2 = D`. Each block's weights come from one BLAS
/// product `V^dagger (A V)` (see `EigenvectorMatrix.squaredMatrixElements`).
public struct SpectralWeights: Sendable {
    public struct Block: Sendable {
        public var energies: [Double]
        /// Row `a`, column `b`: `|A_ab|^2 / D`.
        public var weights: Matrix<Double>
    }

    public var blocks: [Block]
    public var period: Double?
    public var dimension: Int

    public init(operator string: PauliString, eigenstates: Eigenstates) throws {
        let d = eigenstates.dimension
        let scale = 1 / Double(d)
        blocks = try eigenstates.blocks.map { block in
            var weights = try block.vectors.squaredMatrixElements(of: string, basis: block.basis)
            weights.elements.withUnsafeMutableBufferPointer { w in
                for k in w.indices { w[k] *= scale }
            }
            return Block(energies: block.energies, weights: weights)
        }
        period = eigenstates.period
        dimension = d
    }

    /// `(1/D) sum_a |A_aa|^2`: the weight of the `omega = 0` delta function of `S(omega)`, equal
    /// to the infinite-time memory `[Czz]` when the spectrum has no degeneracies.
    public var diagonalWeight: Double {
        var sum = 0.0
        for block in blocks {
            for a in 0..<block.energies.count { sum += block.weights[a, a] }
        }
        return sum
    }

    /// `(1/D) tr A^2 = (1/D) sum_ab |A_ab|^2` (the sum rule's right-hand side; 1 for a Pauli string).
    public var totalWeight: Double {
        blocks.reduce(0) { $0 + $1.weights.elements.reduce(0, +) }
    }
}
