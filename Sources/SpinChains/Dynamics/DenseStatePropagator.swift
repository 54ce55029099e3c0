import ComplexModule
import NumericKit
import RealModule

/// `exp(-i H t) |psi> = V exp(-i E t) V^dagger |psi>` from the full eigensystem of `H` (LAPACK):
/// the reference the Chebyshev and Krylov propagators are checked against.
public struct DenseStatePropagator: StatePropagator {
    public let eigensystem: Eigensystem<Complex<Double>>
    public private(set) var productCount = 0

    public init(hamiltonian: Matrix<Complex<Double>>) throws {
        eigensystem = try hermitianEigensystem(hamiltonian)
    }

    public mutating func evolve(_ state: inout [Complex<Double>], by dt: Double) throws {
        let v = eigensystem.vectors
        let psi = Matrix(rows: state.count, columns: 1, elements: state)
        var coefficients = try matrixProduct(v, .adjoint, psi, .none)
        for (k, e) in eigensystem.values.enumerated() {
            coefficients.elements[k] *= Complex(Double.cos(e * dt), -Double.sin(e * dt))
        }
        state = try matrixProduct(v, .none, coefficients, .none).elements
    }
}
