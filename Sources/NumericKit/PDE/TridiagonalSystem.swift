/// A tridiagonal linear system `sub[i] x[i-1] + diagonal[i] x[i] + sup[i] x[i+1] = rhs[i]`,
/// solved by the Thomas algorithm (Gaussian elimination without pivoting) in O(n).
///
/// Stable without pivoting when the matrix is diagonally dominant or an M-matrix, which is the case
/// for every implicit step `(I - c A) x = b` of a conservative drift-diffusion operator with c >= 0
/// and a non-negative loss. `sub[0]` and `sup[n-1]` are ignored.
public struct TridiagonalSystem: Sendable {
    public var sub: [Double]
    public var diagonal: [Double]
    public var sup: [Double]

    public init(sub: [Double], diagonal: [Double], sup: [Double]) {
        precondition(sub.count == diagonal.count && sup.count == diagonal.count, "bands of unequal length")
        self.sub = sub
        self.diagonal = diagonal
        self.sup = sup
    }

    public var count: Int { diagonal.count }

    /// y = A x.
    public func multiply(_ x: [Double]) -> [Double] {
        let n = count
        var y = [Double](repeating: 0, count: n)
        multiply(x, into: &y)
        return y
    }

    /// y = A x into a caller-owned buffer (no allocation in time-stepping loops).
    public func multiply(_ x: [Double], into y: inout [Double]) {
        let n = count
        precondition(x.count == n && y.count == n)
        if n == 1 { y[0] = diagonal[0] * x[0]; return }
        y[0] = diagonal[0] * x[0] + sup[0] * x[1]
        for i in 1..<(n - 1) { y[i] = sub[i] * x[i - 1] + diagonal[i] * x[i] + sup[i] * x[i + 1] }
        y[n - 1] = sub[n - 1] * x[n - 2] + diagonal[n - 1] * x[n - 1]
    }

    /// Solves A x = rhs. `scratch` must have `count` elements; it is overwritten.
    public func solve(_ rhs: [Double], into x: inout [Double], scratch: inout [Double]) {
        let n = count
        precondition(rhs.count == n && x.count == n && scratch.count == n)
        var beta = diagonal[0]
        x[0] = rhs[0] / beta
        for i in 1..<n {
            scratch[i] = sup[i - 1] / beta
            beta = diagonal[i] - sub[i] * scratch[i]
            x[i] = (rhs[i] - sub[i] * x[i - 1]) / beta
        }
        var i = n - 2
        while i >= 0 {
            x[i] -= scratch[i + 1] * x[i + 1]
            i -= 1
        }
    }

    /// Solves A x = rhs, allocating.
    public func solve(_ rhs: [Double]) -> [Double] {
        var x = [Double](repeating: 0, count: count)
        var scratch = [Double](repeating: 0, count: count)
        solve(rhs, into: &x, scratch: &scratch)
        return x
    }
}
