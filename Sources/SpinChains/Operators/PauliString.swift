import ComplexModule
import RealModule

/// A single-site Pauli matrix. In the bit convention of `SpinBasis` (bit 0 = up):
/// `sigma^x |b> = |1-b>`, `sigma^y |b> = i (-1)^b |1-b>`, `sigma^z |b> = (-1)^b |b>`.
public enum Pauli: String, CaseIterable, Sendable {
    case x, y, z
}

/// A product of Pauli matrices on distinct sites, stored as bit masks (sites with sigma^x,
/// sigma^y, sigma^z). Its action on a basis state is one state times a phase, which is what
/// makes the sparse O(terms x D) construction of Hamiltonians possible.
public struct PauliString: Hashable, Sendable {
    public let xSites: UInt64
    public let ySites: UInt64
    public let zSites: UInt64

    public init(xSites: UInt64 = 0, ySites: UInt64 = 0, zSites: UInt64 = 0) {
        precondition(xSites & ySites == 0 && ySites & zSites == 0 && xSites & zSites == 0,
                     "a site carries at most one Pauli matrix")
        self.xSites = xSites
        self.ySites = ySites
        self.zSites = zSites
    }

    /// `sigma^a_site`.
    public init(_ pauli: Pauli, at site: Int) {
        let bit = UInt64(1) << UInt64(site)
        switch pauli {
        case .x: self.init(xSites: bit)
        case .y: self.init(ySites: bit)
        case .z: self.init(zSites: bit)
        }
    }

    /// `sigma^a_i sigma^a_j` for distinct sites (the same Pauli on both).
    public init(_ pauli: Pauli, at i: Int, _ j: Int) {
        precondition(i != j, "sites must differ")
        let bits = (UInt64(1) << UInt64(i)) | (UInt64(1) << UInt64(j))
        switch pauli {
        case .x: self.init(xSites: bits)
        case .y: self.init(ySites: bits)
        case .z: self.init(zSites: bits)
        }
    }

    /// The sites whose spin the string flips.
    @inlinable public var flipMask: UInt64 { xSites | ySites }

    /// Whether every matrix element is real (an even number of sigma^y).
    public var isReal: Bool { ySites.nonzeroBitCount % 2 == 0 }

    /// `P |state> = phase * |state ^ flipMask>` with `phase = i^{n_y} (-1)^{#(set bits under y or z)}`.
    /// Returned as (real part, imaginary part), exactly one of them non-zero.
    @inlinable
    public func phase(on state: UInt64) -> (re: Double, im: Double) {
        let sign: Double = ((ySites | zSites) & state).nonzeroBitCount & 1 == 0 ? 1 : -1
        switch ySites.nonzeroBitCount & 3 {
        case 0: return (sign, 0)
        case 1: return (0, sign)
        case 2: return (-sign, 0)
        default: return (0, -sign)
        }
    }
}
