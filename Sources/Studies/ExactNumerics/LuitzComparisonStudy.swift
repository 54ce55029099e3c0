import Foundation
import NumericKit
import SpinChains

/// `<r>` of the random-field xxz chain (`S = sigma/2`, `J = Delta = 1`, periodic, `S^z = 0`,
/// `h_n` uniform in `[-W, W]`) on the grid of Luitz, Laflorencie and Alet (PRB 91, 081103 (2015),
/// Fig. 1: `L = 12..16`, `W` from 1 to 5), whose curves cross near `W ~ 3.7`. Eigenvalues only
/// (the two-stage LAPACK driver); the window is the middle third of the sector's spectrum (they use
/// energy densities near the middle: the same physics, a slightly different cut).
///
/// Cost: dense diagonalization grows like `D^3`, `D = C(L, L/2)` (924, 3432, 12870 for
/// L = 12, 14, 16), so L = 16 dominates: `estimateCost` times one realization at each L
/// (threaded BLAS from D = 4096 on, i.e. L = 16) and multiplies by the realization counts.
///
/// With a sparse `window` (shift-invert, the method of the paper at these sizes) `<r>` comes from
/// the `levels` eigenvalues nearest energy density `epsilon` (0.5 as in the paper), and L = 18, 20
/// become affordable; the cost of sizes above 16 is extrapolated from the two largest sizes
/// measured (power law in D) instead of timing one realization.
public struct LuitzComparisonStudy: Sendable {
    public var lengths: [Int]
    public var disorders: [Double]
    public var realizations: [Int]
    public var seed: UInt64
    /// nil: dense, every level of the middle third; set: the sparse window.
    public var window: SparseWindowPlan?

    public init(lengths: [Int], disorders: [Double], realizations: [Int], seed: UInt64, window: SparseWindowPlan? = nil) {
        self.lengths = lengths
        self.disorders = disorders
        self.realizations = realizations
        self.seed = seed
        self.window = window
    }

    /// Sizes above this are not timed when estimating a sparse study: extrapolated instead.
    public static let largestTimedLength = 16

    /// The crossing point the paper reports.
    public static let publishedCrossing = 3.7

    public func problem(length: Int, disorder: Double) -> EDProblem {
        var problem = EDProblem(model: .xxz, length: length, disorderStrength: disorder)
        problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: nil)
        return problem
    }

    public struct Cost: Sendable {
        public var length: Int
        public var dimension: Int
        /// Measured seconds of one realization (eigenvalues and <r>).
        public var secondsPerRealization: Double
        public var realizations: Int
        /// Realizations per point times points, over the workers that will run them.
        public var estimatedSeconds: Double
        public var workers: Int
    }

    /// Times one realization at each L with the parallelism the run will use.
    public func estimateCost() throws -> [Cost] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var costs: [Cost] = []
        // A sparse study of large sizes only is extrapolated from L = 14 and 16, timed here, rather
        // than from one realization of its largest size.
        var timedLengths = Array(zip(lengths, realizations))
        if window != nil, lengths.contains(where: { $0 > Self.largestTimedLength }),
           lengths.filter({ $0 <= Self.largestTimedLength }).count < 2 {
            timedLengths = [(Self.largestTimedLength - 2, 0), (Self.largestTimedLength, 0)] + timedLengths
        }
        for (length, count) in timedLengths {
            let problem = problem(length: length, disorder: disorders[disorders.count / 2])
            let dimension = problem.blockDimensions.max() ?? 0
            var job = ExactRealization(problem: problem, observables: [.levelStatistics], seed: seed)
            job.window = window
            let workers: Int
            if window != nil {
                workers = ExactNumericsRun(realization: job, realizations: 1, directory: URL(fileURLWithPath: "/"),
                                           commandLine: "").parallelism().workers
            } else {
                workers = dimension >= 4096 ? 1 : cores
                BLASRuntime.setThreads(workers > 1 ? 1 : cores)
            }
            let seconds: Double
            let timed = costs.filter { $0.secondsPerRealization > 0 }
            if window != nil, length > Self.largestTimedLength, timed.count >= 2 {
                let (a, b) = (timed[timed.count - 2], timed[timed.count - 1])
                let exponent = log(b.secondsPerRealization / a.secondsPerRealization) / log(Double(b.dimension) / Double(a.dimension))
                seconds = b.secondsPerRealization * pow(Double(dimension) / Double(b.dimension), exponent)
            } else {
                let start = Date()
                _ = try job.record(realization: 0)
                seconds = Date().timeIntervalSince(start)
            }
            costs.append(Cost(length: length, dimension: dimension, secondsPerRealization: seconds, realizations: count,
                              estimatedSeconds: seconds * Double(count * disorders.count) / Double(workers), workers: workers))
        }
        return costs.filter { $0.realizations > 0 || lengths.contains($0.length) }
    }

    public static func describe(_ costs: [Cost]) -> String {
        var lines = ["L   D       s/realization  realizations x points  workers  estimated wall time"]
        for c in costs {
            lines.append(String(format: "%-3d %-7d %-14.3f ", c.length, c.dimension, c.secondsPerRealization)
                         + "\(c.realizations) x points".padding(toLength: 23, withPad: " ", startingAt: 0)
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
            var scan = ExactNumericsScan.Config()
            scan.problems = disorders.map { problem(length: length, disorder: $0) }
            scan.observables = [.levelStatistics]
            scan.realizations = [length: count]
            scan.seed = seed
            scan.window = window
            scan.directory = directory
            scan.quiet = quiet
            scan.commandLine = commandLine
            let results = try ExactNumericsScan.run(scan, sink: InMemorySink())
            columns.append(("r_L\(length)", results.map { $0.scalar(.meanRatio)?.mean ?? .nan }))
            columns.append(("r_L\(length)_err", results.map { $0.scalar(.meanRatio)?.error ?? .nan }))
        }
        let table = ColumnTable(columns: columns)
        var parameters: [(String, JSONValue)] = [("seed", .string(String(seed)))]
        if let window {
            parameters += [("method", .string(window.settings.method.rawValue)), ("levels", .integer(window.settings.levels)),
                           ("target_energy_density", .number(window.settings.targetDensity))]
        } else {
            parameters += [("method", .string("dense")), ("spectral_fraction", .number(1.0 / 3))]
        }
        try OutputRenderer.curve(table, metadata: OutputMetadata(parameters: parameters, commandLine: commandLine),
                                 format: .csv).write(to: directory.appendingPathComponent("luitz_r.csv"), atomically: true, encoding: .utf8)
        let crossings = Self.crossings(table, lengths: lengths)
        let crossingTable = ColumnTable(columns: [("L1", crossings.map { Double($0.smallerLength) }),
                                                  ("L2", crossings.map { Double($0.largerLength) }),
                                                  ("W_cross", crossings.map(\.disorder)), ("W_cross_err", crossings.map(\.error)),
                                                  ("published_W_c", crossings.map { _ in Self.publishedCrossing })])
        try OutputRenderer.curve(crossingTable, metadata: OutputMetadata(parameters: parameters, commandLine: commandLine),
                                 format: .csv).write(to: directory.appendingPathComponent("luitz_crossings.csv"), atomically: true, encoding: .utf8)
        return table
    }

    /// The crossings of consecutive sizes in a table of `run` (columns `W`, `r_L<L>`, `r_L<L>_err`).
    public static func crossings(_ table: ColumnTable, lengths: [Int]) -> [LevelStatisticsCrossing] {
        func column(_ name: String) -> [Double] { table.columns.first { $0.name == name }?.values ?? [] }
        let disorders = column("W")
        return zip(lengths, lengths.dropFirst()).map { small, large in
            LevelStatisticsCrossing(smallerLength: small, largerLength: large, disorders: disorders,
                                    smaller: (column("r_L\(small)"), column("r_L\(small)_err")),
                                    larger: (column("r_L\(large)"), column("r_L\(large)_err")))
        }
    }
}
