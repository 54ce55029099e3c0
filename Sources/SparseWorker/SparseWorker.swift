import ComplexModule
import CSparseWindowAPI
import Foundation
import NumericKit
import SpinChains

/// The body of the worker executables `resonance-sparse-real` and `resonance-sparse-complex`:
///
///     resonance-sparse-<scalar> JOB.json RESULT.bin
///     resonance-sparse-<scalar> propagate JOB.json RESULT.json   (`SparsePropagationWorker`)
///
/// Each MPI rank (one process without mpirun) reads the job, generates its own rows of `H` from
/// the basis (PETSc's contiguous row split; no rank holds other rows, nothing dense is formed),
/// and calls the C solver, which is collective. Rank 0 writes the result file; a failure exits
/// with status 1 and one line on stderr (rank 0 only).
public enum SparseWorker {
    public static func main(arguments: [String]) -> Int32 {
        var clock = WorkerStageClock()
        guard sparse_window_initialize(0, nil) == 0 else {
            FileHandle.standardError.write(Data("shift-invert worker: MPI/PETSc/SLEPc initialization failed\n".utf8))
            return 1
        }
        defer {
            sparse_window_finalize()
            clock.mark("finalize")
        }
        clock.mark("MPI/PETSc start")
        let rank = sparse_window_rank()
        do {
            if arguments.count == 4 && arguments[1] == SparsePropagationJob.workerCommand {
                let result = try SparsePropagationWorker.run(try SparsePropagationJob(json: Data(contentsOf: URL(fileURLWithPath: arguments[2]))))
                if rank == 0 { try result.json().write(to: URL(fileURLWithPath: arguments[3])) }
                return 0
            }
            guard arguments.count == 3 else { throw WorkerError("usage: \(arguments.first ?? "worker") JOB.json RESULT.bin") }
            let job = try SparseWindowJob(json: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
            clock.mark("read job")
            let result = try solve(job)
            clock.mark("solve")
            if rank == 0 { try result.write(to: URL(fileURLWithPath: arguments[2])) }
            clock.mark("result written")
            return 0
        } catch {
            if rank == 0 { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            return 1
        }
    }

    struct WorkerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func solve(_ job: SparseWindowJob) throws -> SparseWindowResult {
        if let window = job.settings.indexWindow { return try solveIndexWindow(job, window) }
        let (problem, fields) = try job.decoded()
        let settings = job.settings
        let basis = try problem.windowBasis()
        let hamiltonian = try problem.hamiltonianOperator(fields: fields)
        let complex = sparse_window_scalar_kind() == 2
        if !complex && !hamiltonian.isReal {
            throw WorkerError("the Hamiltonian is complex: it needs the complex worker")
        }
        let d = basis.dimension
        guard settings.levels >= 1, settings.levels <= d else {
            throw WorkerError("--levels must be in 1...\(d) (the sector dimension), got \(settings.levels)")
        }
        var start: Int32 = 0, end: Int32 = 0
        guard sparse_window_ownership(Int32(d), &start, &end) == 0 else { throw WorkerError("cannot split \(d) rows over the ranks") }
        let assemblyStart = Date()
        let rows = hamiltonian.sparseRows(in: basis, rows: Int(start)..<Int(end), complex: complex)
        let assemblySeconds = Date().timeIntervalSince(assemblyStart)
        let n = settings.levels
        let rank = sparse_window_rank()
        var energies = [Double](repeating: 0, count: n)
        var residuals = [Double](repeating: 0, count: n)
        var vectors = [Double](repeating: 0, count: settings.wantVectors && rank == 0 ? d * n * (complex ? 2 : 1) : 0)
        var cSettings = sparse_window_settings(
            target_density: settings.targetDensity, levels: Int32(n), tolerance: settings.tolerance,
            residual_tolerance: settings.residualTolerance, use_cholesky: complex ? 0 : 1,
            want_vectors: settings.wantVectors ? 1 : 0, memory_limit_bytes: settings.memoryLimitBytes,
            method: settings.method == .shiftInvert ? Int32(SPARSE_WINDOW_SHIFT_INVERT) : Int32(SPARSE_WINDOW_POLYNOMIAL_FILTER))
        var result = sparse_window_result()
        let code: Int32 = rows.rowOffsets.withUnsafeBufferPointer { offsets in
            rows.columns.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    energies.withUnsafeMutableBufferPointer { e in
                        residuals.withUnsafeMutableBufferPointer { r in
                            vectors.withUnsafeMutableBufferPointer { v in
                                var cRows = sparse_window_rows(dimension: Int32(d), row_start: start, row_end: end,
                                                               row_offsets: offsets.baseAddress, columns: columns.baseAddress,
                                                               values: values.baseAddress)
                                result.eigenvalues = e.baseAddress
                                result.residuals = r.baseAddress
                                result.vectors = v.baseAddress
                                return sparse_window_solve(&cRows, &cSettings, &result)
                            }
                        }
                    }
                }
            }
        }
        if code != 0 {
            let message = withUnsafeBytes(of: result.message) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            throw WorkerError(message.isEmpty ? "the window solver failed (PETSc error \(code))" : message)
        }
        var vectorMatrix: EigenvectorMatrix?
        if settings.wantVectors && rank == 0 {
            if complex {
                let elements = (0..<(d * n)).map { Complex(vectors[2 * $0], vectors[2 * $0 + 1]) }
                vectorMatrix = .complex(Matrix(rows: d, columns: n, elements: elements))
            } else {
                vectorMatrix = .real(Matrix(rows: d, columns: n, elements: vectors))
            }
        }
        return SparseWindowResult(
            minimumEnergy: result.minimum_energy, maximumEnergy: result.maximum_energy, targetEnergy: result.target_energy,
            energies: energies, residuals: residuals, vectors: vectorMatrix, dimension: d, ranks: Int(sparse_window_size()),
            matrixNonzeros: Int(result.matrix_nonzeros), estimatedFactorBytes: result.estimated_factor_bytes,
            factorBytes: result.factor_bytes, peakResidentBytesMax: result.peak_resident_bytes_max,
            peakResidentBytesSum: result.peak_resident_bytes_sum, secondsBounds: result.seconds_bounds,
            secondsAnalysis: result.seconds_analysis, secondsFactorization: result.seconds_factorization,
            secondsSolve: result.seconds_solve, secondsVectors: result.seconds_vectors, secondsAssembly: assemblySeconds)
    }
}
