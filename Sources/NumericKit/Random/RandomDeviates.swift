import RealModule

extension RandomNumberGenerator {
    /// Uniform in [0, 1) with 53 random bits (the top bits of the 64-bit output).
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lower, upper).
    public mutating func nextUniform(in lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitInterval()
    }

    /// A standard normal deviate by the Box-Muller transform. Draws two uniforms per call and
    /// discards the second normal, so the sequence depends only on the number of calls made (no
    /// hidden cached state in a value type).
    public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1 - nextUnitInterval()
        let u2 = nextUnitInterval()
        let radius = (-2 * Double.log(u1)).squareRoot()
        return mean + standardDeviation * radius * Double.cos(2 * Double.pi * u2)
    }
}
