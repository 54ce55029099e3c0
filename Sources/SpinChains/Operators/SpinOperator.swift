import ComplexModule
import NumericKit
import RealModule

/// A sum of Pauli strings with complex coefficients, `O = sum_k c_k P_k`, on the sites of a
/// `SpinBasis`. Dense matrices are built directly from the action of each string on each basis
/// state: O(terms x D) work plus the O(D^2) zero fill of the dense storage, no Kronecker products.
public struct SpinOperator: Sendable {
    public struct Term: Sendable {
        public var coefficient: Complex<Double>
        public var string: PauliString
    }

    public private(set) var terms: [Term] = []

    public init() {}

    public init(terms: [Term]) { self.terms = terms }

    /// Adds `coefficient * string` (zero coefficients are dropped).
    public mutating func add(_ coefficient: Complex<Double>, _ string: PauliString) {
        guard coefficient != .zero else { return }
        terms.append(Term(coefficient: coefficient, string: string))
    }

    /// Adds the real multiple `coefficient * string`.
    public mutating func add(_ coefficient: Double, _ string: PauliString) {
        add(Complex(coefficient, 0), string)
    }

    public static func + (lhs: SpinOperator, rhs: SpinOperator) -> SpinOperator {
        SpinOperator(terms: lhs.terms + rhs.terms)
    }

    /// Whether every matrix element is real: all coefficients of strings with an even number of
    /// sigma^y are real, all others imaginary.
    public var isReal: Bool {
        terms.allSatisfy { $0.string.isReal ? $0.coefficient.imaginary == 0 : $0.coefficient.real == 0 }
    }

    /// The dense complex matrix `<basis_i| O |basis_j>`. Matrix elements leaving the basis
    /// (e.g. into another S^z sector) are dropped: use only when `O` preserves the basis.
    public func denseMatrix(in basis: some SpinBasis) -> Matrix<Complex<Double>> {
        let d = basis.dimension
        var matrix = Matrix<Complex<Double>>.zeros(rows: d, columns: d)
        matrix.elements.withUnsafeMutableBufferPointer { m in
            for j in 0..<d {
                let state = basis.state(at: j)
                for term in terms {
                    guard let i = basis.index(of: state ^ term.string.flipMask) else { continue }
                    let (re, im) = term.string.phase(on: state)
                    m[i + j * d] += term.coefficient * Complex(re, im)
                }
            }
        }
        return matrix
    }

    /// The dense real matrix; precondition: `isReal`.
    public func denseRealMatrix(in basis: some SpinBasis) -> Matrix<Double> {
        precondition(isReal, "the operator has complex matrix elements")
        let d = basis.dimension
        var matrix = Matrix<Double>.zeros(rows: d, columns: d)
        // Real matrix element of c P: Re(c * phase) = c.re * phase.re - c.im * phase.im.
        let coefficients = terms.map { ($0.coefficient.real, $0.coefficient.imaginary, $0.string) }
        matrix.elements.withUnsafeMutableBufferPointer { m in
            for j in 0..<d {
                let state = basis.state(at: j)
                for (cr, ci, string) in coefficients {
                    guard let i = basis.index(of: state ^ string.flipMask) else { continue }
                    let (re, im) = string.phase(on: state)
                    m[i + j * d] += cr * re - ci * im
                }
            }
        }
        return matrix
    }
}
