import ComplexModule
import NumericKit
import RealModule

/// Where `ed dynamics` propagates a Hamiltonian model: the matrix-free operator in this process
/// (threaded), or the Hamiltonian as a distributed PETSc matrix in a sparse worker (MPI ranks).
public enum DynamicsEngine: String, Sendable, CaseIterable {
    case matrixFree = "matrix-free"
    case petsc
}

/// What `ed dynamics` propagates for one realization: an `EDProblem` (xxz in the full space,
/// heisenberg-o3, floquet-o3; with or without the probe), the method, and the operator
/// `A = sigma^z_P` with the probe, else `sigma^z_0`.
public struct DynamicsProblem: Sendable {
    public var problem: EDProblem
    public var method: PropagationMethod
    public var krylovDimension: Int = 30
    public var threads: Int = 1
    /// Chebyshev order `N` of the kernel polynomial `S(omega)` (0: none).
    public var kernelOrder: Int = 0
    public var engine = DynamicsEngine.matrixFree
    /// Two propagated vectors per state (`paired`, the default here, as the stored runs were
    /// computed) or one (`projected`; `ed dynamics` takes it for new runs).
    public var estimator = TypicalityEstimator.paired

    public init(problem: EDProblem, method: PropagationMethod) {
        self.problem = problem
        self.method = method
    }

    /// The site of `A`: the probe (site L) if there is one, else site 0.
    public var operatorSite: Int { problem.probe == nil ? 0 : problem.length }
    public var siteCount: Int { problem.length + (problem.probe == nil ? 0 : 1) }
    public var dimension: Int { 1 << siteCount }

    /// Why this problem cannot be propagated here, or nil.
    public var unsupportedReason: String? {
        let model = problem.model.definition
        if !model.supportsDynamics { return "ed dynamics supports \(EDModelKind.names(where: \.supportsDynamics)), not \(model.name)" }
        if model.hasMagnetizationSectors && problem.magnetization != .fullSpace {
            return "ed dynamics propagates \(model.name) in the full space only (--sector full)"
        }
        if model.isFloquet && kernelOrder > 0 {
            return "--kpm-order applies to the Hamiltonian models; for \(model.name) S(omega) comes from C(t)"
        }
        guard engine == .petsc else { return nil }
        if estimator == .projected { return "--engine petsc runs the paired estimator (phi and chi): use --estimator paired, or --engine matrix-free for projected" }
        if model.isFloquet { return "--engine petsc propagates the Hamiltonian models; \(model.name) runs its gates with --engine matrix-free" }
        if method == .krylov { return "--engine petsc runs the Chebyshev expansion: use --method chebyshev, or --engine matrix-free for krylov" }
        if kernelOrder > 0 { return "--kpm-order needs --engine matrix-free (the kernel polynomial moments are not distributed)" }
        return nil
    }

    /// Peak memory (bytes): state vectors of `16 D` bytes each (phi and chi, or with the projected
    /// estimator the drawn state and phi, and the method's work vectors: Chebyshev three for each
    /// propagated vector, Floquet 3, Krylov m + 2) plus the operator's diagonal table (`8 D`), and
    /// with the kernel polynomial method the `2N` Chebyshev vectors of the moments.
    ///
    /// The PETSc engine instead: the matrix (about `2 n + 2` stored entries per row on `n` sites,
    /// 20 bytes each with the index, twice: the rows built in Swift and PETSc's copy), ten vectors
    /// (`phi`, `chi` and the recurrence's, with `H x`) and each rank's copy of the state being
    /// drawn, in total over `ranks` ranks.
    public func memoryEstimate(ranks: Int) -> Double {
        guard engine == .petsc else { return memoryEstimate }
        let d = Double(dimension)
        return d * (40 * Double(2 * siteCount + 2) + 16 * 10 + 16 * Double(ranks))
    }

    public var memoryEstimate: Double {
        let d = Double(dimension)
        let work: Double
        if problem.model.isFloquet {
            work = 3
        } else {
            switch method {
            case .chebyshev: work = 3 * Double(estimator.propagatedVectors)
            case .krylov: work = Double(krylovDimension + 2)
            }
        }
        let kpm = kernelOrder > 0 ? 2 * Double(kernelOrder) + 1 : 0
        return d * (16 * (2 + work + kpm) + 8)
    }

    /// The Hamiltonian, matrix-free (Hamiltonian models).
    public func hamiltonian(fields: DisorderFields) throws -> MatrixFreeOperator {
        try MatrixFreeOperator(problem.hamiltonianOperator(fields: fields), siteCount: siteCount, threads: threads)
    }

    /// The propagator of one realization (Floquet models: by whole periods).
    public func propagator(fields: DisorderFields) throws -> any StatePropagator {
        if let reason = unsupportedReason { throw EDProblem.ProblemError.unsupported(reason) }
        if problem.model.isFloquet {
            return try problem.model.definition.floquetStatePropagator(of: problem, fields: fields, threads: threads)
        }
        let h = try hamiltonian(fields: fields)
        switch method {
        case .chebyshev: return ChebyshevPropagator(hamiltonian: h, interval: try SpectralInterval.estimate(h))
        case .krylov: return KrylovPropagator(hamiltonian: h, krylovDimension: krylovDimension)
        }
    }

    /// State `index` of realization `realization`: Haar-random, drawn from `(seed, realization, index)` only.
    public func randomState(seed: UInt64, realization: UInt64, index: Int) -> [Complex<Double>] {
        var generator = Xoshiro256StarStar(seed: seed ^ 0x7970_6963_616c_0000, stream: realization &* 1_000_003 &+ UInt64(index))
        return StateVectors.haarRandom(dimension: dimension, using: &generator)
    }
}
