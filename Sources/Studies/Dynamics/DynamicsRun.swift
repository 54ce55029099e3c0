import ComplexModule
import Foundation
import NumericKit
import SpinChains

/// A disorder-averaged `ed dynamics` run in a resumable run store (`RunStore`): realization `k`
/// draws its fields from `(seed, k)` and its `R` Haar-random states from `(seed, k, state)`, so
/// any interruption, shard split or worker count gives the same records. Each record holds the
/// realization's `C(t)` averaged over its states (`czz`), the states' standard error
/// (`czz_state_error`), `S(omega)` (kernel polynomial for Hamiltonian models, Jackson-windowed
/// Fourier transform of the stroboscopic `C(n)` for Floquet ones), the spectral interval and the
/// number of products.
public struct DynamicsRun: Sendable {
    public var dynamics: DynamicsProblem
    public var times: [Double]
    public var states: Int
    public var realizations: Int
    public var seed: UInt64
    public var directory: URL
    public var frequencies: [Double] = []
    /// Floquet: periods `0..<N` of `C(n)` behind `S(omega)` (0: no `S`).
    public var fourierPeriods: Int = 0
    public var shard: RealizationShard?
    public var quiet = false
    public var commandLine = ""
    /// The arguments that started the run (without the program name), kept in `invocation.json`
    /// so that `ed merge` can rebuild the run from its shards (nil: a run started from code).
    public var arguments: [String]?
    /// How the sparse worker runs with `--engine petsc` (`.mpirun(ranks: R)`: R ranks per realization).
    public var sparseEngine = SparseWindowEngine(launch: .singleton)

    public init(dynamics: DynamicsProblem, times: [Double], states: Int, realizations: Int, seed: UInt64, directory: URL) {
        self.dynamics = dynamics
        self.times = times
        self.states = states
        self.realizations = realizations
        self.seed = seed
        self.directory = directory
    }

    var problem: EDProblem { dynamics.problem }
    var hasSpectralFunction: Bool { !frequencies.isEmpty && (dynamics.kernelOrder > 0 || fourierPeriods > 0) }

    /// The parameters that define the run (not the number of realizations, which may grow).
    public var manifest: [(String, JSONValue)] {
        var m: [(String, JSONValue)] = [
            ("kind", .string("dynamics")),
            ("model", .string(problem.model.rawValue)),
            ("L", .integer(problem.length)),
            ("W", .number(problem.disorderStrength)),
            ("J", .number(problem.interaction)),
        ]
        if problem.model.definition.hasMagnetizationSectors { m += [("Delta", .number(problem.anisotropy)), ("convention", .string(problem.convention.rawValue))] }
        if problem.model.isFloquet { m.append(("Omega", .number(problem.driveFrequency))) }
        if let probe = problem.probe {
            m.append(("probe", .object([("h", .number(probe.field)), ("coupling", .number(probe.couplingStrength)),
                                        ("pauli", .string(probe.coupling.rawValue))])))
        }
        m += [
            ("boundary", .string(problem.boundary.rawValue)),
            ("field_distribution", .string(problem.fieldDistribution.rawValue)),
            ("operator", .string(problem.probe == nil ? "z0" : "zP")),
            ("method", .string(problem.model.isFloquet ? "floquet-gates+chebyshev" : dynamics.method.rawValue)),
            ("states", .integer(states)),
        ]
        // Runs stored before the projected estimator existed are paired and carry no entry.
        if dynamics.estimator != .paired { m.append(("estimator", .string(dynamics.estimator.rawValue))) }
        m += [
            ("seed", .string(String(seed))),
            ("times", .array(times.map { .number($0) })),
        ]
        if dynamics.method == .krylov && !problem.model.isFloquet { m.append(("krylov_dimension", .integer(dynamics.krylovDimension))) }
        if hasSpectralFunction {
            m.append(("omega", .array(frequencies.map { .number($0) })))
            if dynamics.kernelOrder > 0 { m.append(("kpm_order", .integer(dynamics.kernelOrder))) }
            if fourierPeriods > 0 { m.append(("fourier_periods", .integer(fourierPeriods))) }
        }
        return m
    }

    var recordShape: RecordShape {
        var lengths: [String: Int] = [:]
        lengths[.correlator] = times.count
        lengths[.correlatorStateError] = times.count
        lengths[.spectralInterval] = 2
        lengths[.operatorProducts] = 1
        if hasSpectralFunction { lengths[.spectralFunction] = frequencies.count }
        return RecordShape(lengths: lengths)
    }

    /// Computes the missing realizations (of this shard) and writes the averages.
    @discardableResult
    public func run() throws -> DynamicsResult {
        try runCounted().result
    }

    /// `run()`, with the number of realizations it computed (the rest were read back).
    public func runCounted() throws -> (result: DynamicsResult, computed: Int) {
        let store = try RunStore(directory: directory, manifest: manifest, shape: recordShape)
        let finished = try store.finishedRecords()
        try RunInvocation.record(arguments: arguments, realizations: realizations, shard: shard, in: directory, previous: finished)
        let wanted = shard?.realizations(below: realizations) ?? Array(0..<realizations)
        let done = Set(finished.map(\.realization))
        let pending = wanted.filter { !done.contains($0) }
        let progress = ProgressReporter(total: wanted.count, alreadyDone: wanted.count - pending.count,
                                        label: "dynamics L=\(problem.length) W=\(JSONValue.format(problem.disorderStrength))", quiet: quiet)
        let job = self
        let records: [RealizationRecord]
        do {
            records = try RealizationRunner(workers: 1).run(pending: pending, into: store, progress: progress) { k in
                try job.realization(k, progress: progress)
            }
        } catch {
            store.discardIfEmpty()
            throw error
        }
        let result = DynamicsResult(run: self, records: records.filter { wanted.contains($0.realization) })
        try result.write(to: store, manifest: manifest, commandLine: commandLine)
        return (result, pending.count)
    }

    /// One realization's record.
    public func realization(_ k: Int, progress: ProgressReporter? = nil) throws -> RealizationRecord {
        if dynamics.engine == .petsc { return try sparseRealization(k, progress: progress) }
        let fields = problem.drawFields(seed: seed, realization: UInt64(k))
        var propagator = try dynamics.propagator(fields: fields)
        let site = dynamics.operatorSite
        // Floquet: the stroboscopic C(n), n < fourierPeriods, rides along with the requested times.
        let fourier = problem.model.isFloquet && fourierPeriods > 0 && !frequencies.isEmpty
        let grid = fourier ? Array(Set(times + (0..<fourierPeriods).map(Double.init))).sorted() : times
        var perState: [[Double]] = []
        var spectra: [[Double]] = []
        var interval = SpectralInterval(lower: .nan, upper: .nan)
        var hamiltonian: MatrixFreeOperator?
        if !problem.model.isFloquet {
            let h = try dynamics.hamiltonian(fields: fields)
            interval = try SpectralInterval.estimate(h)
            hamiltonian = h
        }
        let start = Date()
        for s in 0..<states {
            let psi = dynamics.randomState(seed: seed, realization: UInt64(k), index: s)
            let values = try TypicalAutocorrelation.values(state: psi, site: site, times: grid, estimator: dynamics.estimator,
                                                           propagator: &propagator)
            let index = Dictionary(uniqueKeysWithValues: grid.enumerated().map { ($1, $0) })
            perState.append(times.map { values[index[$0]!] })
            if fourier {
                let c = (0..<fourierPeriods).map { values[index[Double($0)]!] }
                spectra.append(Self.floquetSpectralFunction(c, period: problem.period, at: frequencies))
            } else if let h = hamiltonian, dynamics.kernelOrder > 0, !frequencies.isEmpty {
                let moments = try KernelPolynomialSpectralFunction.moments(state: psi, site: site, hamiltonian: h,
                                                                          interval: interval, order: dynamics.kernelOrder)
                spectra.append(try KernelPolynomialSpectralFunction(interval: interval, moments: moments).density(at: frequencies))
            }
            if dynamics.dimension >= 1 << 14 {
                progress?.note(String(format: "realization %d: state %d/%d done, %.1f s", k, s + 1, states, Date().timeIntervalSince(start)))
            }
        }
        var values: [String: [Double]] = [:]
        values[.correlator] = Self.mean(perState)
        values[.correlatorStateError] = Self.standardError(perState)
        values[.spectralInterval] = [interval.lower, interval.upper].map { $0.isFinite ? $0 : 0 }
        values[.operatorProducts] = [Double(propagator.productCount)]
        if hasSpectralFunction { values[.spectralFunction] = Self.mean(spectra) }
        return RealizationRecord(realization: k, values: values)
    }

    /// `S(omega) = (T/2 pi) [C(0) + 2 sum_{n=1}^{N-1} g_n C(n) cos(omega n T)]`: the Fourier series
    /// of the stroboscopic correlator over the Floquet zone (paper eq. (20) with quasi-energies),
    /// windowed by the Jackson kernel `g_n` of order `N` (resolution about `pi / (N T)` in omega).
    /// Normalised so that `integral_{-Omega/2}^{Omega/2} S = C(0) = (1/D) tr A^2`.
    public static func floquetSpectralFunction(_ c: [Double], period: Double, at omegas: [Double]) -> [Double] {
        let g = KernelPolynomialSpectralFunction.jacksonKernel(order: c.count)
        return omegas.map { omega in
            var sum = c[0]
            for n in 1..<max(c.count, 1) { sum += 2 * g[n] * c[n] * cos(omega * Double(n) * period) }
            return period / (2 * Double.pi) * sum
        }
    }

    static func mean(_ rows: [[Double]]) -> [Double] {
        guard let first = rows.first else { return [] }
        return (0..<first.count).map { i in rows.reduce(0) { $0 + $1[i] } / Double(rows.count) }
    }

    /// Standard error over the rows (0 for one row: the typicality bound then stands alone).
    static func standardError(_ rows: [[Double]]) -> [Double] {
        guard let first = rows.first else { return [] }
        let n = Double(rows.count)
        guard rows.count > 1 else { return Array(repeating: 0, count: first.count) }
        let m = mean(rows)
        return (0..<first.count).map { i in
            (rows.reduce(0) { $0 + ($1[i] - m[i]) * ($1[i] - m[i]) } / (n - 1) / n).squareRoot()
        }
    }
}
