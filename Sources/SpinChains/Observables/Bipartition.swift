import ComplexModule
import RealModule
import Foundation
import NumericKit

/// A split of the sites of a basis into a subsystem `A` and its complement `B`, for the reduced
/// density matrices `rho_A = tr_B |psi><psi|` of states in that basis.
///
/// Sector-aware: in a `MagnetizationSector` the number of down spins of the chain is fixed, so
/// the amplitude matrix `psi[a, b]` (`a` a configuration of `A`, `b` of `B`) is block diagonal in
/// the number of chain down spins inside `A`, and `rho_A` is the direct sum of the blocks'
/// `psi_k psi_k^dagger`. Each block is diagonalised on its smaller side.
public struct Bipartition: Sendable {
    public let subsystemSites: [Int]
    /// For each basis index: its block, row (configuration of A) and column (of B).
    let block: [Int32]
    let row: [Int32]
    let column: [Int32]
    let blockShapes: [(rows: Int, columns: Int)]

    public init(basis: some SpinBasis, subsystemSites: [Int]) {
        precondition(Set(subsystemSites).count == subsystemSites.count
                     && subsystemSites.allSatisfy { $0 >= 0 && $0 < basis.siteCount }, "subsystem sites out of range")
        self.subsystemSites = subsystemSites
        let mask = subsystemSites.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        var chainMask = ~UInt64(0)
        var conservesPopulation = false
        if let sector = basis as? MagnetizationSector {
            conservesPopulation = true
            chainMask = (1 << UInt64(sector.chainLength)) - 1
        }
        var keys: [Int: Int] = [:]
        var rowIndex: [[UInt64: Int32]] = [], columnIndex: [[UInt64: Int32]] = []
        var block = [Int32](), row = [Int32](), column = [Int32]()
        let d = basis.dimension
        block.reserveCapacity(d); row.reserveCapacity(d); column.reserveCapacity(d)
        for i in 0..<d {
            let state = basis.state(at: i)
            let a = state & mask, b = state & ~mask
            let key = conservesPopulation ? (a & chainMask).nonzeroBitCount : 0
            let g: Int
            if let existing = keys[key] { g = existing } else {
                g = rowIndex.count
                keys[key] = g
                rowIndex.append([:]); columnIndex.append([:])
            }
            let r = rowIndex[g][a] ?? { let n = Int32(rowIndex[g].count); rowIndex[g][a] = n; return n }()
            let c = columnIndex[g][b] ?? { let n = Int32(columnIndex[g].count); columnIndex[g][b] = n; return n }()
            block.append(Int32(g)); row.append(r); column.append(c)
        }
        self.block = block
        self.row = row
        self.column = column
        self.blockShapes = zip(rowIndex, columnIndex).map { ($0.count, $1.count) }
    }

    /// The von Neumann entropy `S_A = -tr rho_A ln rho_A` (natural log) of column `a` of `vectors`.
    public func entropy(ofColumn a: Int, in vectors: EigenvectorMatrix) throws -> Double {
        switch vectors {
        case let .real(v):
            return try amplitudeBlocks(ofColumn: a, in: v, zero: 0).reduce(0) { $0 + (try blockEntropy($1)) }
        case let .complex(v):
            return try amplitudeBlocks(ofColumn: a, in: v, zero: .zero).reduce(0) { $0 + (try blockEntropy($1)) }
        }
    }

    /// Column `a` of `v` as one amplitude matrix per block (`psi_{A,B}`, rows on A, columns on B).
    func amplitudeBlocks<T>(ofColumn a: Int, in v: Matrix<T>, zero: T) -> [Matrix<T>] {
        let d = v.rows
        var blocks = blockShapes.map { [T](repeating: zero, count: $0.rows * $0.columns) }
        for i in 0..<d {
            let g = Int(block[i])
            blocks[g][Int(row[i]) + Int(column[i]) * blockShapes[g].rows] = v.elements[i + a * d]
        }
        return zip(blockShapes, blocks).map { Matrix(rows: $0.rows, columns: $0.columns, elements: $1) }
    }

    /// `S_A` of the columns `columns` of `vectors`, in order. Real vectors reuse one set of
    /// buffers for every column (the amplitude blocks and a `GramSpectrumWorkspace`): no
    /// allocation per state.
    public func entropies(ofColumns columns: Range<Int>, in vectors: EigenvectorMatrix) throws -> [Double] {
        guard case let .real(v) = vectors else { return try columns.map { try entropy(ofColumn: $0, in: vectors) } }
        let d = v.rows
        var blocks = blockShapes.map { [Double](repeating: 0, count: $0.rows * $0.columns) }
        var workspace = GramSpectrumWorkspace(largestSide: blockShapes.map { min($0.rows, $0.columns) }.max() ?? 1)
        var result: [Double] = []
        result.reserveCapacity(columns.count)
        for a in columns {
            v.elements.withUnsafeBufferPointer { source in
                for i in 0..<d {
                    let g = Int(block[i])
                    blocks[g][Int(row[i]) + Int(column[i]) * blockShapes[g].rows] = source[i + a * d]
                }
            }
            var entropy = 0.0
            for (g, shape) in blockShapes.enumerated() where min(shape.rows, shape.columns) > 0 {
                entropy += try blocks[g].withUnsafeBufferPointer { psi in
                    try workspace.withSpectrum(of: psi.baseAddress!, rows: shape.rows, columns: shape.columns) { lambda in
                        lambda.reduce(0) { $0 + entropyTerm($1) }
                    }
                }
            }
            result.append(entropy)
        }
        return result
    }

    private func blockEntropy(_ psi: Matrix<Double>) throws -> Double {
        let side = min(psi.rows, psi.columns)
        if side == 0 { return 0 }
        if side == 1 { return entropyTerm(psi.elements.reduce(0) { $0 + $1 * $1 }) }
        let gram = psi.rows <= psi.columns ? try matrixProduct(psi, .none, psi, .transpose)
                                           : try matrixProduct(psi, .transpose, psi, .none)
        if side == 2 { return twoByTwoEntropy(gram[0, 0], gram[1, 1], gram[0, 1] * gram[0, 1]) }
        return try symmetricEigenvalues(gram, driver: .divideAndConquer).reduce(0) { $0 + entropyTerm($1) }
    }

    private func blockEntropy(_ psi: Matrix<Complex<Double>>) throws -> Double {
        let side = min(psi.rows, psi.columns)
        if side == 0 { return 0 }
        if side == 1 { return entropyTerm(psi.elements.reduce(0) { $0 + $1.lengthSquared }) }
        let gram = psi.rows <= psi.columns ? try matrixProduct(psi, .none, psi, .adjoint)
                                           : try matrixProduct(psi, .adjoint, psi, .none)
        if side == 2 { return twoByTwoEntropy(gram[0, 0].real, gram[1, 1].real, gram[0, 1].lengthSquared) }
        return try hermitianEigenvalues(gram, driver: .divideAndConquer).reduce(0) { $0 + entropyTerm($1) }
    }

    /// Eigenvalues of `[[p, c], [c*, q]]` with `|c|^2 = offDiagonalSquared`, in closed form.
    private func twoByTwoEntropy(_ p: Double, _ q: Double, _ offDiagonalSquared: Double) -> Double {
        let mean = (p + q) / 2
        let radius = (((p - q) / 2) * ((p - q) / 2) + offDiagonalSquared).squareRoot()
        return entropyTerm(mean + radius) + entropyTerm(mean - radius)
    }
}

/// `-lambda ln lambda`, zero for `lambda <= 0` (rounding can leave tiny negative eigenvalues).
@inlinable
func entropyTerm(_ lambda: Double) -> Double {
    lambda > 0 ? -lambda * log(lambda) : 0
}

/// Page's mean entanglement entropy of a random pure state in `C^m (x) C^n`, `m <= n`
/// (Page, PRL 71, 1291 (1993)): `sum_{k=n+1}^{mn} 1/k - (m - 1)/(2n)`.
public func pageEntropy(subsystemDimension m: Int, complementDimension n: Int) -> Double {
    let (small, large) = (min(m, n), max(m, n))
    var sum = 0.0
    for k in (large + 1)...(small * large) { sum += 1 / Double(k) }
    return sum - Double(small - 1) / Double(2 * large)
}
