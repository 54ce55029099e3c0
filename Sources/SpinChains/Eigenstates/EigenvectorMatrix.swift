import ComplexModule
import RealModule
import NumericKit

/// The eigenvectors of one block, column `a` belonging to eigenvalue `a`: real for real
/// symmetric Hamiltonians (xxz), complex otherwise. Keeping real vectors real halves the memory
/// and quarters the cost of every product with them.
public enum EigenvectorMatrix: Sendable {
    case real(Matrix<Double>)
    case complex(Matrix<Complex<Double>>)

    public var dimension: Int {
        switch self {
        case let .real(v): return v.rows
        case let .complex(v): return v.rows
        }
    }

    /// The number of eigenvectors (columns): the dimension, or fewer for a window.
    public var columnCount: Int {
        switch self {
        case let .real(v): return v.columns
        case let .complex(v): return v.columns
        }
    }

    /// `|<a| P |b>|^2` for every pair of columns, `P` a Pauli string that maps the block's basis
    /// into itself: `P V` is formed row by row in O(D N) (a permutation with phases) and
    /// `V^dagger (P V)` by one BLAS product. Row `a`, column `b` of the result is `|P_ab|^2`
    /// (N x N for N columns: all eigenvectors or a window of them).
    public func squaredMatrixElements(of string: PauliString, basis: some SpinBasis) throws -> Matrix<Double> {
        let d = dimension
        let n = columnCount
        // Target row and phase of each basis state under P.
        var target = [Int](repeating: 0, count: d)
        var phases = [(re: Double, im: Double)](repeating: (0, 0), count: d)
        for i in 0..<d {
            let state = basis.state(at: i)
            guard let j = basis.index(of: state ^ string.flipMask) else {
                throw EigenstateError.operatorLeavesBasis
            }
            target[i] = j
            phases[i] = string.phase(on: state)
        }
        if string.flipMask == 0 { return try diagonalSquaredMatrixElements(signs: phases.map { $0.re >= 0 }) }
        switch self {
        case let .real(v):
            guard string.isReal else {
                // An imaginary string on real vectors: |<a|P|b>| = |<a|(iP)|b>|, and iP is real.
                return try EigenvectorMatrix.complex(v.complexified).squaredMatrixElements(of: string, basis: basis)
            }
            var pv = Matrix<Double>.zeros(rows: d, columns: n)
            pv.elements.withUnsafeMutableBufferPointer { out in
                v.elements.withUnsafeBufferPointer { source in
                    for column in 0..<n {
                        let offset = column * d
                        for i in 0..<d { out[offset + target[i]] = phases[i].re * source[offset + i] }
                    }
                }
            }
            var m = try matrixProduct(v, .transpose, pv, .none)
            m.elements.withUnsafeMutableBufferPointer { e in
                for k in e.indices { e[k] *= e[k] }
            }
            return m
        case let .complex(v):
            var pv = Matrix<Complex<Double>>.zeros(rows: d, columns: n)
            pv.elements.withUnsafeMutableBufferPointer { out in
                v.elements.withUnsafeBufferPointer { source in
                    for column in 0..<n {
                        let offset = column * d
                        for i in 0..<d { out[offset + target[i]] = Complex(phases[i].re, phases[i].im) * source[offset + i] }
                    }
                }
            }
            let m = try matrixProduct(v, .adjoint, pv, .none)
            return Matrix(rows: n, columns: n, elements: m.elements.map(\.lengthSquared))
        }
    }
}

extension EigenvectorMatrix {
    /// `squaredMatrixElements(of:basis:)` inside `rectangles` (rows `a`, columns `b`) and their
    /// mirror images only, the other entries NaN, where that is cheaper: real vectors and a
    /// diagonal string (`partialGramDifference`). Otherwise every pair, as there.
    public func squaredMatrixElements(of string: PauliString, basis: some SpinBasis, rectangles: [MatrixRectangle]) throws -> Matrix<Double> {
        guard string.flipMask == 0, case .real = self else { return try squaredMatrixElements(of: string, basis: basis) }
        return try diagonalSquaredMatrixElements(signs: (0..<dimension).map { string.phase(on: basis.state(at: $0)).re >= 0 },
                                                 rectangles: rectangles)
    }

    /// `|(V^dagger A V)_ab|^2` for a diagonal `A = +-1` (`signs[i]`: `A_ii = +1`):
    /// `V^dagger A V = V_+^dagger V_+ - V_-^dagger V_-` with `V_+-` the rows of either sign, two
    /// symmetric rank-k updates (`gramDifference`), half the flops of the general product. Real
    /// vectors with `rectangles`: only those entries and their mirrors (`partialGramDifference`).
    func diagonalSquaredMatrixElements(signs: [Bool], rectangles: [MatrixRectangle]? = nil) throws -> Matrix<Double> {
        let plusRows = signs.lazy.filter { $0 }.count
        switch self {
        case let .real(v):
            let (p, q) = Self.splitRows(v, signs: signs, plusRows: plusRows)
            var m = try rectangles.map { try partialGramDifference(p, q, rectangles: $0) } ?? gramDifference(p, q)
            m.elements.withUnsafeMutableBufferPointer { e in
                for k in e.indices { e[k] *= e[k] }
            }
            return m
        case let .complex(v):
            let (p, q) = Self.splitRows(v, signs: signs, plusRows: plusRows)
            let m = try gramDifference(p, q)
            return Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map(\.lengthSquared))
        }
    }

    /// The rows of `v` with `signs[i]` (in order) and the others.
    static func splitRows<E: AdditiveArithmetic>(_ v: Matrix<E>, signs: [Bool], plusRows: Int) -> (Matrix<E>, Matrix<E>) {
        let d = v.rows, n = v.columns
        var p = Matrix<E>.zeros(rows: plusRows, columns: n)
        var q = Matrix<E>.zeros(rows: d - plusRows, columns: n)
        v.elements.withUnsafeBufferPointer { source in
            p.elements.withUnsafeMutableBufferPointer { pp in
                q.elements.withUnsafeMutableBufferPointer { qq in
                    for column in 0..<n {
                        var i = 0, j = 0
                        let offset = column * d
                        let pOffset = column * plusRows, qOffset = column * (d - plusRows)
                        for row in 0..<d {
                            if signs[row] { pp[pOffset + i] = source[offset + row]; i += 1 }
                            else { qq[qOffset + j] = source[offset + row]; j += 1 }
                        }
                    }
                }
            }
        }
        return (p, q)
    }
}

public enum EigenstateError: Error, Equatable, CustomStringConvertible {
    /// The operator maps some basis state out of the block (e.g. into another S^z sector).
    case operatorLeavesBasis
    case unsupported(String)

    public var description: String {
        switch self {
        case .operatorLeavesBasis:
            return "the operator does not preserve the symmetry sector; choose a sector-preserving operator or the full space"
        case let .unsupported(what): return what
        }
    }
}
