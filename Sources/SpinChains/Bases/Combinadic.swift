/// The combinatorial number system ("combinadic"): the k-subsets of {0..L-1}, written as bit
/// strings with k set bits, are numbered 0..<C(L, k) in increasing order of the integer by
/// `rank(s) = sum_{i=1..k} C(p_i, i)` with `p_1 < ... < p_k` the set bits' positions.
/// Increasing integers with k bits (the order Gosper's hack enumerates them in) have
/// increasing ranks, so ranking and the enumeration agree.
public struct Combinadic: Sendable, Equatable {
    public let bits: Int
    /// `binomial[n][r] = C(n, r)` for `0 <= n, r <= bits`.
    public let binomial: [[Int]]

    public init(bits: Int) {
        precondition(bits >= 0 && bits <= 62)
        self.bits = bits
        var table = Array(repeating: Array(repeating: 0, count: bits + 2), count: bits + 2)
        for n in 0...(bits + 1) {
            table[n][0] = 1
            if n > 0 { for r in 1...n { table[n][r] = table[n - 1][r - 1] + table[n - 1][r] } }
        }
        self.binomial = table
    }

    /// `C(n, r)`, zero outside `0 <= r <= n`.
    @inlinable
    public func choose(_ n: Int, _ r: Int) -> Int {
        (r < 0 || n < 0 || r > n) ? 0 : binomial[n][r]
    }

    /// The rank of `state` among the states with the same number of set bits. O(k).
    public func rank(_ state: UInt64) -> Int {
        var rest = state
        var rank = 0
        var i = 1
        while rest != 0 {
            let position = rest.trailingZeroBitCount
            rank += choose(position, i)
            i += 1
            rest &= rest - 1
        }
        return rank
    }

    /// The state with `setBits` set bits and the given rank (inverse of `rank`): greedy, from
    /// the highest set bit down.
    public func unrank(_ rank: Int, setBits: Int) -> UInt64 {
        precondition(rank >= 0 && rank < choose(bits, setBits), "rank out of range")
        var remaining = rank
        var state: UInt64 = 0
        var position = bits - 1
        for i in stride(from: setBits, through: 1, by: -1) {
            while choose(position, i) > remaining { position -= 1 }
            state |= 1 << UInt64(position)
            remaining -= choose(position, i)
            position -= 1
        }
        return state
    }
}

/// The next larger integer with the same number of set bits (Gosper's hack).
@inlinable
public func nextStateWithSamePopulation(_ state: UInt64) -> UInt64 {
    let lowest = state & (~state &+ 1)
    let ripple = state &+ lowest
    return ripple | (((state ^ ripple) >> 2) / lowest)
}
