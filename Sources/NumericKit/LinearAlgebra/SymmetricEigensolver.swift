import CLapack

// Real symmetric eigenproblem. Driver choice measured with OpenBLAS 0.3.21 (Debian, Cooperlake
// kernel) on the 2-core AMD EPYC development machine, 2 threads, D = 4096, xxz full space
// (`resonance-benchmark ed-drivers`):
//   vectors: dsyevd 22.0 s, ||V^T V - 1||_2 = 1.3e-14;  dsyevr 21.8 s, ||V^T V - 1||_2 = 5.3e-12
//   values:  dsyevd 7.4 s, dsyevr 7.0 s, dsyevd_2stage 4.7 s
// so vectors come from dsyevd (same speed, orthogonal to rounding) and values from the two-stage
// driver. (At D = 1024 the two-stage driver is slower, 0.22 s against 0.11 s: it pays off for the
// large matrices that dominate a run.)

/// Eigenvalues (ascending) of the real symmetric matrix `a` (only its lower triangle is read).
public func symmetricEigenvalues(
    _ a: Matrix<Double>, driver: SelfAdjointEigenDriver = .twoStageDivideAndConquer
) throws -> [Double] {
    try selfAdjointEigen(a, wantVectors: false, driver: driver).values
}

/// Eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric matrix `a`.
/// `driver` must compute vectors (`.divideAndConquer` or `.relativelyRobust`).
public func symmetricEigensystem(
    _ a: Matrix<Double>, driver: SelfAdjointEigenDriver = .divideAndConquer
) throws -> Eigensystem<Double> {
    let result = try selfAdjointEigen(a, wantVectors: true, driver: driver)
    return Eigensystem(values: result.values, vectors: Matrix(rows: a.rows, columns: a.columns, elements: result.vectors))
}
