import CLapack
import ComplexModule
import RealModule

/// `p^T p - q^T q` for real `p` (`k_p x n`) and `q` (`k_q x n`): two symmetric rank-k updates
/// (`dsyrk`, lower triangle, `n^2 (k_p + k_q)` flops, half of the general product `dgemm` of the
/// same shape), then the upper triangle mirrored. With `p`, `q` the rows of `V` where a diagonal
/// `+-1` operator `A` is `+1` and `-1`, this is `V^T A V`.
public func gramDifference(_ p: Matrix<Double>, _ q: Matrix<Double>) throws -> Matrix<Double> {
    try rankUpdateDifference(p, q)
}

/// `p^dagger p - q^dagger q` for complex `p`, `q` by two `zherk` updates (lower triangle; the
/// upper one filled with the conjugates; the diagonal is real).
public func gramDifference(_ p: Matrix<Complex<Double>>, _ q: Matrix<Complex<Double>>) throws -> Matrix<Complex<Double>> {
    try rankUpdateDifference(p, q)
}

/// `p^dagger p - q^dagger q` by two rank-k updates of the lower triangle, then the upper triangle
/// filled with the adjoint entries and the diagonal made exactly real.
private func rankUpdateDifference<T: SelfAdjointElement>(_ p: Matrix<T>, _ q: Matrix<T>) throws -> Matrix<T> {
    let routine = T.rankUpdateRoutine
    guard p.columns == q.columns else {
        throw LinearAlgebraError.shapeMismatch(routine: routine, detail: "\(p.columns) and \(q.columns) columns differ")
    }
    let n = p.columns
    let n32 = try lapackDimension(n, routine: routine)
    var c = Matrix<T>(rows: n, columns: n, repeating: T.zero)
    if n == 0 { return c }
    c.elements.withUnsafeMutableBufferPointer { cp in
        for (factor, alpha, beta) in [(p, 1.0, 0.0), (q, -1.0, 1.0)] where factor.rows > 0 {
            factor.elements.withUnsafeBufferPointer { ap in
                T.adjointRankUpdate(n: n32, k: Int32(factor.rows), alpha: alpha, a: ap.baseAddress, beta: beta, c: cp.baseAddress)
            }
        }
        for j in 0..<n {
            cp[j + j * n] = cp[j + j * n].selfAdjointDiagonal
            for i in (j + 1)..<n { cp[j + i * n] = cp[i + j * n].adjoint }
        }
    }
    return c
}
