/// xoshiro256** 1.0 (Blackman & Vigna 2018): fast, 256-bit state, passes BigCrush.
///
/// `init(seed:stream:)` derives the state from the pair `(seed, stream)` alone through SplitMix64,
/// so a disorder realization `k` of a run with seed `s` is `Xoshiro256StarStar(seed: s, stream: k)`
/// whatever the thread count, order or resumption of the run.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds from a single 64-bit value by SplitMix64, as the authors recommend.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
        if state == (0, 0, 0, 0) { state.0 = 1 }  // the all-zero state is a fixed point
    }

    /// Seeds from `(seed, stream)`: the stream index is mixed through SplitMix64 first and then
    /// combined with the seed, so neighbouring streams are decorrelated.
    public init(seed: UInt64, stream: UInt64) {
        var streamMixer = SplitMix64(state: stream ^ 0x6A09_E667_F3BC_C909)
        self.init(seed: seed ^ streamMixer.next())
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Xoshiro256StarStar.rotl(state.3, 45)
        return result
    }
}

extension Xoshiro256StarStar {
    /// Starts from a raw state (not all zero), for reproducing published test vectors.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "the all-zero state is a fixed point")
        self.init(seed: 0)
        self.state = state
    }
}
