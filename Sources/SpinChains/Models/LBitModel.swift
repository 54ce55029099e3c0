import ComplexModule
import NumericKit
import RealModule

/// The synthetic l-bit model (docs/exact-numerics.md, `lbit`): `L` l-bits `tau_n`, `n = -L/2 .. L/2-1`, and a probe.
///
/// - l-bit `n` is bit `n + L/2` of the chain state, the probe is bit `L` (see `SpinBasis`);
/// - the unperturbed chain Floquet operator is diagonal in the l-bit basis,
///   `U_F |a> = exp(-i epsilon_a T) |a>`, with i.i.d. uniform `epsilon_a` in `[0, Omega)`;
/// - the probe coupling is `V = sum_{r=0}^{L/2} V_r`, `V_r` a random real symmetric operator
///   supported on the l-bits `|n| <= r` whose non-zero matrix elements all flip at least one
///   l-bit at distance `r` (so they have range exactly `r`, paper eq. (10)), normalised to the
///   rescaled Frobenius norm (paper eq. (13)) `|V_r| = sqrt(tr(V_r^2) / 2^L) = J exp(-r/zeta)`;
/// - with the probe, `U = U_1 U_0`, `U_0 = U_F (x) exp(-(i/2) h T sigma^z_P)`,
///   `U_1 = exp(-i T V (x) sigma^x_P)` (paper eqs. (17)-(19)).
///
/// Random draws, in order: the `2^L` quasi-energies (by state index), then for `r = 0, 1, ...`
/// the Gaussian entries of `V_r`'s local block, upper triangle column by column.
public struct LBitModel: Sendable {
    /// `V_r` restricted to its support: a `2^k x 2^k` block on the contiguous bits
    /// `lowestBit ..< lowestBit + k` (the l-bits `|n| <= r`), times the identity elsewhere.
    public struct RangeCoupling: Sendable {
        public var range: Int
        public var lowestBit: Int
        public var bitCount: Int
        public var block: Matrix<Double>
    }

    public let length: Int
    public let driveFrequency: Double
    public let interaction: Double
    public let localizationLength: Double
    public let probeField: Double
    /// `epsilon_a` for every chain state `a`.
    public let quasiEnergies: [Double]
    public let rangeCouplings: [RangeCoupling]

    public var period: Double { 2 * Double.pi / driveFrequency }

    /// Draws a realization. `length` must be even and at least 2.
    public init(length: Int, driveFrequency: Double, interaction: Double, localizationLength: Double,
                probeField: Double, using generator: inout some RandomNumberGenerator) {
        precondition(length >= 2 && length % 2 == 0, "the l-bit model needs an even L >= 2")
        self.length = length
        self.driveFrequency = driveFrequency
        self.interaction = interaction
        self.localizationLength = localizationLength
        self.probeField = probeField
        self.quasiEnergies = (0..<(1 << length)).map { _ in generator.nextUniform(in: 0, driveFrequency) }
        var couplings: [RangeCoupling] = []
        let half = length / 2
        for r in 0...half {
            let lowest = half - r                       // l-bit -r (or -L/2)
            let highest = min(half + r, length - 1)     // l-bit +r (absent for r = L/2)
            let count = highest - lowest + 1
            // Local bits of the l-bits at distance r: the lowest, and the highest if it is +r.
            var farMask = 1
            if r > 0 && half + r <= length - 1 { farMask |= 1 << (count - 1) }
            let m = 1 << count
            var block = Matrix<Double>.zeros(rows: m, columns: m)
            for j in 0..<m {
                for i in 0..<j where (i ^ j) & farMask != 0 {
                    let x = generator.nextGaussian()
                    block[i, j] = x
                    block[j, i] = x
                }
            }
            // |V_r|^2 = tr(V_r^2) / 2^L = (2^(L-k) ||block||_F^2) / 2^L = ||block||_F^2 / 2^k.
            let norm = (block.frobeniusNorm * block.frobeniusNorm / Double(m)).squareRoot()
            let target = interaction * Double.exp(-Double(r) / localizationLength)
            if norm > 0 { block.elements = block.elements.map { $0 * target / norm } }
            couplings.append(RangeCoupling(range: r, lowestBit: lowest, bitCount: count, block: block))
        }
        self.rangeCouplings = couplings
    }

    /// The dense `V_r` on the chain (`2^L x 2^L`).
    public func couplingOperator(range r: Int) -> Matrix<Double> {
        var v = Matrix<Double>.zeros(rows: 1 << length, columns: 1 << length)
        add(rangeCouplings[r], to: &v)
        return v
    }

    /// The dense `V = sum_r V_r`.
    public var couplingOperator: Matrix<Double> {
        var v = Matrix<Double>.zeros(rows: 1 << length, columns: 1 << length)
        for component in rangeCouplings { add(component, to: &v) }
        return v
    }

    private func add(_ component: RangeCoupling, to v: inout Matrix<Double>) {
        let d = 1 << length
        let m = 1 << component.bitCount
        let shift = component.lowestBit
        let mask = (m - 1) << shift
        for b in 0..<d {
            let local = (b & mask) >> shift
            let rest = b & ~mask
            for target in 0..<m {
                let x = component.block[target, local]
                if x != 0 { v[rest | (target << shift), b] += x }
            }
        }
    }

    /// `U = U_1 U_0` on chain (x) probe (`2^(L+1)` states, probe the slowest index).
    /// `U_1 = cos(T V) (x) 1 - i sin(T V) (x) sigma^x_P`, from one diagonalization of `V`.
    public func floquetOperator() throws -> Matrix<Complex<Double>> {
        let d = 1 << length
        let v = try symmetricEigensystem(couplingOperator)
        var qCos = v.vectors, qSin = v.vectors
        for (k, lambda) in v.values.enumerated() {
            let c = Double.cos(period * lambda), s = Double.sin(period * lambda)
            for i in 0..<d {
                qCos[i, k] *= c
                qSin[i, k] *= s
            }
        }
        let cosine = try matrixProduct(qCos, .none, v.vectors, .transpose)
        let sine = try matrixProduct(qSin, .none, v.vectors, .transpose)
        let halfAngle = probeField * period / 2
        var u = Matrix<Complex<Double>>.zeros(rows: 2 * d, columns: 2 * d)
        for probe in 0..<2 {
            // sigma^z_P = +1 for probe bit 0.
            let probePhase = probe == 0 ? -halfAngle : halfAngle
            for j in 0..<d {
                let column = j + probe * d
                let angle = -quasiEnergies[j] * period + probePhase
                let phase = Complex(Double.cos(angle), Double.sin(angle))
                for i in 0..<d {
                    // Diagonal block cos(TV); off-diagonal -i sin(TV).
                    u[i + probe * d, column] = cosine[i, j] * phase
                    u[i + (1 - probe) * d, column] = Complex(0, -sine[i, j]) * phase
                }
            }
        }
        return u
    }
}

/// `lbit` in the model catalog: the Floquet operator of a realization drawn from the seed, always
/// with the probe.
public struct LBitChainModel: ChainModel {
    public let name = "lbit"
    public let summary = "synthetic l-bit model with localization length zeta, always with the probe"
    public let structure = ModelStructure.floquet
    public let disorder = ModelDisorder.drawnFromSeed
    public var alwaysHasProbe: Bool { true }
    public var readsLocalizationLength: Bool { true }
    public var supportsDynamics: Bool { false }

    public func lengthRequirement(_ length: Int) -> String? { length % 2 == 0 ? nil : "must be even for \(name)" }

    public func drawFields(of problem: EDProblem, seed: UInt64, realization: UInt64) -> DisorderFields {
        DisorderFields(quasiEnergies: problem.lbitModel(seed: seed, realization: realization).quasiEnergies)
    }

    public func floquetOperator(of problem: EDProblem, fields: DisorderFields, seed: UInt64, realization: UInt64,
                                propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>> {
        try problem.lbitModel(seed: seed, realization: realization).floquetOperator()
    }
}

extension EDModelKind {
    public static let lbit = EDModelKind(LBitChainModel())
}
