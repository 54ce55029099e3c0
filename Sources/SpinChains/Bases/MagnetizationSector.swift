/// The states of an L-site chain with fixed total `S^z = (L - 2 N_down) / 2`, i.e. a fixed
/// number `N_down` of set bits on sites 0..L-1 (see `SpinBasis` for the bit convention),
/// optionally times a free probe spin at bit L.
///
/// Index: `combinadic rank of the chain part + (probe bit) * C(L, N_down)`, so the probe is the
/// slowest index, as in `FullBasis`. Ranking is O(1) through two half-chain tables (Lin's
/// two-table method applied to the combinadic): the rank of the low half depends on its bits
/// only; that of the high half on its bits and on the number of set bits below it.
public struct MagnetizationSector: SpinBasis, Equatable {
    public let chainLength: Int
    public let downSpins: Int
    public let hasProbe: Bool
    public let chainDimension: Int
    let states: [UInt64]
    let lowBits: Int
    let lowRank: [Int32]
    /// `highRank[setBitsBelow][highBits]`, flattened.
    let highRank: [Int32]

    /// The sector with total `S^z = totalSz` (a multiple of 1/2 with `L/2 - totalSz` an integer
    /// in 0...L). Returns nil if there is no such sector.
    public init?(chainLength: Int, totalSz: Double, withProbe: Bool = false) {
        let down = Double(chainLength) / 2 - totalSz
        guard down == down.rounded(), down >= 0, down <= Double(chainLength) else { return nil }
        self.init(chainLength: chainLength, downSpins: Int(down), withProbe: withProbe)
    }

    public init(chainLength: Int, downSpins: Int, withProbe: Bool = false) {
        precondition(chainLength >= 1 && chainLength <= 40, "chain length out of range")
        precondition(downSpins >= 0 && downSpins <= chainLength, "number of down spins out of range")
        self.chainLength = chainLength
        self.downSpins = downSpins
        self.hasProbe = withProbe
        let combinadic = Combinadic(bits: chainLength)
        let count = combinadic.choose(chainLength, downSpins)
        self.chainDimension = count
        var states = [UInt64](repeating: 0, count: count)
        var state: UInt64 = downSpins == 0 ? 0 : (UInt64(1) << UInt64(downSpins)) - 1
        for i in 0..<count {
            states[i] = state
            if i + 1 < count { state = nextStateWithSamePopulation(state) }
        }
        self.states = states
        let low = chainLength / 2
        let high = chainLength - low
        self.lowBits = low
        self.lowRank = (0..<(1 << low)).map { Int32(combinadic.rank(UInt64($0))) }
        var highRank = [Int32](repeating: 0, count: (low + 1) << high)
        for below in 0...low {
            for bits in 0..<(1 << high) {
                // Set bit i (1-based) of the high half is set bit (below + i) of the chain.
                var rest = UInt64(bits), i = below + 1, rank = 0
                while rest != 0 {
                    rank += combinadic.choose(rest.trailingZeroBitCount + low, i)
                    i += 1
                    rest &= rest - 1
                }
                highRank[(below << high) | bits] = Int32(rank)
            }
        }
        self.highRank = highRank
    }

    public var siteCount: Int { chainLength + (hasProbe ? 1 : 0) }
    public var dimension: Int { chainDimension * (hasProbe ? 2 : 1) }
    /// Total `S^z` of the chain (the probe not included).
    public var totalSz: Double { Double(chainLength) / 2 - Double(downSpins) }

    public func state(at index: Int) -> UInt64 {
        let probe = index / chainDimension
        return states[index - probe * chainDimension] | (UInt64(probe) << UInt64(chainLength))
    }

    public func index(of state: UInt64) -> Int? {
        let chainMask = (UInt64(1) << UInt64(chainLength)) - 1
        let chain = state & chainMask
        let probe = state >> UInt64(chainLength)
        guard probe <= (hasProbe ? 1 : 0), chain.nonzeroBitCount == downSpins else { return nil }
        let lowMask = (UInt64(1) << UInt64(lowBits)) - 1
        let lowPart = chain & lowMask
        let highPart = chain >> UInt64(lowBits)
        let rank = Int(lowRank[Int(lowPart)])
            + Int(highRank[(lowPart.nonzeroBitCount << (chainLength - lowBits)) | Int(highPart)])
        return rank + Int(probe) * chainDimension
    }
}
