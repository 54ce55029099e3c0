/// A probe spin-1/2 `P` coupled to site 0 of a chain (docs/exact-numerics.md, "The probe spin"; paper Sec. II A 3):
///
///     H_total = H (x) 1 + (h/2) 1 (x) sigma^z_P + V (x) sigma^x_P,   V = J sigma^a_0,
///
/// with `a = x` by default and `h = W` by default. The probe is site `L` (bit L, the slowest index;
/// see `SpinBasis`). Pauli matrices are used here in every spin convention of the chain.
public struct ProbeSpin: Equatable, Sendable {
    /// `h`: the probe's field (the probe splitting is `h`).
    public var field: Double
    /// `J`: the strength of `V`.
    public var couplingStrength: Double
    /// `a` in `V = J sigma^a_0`.
    public var coupling: Pauli

    public init(field: Double, couplingStrength: Double, coupling: Pauli = .x) {
        self.field = field
        self.couplingStrength = couplingStrength
        self.coupling = coupling
    }

    /// The string `sigma^a_0 sigma^x_P` of the coupling.
    public func couplingString(chainLength: Int) -> PauliString {
        let probe = UInt64(1) << UInt64(chainLength)
        switch coupling {
        case .x: return PauliString(xSites: 1 | probe)
        case .y: return PauliString(xSites: probe, ySites: 1)
        case .z: return PauliString(xSites: probe, zSites: 1)
        }
    }

    /// `(h/2) sigma^z_P + J sigma^a_0 sigma^x_P` on `chainLength + 1` sites.
    public func terms(chainLength: Int) -> SpinOperator {
        var terms = SpinOperator()
        terms.add(field / 2, PauliString(.z, at: chainLength))
        terms.add(couplingStrength, couplingString(chainLength: chainLength))
        return terms
    }

    /// Whether `V` conserves the chain's total S^z (only `V = J sigma^z_0` does).
    public var conservesChainMagnetization: Bool { coupling == .z }
}
