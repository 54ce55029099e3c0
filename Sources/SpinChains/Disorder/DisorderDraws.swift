import NumericKit
import RealModule

/// How the O(3) field vectors `v_n` are drawn; both have zero mean and `[v_n . v_n] = 1`.
public enum FieldDistribution: String, Sendable, CaseIterable {
    /// Independent Gaussian components of variance 1/3 (the default; docs/exact-numerics.md).
    case gaussian
    /// Unit vectors uniform on the sphere.
    case sphere
}

/// The generator of disorder realization `realization` of a run seeded with `seed`: it depends on
/// this pair only, so results do not depend on thread count, order or resumption.
public func disorderGenerator(seed: UInt64, realization: UInt64) -> Xoshiro256StarStar {
    Xoshiro256StarStar(seed: seed, stream: realization)
}

/// `h_n` uniform in `[-W, W]`, `n = 0..L-1` (the xxz model).
public func drawLongitudinalFields(length: Int, strength: Double,
                                   using generator: inout some RandomNumberGenerator) -> [Double] {
    (0..<length).map { _ in generator.nextUniform(in: -strength, strength) }
}

/// `v_n`, `n = 0..L-1` (the O(3) models).
public func drawFieldVectors(length: Int, distribution: FieldDistribution,
                             using generator: inout some RandomNumberGenerator) -> [SIMD3<Double>] {
    let sigma = (1.0 / 3).squareRoot()
    return (0..<length).map { _ in
        switch distribution {
        case .gaussian:
            let x = generator.nextGaussian(standardDeviation: sigma)
            let y = generator.nextGaussian(standardDeviation: sigma)
            let z = generator.nextGaussian(standardDeviation: sigma)
            return SIMD3(x, y, z)
        case .sphere:
            // Archimedes: z uniform in [-1, 1] and an independent uniform azimuth.
            let z = generator.nextUniform(in: -1, 1)
            let phi = generator.nextUniform(in: 0, 2 * Double.pi)
            let rho = (1 - z * z).squareRoot()
            return SIMD3(rho * Double.cos(phi), rho * Double.sin(phi), z)
        }
    }
}
