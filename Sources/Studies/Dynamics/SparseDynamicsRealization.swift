import Foundation
import SpinChains

extension DynamicsRun {
    /// Realization `k` on the PETSc engine: the worker propagates the same `R` Haar-random states
    /// from `(seed, k, state)` as the matrix-free engine, on the ranks `sparseEngine` launches, and
    /// returns `C(t)` per state; the record is the one `realization` writes.
    func sparseRealization(_ k: Int, progress: ProgressReporter?) throws -> RealizationRecord {
        if let reason = dynamics.unsupportedReason { throw EDProblem.ProblemError.unsupported(reason) }
        let fields = problem.drawFields(seed: seed, realization: UInt64(k))
        let job = SparsePropagationJob(problem: problem, fields: fields, seed: seed, realization: UInt64(k), states: states,
                                       site: dynamics.operatorSite, times: times)
        let start = Date()
        guard let result = try sparseEngine.propagate(job) else { return RealizationRecord(realization: k, values: [:]) }
        if dynamics.dimension >= 1 << 14 {
            progress?.note(String(format: "realization %d: %d states on %d ranks, %.1f s", k, states, result.ranks, Date().timeIntervalSince(start)))
        }
        var values: [String: [Double]] = [:]
        values[.correlator] = Self.mean(result.values)
        values[.correlatorStateError] = Self.standardError(result.values)
        values[.spectralInterval] = result.interval
        values[.operatorProducts] = [Double(result.products)]
        return RealizationRecord(realization: k, values: values)
    }
}
