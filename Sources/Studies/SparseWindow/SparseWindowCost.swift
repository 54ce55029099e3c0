import Foundation
import SpinChains

/// Up-front estimates for the sparse engines: memory (so a job too large is refused before it
/// starts) and the dimension from which `--method auto` prefers shift-invert to dense LAPACK.
///
/// The factorisation's memory is MUMPS' own analysis estimate (INFOG(17)), measured on this
/// machine (Debian MUMPS 5.5, PETSc's default ordering, 50 levels, one rank) and fitted as a power
/// of the dimension D:
///
/// | model | D | MUMPS estimate | used |
/// |---|---|---|---|
/// | xxz S^z = 0, L = 14, 16, 18 | 3432, 12870, 48620 | 15, 105, 740 MB | 13, 88, 650 MB |
/// | heisenberg-o3 L = 10, 11, 12 | 1024, 2048, 4096 | 17, 71, 224 MB | 14, 59, 187 MB |
///
/// so `15 MB (D/3432)^1.47` for real symmetric chains (the fill of a one-dimensional chain's
/// sector grows slowly) and `224 MB (D/4096)^1.7` for the complex models that conserve nothing;
/// a 25% margin covers the spread between realisations. The worker checks MUMPS' exact analysis
/// estimate again before factorising, against the same limit.
public enum SparseWindowCost {
    /// Resident memory of a worker rank before any matrix (MPI, PETSc, SLEPc, MUMPS): measured
    /// about 70 MB; 100 MB kept.
    public static let baseBytesPerRank = 100e6

    /// From this dimension on, `--method auto` uses shift-invert. Measured on the 2-core machine
    /// (see `resonance-benchmark shift-invert`): for xxz at S^z = 0 dense LAPACK (eigenvalues
    /// only, 2 threads) takes 0.05 s at D = 924 and 2.4 s at D = 3432, shift-invert (50 levels,
    /// one rank, including process start) 0.8 s and 1.2 s; they cross near D = 2000.
    public static let autoCrossoverDimension = 2000

    /// MUMPS' factor memory (bytes, all ranks together).
    public static func factorBytes(dimension: Int, realHamiltonian: Bool) -> Double {
        let d = Double(dimension)
        return realHamiltonian ? 15e6 * pow(d / 3432, 1.47) : 224e6 * pow(d / 4096, 1.7)
    }

    /// The whole job's peak memory (bytes, all ranks): factor with margin, the Krylov basis
    /// (about `2 levels + 50` vectors), the gathered window and the ranks' base.
    public static func estimatedBytes(problem: EDProblem, levels: Int, method: SparseWindowMethod, ranks: Int = 1) -> Double {
        let d = Double(problem.windowDimension)
        let scalar: Double = problem.hasRealHamiltonian ? 8 : 16
        let krylov = Double(2 * levels + 50) * d * scalar * (method == .polynomialFilter ? 2 : 1)
        let window = 2 * Double(levels) * d * scalar
        let factor = method == .shiftInvert ? 1.25 * factorBytes(dimension: problem.windowDimension,
                                                                 realHamiltonian: problem.hasRealHamiltonian) : 0
        return factor + krylov + window + baseBytesPerRank * Double(max(ranks, 1))
    }
}
