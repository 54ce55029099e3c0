import ComplexModule
import NumericKit
import RealModule

/// The models of docs/exact-numerics.md, by their command-line names.
public enum EDModelKind: String, Sendable, CaseIterable {
    case xxz
    case heisenbergO3 = "heisenberg-o3"
    case floquetO3 = "floquet-o3"
    case lbit

    public var isFloquet: Bool { self == .floquetO3 || self == .lbit }
}

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
    /// `J`.
    public var coupling: Double = EDProblem.defaultCoupling
    /// `Delta` (xxz).
    public var anisotropy: Double = EDProblem.defaultAnisotropy
    /// `Omega` (Floquet models).
    public var drivingFrequency: Double = 2 * Double.pi
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
        ProbeSpin(field: disorderStrength, couplingStrength: coupling, coupling: EDProblem.defaultProbeCoupling)
    }

    public var period: Double { 2 * Double.pi / drivingFrequency }

    /// The dimensions of the dense matrices diagonalised, one per block.
    public var blockDimensions: [Int] {
        let probeFactor = probe == nil ? 1 : 2
        switch model {
        case .xxz:
            let combinadic = Combinadic(bits: length)
            switch magnetization {
            case let .sector(sz):
                let down = Int((Double(length) / 2 - sz).rounded())
                return [combinadic.choose(length, down) * probeFactor]
            case .allSectors:
                return (0...length).map { combinadic.choose(length, $0) * probeFactor }
            case .fullSpace:
                return [(1 << length) * probeFactor]
            }
        case .heisenbergO3, .floquetO3:
            return [(1 << length) * probeFactor]
        case .lbit:
            return [(1 << length) * 2]
        }
    }

    /// Peak memory of the dense matrices (bytes), counting the matrices alive at once: input,
    /// LAPACK's copy/workspace and the outputs (complex: 16 bytes per entry).
    public var denseMemoryEstimate: Double {
        let d = Double(blockDimensions.max() ?? 0)
        switch model {
        case .xxz: return 3 * 8 * d * d
        case .heisenbergO3: return 3 * 16 * d * d
        case .floquetO3, .lbit: return 5 * 16 * d * d
        }
    }

    /// Draws realization `realization` of a run with `seed`.
    public func drawFields(seed: UInt64, realization: UInt64) -> DisorderFields {
        var generator = disorderGenerator(seed: seed, realization: realization)
        switch model {
        case .xxz:
            return DisorderFields(longitudinal: drawLongitudinalFields(length: length, strength: disorderStrength,
                                                                       using: &generator))
        case .heisenbergO3, .floquetO3:
            return DisorderFields(vectors: drawFieldVectors(length: length, distribution: fieldDistribution,
                                                            using: &generator))
        case .lbit:
            return DisorderFields(quasiEnergies: lbitModel(seed: seed, realization: realization).quasiEnergies)
        }
    }

    /// The l-bit model of realization `(seed, realization)`.
    public func lbitModel(seed: UInt64, realization: UInt64) -> LBitModel {
        var generator = disorderGenerator(seed: seed, realization: realization)
        return LBitModel(length: length, drivingFrequency: drivingFrequency, coupling: coupling,
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
        switch model {
        case .xxz: _ = try longitudinalFields(fields)
        case .heisenbergO3, .floquetO3: _ = try fieldVectors(fields)
        case .lbit: throw ProblemError.unsupported("lbit takes no fields file: its disorder is drawn from the seed")
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
        switch model {
        case .xxz:
            let hamiltonian = try xxzHamiltonian(fields)
            var values: [Double] = []
            for basis in try xxzBases() {
                values += try symmetricEigenvalues(hamiltonian.denseRealMatrix(in: basis))
            }
            return values.sorted()
        case .heisenbergO3:
            return try hermitianEigenvalues(heisenbergHamiltonian(fields).denseMatrix(in: fullBasis))
        case .floquetO3, .lbit:
            return try quasiEnergies(floquetOperator(fields: fields, seed: seed, realization: realization,
                                                     propagators: propagators), period: period)
        }
    }

    /// The xxz Hamiltonian, with the probe's terms if there is one.
    func xxzHamiltonian(_ fields: DisorderFields) throws -> SpinOperator {
        let chain = XXZChain(coupling: coupling, anisotropy: anisotropy, fields: try longitudinalFields(fields),
                             boundary: boundary, convention: convention)
        return probe.map { chain.hamiltonian + $0.terms(chainLength: length) } ?? chain.hamiltonian
    }

    /// The heisenberg-o3 Hamiltonian, with the probe's terms if there is one.
    func heisenbergHamiltonian(_ fields: DisorderFields) throws -> SpinOperator {
        let chain = HeisenbergO3Chain(coupling: coupling, disorderStrength: disorderStrength,
                                      fieldVectors: try fieldVectors(fields), boundary: boundary)
        return probe.map { chain.hamiltonian + $0.terms(chainLength: length) } ?? chain.hamiltonian
    }

    /// The Floquet operator of floquet-o3 (with the probe if there is one) or of the lbit model
    /// (drawn from `(seed, realization)`).
    func floquetOperator(fields: DisorderFields, seed: UInt64, realization: UInt64,
                         propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>> {
        if model == .lbit { return try lbitModel(seed: seed, realization: realization).floquetOperator() }
        let chain = FloquetO3Chain(coupling: coupling, disorderStrength: disorderStrength,
                                   drivingFrequency: drivingFrequency, fieldVectors: try fieldVectors(fields),
                                   boundary: boundary)
        let propagator = try propagators.propagator(for: chain.propagatorKey)
        return probe.map { chain.floquetOperator(couplingPropagator: propagator, probe: $0) }
            ?? chain.floquetOperator(couplingPropagator: propagator)
    }

    /// The full basis of the chain and the probe, if any (the lbit model always has one).
    var fullBasis: FullBasis { FullBasis(siteCount: length + (probe == nil && model != .lbit ? 0 : 1)) }

    /// The bases of the xxz blocks.
    func xxzBases() throws -> [any SpinBasis] {
        let withProbe = probe != nil
        if withProbe, magnetization != .fullSpace, probe?.conservesChainMagnetization != true {
            throw ProblemError.unsupported("S^z sectors with a probe need a sigma^z coupling; use the full space")
        }
        switch magnetization {
        case let .sector(sz):
            guard let sector = MagnetizationSector(chainLength: length, totalSz: sz, withProbe: withProbe) else {
                throw ProblemError.unsupported("no S^z = \(sz) sector for L = \(length)")
            }
            return [sector]
        case .allSectors:
            return (0...length).map { MagnetizationSector(chainLength: length, downSpins: $0, withProbe: withProbe) }
        case .fullSpace:
            return [FullBasis(siteCount: length + (withProbe ? 1 : 0))]
        }
    }
}
