import CLapack
import ComplexModule
import RealModule

/// Complex Schur decomposition `A = Z T Z^dagger` with `Z` unitary and `T` upper triangular.
/// For a normal matrix (a unitary Floquet operator) `T` is diagonal up to rounding, so the Schur
/// vectors are orthonormal eigenvectors, including inside clusters of nearly degenerate
/// eigenvalues where a general eigensolver (`zgeev`) returns nearly parallel vectors.
public struct SchurDecomposition: Sendable {
    /// The diagonal of `T`, in LAPACK's order (not sorted).
    public var eigenvalues: [Complex<Double>]
    /// `Z`: column `k` belongs to `eigenvalues[k]`.
    public var schurVectors: Matrix<Complex<Double>>
    /// Frobenius norm of the strictly upper part of `T`; zero for an exactly normal matrix, so it
    /// measures how far the input was from normal (rounding: about `1e-15 ||A||`).
    public var departureFromNormality: Double
}

private let jobVectors = CChar(UInt8(ascii: "V"))
private let noSorting = CChar(UInt8(ascii: "N"))

private let jobNoVectors = CChar(UInt8(ascii: "N"))

/// Complex Schur decomposition by LAPACK `zgees` (Hessenberg reduction + QR iteration).
public func schurDecomposition(_ a: Matrix<Complex<Double>>) throws -> SchurDecomposition {
    try zgees(a, wantVectors: true)
}

/// The eigenvalues of `a` from its Schur form (`zgees` without Schur vectors: about half the work).
public func schurEigenvalues(_ a: Matrix<Complex<Double>>) throws -> [Complex<Double>] {
    try zgees(a, wantVectors: false).eigenvalues
}

private func zgees(_ a: Matrix<Complex<Double>>, wantVectors: Bool) throws -> SchurDecomposition {
    let routine = "zgees"
    guard a.isSquare else {
        throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "matrix is \(a.rows)x\(a.columns), not square")
    }
    let n = try lapackDimension(a.rows, routine: routine)
    if n == 0 { return SchurDecomposition(eigenvalues: [], schurVectors: a, departureFromNormality: 0) }
    let lda = max(n, 1)
    var triangular = a.elements
    var eigenvalues = [Complex<Double>](repeating: .zero, count: a.rows)
    var vectors = [Complex<Double>](repeating: .zero, count: wantVectors ? a.rows * a.rows : 1)
    var sorted: Int32 = 0
    let info = triangular.withUnsafeMutableBufferPointer { tBuffer in
        tBuffer.withMemoryRebound(to: resonancekit_complex_double.self) { tp in
            eigenvalues.withUnsafeMutableBufferPointer { wBuffer in
                wBuffer.withMemoryRebound(to: resonancekit_complex_double.self) { wp in
                    vectors.withUnsafeMutableBufferPointer { zBuffer in
                        zBuffer.withMemoryRebound(to: resonancekit_complex_double.self) { zp in
                            LAPACKE_zgees(LAPACK_COL_MAJOR, wantVectors ? jobVectors : jobNoVectors, noSorting, nil, n,
                                          tp.baseAddress, lda, &sorted, wp.baseAddress, zp.baseAddress,
                                          wantVectors ? lda : 1)
                        }
                    }
                }
            }
        }
    }
    try checkInfo(info, routine: routine)
    var offDiagonal = 0.0
    for j in 1..<a.rows {
        for i in 0..<j { offDiagonal += triangular[i + j * a.rows].lengthSquared }
    }
    return SchurDecomposition(
        eigenvalues: eigenvalues,
        schurVectors: wantVectors ? Matrix(rows: a.rows, columns: a.columns, elements: vectors)
                                  : Matrix(rows: 0, columns: 0, elements: []),
        departureFromNormality: offDiagonal.squareRoot()
    )
}
