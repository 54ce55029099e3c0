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

/// Eigenvalues (ascending) of the complex Hermitian matrix `a` (only its lower triangle is read).
public func hermitianEigenvalues(
    _ a: Matrix<Complex<Double>>, driver: SelfAdjointEigenDriver = .twoStageDivideAndConquer
) throws -> [Double] {
    try selfAdjointEigen(a, wantVectors: false, driver: driver).values
}

/// Eigenvalues (ascending) and orthonormal eigenvectors of the complex Hermitian matrix `a`.
/// `driver` must compute vectors (`.divideAndConquer` or `.relativelyRobust`).
public func hermitianEigensystem(
    _ a: Matrix<Complex<Double>>, driver: SelfAdjointEigenDriver = .relativelyRobust
) throws -> Eigensystem<Complex<Double>> {
    let result = try selfAdjointEigen(a, wantVectors: true, driver: driver)
    return Eigensystem(values: result.values, vectors: Matrix(rows: a.rows, columns: a.columns, elements: result.vectors))
}
