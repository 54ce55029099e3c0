import Foundation
import NumericKit
import SpinChains

/// `<r>` of the random-field xxz chain (`S = sigma/2`, `J = Delta = 1`, periodic, `S^z = 0`,
/// `h_n` uniform in `[-W, W]`) on the grid of Luitz, Laflorencie and Alet (PRB 91, 081103 (2015),
/// Fig. 1: `L = 12..16`, `W` from 1 to 5), whose curves cross near `W ~ 3.7`. Eigenvalues only
/// (the two-stage LAPACK driver); the window is the middle third of the sector's spectrum (they use
/// energy densities near the middle: the same physics, a slightly different cut).
///
/// Cost: dense diagonalisation grows like `D^3`, `D = C(L, L/2)` (924, 3432, 12870 for
/// L = 12, 14, 16), so L = 16 dominates: `estimateCost` times one realisation at each L
/// (threaded BLAS from D = 4096 on, i.e. L = 16) and multiplies by the realisation counts.
public struct LuitzComparisonStudy: Sendable {
    public var lengths: [Int]
    public var disorders: [Double]
    public var realizations: [Int]
    public var seed: UInt64

    public init(lengths: [Int], disorders: [Double], realizations: [Int], seed: UInt64) {
        self.lengths = lengths
        self.disorders = disorders
        self.realizations = realizations
        self.seed = seed
    }

    /// The crossing point the paper reports.
    public static let publishedCrossing = 3.7

    func problem(length: Int, disorder: Double) -> EDProblem {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: disorder)
        problem.magnetization = .sector(length % 2 == 0 ? 0 : 0.5)
        return problem
    }

    public struct Cost: Sendable {
        public var length: Int
        public var dimension: Int
        /// Measured seconds of one realisation (eigenvalues and <r>).
        public var secondsPerRealisation: Double
        public var realisations: Int
        /// Realisations per point times points, over the workers that will run them.
        public var estimatedSeconds: Double
        public var workers: Int
    }

    /// Times one realisation at each L with the parallelism the run will use.
    public func estimateCost() throws -> [Cost] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return try zip(lengths, realizations).map { length, count in
            let problem = problem(length: length, disorder: disorders[disorders.count / 2])
            let dimension = problem.blockDimensions.max() ?? 0
            let workers = dimension >= 4096 ? 1 : cores
            BLASRuntime.setThreads(workers > 1 ? 1 : cores)
            let job = ExactRealisation(problem: problem, observables: [.levelStatistics], seed: seed)
            let start = Date()
            _ = try job.record(realization: 0)
            let seconds = Date().timeIntervalSince(start)
            return Cost(length: length, dimension: dimension, secondsPerRealisation: seconds, realisations: count,
                        estimatedSeconds: seconds * Double(count * disorders.count) / Double(workers), workers: workers)
        }
    }

    public static func describe(_ costs: [Cost]) -> String {
        var lines = ["L   D       s/realisation  realisations x points  workers  estimated wall time"]
        for c in costs {
            lines.append(String(format: "%-3d %-7d %-14.3f ", c.length, c.dimension, c.secondsPerRealisation)
                         + "\(c.realisations) x points".padding(toLength: 23, withPad: " ", startingAt: 0)
                         + String(c.workers).padding(toLength: 9, withPad: " ", startingAt: 0)
                         + ProgressReporter.duration(c.estimatedSeconds))
        }
        let total = costs.reduce(0) { $0 + $1.estimatedSeconds }
        lines.append("total estimated: \(ProgressReporter.duration(total))")
        return lines.joined(separator: "\n")
    }

    /// Runs every point (resumable), returns `<r>` with errors: columns W, then r_L<L> and r_L<L>_err.
    public func run(directory: URL, quiet: Bool, commandLine: String) throws -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("W", disorders)]
        for (length, count) in zip(lengths, realizations) {
            let results = try ExactNumericsScan.run(problems: disorders.map { problem(length: length, disorder: $0) },
                                                    observables: [.levelStatistics], realizations: { _ in count }, seed: seed,
                                                    directory: directory, quiet: quiet, commandLine: commandLine)
            columns.append(("r_L\(length)", results.map { $0.scalar("r_mean")?.mean ?? .nan }))
            columns.append(("r_L\(length)_err", results.map { $0.scalar("r_mean")?.error ?? .nan }))
        }
        let table = ColumnTable(columns: columns)
        try OutputRenderer.curve(table, metadata: OutputMetadata(parameters: [("seed", .string(String(seed)))], commandLine: commandLine),
                                 format: .csv).write(to: directory.appendingPathComponent("luitz_r.csv"), atomically: true, encoding: .utf8)
        return table
    }
}
