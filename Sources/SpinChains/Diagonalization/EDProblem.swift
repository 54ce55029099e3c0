import ComplexModule
import NumericKit
import RealModule

/// Which states of the xxz chain to diagonalise.
public enum MagnetizationChoice: Equatable, Sendable {
    /// One sector of total `S^z`.
    case sector(Double)
    /// Every sector separately, spectra concatenated.
    case allSectors
    /// The full `2^L` space as one matrix (no block decomposition).
    case fullSpace
}

/// One exact-diagonalization job: a model, its parameters and how to treat symmetries. Knows
/// how large its dense matrices are and how to draw its disorder.
public struct EDProblem: Sendable {
    public var model: EDModelKind
    public var length: Int
    /// `W`.
    public var disorderStrength: Double
    /// `J`, the interaction strength (the chain's exchange; `coupling` is the probe's).
    public var interaction: Double = EDProblem.defaultInteraction
    /// `Delta` (xxz).
    public var anisotropy: Double = EDProblem.defaultAnisotropy
    /// `Omega` (Floquet models).
    public var driveFrequency: Double = 2 * Double.pi
    /// `zeta` (lbit).
    public var localizationLength: Double = 1
    public var magnetization: MagnetizationChoice = .fullSpace
    /// The probe; the lbit model always has one.
    public var probe: ProbeSpin?
    public var boundary: ChainBoundary = .periodic
    public var convention: SpinConvention = .spin
    public var fieldDistribution: FieldDistribution = EDProblem.defaultFieldDistribution

    public init(model: EDModelKind, length: Int, disorderStrength: Double) {
        self.model = model
        self.length = length
        self.disorderStrength = disorderStrength
    }

    /// The default probe (docs/exact-numerics.md): `h = W`, `V = J sigma^x_0`.
    public var defaultProbe: ProbeSpin {
        ProbeSpin(field: disorderStrength, couplingStrength: interaction, coupling: EDProblem.defaultProbeCoupling)
    }

    public var period: Double { 2 * Double.pi / driveFrequency }

    /// The earlier name of `interaction`.
    @available(*, deprecated, renamed: "interaction")
    public var coupling: Double {
        get { interaction }
        set { interaction = newValue }
    }

    /// The earlier name of `driveFrequency`.
    @available(*, deprecated, renamed: "driveFrequency")
    public var drivingFrequency: Double {
        get { driveFrequency }
        set { driveFrequency = newValue }
    }

    /// The dimensions of the dense matrices diagonalised, one per block.
    public var blockDimensions: [Int] { model.definition.blockDimensions(of: self) }

    /// Peak memory of the dense matrices (bytes), counting the matrices alive at once: input,
    /// LAPACK's copy/workspace and the outputs (complex: 16 bytes per entry).
    public var denseMemoryEstimate: Double {
        let d = Double(blockDimensions.max() ?? 0)
        return model.definition.denseBytesPerEntry * d * d
    }

    /// Draws realization `realization` of a run with `seed`.
    public func drawFields(seed: UInt64, realization: UInt64) -> DisorderFields {
        model.definition.drawFields(of: self, seed: seed, realization: realization)
    }

    /// The l-bit model of realization `(seed, realization)`.
    public func lbitModel(seed: UInt64, realization: UInt64) -> LBitModel {
        var generator = disorderGenerator(seed: seed, realization: realization)
        return LBitModel(length: length, driveFrequency: driveFrequency, interaction: interaction,
                         localizationLength: localizationLength,
                         probeField: (probe ?? defaultProbe).field, using: &generator)
    }

    public enum ProblemError: Error, Equatable, CustomStringConvertible {
        case missingFields(String)
        case wrongFieldCount(expected: Int, found: Int)
        case unsupported(String)

        public var description: String {
            switch self {
            case let .missingFields(key): return "the fields do not contain \"\(key)\" needed by this model"
            case let .wrongFieldCount(expected, found): return "the fields have \(found) sites, the chain has \(expected)"
            case let .unsupported(what): return what
            }
        }
    }

    /// Checks that given fields fit this problem (the key the model needs, one entry per site).
    public func check(fields: DisorderFields) throws {
        switch model.definition.disorder {
        case .longitudinalFields: _ = try longitudinalFields(fields)
        case .fieldVectors: _ = try fieldVectors(fields)
        case .drawnFromSeed:
            throw ProblemError.unsupported("\(model.rawValue) takes no fields file: its disorder is drawn from the seed")
        }
    }

    func longitudinalFields(_ fields: DisorderFields) throws -> [Double] {
        guard let h = fields.longitudinal else { throw ProblemError.missingFields("h") }
        guard h.count == length else { throw ProblemError.wrongFieldCount(expected: length, found: h.count) }
        return h
    }

    func fieldVectors(_ fields: DisorderFields) throws -> [SIMD3<Double>] {
        guard let v = fields.vectors else { throw ProblemError.missingFields("v") }
        guard v.count == length else { throw ProblemError.wrongFieldCount(expected: length, found: v.count) }
        return v
    }

    /// The sorted eigenvalues (quasi-energies for the Floquet models) for the given fields. The
    /// lbit model has no fields file: it is drawn from `(seed, realization)` only.
    public func spectrum(fields: DisorderFields, seed: UInt64 = 0, realization: UInt64 = 0,
                         propagators: CouplingPropagatorCache = .shared) throws -> [Double] {
        switch model.definition.structure {
        case .realSymmetricBlocks:
            let hamiltonian = try hamiltonianOperator(fields: fields)
            var values: [Double] = []
            for basis in try bases() {
                values += try symmetricEigenvalues(hamiltonian.denseRealMatrix(in: basis))
            }
            return values.sorted()
        case .hermitian:
            return try hermitianEigenvalues(hamiltonianOperator(fields: fields).denseMatrix(in: fullBasis))
        case .floquet:
            return try quasiEnergies(floquetOperator(fields: fields, seed: seed, realization: realization,
                                                     propagators: propagators), period: period)
        }
    }

    /// The Floquet operator of a Floquet model, with the probe if there is one (the lbit model is
    /// drawn from `(seed, realization)`).
    func floquetOperator(fields: DisorderFields, seed: UInt64, realization: UInt64,
                         propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>> {
        try model.definition.floquetOperator(of: self, fields: fields, seed: seed, realization: realization,
                                             propagators: propagators)
    }

    /// The full basis of the chain and the probe, if any (the lbit model always has one).
    var fullBasis: FullBasis {
        FullBasis(siteCount: length + (probe == nil && !model.definition.alwaysHasProbe ? 0 : 1))
    }

    /// The bases of the blocks diagonalised (xxz: one per S^z sector chosen; else the full space).
    public func bases() throws -> [any SpinBasis] { try model.definition.bases(of: self) }
}
