import ComplexModule
import RealModule

/// A dense matrix stored column by column (Fortran/LAPACK order): element `(i, j)` lives at
/// `elements[i + j * rows]`. Column-major storage lets every LAPACK driver work on the buffer in
/// place, without the transposed copy that a row-major layout would cost.
public struct Matrix<Element> {
    public let rows: Int
    public let columns: Int
    /// The entries, column after column; `elements.count == rows * columns`.
    public var elements: [Element]

    public init(rows: Int, columns: Int, repeating value: Element) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// Wraps column-major `elements`.
    public init(rows: Int, columns: Int, elements: [Element]) {
        precondition(elements.count == rows * columns, "Matrix needs rows * columns elements")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Builds the matrix entry by entry from a function of `(row, column)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Element) {
        var elements: [Element] = []
        elements.reserveCapacity(rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { elements.append(entry(i, j)) }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    public var isSquare: Bool { rows == columns }

    @inlinable
    public subscript(row: Int, column: Int) -> Element {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Element] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// The transpose (no complex conjugation).
    public var transposed: Matrix<Element> {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }
}

extension Matrix: Equatable where Element: Equatable {}
extension Matrix: Sendable where Element: Sendable {}

extension Matrix where Element: AdditiveArithmetic {
    public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, repeating: .zero)
    }
}

extension Matrix where Element == Double {
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix.zeros(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Frobenius norm `sqrt(sum |a_ij|^2)`.
    public var frobeniusNorm: Double {
        elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The same matrix with complex entries.
    public var complexified: Matrix<Complex<Double>> {
        Matrix<Complex<Double>>(rows: rows, columns: columns, elements: elements.map { Complex($0, 0) })
    }
}

extension Matrix where Element == Complex<Double> {
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix.zeros(rows: n, columns: n)
        for i in 0..<n { m[i, i] = .one }
        return m
    }

    /// Frobenius norm `sqrt(sum |a_ij|^2)`.
    public var frobeniusNorm: Double {
        elements.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
    }

    /// The conjugate transpose `A^dagger`.
    public var adjoint: Matrix<Complex<Double>> {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i].conjugate }
    }
}

/// Elementwise difference, for residuals.
public func - (lhs: Matrix<Double>, rhs: Matrix<Double>) -> Matrix<Double> {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 - $1 })
}

/// Elementwise difference, for residuals.
public func - (lhs: Matrix<Complex<Double>>, rhs: Matrix<Complex<Double>>) -> Matrix<Complex<Double>> {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix shapes differ")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 - $1 })
}
