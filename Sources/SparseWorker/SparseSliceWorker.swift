import CSparseWindowAPI
import Foundation
import NumericKit
import SpinChains

extension SparseWorker {
    /// Every eigenpair of `window` (and its pads and spares) by spectrum slicing, one process,
    /// real symmetric Hamiltonians (see `SparseIndexWindow` and `sparse_slice_api.h`).
    static func solveIndexWindow(_ job: SparseWindowJob, _ window: SparseIndexWindow) throws -> SparseWindowResult {
        var clock = WorkerStageClock()
        let (problem, fields) = try job.decoded()
        let settings = job.settings
        let basis = try problem.windowBasis()
        let hamiltonian = try problem.hamiltonianOperator(fields: fields)
        clock.mark("basis, operator")
        guard sparse_window_scalar_kind() == 1, hamiltonian.isReal else {
            throw WorkerError("the index-window solver needs a real symmetric Hamiltonian and the real worker")
        }
        guard sparse_window_size() == 1 else { throw WorkerError("the index-window solver runs on one process") }
        let d = basis.dimension
        guard window.lowerIndex >= 0, window.lowerIndex < window.upperIndex, window.upperIndex <= d else {
            throw WorkerError("the index window \(window.lowerIndex)..<\(window.upperIndex) must lie in 0..<\(d) (the block's dimension)")
        }
        let assemblyStart = Date()
        let rows = hamiltonian.sparseRows(in: basis, rows: 0..<d, complex: false)
        let assemblySeconds = Date().timeIntervalSince(assemblyStart)
        clock.mark("rows")
        var cSettings = sparse_slice_settings(
            lower_index: Int32(window.lowerIndex), upper_index: Int32(window.upperIndex), lower_pad: window.lowerPad,
            upper_pad: window.upperPad, spare: Int32(window.spare), states_per_shift: Int32(window.statesPerShift),
            tolerance: settings.tolerance, residual_tolerance: settings.residualTolerance,
            memory_limit_bytes: settings.memoryLimitBytes)
        var result = sparse_slice_result()
        let code: Int32 = rows.rowOffsets.withUnsafeBufferPointer { offsets in
            rows.columns.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    var cRows = sparse_window_rows(dimension: Int32(d), row_start: 0, row_end: Int32(d),
                                                   row_offsets: offsets.baseAddress, columns: columns.baseAddress,
                                                   values: values.baseAddress)
                    return sparse_slice_solve(&cRows, &cSettings, &result)
                }
            }
        }
        defer { sparse_slice_release(&result) }
        if code != 0 {
            let message = withUnsafeBytes(of: result.message) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            throw WorkerError(message.isEmpty ? "the index-window solver failed (PETSc error \(code))" : message)
        }
        clock.mark("C solver (total)")
        let n = Int(result.returned)
        let energies = Array(UnsafeBufferPointer(start: result.eigenvalues, count: n))
        let residuals = Array(UnsafeBufferPointer(start: result.residuals, count: n))
        let vectors = Array(UnsafeBufferPointer(start: result.vectors, count: d * n))
        let peak = Double(residentPeakBytes())
        var answer = SparseWindowResult(
            minimumEnergy: result.lower, maximumEnergy: result.upper, targetEnergy: 0.5 * (result.lower + result.upper),
            energies: energies, residuals: residuals, vectors: .real(Matrix(rows: d, columns: n, elements: vectors)),
            dimension: d, ranks: 1, matrixNonzeros: Int(result.matrix_nonzeros), estimatedFactorBytes: result.estimated_factor_bytes,
            factorBytes: 0, peakResidentBytesMax: peak, peakResidentBytesSum: peak, secondsBounds: 0,
            secondsAnalysis: result.seconds_search, secondsSolve: result.seconds_solve, secondsVectors: result.seconds_vectors,
            secondsAssembly: assemblySeconds)
        answer.firstIndex = Int(result.first_index)
        clock.mark("result arrays")
        return answer
    }

    /// The peak resident set of this process (Linux: kilobytes in ru_maxrss).
    private static func residentPeakBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}
