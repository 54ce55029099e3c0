import ComplexModule
import NumericKit
import RealModule

/// Quasi-energies and orthonormal eigenvectors of a Floquet operator:
/// `U |a> = exp(-i epsilon_a T) |a>`, `epsilon_a` in `(-Omega/2, Omega/2]`, sorted ascending,
/// column `a` of `vectors` belonging to `quasiEnergies[a]`.
public struct FloquetEigensystem: Sendable {
    public var quasiEnergies: [Double]
    public var vectors: Matrix<Complex<Double>>
    /// `||U - U_diag||`-type check from the Schur form: the strictly upper part of `T`.
    public var departureFromNormality: Double
}

/// `epsilon = -arg(lambda) / T`, folded into `(-Omega/2, Omega/2]` (`arg = pi` maps to `+Omega/2`).
public func quasiEnergy(ofEigenvalue lambda: Complex<Double>, period: Double) -> Double {
    let angle = Double.atan2(y: lambda.imaginary, x: lambda.real)   // (-pi, pi]
    let epsilon = -angle / period                                    // [-Omega/2, Omega/2)
    let halfFrequency = Double.pi / period
    return epsilon <= -halfFrequency ? epsilon + 2 * halfFrequency : epsilon
}

/// Diagonalises a unitary `U` by the complex Schur decomposition (`zgees`): for a normal matrix
/// the Schur vectors are orthonormal eigenvectors even inside nearly degenerate clusters.
public func floquetEigensystem(_ u: Matrix<Complex<Double>>, period: Double) throws -> FloquetEigensystem {
    let schur = try schurDecomposition(u)
    let energies = schur.eigenvalues.map { quasiEnergy(ofEigenvalue: $0, period: period) }
    let order = energies.indices.sorted { energies[$0] < energies[$1] }
    let d = u.rows
    var vectors = Matrix<Complex<Double>>.zeros(rows: d, columns: d)
    vectors.elements.withUnsafeMutableBufferPointer { target in
        schur.schurVectors.elements.withUnsafeBufferPointer { source in
            for (newColumn, oldColumn) in order.enumerated() {
                for i in 0..<d { target[i + newColumn * d] = source[i + oldColumn * d] }
            }
        }
    }
    return FloquetEigensystem(quasiEnergies: order.map { energies[$0] }, vectors: vectors,
                              departureFromNormality: schur.departureFromNormality)
}

/// Quasi-energies only (sorted): still a Schur decomposition, since LAPACK has no cheaper
/// driver for unitary matrices that is robust for near degeneracies.
public func quasiEnergies(_ u: Matrix<Complex<Double>>, period: Double) throws -> [Double] {
    try schurEigenvalues(u).map { quasiEnergy(ofEigenvalue: $0, period: period) }.sorted()
}
