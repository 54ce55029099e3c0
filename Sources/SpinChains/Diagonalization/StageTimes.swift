import Dispatch

/// Wall-clock seconds per named stage of one realization (building the matrices, the
/// eigensolver, the operator products, each observable), accumulated over calls with the same
/// name, in the order stages first ran. A reference type so that nested calls add to one record.
public final class StageTimes {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    /// Runs `body` and adds its wall time to `name`.
    public func measure<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    public func add(_ name: String, seconds: Double) {
        if let k = stages.firstIndex(where: { $0.name == name }) { stages[k].seconds += seconds } else { stages.append((name, seconds)) }
    }

    /// The stages as a dictionary (for records).
    public var dictionary: [String: Double] { Dictionary(stages.map { ($0.name, $0.seconds) }, uniquingKeysWith: +) }
}

/// Stage names shared by the exact-numerics pipeline and its benchmark.
public enum Stage {
    public static let build = "build"
    public static let eigensolver = "eigensolver"
    /// The operator products `V^dagger A V` (spectral weights).
    public static let products = "operator_products"
}
