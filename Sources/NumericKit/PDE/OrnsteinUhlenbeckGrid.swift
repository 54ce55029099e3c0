import RealModule

/// The Ornstein-Uhlenbeck (Fokker-Planck) operator `M g = d/dx (dg/dx + x g)` on a uniform,
/// node-centred grid `x_i = -halfWidth + i h`, `i = 0...cells`, with zero-flux walls at
/// `+-halfWidth` (the end nodes own half cells).
///
/// Discretization: finite volumes with Scharfetter-Gummel (exponentially fitted) fluxes,
/// `J_{i+1/2} = (B(m h) g_i - B(-m h) g_{i+1})/h`, `m = x_{i+1/2}`, `B(z) = z/(e^z - 1)`, so that
/// the discrete equilibrium is exactly `g_i ~ exp(-x_i^2/2)` (to rounding) and the total mass
/// `sum_i w_i g_i h` (weights 1/2 at the walls) is conserved exactly. Second order in `h`.
/// The standard normal density is the stationary state; the operator relaxes any profile to it
/// at rate 1.
public struct OrnsteinUhlenbeckGrid: Sendable {
    /// Number of cells; the grid has `cells + 1` nodes.
    public let cells: Int
    public let halfWidth: Double
    public let spacing: Double
    /// Node positions.
    public let nodes: [Double]
    /// Quadrature weights of the nodes (h, with h/2 at the walls): mass = sum w_i g_i.
    public let weights: [Double]
    /// The operator M as a tridiagonal matrix.
    public let generator: TridiagonalSystem

    /// - Parameters: `cells` even puts a node at x = 0.
    public init(cells: Int, halfWidth: Double) {
        precondition(cells >= 2 && halfWidth > 0)
        self.cells = cells
        self.halfWidth = halfWidth
        let h = 2 * halfWidth / Double(cells)
        spacing = h
        let n = cells + 1
        nodes = (0..<n).map { -halfWidth + Double($0) * h }
        var w = [Double](repeating: h, count: n)
        w[0] = h / 2
        w[n - 1] = h / 2
        weights = w
        // Flux through face i+1/2: J = (a_i g_i - b_i g_{i+1})/h, a = B(m h), b = B(-m h).
        var sub = [Double](repeating: 0, count: n), diagonal = sub, sup = sub
        for i in 0..<(n - 1) {
            let m = -halfWidth + (Double(i) + 0.5) * h
            let a = Self.bernoulli(m * h) / h, b = Self.bernoulli(-m * h) / h
            // dg_i/dt gets -J/w_i, dg_{i+1}/dt gets +J/w_{i+1}.
            diagonal[i] -= a / w[i]
            sup[i] += b / w[i]
            sub[i + 1] += a / w[i + 1]
            diagonal[i + 1] -= b / w[i + 1]
        }
        generator = TridiagonalSystem(sub: sub, diagonal: diagonal, sup: sup)
    }

    /// B(z) = z/(e^z - 1), with its series near 0.
    public static func bernoulli(_ z: Double) -> Double {
        if abs(z) < 1e-5 { return 1 - z / 2 + z * z / 12 }
        return z / Double.expMinusOne(z)
    }

    /// The discrete equilibrium exp(-x_i^2/2), normalised to unit mass.
    public var equilibrium: [Double] {
        let g = nodes.map { Double.exp(-$0 * $0 / 2) }
        let mass = zip(g, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return g.map { $0 / mass }
    }

    /// Total mass sum_i w_i g_i.
    public func mass(_ g: [Double]) -> Double {
        var total = 0.0
        for i in 0..<g.count { total += weights[i] * g[i] }
        return total
    }
}
