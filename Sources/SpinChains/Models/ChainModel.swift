import ComplexModule
import NumericKit
import RealModule

/// What the dense eigensolvers see of a model: real symmetric blocks (`dsyevd`), one complex
/// Hermitian matrix (`zheevr`), or a Floquet operator (complex Schur form, quasi-energies).
public enum ModelStructure: Sendable {
    case realSymmetricBlocks
    case hermitian
    case floquet
}

/// Where a model's disorder comes from: longitudinal fields `h_n` (`{"h": ...}` files), O(3)
/// field vectors `v_n` (`{"v": ...}` files), or drawn from the seed only (no fields file).
public enum ModelDisorder: Sendable {
    case longitudinalFields
    case fieldVectors
    case drawnFromSeed
}

/// One model of docs/exact-numerics.md: everything the eigensolvers, observables, studies and the
/// command line need to know about it. A new model is one conforming type (next to its
/// Hamiltonian or Floquet operator) and one entry in `EDModelKind.allCases`; nothing else switches
/// on the model. The problem's parameters (`J`, `W`, `Delta`, `Omega`, `zeta`, the probe) live in
/// `EDProblem`; a model says which of them it reads.
public protocol ChainModel: Sendable {
    /// The command-line name (`--model`), also the `model` value of manifests and outputs.
    var name: String { get }
    /// One line for the command line's help: the Hamiltonian or Floquet operator.
    var summary: String { get }
    var structure: ModelStructure { get }
    var disorder: ModelDisorder { get }
    /// The probe spin is part of the model (lbit), not an option.
    var alwaysHasProbe: Bool { get }
    /// Total `S^z` is conserved: `--sector`, the spin convention (`--pauli`) and `Delta` apply.
    var hasMagnetizationSectors: Bool { get }
    /// The model reads the localization length `zeta` (`--zeta`, required).
    var readsLocalizationLength: Bool { get }
    /// `ed dynamics` can propagate states of the model.
    var supportsDynamics: Bool { get }

    /// Why `length` sites do not make this model, or nil.
    func lengthRequirement(_ length: Int) -> String?
    /// The dimensions of the dense matrices diagonalised, one per block.
    func blockDimensions(of problem: EDProblem) -> [Int]
    /// The bases of the blocks (one basis: the full space of chain and probe).
    func bases(of problem: EDProblem) throws -> [any SpinBasis]
    /// Draws realization `realization` of a run with `seed` (default: by `disorder`, the fields
    /// `h_n` uniform in `[-W, W]` or the vectors `v_n` of `EDProblem.fieldDistribution`; a model
    /// drawn from the seed only supplies its own).
    func drawFields(of problem: EDProblem, seed: UInt64, realization: UInt64) -> DisorderFields
    /// The Hamiltonian with the probe's terms (Hamiltonian models).
    func hamiltonian(of problem: EDProblem, fields: DisorderFields) throws -> SpinOperator
    /// The Floquet operator with the probe (Floquet models).
    func floquetOperator(of problem: EDProblem, fields: DisorderFields, seed: UInt64, realization: UInt64,
                         propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>>
    /// The state propagator by whole periods (Floquet models that support dynamics).
    func floquetStatePropagator(of problem: EDProblem, fields: DisorderFields, threads: Int) throws -> any StatePropagator
}

extension ChainModel {
    public var isFloquet: Bool { structure == .floquet }
    public var alwaysHasProbe: Bool { false }
    public var hasMagnetizationSectors: Bool { false }
    public var readsLocalizationLength: Bool { false }
    public var supportsDynamics: Bool { true }

    public func lengthRequirement(_ length: Int) -> String? { nil }

    public func blockDimensions(of problem: EDProblem) -> [Int] {
        [(1 << problem.length) * (problem.probe == nil && !alwaysHasProbe ? 1 : 2)]
    }

    public func bases(of problem: EDProblem) throws -> [any SpinBasis] { [problem.fullBasis] }

    public func drawFields(of problem: EDProblem, seed: UInt64, realization: UInt64) -> DisorderFields {
        var generator = disorderGenerator(seed: seed, realization: realization)
        switch disorder {
        case .longitudinalFields:
            return DisorderFields(longitudinal: drawLongitudinalFields(length: problem.length, strength: problem.disorderStrength,
                                                                       using: &generator))
        case .fieldVectors:
            return DisorderFields(vectors: drawFieldVectors(length: problem.length, distribution: problem.fieldDistribution,
                                                            using: &generator))
        case .drawnFromSeed:
            preconditionFailure("\(name) draws its disorder from the seed: it implements drawFields(of:seed:realization:)")
        }
    }

    public func hamiltonian(of problem: EDProblem, fields: DisorderFields) throws -> SpinOperator {
        throw EDProblem.ProblemError.unsupported("\(name) is a Floquet model: it has no Hamiltonian")
    }

    public func floquetOperator(of problem: EDProblem, fields: DisorderFields, seed: UInt64, realization: UInt64,
                                propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>> {
        throw EDProblem.ProblemError.unsupported("\(name) is a Hamiltonian model: it has no Floquet operator")
    }

    public func floquetStatePropagator(of problem: EDProblem, fields: DisorderFields, threads: Int) throws -> any StatePropagator {
        throw EDProblem.ProblemError.unsupported("ed dynamics does not propagate \(name) by periods")
    }

    /// Peak memory of the dense matrices (bytes per entry of the largest block), counting the
    /// matrices alive at once: input, LAPACK's copy/workspace and the outputs (complex: 16 bytes
    /// per entry).
    var denseBytesPerEntry: Double {
        switch structure {
        case .realSymmetricBlocks: return 3 * 8
        case .hermitian: return 3 * 16
        case .floquet: return 5 * 16
        }
    }
}
