import CLapack
import ComplexModule
import RealModule

/// How a factor enters a product: as it is, transposed, or conjugate-transposed.
public enum MatrixOperation: Sendable {
    case none, transpose, adjoint

    fileprivate var cblas: CBLAS_TRANSPOSE {
        switch self {
        case .none: return CblasNoTrans
        case .transpose: return CblasTrans
        case .adjoint: return CblasConjTrans
        }
    }
}

private func productShape<E>(
    _ a: Matrix<E>, _ opA: MatrixOperation, _ b: Matrix<E>, _ opB: MatrixOperation, routine: String
) throws -> (m: Int, n: Int, k: Int) {
    let (m, ka) = opA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    let (kb, n) = opB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
    guard ka == kb else {
        throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "inner dimensions \(ka) and \(kb) differ")
    }
    return (m, n, ka)
}

/// `alpha op(a) op(b)` by BLAS `dgemm` (`.adjoint` is the transpose for real matrices).
public func matrixProduct(
    _ a: Matrix<Double>, _ opA: MatrixOperation = .none,
    _ b: Matrix<Double>, _ opB: MatrixOperation = .none,
    alpha: Double = 1
) throws -> Matrix<Double> {
    let routine = "dgemm"
    let (m, n, k) = try productShape(a, opA, b, opB, routine: routine)
    let m32 = try lapackDimension(m, routine: routine), n32 = try lapackDimension(n, routine: routine)
    let k32 = try lapackDimension(k, routine: routine)
    var c = Matrix<Double>.zeros(rows: m, columns: n)
    if m == 0 || n == 0 { return c }
    if k == 0 { return c }
    a.elements.withUnsafeBufferPointer { ap in
        b.elements.withUnsafeBufferPointer { bp in
            c.elements.withUnsafeMutableBufferPointer { cp in
                cblas_dgemm(CblasColMajor, opA.cblas, opB.cblas, m32, n32, k32, alpha,
                            ap.baseAddress, max(Int32(a.rows), 1), bp.baseAddress, max(Int32(b.rows), 1),
                            0, cp.baseAddress, max(m32, 1))
            }
        }
    }
    return c
}

/// `alpha op(a) op(b)` by BLAS `zgemm`.
public func matrixProduct(
    _ a: Matrix<Complex<Double>>, _ opA: MatrixOperation = .none,
    _ b: Matrix<Complex<Double>>, _ opB: MatrixOperation = .none,
    alpha: Complex<Double> = .one
) throws -> Matrix<Complex<Double>> {
    let routine = "zgemm"
    let (m, n, k) = try productShape(a, opA, b, opB, routine: routine)
    let m32 = try lapackDimension(m, routine: routine), n32 = try lapackDimension(n, routine: routine)
    let k32 = try lapackDimension(k, routine: routine)
    var c = Matrix<Complex<Double>>.zeros(rows: m, columns: n)
    if m == 0 || n == 0 || k == 0 { return c }
    var alphaValue = alpha
    var betaValue = Complex<Double>.zero
    a.elements.withUnsafeBufferPointer { ap in
        b.elements.withUnsafeBufferPointer { bp in
            c.elements.withUnsafeMutableBufferPointer { cp in
                cblas_zgemm(CblasColMajor, opA.cblas, opB.cblas, m32, n32, k32, &alphaValue,
                            ap.baseAddress, max(Int32(a.rows), 1), bp.baseAddress, max(Int32(b.rows), 1),
                            &betaValue, cp.baseAddress, max(m32, 1))
            }
        }
    }
    return c
}
