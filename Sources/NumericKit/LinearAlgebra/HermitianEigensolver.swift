import CLapack
import ComplexModule
import RealModule

// Complex Hermitian eigenproblem. Driver choice measured with OpenBLAS 0.3.21 (Cooperlake kernel)
// on the 2-core development machine, 2 threads, D = 4096 (`resonance-benchmark ed-drivers`):
//   vectors: zheevd 117 s, ||V^+ V - 1||_2 = 1.8e-14;  zheevr 59 s, ||V^+ V - 1||_2 = 4.6e-12
//   values:  zheevd 45 s, zheevr 26 s, zheevd_2stage 8.6 s
// Vectors default to zheevr (twice as fast; its orthogonality, a few 1e-12 at D = 4096, is ample
// for spectral functions and entanglement); pass `.divideAndConquer` where orthogonality to
// rounding matters. Values come from the two-stage driver.

private let jobValues = CChar(UInt8(ascii: "N"))
private let jobVectors = CChar(UInt8(ascii: "V"))
private let rangeAll = CChar(UInt8(ascii: "A"))
private let lowerTriangle = CChar(UInt8(ascii: "L"))

/// Eigenvalues (ascending) of the complex Hermitian matrix `a` (only its lower triangle is read).
public func hermitianEigenvalues(
    _ a: Matrix<Complex<Double>>, driver: SelfAdjointEigenDriver = .twoStageDivideAndConquer
) throws -> [Double] {
    try hermitianDriver(a, wantVectors: false, driver: driver).values
}

/// Eigenvalues (ascending) and orthonormal eigenvectors of the complex Hermitian matrix `a`.
/// `driver` must compute vectors (`.divideAndConquer` or `.relativelyRobust`).
public func hermitianEigensystem(
    _ a: Matrix<Complex<Double>>, driver: SelfAdjointEigenDriver = .relativelyRobust
) throws -> Eigensystem<Complex<Double>> {
    let result = try hermitianDriver(a, wantVectors: true, driver: driver)
    return Eigensystem(values: result.values, vectors: result.vectors!)
}

private func hermitianDriver(
    _ a: Matrix<Complex<Double>>, wantVectors: Bool, driver: SelfAdjointEigenDriver
) throws -> (values: [Double], vectors: Matrix<Complex<Double>>?) {
    let routine = driver.routine(prefix: "zhe")
    let n = try driver.checkedDimension(rows: a.rows, columns: a.columns, wantVectors: wantVectors, routine: routine)
    let lda = max(n, 1)
    if n == 0 { return ([], wantVectors ? a : nil) }
    let job = wantVectors ? jobVectors : jobValues
    var values = [Double](repeating: 0, count: a.rows)
    var storage = a.elements
    switch driver {
    case .divideAndConquer, .twoStageDivideAndConquer:
        let info = storage.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: resonancekit_complex_double.self) { ap in
                values.withUnsafeMutableBufferPointer { wp in
                    driver == .divideAndConquer
                        ? LAPACKE_zheevd(LAPACK_COL_MAJOR, job, lowerTriangle, n, ap.baseAddress, lda, wp.baseAddress)
                        : LAPACKE_zheevd_2stage(LAPACK_COL_MAJOR, job, lowerTriangle, n, ap.baseAddress, lda, wp.baseAddress)
                }
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? Matrix(rows: a.rows, columns: a.columns, elements: storage) : nil)
    case .relativelyRobust:
        var found: Int32 = 0
        var vectors = [Complex<Double>](repeating: .zero, count: wantVectors ? a.rows * a.rows : 1)
        var support = [Int32](repeating: 0, count: 2 * a.rows)
        let info = storage.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: resonancekit_complex_double.self) { ap in
                vectors.withUnsafeMutableBufferPointer { zbuffer in
                    zbuffer.withMemoryRebound(to: resonancekit_complex_double.self) { zp in
                        values.withUnsafeMutableBufferPointer { wp in
                            support.withUnsafeMutableBufferPointer { sp in
                                LAPACKE_zheevr(LAPACK_COL_MAJOR, job, rangeAll, lowerTriangle, n, ap.baseAddress, lda,
                                               0, 0, 0, 0, 0, &found, wp.baseAddress, zp.baseAddress,
                                               wantVectors ? lda : 1, sp.baseAddress)
                            }
                        }
                    }
                }
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? Matrix(rows: a.rows, columns: a.columns, elements: vectors) : nil)
    }
}
