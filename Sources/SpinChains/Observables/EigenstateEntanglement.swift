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
        try self.init(blocks: eigenstates.blocks.map { ($0, middleWindow(count: $0.dimension, fraction: fraction)) },
                      chainLength: chainLength, hasProbe: hasProbe, smallSubsystemSize: smallSubsystemSize)
    }

    /// The same from the eigenvector windows of each block (the middle `fraction` by index of
    /// every eigenvalue of the block, which the window must hold). No probe: its entropy is an
    /// average over every eigenstate.
    public init(windows: [EigenstateWindow], chainLength: Int, smallSubsystemSize: Int = 2, fraction: Double = 1.0 / 3) throws {
        try self.init(blocks: windows.map { window in
            let middle = middleWindow(count: window.dimension, fraction: fraction)
            precondition(middle.isEmpty || (window.window.contains(middle.lowerBound) && window.window.contains(middle.upperBound - 1)),
                         "the eigenvector window misses mid-spectrum states")
            return (window.states, (middle.lowerBound - window.window.lowerBound)..<(middle.upperBound - window.window.lowerBound))
        }, chainLength: chainLength, hasProbe: false, smallSubsystemSize: smallSubsystemSize)
    }

    /// `columns`: the mid-spectrum columns of each block's vectors.
    init(blocks: [(EigenstateBlock, Range<Int>)], chainLength: Int, hasProbe: Bool, smallSubsystemSize: Int) throws {
        var half: [Double] = [], small: [Double] = [], probe: [Double] = []
        for (block, columns) in blocks {
            let halfCut = Bipartition(basis: block.basis, subsystemSites: Array(0..<(chainLength / 2)))
            let smallCut = Bipartition(basis: block.basis, subsystemSites: Array(0..<min(smallSubsystemSize, chainLength)))
            half += try halfCut.entropies(ofColumns: columns, in: block.vectors)
            small += try smallCut.entropies(ofColumns: columns, in: block.vectors)
            if hasProbe {
                let probeCut = Bipartition(basis: block.basis, subsystemSites: [chainLength])
                probe += try probeCut.entropies(ofColumns: 0..<block.dimension, in: block.vectors)
            }
        }
        halfChain = half
        smallSubsystem = small
        self.probe = probe
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }

    public var meanHalfChain: Double { Self.mean(halfChain) }
    public var meanSmallSubsystem: Double { Self.mean(smallSubsystem) }
    /// `[S_P]` of one realization (NaN without a probe).
    public var meanProbe: Double { Self.mean(probe) }
}
