import Foundation

/// How the interior eigenpairs are found.
public enum SparseWindowMethod: String, Sendable, Codable, CaseIterable {
    /// Shift-and-invert Krylov-Schur with a MUMPS factorization of `H - sigma`
    /// (Pietracaprina, Mace, Luitz & Alet, SciPost Phys. 5, 045 (2018)).
    case shiftInvert = "shift-invert"
    /// A Chebyshev polynomial filter of `H` (SLEPc's STFILTER): matrix-vector products only
    /// (the idea of POLFED, Sierant, Lewenstein & Zakrzewski, PRL 125, 156601 (2020)).
    case polynomialFilter = "polynomial-filter"
}

/// The settings of one window computation.
public struct SparseWindowSettings: Sendable, Equatable, Codable {
    /// `epsilon = (E - Emin) / (Emax - Emin)` of the target, in (0, 1).
    public var targetDensity = 0.5
    /// The number of eigenpairs nearest the target.
    public var levels = 50
    /// SLEPc's convergence tolerance.
    public var tolerance = 1e-12
    /// The accepted `||H v - E v|| / ||H||_2` of every returned pair: a larger residual is an error.
    public var residualTolerance = 1e-9
    /// Return the eigenvectors (for window observables).
    public var wantVectors = false
    /// Refuse when MUMPS' analysis estimates more memory than this (bytes, all ranks); 0: no limit.
    public var memoryLimitBytes = 0.0
    public var method = SparseWindowMethod.shiftInvert
    /// Set: every eigenpair of an index window by spectrum slicing instead (`SparseIndexWindow`);
    /// `levels`, `targetDensity` and `method` are then unused.
    public var indexWindow: SparseIndexWindow?

    public init() {}
}

/// Everything a worker process needs to assemble its rows and solve: the problem (model and
/// parameters), the realization's fields and the settings. JSON, numbers in shortest round-trip
/// form, so fields arrive bit for bit.
public struct SparseWindowJob: Sendable, Codable {
    public var model: String
    public var length: Int
    public var disorderStrength: Double
    public var coupling: Double
    public var anisotropy: Double
    /// Total S^z of the xxz sector; nil: the full space.
    public var sectorTotalSz: Double?
    public var probeField: Double?
    public var probeCouplingStrength: Double?
    public var probeCoupling: String?
    public var boundary: String
    public var convention: String
    public var longitudinalFields: [Double]?
    public var fieldVectors: [[Double]]?
    public var settings: SparseWindowSettings

    public init(problem: EDProblem, fields: DisorderFields, settings: SparseWindowSettings) {
        model = problem.model.rawValue
        length = problem.length
        disorderStrength = problem.disorderStrength
        coupling = problem.interaction
        anisotropy = problem.anisotropy
        if case let .sector(sz) = problem.magnetization { sectorTotalSz = sz }
        probeField = problem.probe?.field
        probeCouplingStrength = problem.probe?.couplingStrength
        probeCoupling = problem.probe?.coupling.rawValue
        boundary = problem.boundary.rawValue
        convention = problem.convention.rawValue
        longitudinalFields = fields.longitudinal
        fieldVectors = fields.vectors?.map { [$0.x, $0.y, $0.z] }
        self.settings = settings
    }

    public struct DecodingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The problem and fields back.
    public func decoded() throws -> (problem: EDProblem, fields: DisorderFields) {
        guard let kind = EDModelKind(rawValue: model) else { throw DecodingError(description: "unknown model \(model)") }
        var problem = EDProblem(model: kind, length: length, disorderStrength: disorderStrength)
        problem.interaction = coupling
        problem.anisotropy = anisotropy
        problem.magnetization = sectorTotalSz.map { .sector($0) } ?? .fullSpace
        if let probeField, let probeCouplingStrength, let name = probeCoupling, let pauli = Pauli(rawValue: name) {
            problem.probe = ProbeSpin(field: probeField, couplingStrength: probeCouplingStrength, coupling: pauli)
        }
        problem.boundary = ChainBoundary(rawValue: boundary) ?? .periodic
        problem.convention = SpinConvention(rawValue: convention) ?? .spin
        let fields = DisorderFields(longitudinal: longitudinalFields,
                                    vectors: fieldVectors?.map { SIMD3($0[0], $0[1], $0[2]) })
        return (problem, fields)
    }

    public func json() throws -> Data { try JSONEncoder().encode(self) }

    public init(json data: Data) throws { self = try JSONDecoder().decode(SparseWindowJob.self, from: data) }
}
