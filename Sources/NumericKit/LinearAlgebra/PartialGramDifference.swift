import CLapack

/// A rectangle of entries of an `n x n` matrix: rows `rows`, columns `columns`.
public struct MatrixRectangle: Sendable, Equatable {
    public var rows: Range<Int>
    public var columns: Range<Int>

    public init(rows: Range<Int>, columns: Range<Int>) {
        self.rows = rows
        self.columns = columns
    }
}

/// The entries of `c = p^T p - q^T q` (real `p`: `k_p x n`, `q`: `k_q x n`) inside `rectangles`
/// and their mirror images (`c` is symmetric); every other entry is NaN, so that a reader of an
/// entry nobody asked for sees it. Each rectangle costs two `dgemm` calls,
/// `2 (k_p + k_q) |rows| |columns|` flops: for a band of half-width `w` around the diagonal, given
/// as column tiles, about `2 w / n` of `gramDifference`'s two `dsyrk` updates. Overlapping
/// rectangles are computed twice (same values).
public func partialGramDifference(_ p: Matrix<Double>, _ q: Matrix<Double>, rectangles: [MatrixRectangle]) throws -> Matrix<Double> {
    let routine = "dgemm"
    guard p.columns == q.columns else {
        throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "\(p.columns) and \(q.columns) columns differ")
    }
    let n = p.columns
    for r in rectangles where r.rows.lowerBound < 0 || r.rows.upperBound > n || r.columns.lowerBound < 0 || r.columns.upperBound > n {
        throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "rectangle \(r.rows) x \(r.columns) outside 0..<\(n)")
    }
    _ = try lapackDimension(n, routine: routine)
    var c = Matrix<Double>(rows: n, columns: n, repeating: .nan)
    if n == 0 { return c }
    c.elements.withUnsafeMutableBufferPointer { cp in
        for r in rectangles where !r.rows.isEmpty && !r.columns.isEmpty {
            let m = r.rows.count, width = r.columns.count
            var tile = [Double](repeating: 0, count: m * width)
            tile.withUnsafeMutableBufferPointer { t in
                for (factor, alpha, beta) in [(p, 1.0, 0.0), (q, -1.0, 1.0)] where factor.rows > 0 {
                    factor.elements.withUnsafeBufferPointer { f in
                        let k = Int32(factor.rows)
                        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(width), k, alpha,
                                    f.baseAddress! + r.rows.lowerBound * factor.rows, k,
                                    f.baseAddress! + r.columns.lowerBound * factor.rows, k, beta, t.baseAddress, Int32(m))
                    }
                }
                for (jj, j) in r.columns.enumerated() {
                    for (ii, i) in r.rows.enumerated() {
                        let value = t[ii + jj * m]
                        cp[i + j * n] = value
                        cp[j + i * n] = value
                    }
                }
            }
        }
    }
    return c
}
