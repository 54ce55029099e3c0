/// Entanglement of eigenstates (docs/exact-numerics.md, "Entanglement"; paper Sec. V E):
///
/// - `halfChain`: von Neumann entropy (natural log) of the chain sites `0..<L/2` in the
///   mid-spectrum eigenstates (the middle `fraction` of each block by index);
/// - `smallSubsystem`: the same for the sites `0..<ell` (default `ell = 2`);
/// - `probe`: the probe spin's entropy `S_P` in every eigenstate (infinite temperature), whose
///   mean is the RM's `[S_P] = ln 2 (1 - [Czz])` (eq. (120)); empty without a probe.
///
/// Subsystems never include the probe except for `probe`. Sector-aware through `Bipartition`.
public struct EigenstateEntanglement: Sendable {
    public var halfChain: [Double]
    public var smallSubsystem: [Double]
    public var probe: [Double]

    public init(_ eigenstates: Eigenstates, chainLength: Int, hasProbe: Bool,
                smallSubsystemSize: Int = 2, fraction: Double = 1.0 / 3) throws {
        var half: [Double] = [], small: [Double] = [], probe: [Double] = []
        for block in eigenstates.blocks {
            let halfCut = Bipartition(basis: block.basis, subsystemSites: Array(0..<(chainLength / 2)))
            let smallCut = Bipartition(basis: block.basis, subsystemSites: Array(0..<min(smallSubsystemSize, chainLength)))
            for a in middleWindow(count: block.dimension, fraction: fraction) {
                half.append(try halfCut.entropy(ofColumn: a, in: block.vectors))
                small.append(try smallCut.entropy(ofColumn: a, in: block.vectors))
            }
            if hasProbe {
                let probeCut = Bipartition(basis: block.basis, subsystemSites: [chainLength])
                for a in 0..<block.dimension { probe.append(try probeCut.entropy(ofColumn: a, in: block.vectors)) }
            }
        }
        halfChain = half
        smallSubsystem = small
        self.probe = probe
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }

    public var meanHalfChain: Double { Self.mean(halfChain) }
    public var meanSmallSubsystem: Double { Self.mean(smallSubsystem) }
    /// `[S_P]` of one realisation (NaN without a probe).
    public var meanProbe: Double { Self.mean(probe) }
}
