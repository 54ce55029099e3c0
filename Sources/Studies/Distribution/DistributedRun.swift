import Foundation

/// A run whose realizations are distributed over the ranks of an MPI job.
///
/// The ranks form groups of `ranksPerRealization` (`MPI_Comm_split`); group `g` of `G` computes
/// shard `g/G` of the run (realizations `k mod G == g`) into `<out>/shards/shard-g-of-G`, its
/// own directory with its own writer (the group's first rank), resumable like any run. When
/// every group is done, rank 0 joins the shards (`RealizationMerge`) and writes `<out>` exactly
/// as a run computed in one process would be written, recording the number of ranks. The
/// results are those of one process provided each realization runs with the same number of
/// BLAS threads (`--blas-threads`).
///
/// The dense engine computes a realization on one rank, so `ranksPerRealization` is 1 there. A
/// sparse window (shift-invert, polynomial filter) with `ranksPerRealization` R > 1 runs each
/// solve of a group on R ranks: the group's first rank starts the worker as a fresh
/// `mpirun -n R` job on its node (the worker processes cannot join this job, whose ranks have
/// started MPI themselves), and the group's other ranks wait without polling, leaving their
/// cores to that job. The group's ranks therefore belong on one node (`--map-by core`, or R
/// dividing the ranks per node); the results equal those of one rank per realization.
public struct DistributedRun {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public var world: MPICommunicator
    public var ranksPerRealization: Int

    public init(world: MPICommunicator, ranksPerRealization: Int = 1) throws {
        guard ranksPerRealization >= 1, world.size % ranksPerRealization == 0 else {
            throw Failure(description: "--ranks-per-realization: must divide the number of ranks \(world.size), got \(ranksPerRealization)")
        }
        self.world = world
        self.ranksPerRealization = ranksPerRealization
    }

    public var groups: Int { world.size / ranksPerRealization }

    public static func shardsFolder(of directory: URL) -> URL { directory.appendingPathComponent("shards") }

    /// Runs `plan` (its directory is the run's `<out>`) on every rank; returns the merged result on
    /// rank 0 and nil on the others.
    @discardableResult
    public func execute(_ plan: ExactNumericsRun) throws -> ExactNumericsResult? {
        let start = Date()
        let group = world.rank / ranksPerRealization
        let part = try world.split(color: group, key: world.rank)
        let shard = try RealizationShard(index: group, count: groups)
        var shardPlan = plan
        shardPlan.shard = shard
        shardPlan.directory = Self.shardsFolder(of: plan.directory).appendingPathComponent(shard.directoryName)
        shardPlan.ranks = world.size
        shardPlan.quiet = plan.quiet || world.rank != 0
        let cores = plan.cores ?? ProcessInfo.processInfo.activeProcessorCount
        shardPlan.cores = max(1, cores / max(1, MPIEnvironment.localRanks()))
        if ranksPerRealization > 1 {
            guard var window = shardPlan.realization.window else {
                throw Failure(description: "--ranks-per-realization: R = \(ranksPerRealization) shares a sparse (shift-invert or polynomial-filter) solve over R ranks, but this run is diagonalised densely (LAPACK, one rank per realization): use R = 1")
            }
            window.engine.launch = .mpirun(ranks: ranksPerRealization)
            shardPlan.realization.window = window
            shardPlan.cores = shardPlan.cores! * ranksPerRealization
        }
        var failure: Error?
        var computed = 0
        if part.rank == 0 {
            do { computed = try shardPlan.executeTimed().timing.computed } catch { failure = error }
        }
        let failedRanks = try world.sumSleeping(failure == nil ? 0 : 1)
        if let failure { throw failure }
        guard failedRanks == 0 else {
            throw Failure(description: "\(failedRanks) rank(s) failed; their shards in \(Self.shardsFolder(of: plan.directory).path) resume when the command is run again")
        }
        let totalComputed = try world.sum(computed)
        var result: ExactNumericsResult?
        var mergeFailure: Error?
        if world.rank == 0 {
            do { result = try merge(plan, shardPlan: shardPlan, start: start, computed: totalComputed) } catch { mergeFailure = error }
        }
        // Every rank learns whether the merge worked, so that none waits for the others in vain.
        let mergeFailed = try world.sum(mergeFailure == nil ? 0 : 1)
        if let mergeFailure { throw mergeFailure }
        guard mergeFailed == 0 else { throw Failure(description: "rank 0 could not merge the shards of \(plan.directory.path)") }
        return result
    }

    func merge(_ plan: ExactNumericsRun, shardPlan: ExactNumericsRun, start: Date, computed totalComputed: Int) throws -> ExactNumericsResult {
        do {
            let sources = try (0..<groups).map { g -> RealizationMerge.Source in
                let name = try RealizationShard(index: g, count: groups).directoryName
                return .init(name: name, records: try plan.records(in: Self.shardsFolder(of: plan.directory).appendingPathComponent(name)))
            }
            let merge = RealizationMerge(sources: sources, expected: plan.realizations)
            guard merge.isComplete, merge.conflicting.isEmpty else {
                throw Failure(description: "the shards of \(plan.directory.path) do not make a whole run: \(merge.summary)")
            }
            let (workers, threads) = shardPlan.parallelism()
            let timing = RunTiming(wallSeconds: Date().timeIntervalSince(start), computed: totalComputed, workers: workers,
                                   blasThreads: threads, realizationSeconds: merge.records.map(\.seconds), ranks: world.size,
                                   stageSeconds: RunTiming.meanStageSeconds(merge.records))
            return try plan.writeMerged(merge.records, sources: sources.map { "shards/" + $0.name }, timing: timing)
        }
    }
}
