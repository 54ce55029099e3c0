import CLapack

// Real symmetric eigenproblem. Driver choice measured with OpenBLAS 0.3.21 (Debian, Cooperlake
// kernel) on the 2-core AMD EPYC development machine, 2 threads, D = 4096, xxz full space
// (`resonance-benchmark ed-drivers`):
//   vectors: dsyevd 22.0 s, ||V^T V - 1||_2 = 1.3e-14;  dsyevr 21.8 s, ||V^T V - 1||_2 = 5.3e-12
//   values:  dsyevd 7.4 s, dsyevr 7.0 s, dsyevd_2stage 4.7 s
// so vectors come from dsyevd (same speed, orthogonal to rounding) and values from the two-stage
// driver. (At D = 1024 the two-stage driver is slower, 0.22 s against 0.11 s: it pays off for the
// large matrices that dominate a run.)

private let jobValues = CChar(UInt8(ascii: "N"))
private let jobVectors = CChar(UInt8(ascii: "V"))
private let rangeAll = CChar(UInt8(ascii: "A"))
/// The drivers read the lower triangle; our builders fill both.
private let lowerTriangle = CChar(UInt8(ascii: "L"))

/// Eigenvalues (ascending) of the real symmetric matrix `a` (only its lower triangle is read).
public func symmetricEigenvalues(
    _ a: Matrix<Double>, driver: SelfAdjointEigenDriver = .twoStageDivideAndConquer
) throws -> [Double] {
    try symmetricDriver(a, wantVectors: false, driver: driver).values
}

/// Eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric matrix `a`.
/// `driver` must compute vectors (`.divideAndConquer` or `.relativelyRobust`).
public func symmetricEigensystem(
    _ a: Matrix<Double>, driver: SelfAdjointEigenDriver = .divideAndConquer
) throws -> Eigensystem<Double> {
    let result = try symmetricDriver(a, wantVectors: true, driver: driver)
    return Eigensystem(values: result.values, vectors: result.vectors!)
}

private func symmetricDriver(
    _ a: Matrix<Double>, wantVectors: Bool, driver: SelfAdjointEigenDriver
) throws -> (values: [Double], vectors: Matrix<Double>?) {
    let routine = driver.routine(prefix: "dsy")
    let n = try driver.checkedDimension(rows: a.rows, columns: a.columns, wantVectors: wantVectors, routine: routine)
    let lda = max(n, 1)
    if n == 0 { return ([], wantVectors ? a : nil) }
    let job = wantVectors ? jobVectors : jobValues
    var values = [Double](repeating: 0, count: a.rows)
    var storage = a.elements
    switch driver {
    case .divideAndConquer, .twoStageDivideAndConquer:
        let info = storage.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { wp in
                driver == .divideAndConquer
                    ? LAPACKE_dsyevd(LAPACK_COL_MAJOR, job, lowerTriangle, n, ap.baseAddress, lda, wp.baseAddress)
                    : LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, job, lowerTriangle, n, ap.baseAddress, lda, wp.baseAddress)
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? Matrix(rows: a.rows, columns: a.columns, elements: storage) : nil)
    case .relativelyRobust:
        var found: Int32 = 0
        var vectors = [Double](repeating: 0, count: wantVectors ? a.rows * a.rows : 1)
        var support = [Int32](repeating: 0, count: 2 * a.rows)
        let info = storage.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { wp in
                vectors.withUnsafeMutableBufferPointer { zp in
                    support.withUnsafeMutableBufferPointer { sp in
                        LAPACKE_dsyevr(LAPACK_COL_MAJOR, job, rangeAll, lowerTriangle, n, ap.baseAddress, lda,
                                       0, 0, 0, 0, 0, &found, wp.baseAddress, zp.baseAddress,
                                       wantVectors ? lda : 1, sp.baseAddress)
                    }
                }
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? Matrix(rows: a.rows, columns: a.columns, elements: vectors) : nil)
    }
}
