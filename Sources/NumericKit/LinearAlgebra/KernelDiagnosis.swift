/// Does OpenBLAS' kernel use the vector units this CPU has? A generic kernel (Prescott, Core2,
/// Nehalem...) on an AVX-512 machine makes every diagonalization several times slower; it happens
/// when OpenBLAS does not recognise a new CPU. The remedy has to be applied before the process
/// starts (OpenBLAS reads `OPENBLAS_CORETYPE` when it loads), so this only diagnoses.
public struct KernelDiagnosis: Equatable, Sendable, CustomStringConvertible {
    public enum Verdict: Equatable, Sendable {
        /// The kernel uses the CPU's widest vector instructions (or the CPU is unknown).
        case adequate
        /// A kernel older than the CPU's instruction set; `suggestedCoreType` would fit.
        case slowGenericKernel(suggestedCoreType: String)
        /// The user chose the kernel with `OPENBLAS_CORETYPE`; respected as is.
        case userOverride(String)
    }

    public let coreName: String
    /// The CPU's instruction-set extensions that matter for BLAS kernels.
    public let cpuFlags: Set<String>
    public let verdict: Verdict

    /// Kernels built for AVX-512.
    static let avx512Kernels: Set<String> = ["skylakex", "cooperlake", "sapphirerapids", "zen4", "zen5"]
    /// Kernels built for AVX2 (and FMA).
    static let avx2Kernels: Set<String> = ["haswell", "zen", "skylake", "zen2", "zen3", "excavator"]
    static let relevantFlags: Set<String> = ["sse2", "sse3", "ssse3", "sse4_2", "avx", "avx2", "fma", "avx512f"]

    /// Pure: `cpuinfo` is the text of /proc/cpuinfo, `coreTypeOverride` the value of
    /// `OPENBLAS_CORETYPE` if the user set it.
    public init(coreName: String, cpuinfo: String, coreTypeOverride: String? = nil) {
        self.coreName = coreName
        let flags = KernelDiagnosis.parseFlags(cpuinfo: cpuinfo)
        self.cpuFlags = flags.intersection(KernelDiagnosis.relevantFlags)
        let kernel = coreName.lowercased()
        if let override = coreTypeOverride, !override.isEmpty {
            verdict = .userOverride(override)
        } else if flags.contains("avx512f") && !KernelDiagnosis.avx512Kernels.contains(kernel) {
            // An AVX2 kernel on an AVX-512 CPU is still acceptable only if AVX-512 is slow there;
            // we flag it, since SkylakeX is the better choice on every AVX-512 CPU OpenBLAS supports.
            verdict = .slowGenericKernel(suggestedCoreType: "SkylakeX")
        } else if flags.contains("avx2") && !flags.contains("avx512f")
                    && !KernelDiagnosis.avx2Kernels.contains(kernel) && !KernelDiagnosis.avx512Kernels.contains(kernel) {
            verdict = .slowGenericKernel(suggestedCoreType: "Haswell")
        } else {
            verdict = .adequate
        }
    }

    /// The `flags` line of the first processor in /proc/cpuinfo, split into words.
    public static func parseFlags(cpuinfo: String) -> Set<String> {
        for line in cpuinfo.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if trimmed(parts[0]) == "flags" {
                return Set(parts[1].split(separator: " ").map(String.init))
            }
        }
        return []
    }

    public var isAdequate: Bool {
        if case .slowGenericKernel = verdict { return false }
        return true
    }

    public var description: String {
        switch verdict {
        case .adequate:
            return "OpenBLAS kernel \(coreName) matches the CPU"
        case let .userOverride(value):
            return "OpenBLAS kernel \(coreName) (OPENBLAS_CORETYPE=\(value) set by the user)"
        case let .slowGenericKernel(suggested):
            let widest = cpuFlags.contains("avx512f") ? "avx512f" : "avx2"
            return "slow generic kernel: OpenBLAS uses \(coreName) but the CPU has \(widest); "
                + "set OPENBLAS_CORETYPE=\(suggested) before the process starts"
        }
    }
}

/// Strips spaces and tabs at both ends ("flags\t\t: ..." in /proc/cpuinfo).
private func trimmed(_ text: Substring) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
}
