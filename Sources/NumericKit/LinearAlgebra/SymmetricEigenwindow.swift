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
/// composed from its parts so that the eigenvalues outside the range come for free:
/// `dsytrd` (Householder tridiagonalisation), `dsterf` (all eigenvalues of the tridiagonal matrix,
/// O(n^2)), `dstemr` (MRRR eigenvectors of the tridiagonal matrix for the range only, O(n m)) and
/// `dormtr` (back-transformation of those `m` vectors, `2 n^2 m` flops instead of `2 n^3`). This
/// is what `dsyevr` with `RANGE = 'I'` does, plus `dsterf`; the full-vector driver `dsyevd`
/// spends `dstedc` on all `n` tridiagonal vectors and `2 n^3` flops on the back-transformation.
/// (LAPACK's two-stage reduction has no back-transformation for eigenvectors.) Orthogonality of
/// the vectors is MRRR's, a few `1e-12` at `n = 4096` (see `SymmetricEigensolver.swift`).
public func symmetricEigenwindow(_ a: Matrix<Double>, selecting: ([Double]) -> Range<Int>) throws -> SymmetricEigenwindow {
    guard a.rows == a.columns else {
        throw LinearAlgebraError.shapeMismatch(routine: "dsytrd", detail: "matrix is \(a.rows)x\(a.columns), not square")
    }
    let n = try lapackDimension(a.rows, routine: "dsytrd")
    let size = a.rows
    if size == 0 { return SymmetricEigenwindow(values: [], window: 0..<0, vectors: Matrix(rows: 0, columns: 0, elements: [])) }
    var storage = a.elements
    var diagonal = [Double](repeating: 0, count: size)
    var offDiagonal = [Double](repeating: 0, count: size)   // n - 1 used; dstemr wants n
    var tau = [Double](repeating: 0, count: max(size - 1, 1))
    try checkInfo(LAPACKE_dsytrd(LAPACK_COL_MAJOR, lowerTriangle, n, &storage, n, &diagonal, &offDiagonal, &tau), routine: "dsytrd")
    var values = diagonal
    var scratch = offDiagonal
    try checkInfo(LAPACKE_dsterf(n, &values, &scratch), routine: "dsterf")
    let window = selecting(values).clamped(to: 0..<size)
    let m = window.count
    if m == 0 { return SymmetricEigenwindow(values: values, window: window, vectors: Matrix(rows: size, columns: 0, elements: [])) }
    var found: Int32 = 0
    var windowValues = [Double](repeating: 0, count: size)
    var vectors = [Double](repeating: 0, count: size * m)
    var support = [Int32](repeating: 0, count: 2 * m)
    var relativeAccuracy: Int32 = 1
    try checkInfo(LAPACKE_dstemr(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "I")), n,
                                 &diagonal, &offDiagonal, 0, 0, Int32(window.lowerBound + 1), Int32(window.upperBound),
                                 &found, &windowValues, &vectors, n, Int32(m), &support, &relativeAccuracy), routine: "dstemr")
    guard Int(found) == m else {
        throw LinearAlgebraError.shapeMismatch(routine: "dstemr", detail: "returned \(found) eigenvectors, \(m) requested")
    }
    if size > 1 {
        try checkInfo(LAPACKE_dormtr(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), lowerTriangle, CChar(UInt8(ascii: "N")),
                                     n, Int32(m), &storage, n, &tau, &vectors, n), routine: "dormtr")
    }
    return SymmetricEigenwindow(values: values, window: window, vectors: Matrix(rows: size, columns: m, elements: vectors))
}
