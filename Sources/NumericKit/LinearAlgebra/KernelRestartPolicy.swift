extension KernelDiagnosis {
    /// The variable that turns the automatic restart off.
    public static let keepKernelVariable = "RESONANCE_KEEP_OPENBLAS_KERNEL"

    /// The `OPENBLAS_CORETYPE` a fresh process should start with, or nil to carry on as is: only
    /// for a slow generic kernel, never when the user set `OPENBLAS_CORETYPE` (whatever its value),
    /// and not when `RESONANCE_KEEP_OPENBLAS_KERNEL=1`.
    public func restartCoreType(environment: [String: String]) -> String? {
        guard case let .slowGenericKernel(suggested) = verdict else { return nil }
        if environment["OPENBLAS_CORETYPE"] != nil || environment[Self.keepKernelVariable] == "1" { return nil }
        return suggested
    }
}
