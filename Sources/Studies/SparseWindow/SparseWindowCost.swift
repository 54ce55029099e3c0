import Foundation
import SpinChains

/// Up-front estimates for the sparse engines: memory (so a job too large is refused before it
/// starts) and the dimension from which `--method auto` prefers shift-invert to dense LAPACK.
///
/// The factorization's memory is what MUMPS used (INFOG(22)), measured on this machine (MUMPS
/// 5.5.1 with the SCOTCH ordering, Debian's libmumps-ptscotch, which the workers load; 50 levels,
/// one rank):
///
/// | model | D | factor (SCOTCH) | factor (PORD) | peak resident set (SCOTCH) |
/// |---|---|---|---|---|
/// | xxz S^z = 0, L = 14, 16, 18 | 3432, 12870, 48620 | 13, 69, 767 MB | 13, 88, 1109 MB | 80, 153, 937 MB |
/// | heisenberg-o3 + probe, L = 13 | 16384 | 2073 MB | 2262 MB | 2440 MB |
/// | heisenberg-o3 L = 10, 11, 12; + probe L = 11 | 1024 ... 4096 | – | 14, 59, 187; 129 MB | – |
///
/// The fill of a chain's sector grows faster than a power law at small D (exponent 1.81 from
/// L = 16 to 18 with SCOTCH); at L = 20 (D = 184756) MUMPS used 10.2 GB (INFOG(22), one run,
/// analysis estimate 10.9–12.2 GB: SCOTCH's orderings of the same matrix differed between runs),
/// so the real fit goes through the two largest sizes, `767 MB (D/48620)^1.94`. The complex
/// models follow `224 MB (D/4096)^1.7` (PORD, within 5% of its five points; an upper bound with
/// SCOTCH). The factor's pattern does not depend on the
/// realization (only delayed pivots do), so a 10% margin is kept. Without libmumps-ptscotch the
/// workers fall back to PORD, whose factor is up to 1.45x larger: the worker's own check of
/// MUMPS' analysis estimate (INFOG(17)) against the same limit, before the numerical
/// factorization, still refuses what does not fit.
public enum SparseWindowCost {
    /// Resident memory of a worker rank before any matrix (MPI, PETSc, SLEPc, MUMPS): measured
    /// about 70 MB; 100 MB kept.
    public static let baseBytesPerRank = 100e6

    /// From this dimension on, `--method auto` uses shift-invert. Measured on the 2-core machine in
    /// one run of `resonance-benchmark shift-invert` (load average 9-16 from other jobs): xxz at
    /// S^z = 0, dense LAPACK (build + eigenvalues, 2 threads) 0.31 s at D = 924 and 23.3 s at
    /// D = 3432; shift-invert (50 levels, one rank, worker start included) 1.70 s and 3.62 s.
    /// Dense grows like D^3 from its D = 924 time, shift-invert is dominated by the worker's start
    /// there: they cross near D = 1600.
    public static let autoCrossoverDimension = 1600

    /// MUMPS' factor memory (bytes, all ranks together).
    public static func factorBytes(dimension: Int, realHamiltonian: Bool) -> Double {
        let d = Double(dimension)
        return realHamiltonian ? 767e6 * pow(d / 48620, 1.94) : 224e6 * pow(d / 4096, 1.7)
    }

    /// The whole job's peak memory (bytes, all ranks): factor with margin, the Krylov basis
    /// (about `2 levels + 50` vectors), the gathered window and the ranks' base.
    public static func estimatedBytes(problem: EDProblem, levels: Int, method: SparseWindowMethod, ranks: Int = 1) -> Double {
        let d = Double(problem.windowDimension)
        let scalar: Double = problem.hasRealHamiltonian ? 8 : 16
        let krylov = Double(2 * levels + 50) * d * scalar * (method == .polynomialFilter ? 2 : 1)
        let window = 2 * Double(levels) * d * scalar
        let factor = method == .shiftInvert ? 1.1 * factorBytes(dimension: problem.windowDimension,
                                                                 realHamiltonian: problem.hasRealHamiltonian) : 0
        return factor + krylov + window + baseBytesPerRank * Double(max(ranks, 1))
    }
}
