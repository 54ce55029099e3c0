/// Joins the records of several runs of one command (shards, or runs resumed in different
/// places) into the records of one run: each realization once, and an account of what is missing
/// or held twice. A realization held by two sources must be bit-identical in both (same seed,
/// same BLAS threads); if not, the merge is refused.
public struct RealizationMerge: Sendable {
    /// The records of one source (a run directory), named for messages.
    public struct Source: Sendable {
        public var name: String
        public var records: [RealizationRecord]
        public init(name: String, records: [RealizationRecord]) {
            self.name = name
            self.records = records
        }
    }

    /// Realizations in `0..<expected` held by no source.
    public var missing: [Int]
    /// Realizations held by more than one source, with identical values.
    public var duplicated: [Int]
    /// Realizations whose copies differ (then `records` is not usable).
    public var conflicting: [Int]
    /// Every realization in `0..<expected` found, once each, in realization order.
    public var records: [RealizationRecord]
    public var expected: Int

    public init(sources: [Source], expected: Int) {
        var chosen = [Int: RealizationRecord]()
        var duplicated = Set<Int>(), conflicting = Set<Int>()
        for source in sources {
            for record in source.records where record.realization >= 0 && record.realization < expected {
                if let first = chosen[record.realization] {
                    if first.values == record.values { duplicated.insert(record.realization) } else { conflicting.insert(record.realization) }
                } else {
                    chosen[record.realization] = record
                }
            }
        }
        self.expected = expected
        self.records = chosen.keys.sorted().map { chosen[$0]! }
        self.missing = (0..<expected).filter { chosen[$0] == nil }
        self.duplicated = duplicated.subtracting(conflicting).sorted()
        self.conflicting = conflicting.sorted()
    }

    public var isComplete: Bool { missing.isEmpty }

    /// Indices as compact ranges: `0-3, 7, 9-10`.
    public static func ranges(_ indices: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous = 0
        for index in indices.sorted() {
            if let s = start, index == previous + 1 { previous = index; _ = s; continue }
            if let s = start { parts.append(s == previous ? "\(s)" : "\(s)-\(previous)") }
            start = index
            previous = index
        }
        if let s = start { parts.append(s == previous ? "\(s)" : "\(s)-\(previous)") }
        return parts.joined(separator: ", ")
    }

    /// One line for the terminal: counts, then the missing and duplicated realizations by index.
    public var summary: String {
        var line = "\(records.count) of \(expected) realizations"
        if !missing.isEmpty { line += "; missing \(missing.count): \(Self.ranges(missing))" }
        if !duplicated.isEmpty { line += "; duplicated (identical, kept once) \(duplicated.count): \(Self.ranges(duplicated))" }
        if !conflicting.isEmpty { line += "; conflicting copies \(conflicting.count): \(Self.ranges(conflicting))" }
        return line
    }
}
