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
