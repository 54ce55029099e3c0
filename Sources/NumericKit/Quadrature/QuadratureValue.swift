import ComplexModule
import RealModule

/// A value a quadrature rule can accumulate: real or complex.
public protocol QuadratureValue: Sendable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Double, rhs: Self) -> Self
    /// A norm for error control (|x| for reals, max(|re|, |im|) for complex numbers).
    var errorNorm: Double { get }
}

extension Double: QuadratureValue {
    @inlinable public var errorNorm: Double { Swift.abs(self) }
}

extension Complex: QuadratureValue where RealType == Double {
    @inlinable public var errorNorm: Double { Swift.max(Swift.abs(real), Swift.abs(imaginary)) }
    @inlinable public static func * (lhs: Double, rhs: Complex<Double>) -> Complex<Double> {
        Complex(lhs * rhs.real, lhs * rhs.imaginary)
    }
}
