import CMPI
import Foundation

/// An error returned by an MPI call, with the call's name and MPI's own message.
public struct MPIError: Error, CustomStringConvertible {
    public var function: String
    public var code: Int32
    public var description: String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var length: Int32 = 0
        let text = MPI_Error_string(code, &buffer, &length) == MPI_SUCCESS
            ? String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "error \(code)"
        return "MPI: \(function) failed: \(text)"
    }
}

/// A communicator of Open MPI: the ranks of a run launched by `mpirun`, or a part of them.
///
/// MPI is started only when a run actually distributes realizations (`MPIEnvironment.isLaunched`):
/// a plain `resonance` process never calls `MPI_Init`, and child processes it starts can run as
/// MPI singletons. Only the thread that initialised MPI calls it (`MPI_THREAD_FUNNELED`): the
/// worker threads of a rank never communicate.
public final class MPICommunicator: @unchecked Sendable {
    let handle: MPI_Comm
    public let rank: Int
    public let size: Int

    init(handle: MPI_Comm) throws {
        self.handle = handle
        var rank: Int32 = 0, size: Int32 = 0
        try Self.check(MPI_Comm_rank(handle, &rank), "MPI_Comm_rank")
        try Self.check(MPI_Comm_size(handle, &size), "MPI_Comm_size")
        self.rank = Int(rank)
        self.size = Int(size)
    }

    static func check(_ code: Int32, _ function: String) throws {
        guard code == MPI_SUCCESS else { throw MPIError(function: function, code: code) }
    }

    /// Initialises MPI (once per process) and returns `MPI_COMM_WORLD`. Errors are returned, not
    /// fatal, so that they reach the user as one line.
    public static func world() throws -> MPICommunicator {
        var initialized: Int32 = 0
        try check(MPI_Initialized(&initialized), "MPI_Initialized")
        if initialized == 0 {
            var provided: Int32 = 0
            try check(MPI_Init_thread(nil, nil, Int32(MPI_THREAD_FUNNELED), &provided), "MPI_Init_thread")
            try check(MPI_Comm_set_errhandler(resonancekit_mpi_comm_world(), resonancekit_mpi_errors_return()),
                      "MPI_Comm_set_errhandler")
        }
        return try MPICommunicator(handle: resonancekit_mpi_comm_world())
    }

    /// Splits the communicator: ranks with the same `color` form one new communicator, ordered by `key`.
    public func split(color: Int, key: Int) throws -> MPICommunicator {
        var part: MPI_Comm?
        try Self.check(MPI_Comm_split(handle, Int32(color), Int32(key), &part), "MPI_Comm_split")
        guard let part else { throw MPIError(function: "MPI_Comm_split", code: -1) }
        return try MPICommunicator(handle: part)
    }

    public func barrier() throws {
        try Self.check(MPI_Barrier(handle), "MPI_Barrier")
    }

    /// The largest of every rank's `value` (on every rank).
    public func maximum(_ value: Int) throws -> Int {
        Int(try reduce(Int64(value), op: resonancekit_mpi_max()))
    }

    /// The sum of every rank's `value` (on every rank).
    public func sum(_ value: Int) throws -> Int {
        Int(try reduce(Int64(value), op: resonancekit_mpi_sum()))
    }

    /// The sum of every rank's `value` (on every rank), waiting in short sleeps instead of
    /// Open MPI's busy polling: a rank that waits here leaves its core to the processes that
    /// still compute (another group's realizations, or a sparse solve its own group runs).
    public func sumSleeping(_ value: Int, interval: useconds_t = 20_000) throws -> Int {
        let input = UnsafeMutablePointer<Int64>.allocate(capacity: 2)
        defer { input.deallocate() }
        input[0] = Int64(value)
        input[1] = 0
        var request: MPI_Request?
        try Self.check(MPI_Iallreduce(input, input + 1, 1, resonancekit_mpi_int64(), resonancekit_mpi_sum(), handle, &request),
                       "MPI_Iallreduce")
        var done: Int32 = 0
        while true {
            try Self.check(MPI_Test(&request, &done, nil), "MPI_Test")
            if done != 0 { return Int(input[1]) }
            usleep(interval)
        }
    }

    func reduce(_ value: Int64, op: MPI_Op) throws -> Int64 {
        var input = value, output: Int64 = 0
        try Self.check(MPI_Allreduce(&input, &output, 1, resonancekit_mpi_int64(), op, handle), "MPI_Allreduce")
        return output
    }

    /// Ends MPI for this process (after which no communicator may be used).
    public static func finalize() {
        var initialized: Int32 = 0, finalized: Int32 = 0
        MPI_Initialized(&initialized)
        MPI_Finalized(&finalized)
        if initialized != 0 && finalized == 0 { MPI_Finalize() }
    }
}

/// How this process was launched.
public enum MPIEnvironment {
    /// True when the process is a rank started by `mpirun`/`mpiexec` (Open MPI or PMIx), so that a
    /// run should distribute its realizations over the ranks.
    public static func isLaunched(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["OMPI_COMM_WORLD_SIZE"] != nil || environment["PMIX_RANK"] != nil || environment["PMI_RANK"] != nil
    }

    /// Ranks on this node, from the launcher's environment (1 if it does not say).
    public static func localRanks(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        Int(environment["OMPI_COMM_WORLD_LOCAL_SIZE"] ?? environment["MPI_LOCALNRANKS"] ?? "") ?? 1
    }

    /// The environment for a child process of a rank: without the launcher's variables, so that
    /// the child starts as an MPI singleton instead of joining the job.
    public static func singletonEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        environment.filter { key, _ in !(key.hasPrefix("OMPI_") || key.hasPrefix("PMIX_") || key.hasPrefix("PMI_")) }
    }
}
