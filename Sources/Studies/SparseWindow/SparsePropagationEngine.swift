import Foundation
import SpinChains

extension SparseWindowEngine {
    /// `C(t)` of one realization by the distributed Chebyshev propagation in a worker
    /// (`SparsePropagationJob`): `resonance-sparse-real` where the Hamiltonian is real (a complex
    /// vector as two real ones), `resonance-sparse-complex` otherwise, launched as the engine's
    /// `launch` says (`.mpirun(ranks: R)`: an R-rank job). On ranks other than 0 of an inherited
    /// mpirun job the worker writes nothing and this returns nil.
    public func propagate(_ job: SparsePropagationJob) throws -> SparsePropagationResult? {
        let (problem, _) = try job.system.decoded()
        let real = problem.hasRealHamiltonian && !alwaysComplexBuild
        let worker = resolvedWorkerDirectory().appendingPathComponent(Self.workerName(realHamiltonian: real))
        guard FileManager.default.isExecutableFile(atPath: worker.path) else { throw EngineError.workerMissing(worker.path) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-propagation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let jobFile = scratch.appendingPathComponent("job.json")
        let resultFile = scratch.appendingPathComponent("result.json")
        try job.json().write(to: jobFile)
        try runWorker(worker, arguments: [SparsePropagationJob.workerCommand, jobFile.path, resultFile.path], scratch: scratch)
        if launch == .inherit && Self.launcherRank != 0 { return nil }
        return try SparsePropagationResult(json: Data(contentsOf: resultFile))
    }
}
