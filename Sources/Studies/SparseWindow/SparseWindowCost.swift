import Foundation
import SpinChains

/// Up-front estimates for the sparse engines: memory (so a job too large is refused before it
/// starts) and the dimension from which `--method auto` prefers shift-invert to dense LAPACK.
///
/// The factorisation's memory is what MUMPS used (INFOG(22)), measured on this machine (Debian
/// MUMPS 5.5, PETSc's default ordering, which gave the smallest factor: 88 MB at xxz L = 16 for
/// the default, METIS, SCOTCH and PORD, 193 MB for AMD; 50 levels, one rank):
///
/// | model | D | factor | peak resident set |
/// |---|---|---|---|
/// | xxz S^z = 0, L = 14, 16, 18 | 3432, 12870, 48620 | 13, 88, 1109 MB | 84, 183, 1361 MB |
/// | heisenberg-o3 L = 10, 11, 12 | 1024, 2048, 4096 | 14, 59, 187 MB | 75, 127, 272 MB |
/// | heisenberg-o3 + probe, L = 11, 13 | 4096, 16384 | 129, 2262 MB | 212, 2761 MB |
///
/// The fill of a chain's sector grows faster than a power law at small D (exponent 1.45 from
/// L = 14 to 16, 1.9 from 16 to 18), so the real fit goes through the two largest sizes,
/// `1109 MB (D/48620)^1.9`; at L = 20 (D = 184756) it predicts 14.0 GB where MUMPS' analysis
/// estimates 14.1 GB (13.1 GiB, measured with the worker's refusal); the complex models follow
/// `224 MB (D/4096)^1.7` (within 5% of all five points). A 25% margin covers realisations. The
/// worker checks MUMPS' own analysis estimate (INFOG(17)) again before the numerical
/// factorisation, against the same limit.
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
        return realHamiltonian ? 1109e6 * pow(d / 48620, 1.9) : 224e6 * pow(d / 4096, 1.7)
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
