import ComplexModule
import NumericKit
import RealModule

/// Stroboscopic propagation of a state by the floquet-o3 Floquet operator (paper eqs. (4), (5);
/// with the probe eqs. (17)-(19)), never forming `U_F`:
///
///     U_F = exp(-i H_J T/2) exp(-i H_W T/2),    U = U_1 U_0,
///     U_0 = U_F (x) exp(-(i/2) h T sigma^z_P),  U_1 = exp(-i T J sigma^a_0 sigma^x_P),
///
/// with `exp(-i H_W T/2)` the layer of single-site rotations `exp(-i (W T/2) v_n . sigma_n)`,
/// `exp(-i H_J T/2)` by the Chebyshev expansion of the disorder-free matrix-free `H_J`, and the
/// probe's factors as a diagonal phase and a Pauli-string rotation. `evolve(by:)` takes a whole
/// number of periods (rounded).
public struct FloquetStatePropagator: StatePropagator {
    public let chain: FloquetO3Chain
    public let probe: ProbeSpin?
    public private(set) var coupling: ChebyshevPropagator
    let gates: [SingleSiteGate]

    public var productCount: Int { coupling.productCount }

    public init(chain: FloquetO3Chain, probe: ProbeSpin?, threads: Int = 1) throws {
        self.chain = chain
        self.probe = probe
        let sites = chain.length + (probe == nil ? 0 : 1)
        let hJ = heisenbergCoupling(length: chain.length, coupling: chain.interaction, boundary: chain.boundary)
        let op = try MatrixFreeOperator(hJ, siteCount: sites, threads: threads)
        coupling = ChebyshevPropagator(hamiltonian: op, interval: try SpectralInterval.estimate(op))
        gates = chain.fieldVectors.map { .rotation(angle: chain.disorderStrength * chain.period / 2, axis: $0) }
    }

    public mutating func evolve(_ state: inout [Complex<Double>], by periods: Double) throws {
        let n = Int(periods.rounded())
        precondition(n >= 0, "Floquet propagation goes forward by whole periods")
        for _ in 0..<n { try applyPeriod(&state) }
    }

    /// `|psi> <- U |psi>`.
    public mutating func applyPeriod(_ state: inout [Complex<Double>]) throws {
        for (site, gate) in gates.enumerated() { Self.apply(gate, site: site, to: &state) }
        try coupling.evolve(&state, by: chain.period / 2)
        guard let probe else { return }
        let l = chain.length
        let half = probe.field * chain.period / 2
        let up = Complex(Double.cos(half), -Double.sin(half))
        let down = up.conjugate
        let bit = 1 << l
        for i in state.indices { state[i] *= i & bit == 0 ? up : down }
        Self.rotate(probe.couplingString(chainLength: l), angle: chain.period * probe.couplingStrength, state: &state)
    }

    /// `|psi> <- g_site |psi>` (the gate in the basis (bit 0, bit 1) of the site).
    static func apply(_ g: SingleSiteGate, site: Int, to state: inout [Complex<Double>]) {
        let bit = 1 << site
        for i0 in state.indices where i0 & bit == 0 {
            let i1 = i0 | bit
            let x = state[i0], y = state[i1]
            state[i0] = g.g00 * x + g.g01 * y
            state[i1] = g.g10 * x + g.g11 * y
        }
    }

    /// `|psi> <- exp(-i theta P) |psi> = cos(theta) |psi> - i sin(theta) P |psi>`.
    static func rotate(_ string: PauliString, angle theta: Double, state: inout [Complex<Double>]) {
        let flip = Int(string.flipMask)
        let c = Double.cos(theta), s = Double.sin(theta)
        let old = state
        for j in old.indices {
            // (P psi)[j ^ flip] = phase(j) psi[j]
            let (pr, pi) = string.phase(on: UInt64(j))
            let term = Complex(pr, pi) * old[j]
            let i = j ^ flip
            state[i] = c * old[i] + Complex(s * term.imaginary, -s * term.real)
        }
    }
}
