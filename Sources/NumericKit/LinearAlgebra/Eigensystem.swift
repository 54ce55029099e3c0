import ComplexModule
import RealModule

/// Eigenvalues and orthonormal eigenvectors of a self-adjoint matrix: `A V = V diag(values)`,
/// `V^dagger V = 1`; `values` ascending, column `k` of `vectors` belongs to `values[k]`.
public struct Eigensystem<Element> {
    public var values: [Double]
    public var vectors: Matrix<Element>

    public init(values: [Double], vectors: Matrix<Element>) {
        self.values = values
        self.vectors = vectors
    }
}

extension Eigensystem: Sendable where Element: Sendable {}

/// LAPACK drivers for the dense self-adjoint eigenproblem. They return the same spectrum; they
/// differ in speed, which depends on the machine: `preferred` records what was measured here.
public enum SelfAdjointEigenDriver: String, CaseIterable, Sendable {
    /// `?syevd` / `?heevd`: tridiagonal divide and conquer.
    case divideAndConquer = "evd"
    /// `?syevr` / `?heevr`: MRRR (relatively robust representations).
    case relativelyRobust = "evr"
    /// `?syevd_2stage` / `?heevd_2stage`: two-stage (band) reduction; LAPACK implements it for
    /// eigenvalues only.
    case twoStageDivideAndConquer = "evd_2stage"
}

extension SelfAdjointEigenDriver {
    /// The LAPACK routine for this driver and precision prefix ("dsy" real, "zhe" complex).
    func routine(prefix: String) -> String { prefix + rawValue }

    /// Checks a self-adjoint eigenproblem before the LAPACK call: a square matrix, a driver that
    /// can compute what is asked, and a dimension that fits LAPACK's integer. Returns that dimension.
    func checkedDimension(rows: Int, columns: Int, wantVectors: Bool, routine: String) throws -> Int32 {
        guard rows == columns else {
            throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "matrix is \(rows)x\(columns), not square")
        }
        if wantVectors && self == .twoStageDivideAndConquer {
            throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "LAPACK's two-stage driver computes eigenvalues only")
        }
        return try lapackDimension(rows, routine: routine)
    }
}
