import ComplexModule
import NumericKit
import RealModule

/// Textbook dense linear algebra for small matrices, written independently of the engine
/// (no Pauli strings, no bases, no LAPACK): the reference the models are checked against.
struct DenseOperator {
    var n: Int
    var a: [Complex<Double>]   // row-major: a[i * n + j]

    init(n: Int) { self.n = n; a = Array(repeating: .zero, count: n * n) }
    init(_ rows: [[Complex<Double>]]) { n = rows.count; a = rows.flatMap { $0 } }

    subscript(i: Int, j: Int) -> Complex<Double> {
        get { a[i * n + j] }
        set { a[i * n + j] = newValue }
    }

    static func identity(_ n: Int) -> DenseOperator {
        var m = DenseOperator(n: n)
        for i in 0..<n { m[i, i] = .one }
        return m
    }

    static func + (l: DenseOperator, r: DenseOperator) -> DenseOperator {
        var m = l
        for k in m.a.indices { m.a[k] += r.a[k] }
        return m
    }

    static func * (s: Double, r: DenseOperator) -> DenseOperator {
        var m = r
        let factor = Complex(s, 0)
        for k in m.a.indices { m.a[k] = m.a[k] * factor }
        return m
    }

    static func * (s: Complex<Double>, r: DenseOperator) -> DenseOperator {
        var m = r
        for k in m.a.indices { m.a[k] = m.a[k] * s }
        return m
    }

    static func * (l: DenseOperator, r: DenseOperator) -> DenseOperator {
        var m = DenseOperator(n: l.n)
        for i in 0..<l.n {
            for k in 0..<l.n where l[i, k] != .zero {
                let x = l[i, k]
                for j in 0..<l.n { m.a[i * l.n + j] += x * r[k, j] }
            }
        }
        return m
    }

    /// Kronecker product, the left factor the slow index.
    func kron(_ r: DenseOperator) -> DenseOperator {
        var m = DenseOperator(n: n * r.n)
        for i in 0..<n { for j in 0..<n { for k in 0..<r.n { for l in 0..<r.n {
            m[i * r.n + k, j * r.n + l] = self[i, j] * r[k, l]
        } } } }
        return m
    }

    var maxNorm: Double { a.map { $0.length }.max() ?? 0 }

    /// exp(s A) by scaling and squaring of the Taylor series.
    func exponential(_ s: Complex<Double>) -> DenseOperator {
        var squarings = 0
        var scaled = s * self
        while scaled.maxNorm * Double(n) > 0.5 { scaled = 0.5 * scaled; squarings += 1 }
        var result = DenseOperator.identity(n)
        var term = DenseOperator.identity(n)
        for k in 1...30 {
            term = (1.0 / Double(k)) * (term * scaled)
            result = result + term
        }
        for _ in 0..<squarings { result = result * result }
        return result
    }

    func maxDifference(_ m: Matrix<Complex<Double>>) -> Double {
        var worst = 0.0
        for i in 0..<n { for j in 0..<n { worst = max(worst, (self[i, j] - m[i, j]).length) } }
        return worst
    }

    func maxDifference(_ m: Matrix<Double>) -> Double {
        var worst = 0.0
        for i in 0..<n { for j in 0..<n { worst = max(worst, (self[i, j] - Complex(m[i, j], 0)).length) } }
        return worst
    }
}

/// Pauli matrices in the textbook basis (up, down), up first.
enum TextbookPauli {
    static let x = DenseOperator([[.zero, .one], [.one, .zero]])
    static let y = DenseOperator([[.zero, Complex(0, -1)], [Complex(0, 1), .zero]])
    static let z = DenseOperator([[.one, .zero], [.zero, -.one]])
    static let all = [x, y, z]

    /// `op` on site `n` of `sites` spins: Kronecker product with site `sites - 1` first, so that
    /// site 0 is the fastest index (bit 0 of the state).
    static func on(_ op: DenseOperator, site n: Int, of sites: Int) -> DenseOperator {
        var result = DenseOperator.identity(1)
        for m in stride(from: sites - 1, through: 0, by: -1) {
            result = result.kron(m == n ? op : .identity(2))
        }
        return result
    }
}
