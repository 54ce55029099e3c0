import CLapack

/// Every eigenvalue of a real symmetric matrix and the eigenvectors of one contiguous range of
/// them (by index in ascending order): `vectors` column `k` belongs to `values[window.lowerBound + k]`.
public struct SymmetricEigenwindow: Sendable {
    /// All eigenvalues, ascending.
    public var values: [Double]
    /// The indices of the eigenvalues whose eigenvectors are held.
    public var window: Range<Int>
    /// `n x window.count`, orthonormal columns.
    public var vectors: Matrix<Double>
}

private let lowerTriangle = CChar(UInt8(ascii: "L"))

/// The eigenvalues of the real symmetric `a` and the eigenvectors of the index range that
/// `selecting` picks from them (it receives the sorted eigenvalues). LAPACK's index-range path,
/// composed from its parts so that every eigenvalue comes with it: `dsytrd` (Householder
/// tridiagonalization `A = Q T Q^T`), `dstedc` (divide and conquer on `T`: all eigenvalues and
/// the eigenvectors of `T`), then `dormtr` back-transforms only the `m` selected columns
/// (`2 n^2 m` flops instead of the `2 n^3` that `dsyevd` spends on all of them). Measured at
/// xxz L = 14, S^z = 0 (n = 3432, m = 1448, 1 BLAS thread; `resonance-benchmark observables`):
/// `dsytrd` 6.4 s is shared with `dsyevd` (13.1 s); the eigenvectors of `T` cost 2.1 s by
/// `dstedc` (all), 2.3 s by `dstemr` (MRRR, the window only) and 12.7 s by `dstebz` + `dstein`,
/// and `dsyevr` with `RANGE = 'I'` took 20 s; so `dstedc` is used. LAPACK's two-stage
/// reduction has no eigenvector back-transformation. Orthogonality to rounding (divide and
/// conquer, as `dsyevd`).
public func symmetricEigenwindow(_ a: Matrix<Double>, selecting: ([Double]) -> Range<Int>) throws -> SymmetricEigenwindow {
    guard a.rows == a.columns else {
        throw LinearAlgebraError.shapeMismatch(routine: "dsytrd", detail: "matrix is \(a.rows)x\(a.columns), not square")
    }
    let n = try lapackDimension(a.rows, routine: "dsytrd")
    let size = a.rows
    if size == 0 { return SymmetricEigenwindow(values: [], window: 0..<0, vectors: Matrix(rows: 0, columns: 0, elements: [])) }
    var storage = a.elements
    var values = [Double](repeating: 0, count: size)
    var offDiagonal = [Double](repeating: 0, count: max(size - 1, 1))
    var tau = [Double](repeating: 0, count: max(size - 1, 1))
    try checkInfo(LAPACKE_dsytrd(LAPACK_COL_MAJOR, lowerTriangle, n, &storage, n, &values, &offDiagonal, &tau), routine: "dsytrd")
    var tridiagonalVectors = [Double](repeating: 0, count: size * size)
    try checkInfo(LAPACKE_dstedc(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "I")), n, &values, &offDiagonal, &tridiagonalVectors, n),
                  routine: "dstedc")
    let window = selecting(values).clamped(to: 0..<size)
    let m = window.count
    if m == 0 { return SymmetricEigenwindow(values: values, window: window, vectors: Matrix(rows: size, columns: 0, elements: [])) }
    var vectors = Array(tridiagonalVectors[(window.lowerBound * size)..<(window.upperBound * size)])
    tridiagonalVectors = []
    if size > 1 {
        try checkInfo(LAPACKE_dormtr(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), lowerTriangle, CChar(UInt8(ascii: "N")),
                                     n, Int32(m), &storage, n, &tau, &vectors, n), routine: "dormtr")
    }
    return SymmetricEigenwindow(values: values, window: window, vectors: Matrix(rows: size, columns: m, elements: vectors))
}
