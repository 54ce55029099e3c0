/// The reduced results of one disorder realisation: named arrays of numbers (a scalar is an array
/// of one; a histogram is its bin values). Realisation k is drawn from (seed, k) alone, so a record
/// can be recomputed anywhere from `realization` and the run's seed.
public struct RealisationRecord: Codable, Sendable, Equatable {
    public var realization: Int
    public var values: [String: [Double]]
    /// Wall time spent on this realisation (informational; not part of the averages).
    public var seconds: Double

    public init(realization: Int, values: [String: [Double]], seconds: Double = 0) {
        self.realization = realization
        self.values = values
        self.seconds = seconds
    }
}
