import Foundation

/// What a sparse worker needs to compute `C(t)` of one realization by the distributed Chebyshev
/// propagation (`docs/dynamics.md`): the problem and its fields (as a window job carries them;
/// its window settings are unused), the seed and realization the Haar-random states are drawn
/// from (`DynamicsProblem.randomState`, so the states are those of the matrix-free engine), the
/// number of states, the site of `A = sigma^z_site` and the times. JSON, numbers in shortest
/// round-trip form.
public struct SparsePropagationJob: Sendable, Codable {
    /// The worker's first argument that selects this job: `resonance-sparse-<scalar> propagate JOB RESULT`.
    public static let workerCommand = "propagate"

    public var system: SparseWindowJob
    public var seed: UInt64
    public var realization: UInt64
    public var states: Int
    public var site: Int
    public var times: [Double]
    /// Cut of the Chebyshev series per step (`ChebyshevPropagator.expansion`).
    public var tolerance = 1e-16
    /// The largest `a dt` of one expansion.
    public var maximumStep = 1000.0
    /// Relative widening of the Krylov-Schur extremes into the expansion's interval.
    public var margin = 0.01

    public init(problem: EDProblem, fields: DisorderFields, seed: UInt64, realization: UInt64, states: Int, site: Int, times: [Double]) {
        system = SparseWindowJob(problem: problem, fields: fields, settings: SparseWindowSettings())
        self.seed = seed
        self.realization = realization
        self.states = states
        self.site = site
        self.times = times
    }

    public func json() throws -> Data { try JSONEncoder().encode(self) }

    public init(json data: Data) throws { self = try JSONDecoder().decode(SparsePropagationJob.self, from: data) }
}

/// What the worker returns: `Re C(t_k)` per state, the interval of the expansion, the work and
/// the cost.
public struct SparsePropagationResult: Sendable, Codable, Equatable {
    /// `values[s][k]`: state `s` at time `k`.
    public var values: [[Double]]
    public var interval: [Double]
    /// Products of `H` with a complex vector (`phi` and `chi` count one each per order).
    public var products: Int
    public var ranks: Int
    public var dimension: Int
    public var matrixNonzeros: Int
    public var secondsAssembly: Double
    public var secondsBounds: Double
    public var secondsPropagation: Double
    public var peakResidentBytesMax: Double

    public init(values: [[Double]], interval: [Double], products: Int, ranks: Int, dimension: Int, matrixNonzeros: Int,
                secondsAssembly: Double, secondsBounds: Double, secondsPropagation: Double, peakResidentBytesMax: Double) {
        self.values = values
        self.interval = interval
        self.products = products
        self.ranks = ranks
        self.dimension = dimension
        self.matrixNonzeros = matrixNonzeros
        self.secondsAssembly = secondsAssembly
        self.secondsBounds = secondsBounds
        self.secondsPropagation = secondsPropagation
        self.peakResidentBytesMax = peakResidentBytesMax
    }

    public func json() throws -> Data { try JSONEncoder().encode(self) }

    public init(json data: Data) throws { self = try JSONDecoder().decode(SparsePropagationResult.self, from: data) }
}
