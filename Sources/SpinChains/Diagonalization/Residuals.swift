import ComplexModule
import NumericKit
import RealModule

/// Accuracy checks of a diagonalization, relative to the operator's scale.
public struct EigenResiduals: Sendable, Equatable {
    /// `||A V - V diag(lambda)||_F / ||A||_F`.
    public var eigenResidual: Double
    /// `||V^dagger V - 1||_2` (spectral norm: the largest deviation of the Gram matrix from the
    /// identity in any direction; independent of D for a backward-stable solver, unlike the
    /// Frobenius norm, which grows like D eps).
    public var orthonormalityDefect: Double
    /// `||V^dagger V - 1||_F`, for reference.
    public var orthonormalityDefectFrobenius: Double
}

/// Residuals of a real symmetric eigensystem.
public func residuals(of a: Matrix<Double>, _ system: Eigensystem<Double>) throws -> EigenResiduals {
    var scaled = system.vectors
    for (k, value) in system.values.enumerated() {
        for i in 0..<scaled.rows { scaled[i, k] *= value }
    }
    let av = try matrixProduct(a, .none, system.vectors, .none)
    let defect = try matrixProduct(system.vectors, .transpose, system.vectors, .none) - .identity(a.rows)
    return EigenResiduals(eigenResidual: (av - scaled).frobeniusNorm / max(a.frobeniusNorm, .leastNormalMagnitude),
                          orthonormalityDefect: try symmetricEigenvalues(defect).map(abs).max() ?? 0,
                          orthonormalityDefectFrobenius: defect.frobeniusNorm)
}

/// Residuals of a complex matrix `a` with eigenvalues `lambda` (complex: also for unitary `a`).
public func residuals(of a: Matrix<Complex<Double>>, eigenvalues: [Complex<Double>],
                      vectors: Matrix<Complex<Double>>) throws -> EigenResiduals {
    var scaled = vectors
    for (k, value) in eigenvalues.enumerated() {
        for i in 0..<scaled.rows { scaled[i, k] = scaled[i, k] * value }
    }
    let av = try matrixProduct(a, .none, vectors, .none)
    let defect = try matrixProduct(vectors, .adjoint, vectors, .none) - .identity(vectors.columns)
    return EigenResiduals(eigenResidual: (av - scaled).frobeniusNorm / max(a.frobeniusNorm, .leastNormalMagnitude),
                          orthonormalityDefect: try hermitianEigenvalues(defect).map(abs).max() ?? 0,
                          orthonormalityDefectFrobenius: defect.frobeniusNorm)
}

/// Residuals of a Hermitian eigensystem.
public func residuals(of a: Matrix<Complex<Double>>, _ system: Eigensystem<Complex<Double>>) throws -> EigenResiduals {
    try residuals(of: a, eigenvalues: system.values.map { Complex($0, 0) }, vectors: system.vectors)
}

/// Residuals of a Floquet eigensystem of `u`: eigenvalues `exp(-i epsilon T)`.
public func residuals(of u: Matrix<Complex<Double>>, _ system: FloquetEigensystem, period: Double) throws -> EigenResiduals {
    let eigenvalues = system.quasiEnergies.map { Complex(Double.cos($0 * period), -Double.sin($0 * period)) }
    return try residuals(of: u, eigenvalues: eigenvalues, vectors: system.vectors)
}

/// `||U^dagger U - 1||_2` (spectral norm, as `orthonormalityDefect`).
public func unitarityDefect(_ u: Matrix<Complex<Double>>) throws -> Double {
    let defect = try matrixProduct(u, .adjoint, u, .none) - .identity(u.columns)
    return try hermitianEigenvalues(defect).map(abs).max() ?? 0
}
