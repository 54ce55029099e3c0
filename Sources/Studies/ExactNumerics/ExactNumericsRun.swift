import Foundation
import NumericKit
import SpinChains

/// A disorder-averaged exact-numerics run in its own directory (docs/exact-numerics.md, "Disorder averaging"):
/// realization `k` draws from `(seed, k)` alone; each finished realization is appended to
/// `realizations.jsonl` at once (`RunStore`); running the same plan again computes only the
/// missing realizations; the averages fold the records in realization order, so they are
/// bit-identical for any worker count and after any interruption, provided each realization is
/// computed with the same number of BLAS threads (OpenBLAS' summation order depends on it).
///
/// A run may be one shard (`shard`: the realizations `k mod n == i`) of a larger run; shards, or
/// MPI ranks (`DistributedRun`), are joined by `writeMerged` into the run computed in one
/// directory, byte for byte.
///
/// Parallelism: small matrices run one realization per core with single-threaded BLAS; from
/// `threadedDimension` on, one realization at a time with BLAS on every core (less memory, and
/// LAPACK's own parallelism pays off). Both are overridable.
public struct ExactNumericsRun: Sendable {
    public var realization: ExactRealization
    public var realizations: Int
    public var directory: URL
    /// nil: automatic.
    public var workers: Int?
    /// nil: 1 per worker when workers > 1, else every core.
    public var blasThreads: Int?
    public var quiet = false
    public var commandLine: String
    /// Write each realization's fields to `fields/realization_<k>.json`.
    public var writeFields = false
    /// The dimension from which one realization uses all cores. Measured on the 2-core
    /// development machine (xxz L = 14, S^z = 0, D = 3432, every observable): 2 workers x 1
    /// BLAS thread 695 realizations/h, 1 worker x 2 threads 593/h; so parallel realizations win
    /// up to at least D = 3432, and the threaded mode is kept for D >= 4096 (memory per worker).
    public var threadedDimension = 4096
    /// Only this shard's realizations (`k mod n == i`), for job arrays and MPI ranks.
    public var shard: RealizationShard?
    /// The arguments that started the run (without the program name), kept in `invocation.json`
    /// so that shards can be merged; nil: none recorded.
    public var arguments: [String]?
    /// Cores this process may use (nil: all); MPI ranks on one node share them.
    public var cores: Int?
    /// Ranks of the MPI job that computed the run (recorded in summary.json).
    public var ranks = 1
    /// Keep each realization's eigenvalues in `spectra.h5` (see `SpectrumArchive`).
    public var saveSpectra = false

    public init(realization: ExactRealization, realizations: Int, directory: URL, commandLine: String) {
        self.realization = realization
        self.realizations = realizations
        self.directory = directory
        self.commandLine = commandLine
    }

    /// Workers and BLAS threads this run uses. The BLAS setting follows the requested workers,
    /// not the number of realizations left, so a resumed run computes them exactly as before.
    public func parallelism() -> (workers: Int, blasThreads: Int) {
        let cores = max(1, self.cores ?? ProcessInfo.processInfo.activeProcessorCount)
        if let window = realization.window {
            // Each sparse solve is a worker process (one core per rank): realizations in parallel.
            var ranks = 1
            if case let .mpirun(p) = window.engine.launch { ranks = p }
            // As many parallel solves as cores, and as fit in the memory limit together.
            let each = SparseWindowCost.estimatedBytes(problem: realization.problem, levels: window.settings.levels,
                                                       method: window.settings.method, ranks: ranks)
            let limit = window.settings.memoryLimitBytes > 0 ? window.settings.memoryLimitBytes
                                                               : 0.8 * Double(ProcessInfo.processInfo.physicalMemory)
            let fitting = max(1, Int(limit / max(each, 1)))
            let parallel = max(1, workers ?? min(max(1, cores / ranks), fitting))
            return (parallel, blasThreads ?? 1)
        }
        let dimension = realization.problem.blockDimensions.max() ?? 0
        let workers = max(1, workers ?? (dimension >= threadedDimension ? 1 : cores))
        return (workers, blasThreads ?? (workers > 1 ? 1 : cores))
    }

    /// The parameters that define the run's numbers (the manifest of its directory).
    public func manifest() throws -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = problemParameters(realization.problem)
        fields.append(("seed", .string(String(realization.seed))))
        fields.append(("fields_given", .bool(realization.fields != nil)))
        if let given = realization.fields { fields.append(("fields_hash", .string(try contentHash(given)))) }
        fields.append(("observables", .array(realization.observables.map { .string($0.rawValue) })))
        fields += try realization.settings.manifest(for: realization.problem)
        // The solver asked for the eigenvector window (`--window-solver`); each record says which
        // one computed it. `RunStore.lateFields` keeps runs stored before this field resumable.
        if realization.usesEigenvectorWindow { fields.append(("window_solver", .string(realization.windowSolver.rawValue))) }
        if let window = realization.window {
            fields.append(("method", .string(window.settings.method.rawValue)))
            fields.append(("target_energy_density", .number(window.settings.targetDensity)))
            fields.append(("levels", .integer(window.settings.levels)))
            fields.append(("residual_tolerance", .number(window.settings.residualTolerance)))
            // The text is part of the manifest of existing run directories: changing its wording would
            // stop them from being resumed or reused.
            fields.append(("window_estimators", .string("<r> from the N levels; entanglement, S_P, probe magnetisation over the N eigenstates; S(omega) from pairs inside the window (weights 1/N), complete only for |omega| well below window_spread; [Czz] at infinite time from the window's diagonal elements (1/N) sum_a |A_aa|^2; varrho(v) with both windows inside the window")))
        }
        return fields
    }

    /// Runs (or resumes) and writes the outputs; returns the averages.
    @discardableResult
    public func execute() throws -> ExactNumericsResult { try executeTimed().result }

    /// Runs (or resumes) and writes the outputs; returns the averages and how long it took.
    public func executeTimed() throws -> (result: ExactNumericsResult, timing: RunTiming) {
        let start = Date()
        let store = try RunStore(directory: directory, manifest: try manifest(), shape: realization.recordShape())
        do {
            return try execute(in: store, start: start)
        } catch {
            store.discardIfEmpty()
            throw error
        }
    }

    private func execute(in store: RunStore, start: Date) throws -> (result: ExactNumericsResult, timing: RunTiming) {
        let previous = try store.finishedRecords { FileHandle.standardError.write(Data("note: \($0)\n".utf8)) }
        var shared = realization
        // Slicing computes only the window's eigenvalues: `auto` keeps every one with --save-spectra.
        if saveSpectra && shared.windowSolver == .auto { shared.windowSolver = .dense }
        try recordInvocation(previous: previous)
        let finished = Set(previous.map(\.realization))
        let owned = shard?.realizations(below: realizations) ?? Array(0..<realizations)
        let pending = owned.filter { !finished.contains($0) }
        let (workers, threads) = parallelism()
        BLASRuntime.setThreads(threads)
        let progress = ProgressReporter(total: owned.count, alreadyDone: owned.count - pending.count,
                                        label: runLabel, quiet: quiet)
        if !pending.isEmpty && pending.count < owned.count {
            progress.note("\(runLabel): resuming, \(owned.count - pending.count) of \(owned.count) realizations already done")
        }
        let beyond = finished.filter { $0 >= realizations }.count
        if beyond > 0 {
            progress.note("\(runLabel): \(beyond) records beyond --realizations \(realizations) are kept in the directory but not averaged")
        }
        if let warning = try shared.windowSolverWarning(previous: previous, label: runLabel) {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        if var window = shared.window {
            // The parallel solves share the cores; --blas-threads fixes each rank's threads.
            window.engine.cores = max(1, (cores ?? ProcessInfo.processInfo.activeProcessorCount) / workers)
            if let blasThreads { window.engine.blasThreads = blasThreads }
            shared.window = window
        }
        let job = shared
        let fieldsFolder = writeFields ? directory.appendingPathComponent("fields") : nil
        if let fieldsFolder { try FileManager.default.createDirectory(at: fieldsFolder, withIntermediateDirectories: true) }
        let spectra = saveSpectra ? try SpectrumArchive(directory: directory) : nil
        let io = SecondsAccumulator()
        let records = try RealizationRunner(workers: workers).run(pending: pending, into: store, progress: progress,
                                                                  appendSeconds: io) { k in
            if let fieldsFolder {
                try job.fields(realization: k).json().write(to: fieldsFolder.appendingPathComponent("realization_\(k).json"))
            }
            let record: RealizationRecord
            if let spectra {
                var spectrum = RealizationSpectrum(realization: k)
                record = try job.record(realization: k, spectrum: &spectrum)
                let kept = Date()
                try spectra.keep(spectrum)
                io.add(Date().timeIntervalSince(kept))
            } else {
                record = try job.record(realization: k)
            }
            for (key, values) in record.values.sorted(by: { $0.key < $1.key }) {
                if let bad = values.first(where: { !$0.isFinite }) {
                    throw ExactNumericsError.invalid("realization \(k): \"\(key)\" is \(bad), not a finite number; these settings leave it undefined (check --window-fraction, --perturbation-strength and the operators)")
                }
            }
            return record
        }.filter { $0.realization < realizations && (shard?.contains($0.realization) ?? true) }
        let assembled = Date()
        if let spectra { try spectra.assemble(attributes: try manifest(), seed: realization.seed, commandLine: commandLine, shard: shard) }
        io.add(Date().timeIntervalSince(assembled))
        let result = ExactNumericsResult(problem: realization.problem, settings: realization.settings,
                                         observables: realization.observables, records: records)
        let timing = RunTiming(wallSeconds: Date().timeIntervalSince(start), computed: pending.count,
                               workers: workers, blasThreads: threads,
                               realizationSeconds: records.map(\.seconds), ranks: ranks,
                               stageSeconds: RunTiming.meanStageSeconds(records), ioSeconds: io.seconds)
        var output = ExactNumericsOutput(result: result, manifest: try manifest(), commandLine: commandLine, timing: timing)
        if let shard { output.extra.append(("shard", .string(shard.description))) }
        if let used = windowSolversUsed(records) { output.extra.append(used) }
        try output.write(to: store)
        return (result, timing)
    }

    /// summary.json's count of the records each window solver computed (`unrecorded`: records
    /// written before the solver was kept); nil without an eigenvector window.
    func windowSolversUsed(_ records: [RealizationRecord]) -> (String, JSONValue)? {
        guard realization.usesEigenvectorWindow else { return nil }
        let used = Dictionary(grouping: records.compactMap(\.windowSolver), by: { $0 }).mapValues(\.count)
        return ("window_solver_used", .object(used.keys.sorted().map { ($0, .integer(used[$0]!)) }
            + [("unrecorded", .integer(records.count - used.values.reduce(0, +)))]))
    }

    var runLabel: String {
        let p = realization.problem
        return "\(p.model.rawValue) L=\(p.length) W=\(JSONValue.format(p.disorderStrength))"
            + (p.model.isFloquet ? " Omega=\(JSONValue.format(p.driveFrequency))" : "")
    }
}

/// How long a run took and how it was parallelised.
public struct RunTiming: Sendable {
    public var wallSeconds: Double
    /// Realizations computed in this invocation.
    public var computed: Int
    public var workers: Int
    public var blasThreads: Int
    /// Compute time of each realization (all records, including resumed ones).
    public var realizationSeconds: [Double]

    /// MPI ranks that computed the run (1: one process).
    public var ranks = 1
    /// Mean wall time per realization of each stage (build, eigensolver, operator products,
    /// each observable), over the records that carry stage times, in pipeline order.
    public var stageSeconds: [(name: String, seconds: Double)] = []
    /// Time this invocation spent writing records, spectra and output files.
    public var ioSeconds = 0.0

    public init(wallSeconds: Double, computed: Int, workers: Int, blasThreads: Int, realizationSeconds: [Double], ranks: Int = 1,
                stageSeconds: [(name: String, seconds: Double)] = [], ioSeconds: Double = 0) {
        self.wallSeconds = wallSeconds
        self.computed = computed
        self.workers = workers
        self.blasThreads = blasThreads
        self.realizationSeconds = realizationSeconds
        self.ranks = ranks
        self.stageSeconds = stageSeconds
        self.ioSeconds = ioSeconds
    }

    /// The order stages are listed in: the pipeline's, then any others by name.
    static let stageOrder = [Stage.build, Stage.eigensolver, Stage.products] + ExactObservable.allCases.map(\.rawValue)

    /// Mean seconds per stage over the records that carry stage times.
    public static func meanStageSeconds(_ records: [RealizationRecord]) -> [(name: String, seconds: Double)] {
        let timed = records.compactMap(\.stageSeconds)
        guard !timed.isEmpty else { return [] }
        var totals: [String: Double] = [:]
        for stages in timed { totals.merge(stages, uniquingKeysWith: +) }
        let names = totals.keys.sorted { (stageOrder.firstIndex(of: $0) ?? Int.max, $0) < (stageOrder.firstIndex(of: $1) ?? Int.max, $1) }
        return names.map { ($0, totals[$0]! / Double(timed.count)) }
    }

    /// Realizations per hour of this invocation (NaN if none were computed).
    public var realizationsPerHour: Double {
        computed > 0 ? Double(computed) / wallSeconds * 3600 : .nan
    }
}

/// The parameters of a problem, as written into manifests and summaries and by `ed spectrum`
/// (snake_case keys; the one record of an `EDProblem`). Manifests record `"probe": false` only
/// without a probe (so existing run directories keep their manifests); `alwaysRecordProbe` writes
/// `"probe"` either way, before the probe's field and coupling, as `ed spectrum` does.
public func problemParameters(_ problem: EDProblem, alwaysRecordProbe: Bool = false) -> [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = [
        ("model", .string(problem.model.rawValue)),
        ("length", .integer(problem.length)),
        ("disorder_strength", .number(problem.disorderStrength)),
        ("coupling", .number(problem.interaction)),
    ]
    let model = problem.model.definition
    if model.hasMagnetizationSectors {
        fields.append(("anisotropy", .number(problem.anisotropy)))
        fields.append(("convention", .string(problem.convention == .pauli ? "pauli: H written with sigma" : "spin: H written with S = sigma/2")))
        switch problem.magnetization {
        case let .sector(sz): fields.append(("sector_total_sz", .number(sz)))
        case .allSectors: fields.append(("sector_total_sz", .string("all")))
        case .fullSpace: fields.append(("sector_total_sz", .string("full")))
        }
    }
    if model.disorder == .fieldVectors { fields.append(("field_distribution", .string(problem.fieldDistribution.rawValue))) }
    if model.readsLocalizationLength { fields.append(("localization_length", .number(problem.localizationLength))) }
    if problem.model.isFloquet {
        fields.append(("driving_frequency", .number(problem.driveFrequency)))
        fields.append(("quasi_energy_range", .string("(-Omega/2, Omega/2]")))
    }
    fields.append(("boundary", .string(problem.boundary.rawValue)))
    if alwaysRecordProbe { fields.append(("probe", .bool(problem.probe != nil))) }
    if let probe = problem.probe {
        fields.append(("probe_field", .number(probe.field)))
        fields.append(("probe_coupling", .string("sigma^\(probe.coupling.rawValue)_0 sigma^x_P")))
    } else if !alwaysRecordProbe {
        fields.append(("probe", .bool(false)))
    }
    fields.append(("dimension", .integer(problem.blockDimensions.reduce(0, +))))
    return fields
}

/// A content hash of given fields (64-bit FNV-1a of their canonical JSON, so the file's layout
/// and number spelling do not matter), recorded in the manifest: a run directory refuses
/// records made with other fields.
public func contentHash(_ fields: DisorderFields) throws -> String {
    "fnv1a64:" + FNV1a.hex(try fields.json())
}

extension ExactNumericsRun: Study {
    /// A run is its own configuration: the job (problem, observables, settings, seed), the number of
    /// realizations, the directory that keeps its records and the parallelism (`resonance ed run`
    /// builds it from its options, `ExactNumericsScan` for each point).
    public typealias Config = ExactNumericsRun
    public typealias Result = ExactNumericsResult

    /// Runs (or resumes) `config` in its directory, the run's own store: the sink's worker count
    /// applies when the run names none (neither changes the numbers, only the BLAS threads per
    /// realization could); the sink is told the run is done, under the run's key when the directory
    /// is the one the sink keeps for it.
    public static func run(_ config: ExactNumericsRun, sink: any StudySink) throws -> ExactNumericsResult {
        var plan = config
        plan.workers = plan.workers ?? sink.workers
        let (result, timing) = try plan.executeTimed()
        let key = sink.keepsRuns ? try ComparisonSampling.key(plan.realization) : nil
        let kept = key.flatMap { sink.runDirectory(for: $0)?.standardizedFileURL.path } == plan.directory.standardizedFileURL.path ? key : nil
        sink.finished(kept, reused: plan.realizations - timing.computed, computed: timing.computed, seconds: timing.wallSeconds)
        return result
    }
}
