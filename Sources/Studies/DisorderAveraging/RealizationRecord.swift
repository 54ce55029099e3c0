/// The reduced results of one disorder realization: named arrays of numbers (a scalar is an array
/// of one; a histogram is its bin values). Realization k is drawn from (seed, k) alone, so a record
/// can be recomputed anywhere from `realization` and the run's seed.
public struct RealizationRecord: Codable, Sendable, Equatable {
    public var realization: Int
    public var values: [String: [Double]]
    /// Wall time spent on this realization (informational; not part of the averages).
    public var seconds: Double
    /// Wall time of each stage (build, eigensolver, operator products, each observable); nil in
    /// records written before stages were timed.
    public var stageSeconds: [String: Double]?
    /// The solver that computed the eigenvector window (`dense` or `sparse`, see `WindowSolver`);
    /// nil where the realization had no such window, and in records written before it was kept.
    public var windowSolver: String?

    public init(realization: Int, values: [String: [Double]], seconds: Double = 0, stageSeconds: [String: Double]? = nil,
                windowSolver: String? = nil) {
        self.realization = realization
        self.values = values
        self.seconds = seconds
        self.stageSeconds = stageSeconds
        self.windowSolver = windowSolver
    }

    enum CodingKeys: String, CodingKey {
        case realization, values, seconds
        case stageSeconds = "stage_seconds"
        case windowSolver = "window_solver"
    }

    /// Value names that records written by earlier versions spell in British English, and the
    /// names that replace them: stored runs keep resuming and reading back.
    public static let legacyValueNames = ["hybridised_fraction": "hybridized_fraction"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        realization = try container.decode(Int.self, forKey: .realization)
        let stored = try container.decode([String: [Double]].self, forKey: .values)
        values = Dictionary(stored.map { (Self.legacyValueNames[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        seconds = try container.decode(Double.self, forKey: .seconds)
        stageSeconds = try container.decodeIfPresent([String: Double].self, forKey: .stageSeconds)
        windowSolver = try container.decodeIfPresent(String.self, forKey: .windowSolver)
    }
}
