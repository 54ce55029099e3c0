import Foundation
import SpinChains

/// Runs the sparse window solver in a worker process (`resonance-sparse-real` for real
/// symmetric Hamiltonians, `resonance-sparse-complex` for complex Hermitian ones: Debian's two
/// PETSc/SLEPc builds export the same symbols, so no process can load both) and reads its result.
///
/// How the worker is started (`Launch`):
/// - `.inherit`: as a child with this process's environment. Under `mpirun -n P resonance ...`
///   each `resonance` rank (which never calls `MPI_Init` itself) starts its worker, and the
///   workers join as the P ranks of the job: the matrix and the factorization are distributed.
/// - `.singleton`: with every `OMPI_*`/`PMIX_*` variable removed, so the worker is a one-rank MPI
///   job even when this process is an MPI rank that distributes realizations.
/// - `.mpirun(ranks:)`: as `mpirun -n P worker ...` (a fresh P-rank job on this node).
///
/// Data go through two files in a private temporary directory: the job (JSON) and the result
/// (binary doubles, exact). A failure of the worker (refusal, no convergence, failed residual
/// check) is thrown with the worker's one-line reason.
public struct SparseWindowEngine: Sendable {
    public enum Launch: Sendable, Equatable {
        case inherit
        case singleton
        case mpirun(ranks: Int)
    }

    public var launch: Launch
    /// The directory holding the worker executables; nil: next to this executable, or
    /// `RESONANCE_WORKER_DIR`.
    public var workerDirectory: URL?

    /// Run every problem in the complex build (LU), also real symmetric ones: what the design
    /// would cost with a single build (measured by `resonance-benchmark shift-invert`).
    public var alwaysComplexBuild = false

    /// OpenBLAS threads of each worker rank (MUMPS' dense fronts call BLAS). nil: the cores this
    /// process may use (`cores`, default all) shared by the ranks on this node, but no more than
    /// the load average leaves idle, and at least 1 (`defaultBLASThreads`). `OPENBLAS_NUM_THREADS`
    /// in the environment overrides both.
    public var blasThreads: Int?
    /// Cores this solve may use (nil: all of this machine's).
    public var cores: Int?
    /// Variables added to the worker's environment (e.g. `PETSC_OPTIONS` with MUMPS options, as
    /// the benchmark compares them).
    public var environment: [String: String] = [:]

    public init(launch: Launch = .inherit, workerDirectory: URL? = nil) {
        self.launch = launch
        self.workerDirectory = workerDirectory
    }

    public enum EngineError: Error, CustomStringConvertible, Equatable {
        case workerMissing(String)
        case workerFailed(String)
        case unsupported(String)

        public var description: String {
            switch self {
            case let .workerMissing(path): return "the shift-invert worker \(path) is missing (build it with `swift build`)"
            case let .workerFailed(reason): return reason
            case let .unsupported(reason): return reason
            }
        }
    }

    /// This process's rank under mpirun (OpenMPI or PMIx variables), 0 otherwise.
    public static var launcherRank: Int {
        let environment = ProcessInfo.processInfo.environment
        return Int(environment["OMPI_COMM_WORLD_RANK"] ?? environment["PMIX_RANK"] ?? "0") ?? 0
    }

    /// The number of ranks of the mpirun job this process belongs to (1 without mpirun).
    public static var launcherSize: Int {
        Int(ProcessInfo.processInfo.environment["OMPI_COMM_WORLD_SIZE"] ?? "1") ?? 1
    }

    public static func workerName(realHamiltonian: Bool) -> String {
        realHamiltonian ? "resonance-sparse-real" : "resonance-sparse-complex"
    }

    func resolvedWorkerDirectory() -> URL {
        if let workerDirectory { return workerDirectory }
        if let directory = ProcessInfo.processInfo.environment["RESONANCE_WORKER_DIR"] {
            return URL(fileURLWithPath: directory)
        }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The window of realization `fields` of `problem`. On ranks other than 0 of an inherited
    /// mpirun job the worker writes nothing and this returns nil.
    public func solve(problem: EDProblem, fields: DisorderFields, settings: SparseWindowSettings) throws -> SparseWindowResult? {
        if let reason = problem.sparseWindowUnsupportedReason { throw EngineError.unsupported(reason) }
        let worker = resolvedWorkerDirectory().appendingPathComponent(Self.workerName(realHamiltonian: problem.hasRealHamiltonian && !alwaysComplexBuild))
        guard FileManager.default.isExecutableFile(atPath: worker.path) else { throw EngineError.workerMissing(worker.path) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-window-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let jobFile = scratch.appendingPathComponent("job.json")
        let resultFile = scratch.appendingPathComponent("result.bin")
        try SparseWindowJob(problem: problem, fields: fields, settings: settings).json().write(to: jobFile)
        try runWorker(worker, arguments: [jobFile.path, resultFile.path], scratch: scratch)
        let launchedRank = launch == .inherit ? Self.launcherRank : 0
        if launchedRank != 0 { return nil }
        // Mapped, not read: the vectors are copied once, into the result.
        return try SparseWindowResult(encoded: Data(contentsOf: resultFile, options: .alwaysMapped))
    }

    /// Runs `worker` with `arguments` as `launch` says (its standard error into `scratch`); a
    /// failure is thrown with the worker's one-line reason.
    func runWorker(_ worker: URL, arguments: [String], scratch: URL) throws {
        let errorFile = scratch.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let process = Process()
        var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        let preload = Self.scotchMUMPSPreload(complex: worker.lastPathComponent == Self.workerName(realHamiltonian: false),
                                              environment: environment)
        switch launch {
        case .inherit:
            process.executableURL = worker
            process.arguments = arguments
            if let preload { environment["LD_PRELOAD"] = preload }
        case .singleton:
            environment = Self.strippedEnvironment(environment).merging(self.environment) { $1 }
            process.executableURL = worker
            process.arguments = arguments
            if let preload { environment["LD_PRELOAD"] = preload }
        case let .mpirun(ranks):
            environment = Self.strippedEnvironment(environment)
            process.executableURL = URL(fileURLWithPath: Self.mpirunPath)
            // The ranks load the SCOTCH-enabled MUMPS; mpirun itself does not.
            process.arguments = Self.mpirunArguments(ranks: ranks) + (preload.map { ["-x", "LD_PRELOAD=" + $0] } ?? [])
                + [worker.path] + arguments
        }
        // MUMPS calls OpenBLAS in its dense fronts: the cores left to each rank, unless the caller says otherwise.
        if environment["OPENBLAS_NUM_THREADS"] == nil { environment["OPENBLAS_NUM_THREADS"] = String(workerBLASThreads) }
        if environment["OMP_NUM_THREADS"] == nil { environment["OMP_NUM_THREADS"] = "1" }
        process.environment = environment
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? errorHandle.close()
        if process.terminationStatus != 0 {
            let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            // The worker's own reason is one line; mpirun adds banners ("---" blocks) and PETSc
            // "[rank]PETSC ERROR" lines after a crash, which are skipped.
            var inBanner = false
            var candidates: [String] = []
            for line in lines {
                if line.hasPrefix("----") { inBanner.toggle(); continue }
                if inBanner || line.hasPrefix("[") { continue }
                candidates.append(line)
            }
            let reason = candidates.first
            throw EngineError.workerFailed(reason ?? "the shift-invert worker exited with status \(process.terminationStatus)")
        }
    }

    /// Debian's PETSc links the MUMPS build whose only ordering is PORD; Debian's
    /// `libmumps-ptscotch-5.5` is the same MUMPS with SCOTCH and PT-SCOTCH. Loaded ahead of the
    /// other (LD_PRELOAD), it serves PETSc's calls, and the worker asks for SCOTCH (ICNTL(7) = 3):
    /// at xxz L = 18 its nested dissection halves the factorization's operations and cuts the
    /// factor by a quarter (docs/shift-invert.md). nil (PORD) where the package is missing, where
    /// LD_PRELOAD is set already, or with `RESONANCE_MUMPS=pord`.
    static func scotchMUMPSPreload(complex: Bool, environment: [String: String]) -> String? {
        guard environment["RESONANCE_MUMPS"] != "pord", environment["LD_PRELOAD"] == nil else { return nil }
        let folder = "/usr/lib/x86_64-linux-gnu/"
        let names = ["libpord_ptscotch-5.5.so", "libmumps_common_ptscotch-5.5.so",
                     complex ? "libzmumps_ptscotch-5.5.so" : "libdmumps_ptscotch-5.5.so"]
        let paths = names.map { folder + $0 }
        guard paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else { return nil }
        return paths.joined(separator: " ")
    }

    /// Worker ranks of one solve on this node.
    var ranksOnThisNode: Int {
        switch launch {
        case .singleton: return 1
        case let .mpirun(ranks): return ranks
        case .inherit: return max(1, MPIEnvironment.localRanks())
        }
    }

    /// The OpenBLAS threads each worker rank gets.
    public var workerBLASThreads: Int {
        blasThreads ?? Self.defaultBLASThreads(cores: cores ?? ProcessInfo.processInfo.activeProcessorCount, ranks: ranksOnThisNode,
                                               loadAverage: Self.loadAverage())
    }

    /// `cores / ranks` threads per rank, but only as many as the other processes leave idle (one
    /// minute load average): a second BLAS thread on a core another process keeps busy slows the
    /// factorization down (measured, docs/shift-invert.md). At least 1.
    public static func defaultBLASThreads(cores: Int, ranks: Int, loadAverage: Double?) -> Int {
        let share = max(1, cores / max(1, ranks))
        guard let loadAverage, loadAverage.isFinite, loadAverage >= 0 else { return share }
        let idle = Int((Double(cores) - loadAverage).rounded(.toNearestOrAwayFromZero))
        return max(1, min(share, idle / max(1, ranks)))
    }

    /// The one-minute load average (Linux), nil where it cannot be read.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    static let mpirunPath = ["/usr/bin/mpirun", "/usr/local/bin/mpirun"].first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? "/usr/bin/mpirun"

    /// `-n P`, plus what this machine needs: `--allow-run-as-root` as root, `--oversubscribe` for
    /// more ranks than cores.
    static func mpirunArguments(ranks: Int) -> [String] {
        var arguments = ["-n", String(ranks)]
        if getuid() == 0 { arguments.append("--allow-run-as-root") }
        if ranks > ProcessInfo.processInfo.activeProcessorCount { arguments.append("--oversubscribe") }
        return arguments
    }

    /// The environment without the variables that make a process join an MPI job.
    public static func strippedEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { key, _ in !(key.hasPrefix("OMPI_") || key.hasPrefix("PMIX_") || key.hasPrefix("PMI_")) }
    }
}
