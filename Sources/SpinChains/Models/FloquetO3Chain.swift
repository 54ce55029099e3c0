import ComplexModule
import Foundation
import NumericKit
import RealModule

/// The driven Heisenberg chain with random O(3) fields (docs/exact-numerics.md, `floquet-o3`; paper eqs. (4), (5)):
///
///     H_W = W sum_n v_n . sigma_n,    H_J = J sum_n sigma_n . sigma_{n+1},
///     U_F = exp(-i H_J T/2) exp(-i H_W T/2),    T = 2 pi / Omega,
///
/// Pauli matrices throughout. Quasi-energies `epsilon` from `U_F |a> = exp(-i epsilon_a T) |a>`,
/// folded into `(-Omega/2, Omega/2]`. `H_J` carries no disorder, so `exp(-i H_J T/2)` comes from a
/// `CouplingPropagator` built once per `(L, J, Omega, boundary)`; `exp(-i H_W T/2)` is a product
/// of single-site rotations applied site by site (O(L D^2)).
public struct FloquetO3Chain: Sendable {
    public var interaction: Double
    public var disorderStrength: Double
    public var driveFrequency: Double
    public var fieldVectors: [SIMD3<Double>]
    public var boundary: ChainBoundary

    public init(interaction: Double = 1, disorderStrength: Double, driveFrequency: Double,
                fieldVectors: [SIMD3<Double>], boundary: ChainBoundary = .periodic) {
        self.interaction = interaction
        self.disorderStrength = disorderStrength
        self.driveFrequency = driveFrequency
        self.fieldVectors = fieldVectors
        self.boundary = boundary
    }

    public var length: Int { fieldVectors.count }
    public var period: Double { 2 * Double.pi / driveFrequency }

    /// The key of the disorder-free half-period coupling propagator this chain needs.
    public var propagatorKey: CouplingPropagator.Key {
        .init(length: length, interaction: interaction, driveFrequency: driveFrequency, boundary: boundary)
    }

    /// `U_F` (chain only), given `exp(-i H_J T/2)` for this chain's key.
    public func floquetOperator(couplingPropagator: CouplingPropagator) -> Matrix<Complex<Double>> {
        precondition(couplingPropagator.key == propagatorKey, "propagator built for another chain")
        var u = couplingPropagator.matrix
        for (n, v) in fieldVectors.enumerated() {
            applyFromRight(.rotation(angle: disorderStrength * period / 2, axis: v), site: n, to: &u)
        }
        return u
    }

    /// The Floquet operator with a probe spin (docs/exact-numerics.md, "The probe spin"; paper eqs. (17)-(19)):
    /// `U = U_1 U_0`, `U_0 = U_F (x) exp(-(i/2) h T sigma^z_P)`, `U_1 = exp(-i T V (x) sigma^x_P)`.
    public func floquetOperator(couplingPropagator: CouplingPropagator, probe: ProbeSpin) -> Matrix<Complex<Double>> {
        probeFloquetOperator(chainOperator: floquetOperator(couplingPropagator: couplingPropagator),
                             chainLength: length, period: period, probe: probe)
    }
}

/// `U_1 U_0` of a chain Floquet operator `chainOperator` (D x D) with the probe as bit L:
/// `U_0 = U_chain (x) exp(-(i/2) h T sigma^z_P)` is block diagonal (probe up, then down) and
/// `U_1 = exp(-i T J sigma^a_0 sigma^x_P)` is a rotation by the Pauli string `sigma^a_0 sigma^x_P`.
public func probeFloquetOperator(
    chainOperator: Matrix<Complex<Double>>, chainLength: Int, period: Double, probe: ProbeSpin
) -> Matrix<Complex<Double>> {
    let d = chainOperator.rows
    var u = Matrix<Complex<Double>>.zeros(rows: 2 * d, columns: 2 * d)
    let halfAngle = probe.field * period / 2
    let up = Complex(Double.cos(halfAngle), -Double.sin(halfAngle))  // sigma^z_P = +1
    let down = up.conjugate                                           // sigma^z_P = -1
    for j in 0..<d {
        for i in 0..<d {
            let x = chainOperator[i, j]
            u[i, j] = x * up
            u[i + d, j + d] = x * down
        }
    }
    applyRotationFromLeft(probe.couplingString(chainLength: chainLength),
                          angle: period * probe.couplingStrength, to: &u)
    return u
}

/// `exp(-i H_J T/2)` for `H_J = J sum sigma_n . sigma_{n+1}`, from one real symmetric
/// diagonalization `H_J = Q E Q^T`: `exp(-i H_J T/2) = Q cos(E T/2) Q^T - i Q sin(E T/2) Q^T`.
public struct CouplingPropagator: Sendable {
    public struct Key: Hashable, Sendable {
        public var length: Int
        public var interaction: Double
        public var driveFrequency: Double
        public var boundary: ChainBoundary
    }

    public let key: Key
    public let matrix: Matrix<Complex<Double>>

    public init(key: Key, couplingEigensystem: Eigensystem<Double>) throws {
        let q = couplingEigensystem.vectors
        let halfPeriod = Double.pi / key.driveFrequency
        var qCos = q, qSin = q
        for (k, energy) in couplingEigensystem.values.enumerated() {
            let c = Double.cos(energy * halfPeriod), s = Double.sin(energy * halfPeriod)
            for i in 0..<q.rows {
                qCos[i, k] *= c
                qSin[i, k] *= s
            }
        }
        let real = try matrixProduct(qCos, .none, q, .transpose)
        let imaginary = try matrixProduct(qSin, .none, q, .transpose, alpha: -1)
        self.key = key
        self.matrix = Matrix(rows: q.rows, columns: q.rows,
                             elements: zip(real.elements, imaginary.elements).map { Complex($0, $1) })
    }

    /// Diagonalises `H_J` and builds the propagator.
    public init(key: Key) throws {
        let hJ = heisenbergCoupling(length: key.length, coupling: key.interaction, boundary: key.boundary)
        let eigensystem = try symmetricEigensystem(hJ.denseRealMatrix(in: FullBasis(siteCount: key.length)))
        try self.init(key: key, couplingEigensystem: eigensystem)
    }
}

/// A process-wide memo, so that disorder realizations diagonalise `H_J` once per
/// `(L, J, boundary)` and form `exp(-i H_J T/2)` once per `(L, J, Omega, boundary)`. Thread-safe.
public final class CouplingPropagatorCache: @unchecked Sendable {
    public static let shared = CouplingPropagatorCache()

    struct SpectrumKey: Hashable {
        var length: Int
        var interaction: Double
        var boundary: ChainBoundary
    }

    private let lock = NSLock()
    private var spectra: [SpectrumKey: Eigensystem<Double>] = [:]
    private var propagators: [CouplingPropagator.Key: CouplingPropagator] = [:]

    public init() {}

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The eigensystem of `H_J = J sum sigma_n . sigma_{n+1}`.
    public func couplingEigensystem(length: Int, interaction: Double, boundary: ChainBoundary) throws -> Eigensystem<Double> {
        let key = SpectrumKey(length: length, interaction: interaction, boundary: boundary)
        if let cached = locked({ spectra[key] }) { return cached }
        let hJ = heisenbergCoupling(length: length, coupling: interaction, boundary: boundary)
        let built = try symmetricEigensystem(hJ.denseRealMatrix(in: FullBasis(siteCount: length)))
        locked { spectra[key] = built }
        return built
    }

    public func propagator(for key: CouplingPropagator.Key) throws -> CouplingPropagator {
        if let cached = locked({ propagators[key] }) { return cached }
        let spectrum = try couplingEigensystem(length: key.length, interaction: key.interaction, boundary: key.boundary)
        let built = try CouplingPropagator(key: key, couplingEigensystem: spectrum)
        locked { propagators[key] = built }
        return built
    }

    /// How many `H_J` were diagonalised.
    public var diagonalizationCount: Int { locked { spectra.count } }

    public func removeAll() {
        locked {
            spectra.removeAll()
            propagators.removeAll()
        }
    }
}

/// `floquet-o3` in the model catalog: the Floquet operator on the full space.
public struct FloquetO3ChainModel: ChainModel {
    public let name = "floquet-o3"
    public let summary = "U_F = exp(-i H_J T/2) exp(-i H_W T/2), H_J = J sum sigma.sigma, H_W = W sum v.sigma, T = 2 pi/Omega; quasi-energies in (-Omega/2, Omega/2]"
    public let structure = ModelStructure.floquet
    public let disorder = ModelDisorder.fieldVectors

    func chain(of problem: EDProblem, fields: DisorderFields) throws -> FloquetO3Chain {
        FloquetO3Chain(interaction: problem.interaction, disorderStrength: problem.disorderStrength,
                       driveFrequency: problem.driveFrequency, fieldVectors: try problem.fieldVectors(fields),
                       boundary: problem.boundary)
    }

    public func floquetOperator(of problem: EDProblem, fields: DisorderFields, seed: UInt64, realization: UInt64,
                                propagators: CouplingPropagatorCache) throws -> Matrix<Complex<Double>> {
        let chain = try chain(of: problem, fields: fields)
        let propagator = try propagators.propagator(for: chain.propagatorKey)
        return problem.probe.map { chain.floquetOperator(couplingPropagator: propagator, probe: $0) }
            ?? chain.floquetOperator(couplingPropagator: propagator)
    }

    public func floquetStatePropagator(of problem: EDProblem, fields: DisorderFields, threads: Int) throws -> any StatePropagator {
        try FloquetStatePropagator(chain: chain(of: problem, fields: fields), probe: problem.probe, threads: threads)
    }
}

extension EDModelKind {
    public static let floquetO3 = EDModelKind(FloquetO3ChainModel())
}
