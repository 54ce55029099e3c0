import Foundation
import NumericKit
#if canImport(Glibc)
import Glibc
#endif

/// Keeps OpenBLAS off its slow generic kernels.
///
/// OpenBLAS picks its kernel once, when it loads, and falls back to a generic one (Prescott) on
/// CPUs it does not recognise: several times slower on an AVX-512 machine. When that happens and
/// the user has not chosen a kernel (`OPENBLAS_CORETYPE` unset), the tool restarts itself once with
/// the suggested kernel, and says so on standard error. A kernel the user chose is never overridden;
/// `RESONANCE_KEEP_OPENBLAS_KERNEL=1` turns the restart off (the diagnosis is still printed).
enum KernelGuard {

    /// Restarts the process with a fitting kernel if needed (does not return then).
    static func ensureFittingKernel() {
        let diagnosis = BLASRuntime.kernelDiagnosis()
        guard !diagnosis.isAdequate else { return }
        let environment = ProcessInfo.processInfo.environment
        guard let coreType = diagnosis.restartCoreType(environment: environment) else {
            FileHandle.standardError.write(Data("warning: \(diagnosis)\n".utf8))
            return
        }
        FileHandle.standardError.write(Data("note: \(diagnosis); restarting with OPENBLAS_CORETYPE=\(coreType)\n".utf8))
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        let arguments = CommandLine.arguments
        var cArguments = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &cArguments)
        // execv only returns on failure: carry on with the slow kernel.
        FileHandle.standardError.write(Data("warning: restart failed; continuing with \(diagnosis.coreName)\n".utf8))
    }
}
