import ComplexModule
import NumericKit
import RealModule

/// The infinite-temperature spectral function of `A = sigma^z_site` (paper eqs. (20), (52)) by the
/// two-dimensional kernel polynomial method (Weisse, Wellein, Alvermann & Fehske, Rev. Mod. Phys.
/// 78, 275 (2006), Secs. II, IV):
///
///     j(x, y) = (1/D) sum_{a,b} |A_ab|^2 delta(x - x_a) delta(y - x_b),   x = (E - b) / a,
///     mu_nm = (1/D) tr(T_n(H~) A T_m(H~) A) ~ <T_n(H~) psi| A |T_m(H~) A psi> / <psi|psi>,
///     j(x, y) = sum_nm g_n g_m h_n h_m mu_nm T_n(x) T_m(y) / (pi^2 sqrt(1 - x^2) sqrt(1 - y^2)),
///     S(omega) = (1/a) integral dx j(x, x + omega/a),
///
/// with `h_0 = 1`, `h_n = 2` and the Jackson kernel `g_n`. The moments come from the `2N`
/// vectors `T_n(H~)|psi>`, `T_m(H~) A|psi>` (2N products, 2N vectors held) and one BLAS product;
/// `S` is integrated over `x` by Gauss-Chebyshev quadrature on `2N` nodes. The delta function at
/// `omega = 0` (the diagonal weight) is broadened with the rest, so
/// `integral S d omega = mu_00 = (1/D) tr A^2`: the dense engine's `integral S + diagonal weight`.
/// The resolution (Jackson width of each energy, combined for their difference) is
/// `sqrt(2) pi a / N`.
public struct KernelPolynomialSpectralFunction: Sendable {
    public var interval: SpectralInterval
    /// `mu_nm`, `N x N`, averaged over the states used.
    public var moments: Matrix<Double>
    public var order: Int { moments.rows }

    public init(interval: SpectralInterval, moments: Matrix<Double>) {
        self.interval = interval
        self.moments = moments
    }

    /// Moments from one state (normalised by `<psi|psi>`), symmetrised (`mu` is real symmetric).
    public static func moments(state psi: [Complex<Double>], site: Int, hamiltonian: MatrixFreeOperator,
                               interval: SpectralInterval, order: Int) throws -> Matrix<Double> {
        let d = hamiltonian.dimension
        let left = chebyshevVectors(psi, hamiltonian: hamiltonian, interval: interval, order: order)
        var right = chebyshevVectors(StateVectors.sigmaZ(psi, site: site), hamiltonian: hamiltonian,
                                     interval: interval, order: order)
        let bit = 1 << site
        right.elements.withUnsafeMutableBufferPointer { r in
            for m in 0..<order {
                for i in 0..<d where i & bit != 0 { r[m * d + i] = -r[m * d + i] }
            }
        }
        let product = try matrixProduct(left, .adjoint, right, .none)
        let norm = StateVectors.normSquared(psi)
        return Matrix(rows: order, columns: order) { n, m in
            (product[n, m].real + product[m, n].real) / (2 * norm)
        }
    }

    /// `T_n(H~) |v>`, n < order, as the columns of a `D x order` matrix.
    static func chebyshevVectors(_ v: [Complex<Double>], hamiltonian: MatrixFreeOperator,
                                 interval: SpectralInterval, order: Int) -> Matrix<Complex<Double>> {
        let d = hamiltonian.dimension
        var columns = Matrix<Complex<Double>>.zeros(rows: d, columns: order)
        let a = interval.halfWidth, b = interval.center
        columns.elements.withUnsafeMutableBufferPointer { c in
            let base = c.baseAddress!
            for i in 0..<d { base[i] = v[i] }
            if order > 1 { hamiltonian.recurrence(base, into: base + d, alpha: 1 / a, beta: -b / a, gamma: 0) }
            if order > 2 {
                for n in 2..<order {
                    // T_n = 2 H~ T_{n-1} - T_{n-2}: copy T_{n-2} into column n, then update in place.
                    (base + n * d).update(from: base + (n - 2) * d, count: d)
                    hamiltonian.recurrence(base + (n - 1) * d, into: base + n * d, alpha: 2 / a, beta: -2 * b / a, gamma: -1)
                }
            }
        }
        return columns
    }

    /// The Jackson kernel `g_n`, n < order (Rev. Mod. Phys. 78, 275, eq. (71)).
    public static func jacksonKernel(order n: Int) -> [Double] {
        let q = Double.pi / Double(n + 1)
        return (0..<n).map { k in
            (Double(n - k + 1) * Double.cos(q * Double(k)) + Double.sin(q * Double(k)) * Double.cos(q) / Double.sin(q)) / Double(n + 1)
        }
    }

    /// `sqrt(2) pi a / N`: the width to which `S(omega)` is resolved.
    public var resolution: Double { 2.0.squareRoot() * Double.pi * interval.halfWidth / Double(order) }

    /// `S(omega)` at each `omega` (per unit omega; even in omega).
    public func density(at omegas: [Double]) throws -> [Double] {
        let n = order
        let k = 2 * n
        let g = Self.jacksonKernel(order: n)
        let w = (0..<n).map { g[$0] * ($0 == 0 ? 1 : 2) }
        let thetas = (0..<k).map { Double.pi * (Double($0) + 0.5) / Double(k) }
        let x = Matrix<Double>(rows: k, columns: n) { row, col in w[col] * Double.cos(Double(col) * thetas[row]) }
        var weighted = moments
        for m in 0..<n { for r in 0..<n { weighted[r, m] *= w[m] } }
        let p = try matrixProduct(x, .none, weighted, .none)   // K x N
        let a = interval.halfWidth
        return omegas.map { omega in
            let shift = abs(omega) / a
            var sum = 0.0
            for row in 0..<k {
                let y = Double.cos(thetas[row]) + shift
                guard y < 1 else { continue }
                // sum_m P[row, m] T_m(y) by Clenshaw's recurrence.
                var b1 = 0.0, b2 = 0.0
                for m in stride(from: n - 1, through: 1, by: -1) {
                    let b0 = p[row, m] + 2 * y * b1 - b2
                    b2 = b1
                    b1 = b0
                }
                let series = p[row, 0] + y * b1 - b2
                sum += series / (1 - y * y).squareRoot()
            }
            return sum / (Double.pi * Double(k) * a)
        }
    }
}
