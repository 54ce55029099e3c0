import CLapack
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS' process-wide run-time state: its thread count and the compute kernel it picked at
/// load time. Set the thread count explicitly: OpenBLAS otherwise uses every core, which
/// oversubscribes the machine when realizations already run in parallel.
public enum BLASRuntime {
    /// Sets the number of threads OpenBLAS (and the LAPACK on top of it) uses; returns the count
    /// read back, which OpenBLAS clamps to its compiled maximum.
    @discardableResult
    public static func setThreads(_ count: Int) -> Int {
        openblas_set_num_threads(Int32(clamping: max(1, count)))
        return threads
    }

    /// The number of threads OpenBLAS will use.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// The kernel OpenBLAS selected (e.g. "Haswell", "SkylakeX", "Prescott").
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS' build configuration string (version, threading, dynamic architectures).
    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    /// Whether the selected kernel fits this CPU; reads /proc/cpuinfo and the environment.
    public static func kernelDiagnosis() -> KernelDiagnosis {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let environment = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
        return KernelDiagnosis(coreName: coreName, cpuinfo: cpuinfo, coreTypeOverride: environment)
    }
}
