import Foundation

/// Element-wise mean and standard error of named arrays over realizations.
///
/// A fold over records sorted by realization index: the result depends only on the set of
/// records, never on the order workers finished in or on whether the run was resumed, so it is
/// bit-identical across thread counts and interruptions. Non-finite samples (e.g. an empty bin's
/// log) are skipped per element and counted.
public struct DisorderAverage: Sendable, Equatable {
    public struct Statistic: Sendable, Equatable {
        public var mean: [Double]
        /// Standard error of the mean, s / sqrt(n) with the unbiased s; NaN for n < 2.
        public var standardError: [Double]
        /// Finite samples per element.
        public var count: [Int]
    }

    public var realizations: [Int]
    public var statistics: [String: Statistic]

    public init(records: [RealizationRecord]) {
        let sorted = records.sorted { $0.realization < $1.realization }
        realizations = sorted.map(\.realization)
        var statistics = [String: Statistic]()
        let names = Set(sorted.flatMap { $0.values.keys })
        for name in names {
            let samples = sorted.compactMap { $0.values[name] }
            let width = samples.map(\.count).max() ?? 0
            var mean = [Double](repeating: 0, count: width)
            var m2 = [Double](repeating: 0, count: width)
            var count = [Int](repeating: 0, count: width)
            // Welford's update, in realization order.
            for sample in samples {
                for (i, x) in sample.enumerated() where x.isFinite {
                    count[i] += 1
                    let delta = x - mean[i]
                    mean[i] += delta / Double(count[i])
                    m2[i] += delta * (x - mean[i])
                }
            }
            let error = (0..<width).map { i in count[i] > 1 ? (m2[i] / Double(count[i] - 1) / Double(count[i])).squareRoot() : .nan }
            for i in 0..<width where count[i] == 0 { mean[i] = .nan }
            statistics[name] = Statistic(mean: mean, standardError: error, count: count)
        }
        self.statistics = statistics
    }

    public subscript(name: String) -> Statistic? { statistics[name] }

    /// The statistic of `name`, or an error naming it and the run (`source`) whose records lack
    /// it (records read back from a store written by other code), never a crash.
    public func required(_ name: String, source: String) throws -> Statistic {
        guard let statistic = statistics[name] else {
            throw InputError(parameter: name, detail: "not in the records of \(source); remove that run directory to recompute it")
        }
        return statistic
    }
}
