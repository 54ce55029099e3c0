/// A basis of product states of spin-1/2 sites, each state a bit string.
///
/// Bit convention (used by every operator and model in SpinChains):
/// - site `n` (n = 0..L-1) is bit `n` of the state; bit value 0 is spin up (`sigma^z = +1`),
///   1 is spin down (`sigma^z = -1`), so the single-site Pauli matrices are the textbook ones in
///   the order (up, down) = (bit 0, bit 1);
/// - a probe spin is one more site, bit `L`;
/// - in the full basis the index of a state is the state itself, `s = sum_n b_n 2^n`, so site 0
///   varies fastest: an operator `O_{L-1} (x) ... (x) O_1 (x) O_0` in Kronecker order (the first
///   factor varies slowest) acts on site `n` with `O_n`; the probe is the slowest index, so the
///   operator written `H (x) 1_P` (docs/exact-numerics.md) is, as a Kronecker product of matrices, `kron(1_P, H)`.
public protocol SpinBasis: Sendable {
    /// Number of sites the states live on, including a probe if there is one.
    var siteCount: Int { get }
    /// Number of basis states.
    var dimension: Int { get }
    /// The state (bit string) with the given index, `0 <= index < dimension`.
    func state(at index: Int) -> UInt64
    /// The index of `state`, or nil if the state is not in this basis (e.g. another S^z sector).
    func index(of state: UInt64) -> Int?
}

/// All `2^siteCount` product states, indexed by their bit string.
public struct FullBasis: SpinBasis, Equatable {
    public let siteCount: Int

    public init(siteCount: Int) {
        precondition(siteCount >= 0 && siteCount < 63, "FullBasis supports at most 62 sites")
        self.siteCount = siteCount
    }

    public var dimension: Int { 1 << siteCount }
    @inlinable public func state(at index: Int) -> UInt64 { UInt64(index) }
    @inlinable public func index(of state: UInt64) -> Int? {
        state >> UInt64(siteCount) == 0 ? Int(state) : nil
    }
}
