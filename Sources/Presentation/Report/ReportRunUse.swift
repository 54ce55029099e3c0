import Foundation

/// One run asked of the cache: how many realizations were found and how many computed.
public struct ReportRunUse: Sendable, Equatable {
    public var label: String
    /// The run's directory relative to the cache root.
    public var directory: String
    public var reused: Int
    public var computed: Int
    public var seconds: Double
    /// Nothing computed: every realization came from the store.
    public var isReused: Bool { computed == 0 }

    public init(label: String, directory: String, reused: Int, computed: Int, seconds: Double) {
        self.label = label
        self.directory = directory
        self.reused = reused
        self.computed = computed
        self.seconds = seconds
    }
}
