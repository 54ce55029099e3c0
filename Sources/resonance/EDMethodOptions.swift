import ArgumentParser
import Foundation
import SpinChains
import Studies

/// How `ed spectrum|run|scan|study` obtain eigenpairs.
enum EDMethod: String, ExpressibleByArgument, CaseIterable {
    case dense
    case shiftInvert = "shift-invert"
    case polynomialFilter = "polynomial-filter"
    case auto
}

/// `--method`, `--target-energy`, `--levels`, `--max-memory`, `--ranks`: the choice between dense
/// diagonalization (every eigenpair) and a sparse window of eigenpairs around a target energy.
struct EDMethodOptions: ParsableArguments {
    @Option(help: "dense (LAPACK, every eigenpair), shift-invert (PETSc/SLEPc + MUMPS, --levels eigenpairs at --target-energy), polynomial-filter (SLEPc's Chebyshev filter, matrix-vector products only), or auto (shift-invert from dimension \(SparseWindowCost.autoCrossoverDimension) on; the polynomial filter where shift-invert's factorization would exceed --max-memory).")
    var method: EDMethod = .dense

    @Option(name: .customLong("target-energy"), help: "Energy density (E - Emin)/(Emax - Emin) of the window's centre, in (0, 1) (sparse methods).")
    var targetEnergy: Double = 0.5

    @Option(help: "Number of eigenpairs nearest the target (sparse methods), at most the sector dimension.")
    var levels: Int = 50

    @Option(name: .customLong("max-memory"), help: "Memory limit in GiB for the factorization (default: 80% of physical memory); larger jobs are refused up front.")
    var maxMemory: Double?

    @Option(help: "Run each sparse solve as an mpirun job of this many ranks on this node (default: 1, or the ranks of an enclosing mpirun).")
    var ranks: Int?

    /// The sparse method for a problem, or nil for dense (`auto`: by the window's dimension).
    func sparseMethod(for problem: EDProblem) -> SparseWindowMethod? {
        switch method {
        case .dense: return nil
        case .shiftInvert: return .shiftInvert
        case .polynomialFilter: return .polynomialFilter
        case .auto:
            guard problem.sparseWindowUnsupportedReason == nil else { return nil }
            guard problem.windowDimension >= SparseWindowCost.autoCrossoverDimension else { return nil }
            // The filter needs only matrix-vector products: it wins where the factor does not fit.
            let factorised = SparseWindowCost.estimatedBytes(problem: problem, levels: levels, method: .shiftInvert)
            return factorised > memoryLimitBytes ? .polynomialFilter : .shiftInvert
        }
    }

    /// The memory limit in bytes.
    var memoryLimitBytes: Double {
        maxMemory.map { $0 * 1_073_741_824 } ?? 0.8 * Double(ProcessInfo.processInfo.physicalMemory)
    }

    /// Checks the options alone (one line per problem, naming the option).
    func validateOptions() throws {
        guard targetEnergy.isFinite, targetEnergy > 0, targetEnergy < 1 else {
            throw ValidationError("--target-energy must be in (0, 1) (got \(targetEnergy))")
        }
        guard levels >= 1 else { throw ValidationError("--levels must be >= 1 (got \(levels))") }
        if let maxMemory {
            guard maxMemory.isFinite, maxMemory > 0, maxMemory <= 1_048_576 else {
                throw ValidationError("--max-memory must be a number of GiB in (0, 1048576] (got \(maxMemory))")
            }
        }
        if let ranks { guard (1...4096).contains(ranks) else { throw ValidationError("--ranks must be in 1...4096 (got \(ranks))") } }
    }

    /// The window plan for `problem`, or nil when it is diagonalised densely; checks what depends
    /// on the problem: support, `--levels` against the sector, the memory estimate.
    func plan(for problem: EDProblem, observables: [ExactObservable] = [.levelStatistics]) throws -> SparseWindowPlan? {
        try validateOptions()
        guard let sparse = sparseMethod(for: problem) else {
            if ranks != nil { throw ValidationError("--ranks applies to --method shift-invert, polynomial-filter or auto above the crossover") }
            return nil
        }
        if let reason = problem.sparseWindowUnsupportedReason { throw ValidationError(reason) }
        let dimension = problem.windowDimension
        guard levels <= dimension else {
            throw ValidationError("--levels must be at most the sector dimension \(dimension) (got \(levels))")
        }
        let unsupported = observables.filter { !SparseWindowPlan.windowObservables.contains($0) }
        if !unsupported.isEmpty {
            throw ValidationError("--observables: \(unsupported.map(\.rawValue).joined(separator: ", ")) need the whole spectrum; use --method dense (window observables: \(SparseWindowPlan.windowObservables.sorted().map(\.rawValue).joined(separator: ", ")))")
        }
        let estimate = SparseWindowCost.estimatedBytes(problem: problem, levels: levels, method: sparse)
        if estimate > memoryLimitBytes {
            throw ValidationError(String(format: "refused: %@ for L = %d (dimension %d) needs an estimated %.2f GiB, more than the limit of %.2f GiB (--max-memory)",
                                         sparse.rawValue, problem.length, dimension, estimate / 1_073_741_824, memoryLimitBytes / 1_073_741_824))
        }
        var settings = SparseWindowSettings()
        settings.method = sparse
        settings.targetDensity = targetEnergy
        settings.levels = levels
        settings.memoryLimitBytes = memoryLimitBytes
        let launch: SparseWindowEngine.Launch = ranks.map { .mpirun(ranks: $0) } ?? .inherit
        return SparseWindowPlan(settings: settings, engine: SparseWindowEngine(launch: launch))
    }
}
