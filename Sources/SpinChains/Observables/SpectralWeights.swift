import NumericKit

/// The weights `|A_ab|^2 / D` of an operator `A` between all pairs of eigenstates of one
/// realization, block by block, with the eigenvalues they connect. Every spectral observable of
/// `A` (the spectral function, the correlator, the infinite-time memory) is a sum over these.
///
/// `A` is a Pauli string (e.g. `sigma^z_0`, `sigma^z_P`) that maps each block's basis into
/// itself, so `A` is block diagonal and `tr A^2 = D`. Each block's weights come from one BLAS
/// product `V^dagger (A V)` (see `EigenvectorMatrix.squaredMatrixElements`).
public struct SpectralWeights: Sendable {
    public struct Block: Sendable {
        public var energies: [Double]
        /// Row `a - offset`, column `b - offset`: `|A_ab|^2 / D`.
        public var weights: Matrix<Double>
        /// The index of the first state held: 0 when the weights cover every state of the
        /// block, the window's start when they cover a window (`EigenstateWindow`) only. A
        /// window's weights may hold only some pairs (`WeightPairs`), the others NaN.
        public var offset = 0

        /// The indices `a` whose weights are held.
        public var held: Range<Int> { offset..<(offset + weights.rows) }
        /// Whether every state of the block is held (the spectral function, `Czz` and `chi` need it).
        public var isComplete: Bool { weights.rows == energies.count }

        /// `|A_ab|^2 / D` for block indices `a`, `b` in `held`.
        @inlinable
        public func weight(_ a: Int, _ b: Int) -> Double { weights[a - offset, b - offset] }
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

    /// The weights among the eigenvectors of each window (`D` the dimension of all blocks, not
    /// the number of vectors held); the blocks keep all their eigenvalues.
    /// With `pairs`, a window that is not the whole block holds the weights of those pairs only
    /// (`WeightPairs`; NaN elsewhere): the criterion's band and the matrix-element windows' cross
    /// block, a third of the products at xxz `L = 14`.
    public init(operator string: PauliString, windows: [EigenstateWindow], pairs: WeightPairs? = nil) throws {
        let d = windows.reduce(0) { $0 + $1.dimension }
        let scale = 1 / Double(d)
        blocks = try windows.map { window in
            let vectors = window.states.vectors, basis = window.states.basis
            let rectangles = window.window.count < window.energies.count
                ? pairs?.rectangles(energies: window.energies, held: window.window) : nil
            var weights = try rectangles.map { try vectors.squaredMatrixElements(of: string, basis: basis, rectangles: $0) }
                ?? vectors.squaredMatrixElements(of: string, basis: basis)
            weights.elements.withUnsafeMutableBufferPointer { w in
                for k in w.indices { w[k] *= scale }
            }
            return Block(energies: window.energies, weights: weights, offset: window.window.lowerBound)
        }
        period = nil
        dimension = d
    }

    /// `(1/D) sum_a |A_aa|^2`: the weight of the `omega = 0` delta function of `S(omega)`, equal
    /// to the infinite-time memory `[Czz]` when the spectrum has no degeneracies.
    public var diagonalWeight: Double {
        var sum = 0.0
        for block in blocks {
            for a in 0..<block.weights.rows { sum += block.weights[a, a] }
        }
        return sum
    }

    /// `(1/D) tr A^2 = (1/D) sum_ab |A_ab|^2` (the sum rule's right-hand side; 1 for a Pauli string).
    public var totalWeight: Double {
        blocks.reduce(0) { $0 + $1.weights.elements.reduce(0, +) }
    }
}
