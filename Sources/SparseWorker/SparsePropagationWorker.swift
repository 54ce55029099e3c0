import ComplexModule
import CSparseWindowAPI
import Foundation
import SpinChains

/// The propagation mode of the worker executables (`resonance-sparse-<scalar> propagate JOB
/// RESULT`): each rank generates its rows of `H` (PETSc's contiguous split) and its rows of each
/// Haar-random state, drawn as the matrix-free engine draws them; the C side holds `phi` and
/// `chi` as distributed vectors and runs the Chebyshev recurrence with MatMult. The expansion's
/// coefficients come from `ChebyshevPropagator.expansion` on the interval of the Krylov-Schur
/// extremes widened by `margin` of the width.
enum SparsePropagationWorker {
    static func run(_ job: SparsePropagationJob) throws -> SparsePropagationResult {
        let (problem, fields) = try job.system.decoded()
        var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        dynamics.threads = 1
        let hamiltonian = try problem.hamiltonianOperator(fields: fields)
        let complex = sparse_window_scalar_kind() == 2
        if !complex && !hamiltonian.isReal {
            throw SparseWorker.WorkerError("the Hamiltonian is complex: it needs the complex worker")
        }
        let basis = FullBasis(siteCount: dynamics.siteCount)
        let d = basis.dimension
        guard job.site >= 0, job.site < dynamics.siteCount else { throw SparseWorker.WorkerError("the site of A is outside the chain") }
        var start: Int32 = 0, end: Int32 = 0
        guard sparse_window_ownership(Int32(d), &start, &end) == 0 else { throw SparseWorker.WorkerError("cannot split \(d) rows over the ranks") }
        let assemblyStart = Date()
        let rows = hamiltonian.sparseRows(in: basis, rows: Int(start)..<Int(end), complex: complex)
        let assemblySeconds = Date().timeIntervalSince(assemblyStart)
        var info = sparse_propagation_info()
        var handle: OpaquePointer?
        let created: Int32 = rows.rowOffsets.withUnsafeBufferPointer { offsets in
            rows.columns.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    var cRows = sparse_window_rows(dimension: Int32(d), row_start: start, row_end: end, row_offsets: offsets.baseAddress,
                                                   columns: columns.baseAddress, values: values.baseAddress)
                    return sparse_propagation_create(&cRows, &handle, &info)
                }
            }
        }
        guard created == 0, let propagation = handle else { throw SparseWorker.WorkerError(message(info)) }
        defer { sparse_propagation_destroy(propagation) }
        let width = info.maximum_energy - info.minimum_energy
        let interval = SpectralInterval(lower: info.minimum_energy - job.margin * width, upper: info.maximum_energy + job.margin * width)
        var values: [[Double]] = []
        for s in 0..<job.states {
            let psi = dynamics.randomState(seed: job.seed, realization: job.realization, index: s)
            var local = [Double](repeating: 0, count: 2 * Int(end - start))
            for i in 0..<Int(end - start) {
                local[2 * i] = psi[Int(start) + i].real
                local[2 * i + 1] = psi[Int(start) + i].imaginary
            }
            var norm = 0.0
            try check(sparse_propagation_load(propagation, local, Int32(job.site), &norm), "loading the state")
            var now = 0.0
            var row: [Double] = []
            for t in job.times {
                if t > now {
                    let (steps, coefficients, phase) = ChebyshevPropagator.expansion(t - now, interval: interval, tolerance: job.tolerance,
                                                                                      maximumStep: job.maximumStep)
                    let flat = coefficients.flatMap { [$0.real, $0.imaginary] }
                    try check(sparse_propagation_expand(propagation, flat, Int32(coefficients.count), interval.center, interval.halfWidth,
                                                        Int32(steps), phase.real, phase.imaginary), "the Chebyshev expansion")
                    now = t
                }
                var value = 0.0
                try check(sparse_propagation_correlation(propagation, Int32(job.site), &value), "the correlation")
                row.append(value / norm)
            }
            values.append(row)
        }
        _ = sparse_propagation_statistics(propagation, &info)
        return SparsePropagationResult(
            values: values, interval: [interval.lower, interval.upper], products: Int(info.products), ranks: Int(sparse_window_size()),
            dimension: d, matrixNonzeros: Int(info.matrix_nonzeros), secondsAssembly: assemblySeconds, secondsBounds: info.seconds_bounds,
            secondsPropagation: info.seconds_propagation, peakResidentBytesMax: info.peak_resident_bytes_max)
    }

    static func message(_ info: sparse_propagation_info) -> String {
        let text = withUnsafeBytes(of: info.message) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
        return text.isEmpty ? "the distributed propagation failed" : text
    }

    static func check(_ code: Int32, _ what: String) throws {
        if code != 0 { throw SparseWorker.WorkerError("PETSc error \(code) in \(what)") }
    }
}
