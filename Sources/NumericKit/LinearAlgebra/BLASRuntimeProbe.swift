import CLapack

/// Name of the compute kernel OpenBLAS selected when it loaded (e.g. "SkylakeX", "Prescott").
public func openBLASCoreName() -> String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
}
