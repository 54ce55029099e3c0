import Foundation
import NumericKit
import SpinChains

/// How the eigenvectors of the window observables (`r`, matrix elements, criterion, entanglement
/// without a probe) are computed when they are all a run needs.
public enum WindowSolver: String, Sendable, CaseIterable, Codable {
    /// LAPACK: every eigenvalue, the window's eigenvectors (`symmetricEigenwindow`).
    case dense
    /// Spectrum slicing (SLEPc, shift-and-invert with MUMPS LDL^T factors) of the energy interval
    /// that inertia counts bracket around the index window, in the `resonance-sparse-real` worker:
    /// real Hamiltonians in one block (xxz in one S^z sector).
    case sparse
    /// `sparse` from `slicingDimension` on where it applies and the worker is installed, else `dense`.
    case auto
}

extension SparseWindowEngine {
    /// The slicing worker of one realization: one process, one BLAS thread (MUMPS' fronts at
    /// these dimensions are small; the cores go to parallel realizations or parts of the window).
    /// Open MPI's singleton start is cut from about 0.4 s to under 0.1 s (measured) by keeping
    /// it to itself: no runtime daemon, the `self` transport only, no UCX or OFI layers.
    public static var slicing: SparseWindowEngine {
        var engine = SparseWindowEngine(launch: .singleton)
        engine.blasThreads = 1
        engine.environment = ["OMPI_MCA_ess_singleton_isolated": "1", "OMPI_MCA_btl": "self", "OMPI_MCA_pml": "ob1",
                              "OMPI_MCA_mtl": "^ofi", "OMPI_MCA_osc": "^ucx,rdma"]
        return engine
    }
}

extension ExactRealization {
    /// The block dimension from which `WindowSolver.auto` slices. Measured with
    /// `resonance-benchmark observables --window-only` (xxz S^z = 0, docs/exact-numerics.md): at
    /// L = 12 (D = 924) the sliced window took 4.7 times the dense window's time, at L = 14
    /// (D = 3432) 0.83 of it; the power law through both crosses 1 near D = 3000.
    public static let slicingDimension = 3000

    /// SLEPc's convergence tolerance of the slicing (`SparseWindowSettings.tolerance`, 1e-12 for
    /// the shift-invert levels). At xxz `L = 14` it needs 3% fewer solves than 1e-12, and every
    /// value of a realization's record still agrees with the dense solver's to 1e-10 relative
    /// (measured: `<r>` 1.1e-11, the others 1.4e-12 at most; 1e-10 gave 1.9e-10 on `<r>`;
    /// docs/exact-numerics.md). `SlicedWindowTests` checks the agreement.
    public static let slicingTolerance = 1e-11

    /// Why the sliced window cannot serve this job (nil: it can).
    public var slicedWindowUnsupportedReason: String? {
        if !usesEigenvectorWindow { return "the sparse window solver serves only dense-method runs whose observables all live in the middle window (r, matrix-elements, criterion, entanglement without a probe) and need eigenvectors" }
        if !problem.hasRealHamiltonian { return "the sparse window solver needs a real Hamiltonian" }
        if problem.blockDimensions.count != 1 { return "the sparse window solver needs one symmetry block (xxz in one S^z sector)" }
        if let reason = problem.sparseWindowUnsupportedReason { return reason }
        return nil
    }

    /// Whether `record(realization:)` computes the window by spectrum slicing: `windowSolver`
    /// resolved (`auto`: the dimension reaches `slicingDimension` and the worker is installed).
    public func slicesWindow() throws -> Bool {
        switch windowSolver {
        case .dense: return false
        case .sparse:
            if let reason = slicedWindowUnsupportedReason { throw ExactNumericsError.invalid("--window-solver sparse: \(reason)") }
            return true
        case .auto:
            return usesEigenvectorWindow && slicedWindowUnsupportedReason == nil
                && (problem.blockDimensions.first ?? 0) >= Self.slicingDimension && slicingWorkerInstalled
        }
    }

    /// Whether `resonance-sparse-real` is where `windowEngine` looks for it.
    public var slicingWorkerInstalled: Bool {
        let worker = windowEngine.resolvedWorkerDirectory()
            .appendingPathComponent(SparseWindowEngine.workerName(realHamiltonian: true))
        return FileManager.default.isExecutableFile(atPath: worker.path)
    }

    /// The eigenpairs the slicing must return for a block of dimension `d`: the indices of the
    /// middle window (for `r`, the criterion and the entanglement) and of the matrix-element
    /// windows, and every state within `delta/2` of the middle window's edges (the criterion's
    /// partners), with the spare states the slicing's interval reaches beyond them.
    public func sliceRequest(dimension d: Int) -> SparseIndexWindow {
        let selected = Set(observables)
        var lower = d, upper = 0
        func include(_ r: Range<Int>) {
            if !r.isEmpty { lower = min(lower, r.lowerBound); upper = max(upper, r.upperBound) }
        }
        if !selected.isDisjoint(with: [.levelStatistics, .criterion, .entanglement]) {
            include(middleWindow(count: d, fraction: settings.spectralFraction))
        }
        if selected.contains(.matrixElements) && d >= 4 {
            let (first, second) = settings.matrixElementWindows.ranges(count: d)
            include(first); include(second)
        }
        if lower >= upper { lower = 0; upper = min(d, 1) }
        let pad = selected.contains(.criterion) ? settings.criterionWindow / 2 : 0
        return SparseIndexWindow(indices: lower..<upper, lowerPad: pad, upperPad: pad, spare: SparseIndexWindow.defaultSpare(dimension: d))
    }

    /// Each block's eigenvalues and window eigenvectors, by the dense or the sliced solver. With
    /// `auto`, a failed worker (it cannot start, or a check fails) leaves the realization to the
    /// dense solver, which gives the same states and values (to 1e-10); `sparse` reports it.
    /// Returns the windows and the solver that computed them (`.dense` or `.sparse`).
    func eigenstateWindows(fields: DisorderFields, stages: StageTimes) throws -> (windows: [EigenstateWindow], solver: WindowSolver) {
        if try slicesWindow() {
            do { return (try slicedEigenstateWindows(fields: fields, stages: stages), .sparse) } catch where windowSolver == .auto {}
        }
        return (try problem.eigenstateWindows(fields: fields, stages: stages) { vectorWindow(energies: $0) }, .dense)
    }

    /// The window of the one block by spectrum slicing. The eigenvalues outside the computed
    /// interval are NaN in `energies`: no window observable reads them (`vectorWindow` picks the
    /// same states as on the dense spectrum, and the returned interval reaches at least one state
    /// beyond every edge it needs, which is checked here). With `parts` > 1 (default: the BLAS
    /// threads this realization was given, i.e. its cores) the index window is cut into that many
    /// consecutive pieces, each sliced by its own worker process at the same time, and the pieces
    /// are joined by index (their spare states overlap).
    func slicedEigenstateWindows(fields: DisorderFields, stages: StageTimes, parts: Int? = nil) throws -> [EigenstateWindow] {
        let d = problem.blockDimensions.first ?? 0
        let request = sliceRequest(dimension: d)
        let wanted = request.indices
        let count = max(1, min(parts ?? BLASRuntime.threads, wanted.count / 200))
        let pieces: [SparseIndexWindow] = (0..<count).map { p in
            let lower = wanted.lowerBound + wanted.count * p / count, upper = wanted.lowerBound + wanted.count * (p + 1) / count
            var piece = request
            piece.lowerIndex = lower
            piece.upperIndex = upper
            if p > 0 { piece.lowerPad = 0 }
            if p < count - 1 { piece.upperPad = 0 }
            return piece
        }
        let results = ResultSlots(count)
        let engine = windowEngine, problem = problem
        stages.measure(Stage.eigensolver) {
            DispatchQueue.concurrentPerform(iterations: count) { p in
                var solve = SparseWindowSettings()
                solve.wantVectors = true
                solve.tolerance = Self.slicingTolerance
                solve.indexWindow = pieces[p]
                results.set(p, Result { try engine.solve(problem: problem, fields: fields, settings: solve) })
            }
        }
        // Join: each piece's states from its first index on, up to where the next piece starts.
        var energies = [Double](repeating: .nan, count: d)
        var columns: [Int: ArraySlice<Double>] = [:]
        var known = d..<d
        for p in 0..<count {
            guard let result = try results.get(p), case let .real(vectors)? = result.vectors, result.dimension == d else {
                throw ExactNumericsError.invalid("the sparse window solver returned no real eigenvectors of dimension \(d)")
            }
            let range = result.firstIndex..<(result.firstIndex + result.energies.count)
            guard p == 0 || range.lowerBound <= known.upperBound else {
                throw ExactNumericsError.invalid("the sliced pieces of the window leave a gap at state \(known.upperBound) of \(d)")
            }
            known = p == 0 ? range : known.lowerBound..<max(known.upperBound, range.upperBound)
            for i in range where columns[i] == nil {
                energies[i] = result.energies[i - range.lowerBound]
                columns[i] = vectors.elements[((i - range.lowerBound) * d)..<((i - range.lowerBound + 1) * d)]
            }
        }
        let held = vectorWindow(energies: energies)
        guard known.lowerBound <= wanted.lowerBound, known.upperBound >= wanted.upperBound,
              known.contains(held.lowerBound), known.contains(held.upperBound - 1),
              held.lowerBound == 0 || held.lowerBound > known.lowerBound,
              held.upperBound == d || held.upperBound < known.upperBound else {
            throw ExactNumericsError.invalid("the sparse window solver returned states \(known) of \(d), which do not cover the window \(held) and one state beyond it")
        }
        var elements = [Double]()
        elements.reserveCapacity(d * held.count)
        for i in held { elements.append(contentsOf: columns[i]!) }
        let basis = try problem.windowBasis()
        return [EigenstateWindow(energies: energies, window: held, vectors: .real(Matrix(rows: d, columns: held.count, elements: elements)),
                                 basis: basis)]
    }
}

/// The results of concurrent worker calls, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<SparseWindowResult?, Error>?]
    private let lock = NSLock()
    init(_ count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ result: Result<SparseWindowResult?, Error>) { lock.lock(); slots[k] = result; lock.unlock() }
    func get(_ k: Int) throws -> SparseWindowResult? {
        lock.lock(); defer { lock.unlock() }
        return try slots[k]?.get() ?? nil
    }
}

extension ExactRealization {
    /// A warning when stored records of a resumed run were computed by another window solver than
    /// the one this invocation plans (`auto` may resolve differently on another machine, or fall
    /// back to `dense`): the values agree to 1e-10, not bit for bit. nil when they agree, when the
    /// records do not say (written before the solver was recorded) or without an eigenvector window.
    public func windowSolverWarning(previous: [RealizationRecord], label: String) throws -> String? {
        guard usesEigenvectorWindow else { return nil }
        let planned = try slicesWindow() ? WindowSolver.sparse : .dense
        let others = previous.compactMap(\.windowSolver).filter { $0 != planned.rawValue }
        guard let other = others.first else { return nil }
        return "\(label): \(others.count) of the \(previous.count) stored realizations were computed by the \(other) window solver, "
            + "this invocation computes by \(planned.rawValue) (--window-solver \(windowSolver.rawValue)); "
            + "the two agree to 1e-10, not bit for bit (each record's window_solver says which)"
    }
}
