import ComplexModule
import RealModule

/// A contiguous range of rows of an operator in a basis, in compressed sparse row form, as one
/// MPI rank contributes them to a distributed matrix: global column indices, sorted within each
/// row, repeated entries summed, the diagonal always present (a shifted matrix `H - sigma` then
/// has the same pattern). Values are real (one double per entry) or complex (two, interleaved).
public struct SparseRows: Sendable, Equatable {
    public var dimension: Int
    public var rowStart: Int
    /// `rowEnd - rowStart + 1` offsets into `columns`, starting at 0.
    public var rowOffsets: [Int32]
    public var columns: [Int32]
    public var values: [Double]
    public var isComplex: Bool

    public var rowEnd: Int { rowStart + rowOffsets.count - 1 }
    public var nonzeroCount: Int { columns.count }
}

extension SpinOperator {
    /// Rows `rows` of `<basis_i| O |basis_j>`: row `i` collects, for each term `c P`, the entry
    /// `c <i|P|j> = c phase_P(j)` at `j = index(state_i ^ flip_P)`. O(terms) per row; nothing of
    /// size `D^2` and no other rows are formed. Terms leaving the basis are dropped (as in
    /// `denseMatrix(in:)`); `complex: false` requires `isReal`.
    public func sparseRows(in basis: some SpinBasis, rows: Range<Int>, complex: Bool) -> SparseRows {
        precondition(complex || isReal, "the operator has complex matrix elements")
        precondition(rows.lowerBound >= 0 && rows.upperBound <= basis.dimension, "rows outside the basis")
        precondition(basis.dimension <= Int(Int32.max), "dimension beyond 32-bit indices")
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(rows.count + 1)
        var columns: [Int32] = []
        var values: [Double] = []
        columns.reserveCapacity(rows.count * (terms.count / 2 + 1))
        values.reserveCapacity(columns.capacity * (complex ? 2 : 1))
        var entries: [(column: Int, value: Complex<Double>)] = []
        for i in rows {
            let state = basis.state(at: i)
            entries.removeAll(keepingCapacity: true)
            entries.append((i, .zero))
            for term in terms {
                let target = state ^ term.string.flipMask
                guard let j = basis.index(of: target) else { continue }
                let (re, im) = term.string.phase(on: target)   // <i| P |j> = phase_P(j)
                entries.append((j, term.coefficient * Complex(re, im)))
            }
            entries.sort { $0.column < $1.column }
            var k = 0
            while k < entries.count {
                let column = entries[k].column
                var sum = Complex<Double>.zero
                while k < entries.count && entries[k].column == column {
                    sum += entries[k].value
                    k += 1
                }
                columns.append(Int32(column))
                values.append(sum.real)
                if complex { values.append(sum.imaginary) }
            }
            offsets.append(Int32(columns.count))
        }
        return SparseRows(dimension: basis.dimension, rowStart: rows.lowerBound, rowOffsets: offsets, columns: columns,
                          values: values, isComplex: complex)
    }
}
