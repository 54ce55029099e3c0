import ArgumentParser
import Foundation
import Studies

/// Where the realizations of `ed run` and `ed scan` are computed: in this process, or, when the
/// process is a rank of `mpirun`, distributed over the ranks (MPI is started only then).
enum DistributionOptions {
    /// `--ranks-per-realization R`: 1 for the dense engine; R > 1 shares each sparse solve over
    /// R ranks of an enclosing mpirun (not together with `--ranks`, which starts its own jobs).
    static func validate(ranksPerRealization: Int, method: EDMethodOptions) throws {
        guard (1...1_000_000).contains(ranksPerRealization) else {
            throw ValidationError("--ranks-per-realization must be in 1...1000000, got \(ranksPerRealization)")
        }
        guard ranksPerRealization > 1 else { return }
        guard method.method != .dense else {
            throw ValidationError("--ranks-per-realization: the dense (LAPACK) engine computes each realization on one rank, so R must be 1; R > 1 shares a --method shift-invert, polynomial-filter or auto solve")
        }
        guard method.ranks == nil else {
            throw ValidationError("--ranks-per-realization: not together with --ranks (which starts its own mpirun job per solve)")
        }
        guard MPIEnvironment.isLaunched() else {
            throw ValidationError("--ranks-per-realization: R > 1 applies under mpirun (R of its ranks share each realization); without mpirun, --ranks \(ranksPerRealization) runs each solve on \(ranksPerRealization) ranks")
        }
    }

    /// Runs the plan here, or over the MPI ranks; the result on the process that wrote it (nil on
    /// the other ranks).
    static func execute(_ plan: ExactNumericsRun, ranksPerRealization: Int) throws -> ExactNumericsResult? {
        guard MPIEnvironment.isLaunched() else { return try ExactNumericsRun.run(plan, sink: InMemorySink()) }
        guard plan.shard == nil else {
            throw ValidationError("--shard: not under mpirun, where every rank computes its own shard")
        }
        return try DistributedRun(world: try MPICommunicator.world(), ranksPerRealization: ranksPerRealization).execute(plan)
    }
}
