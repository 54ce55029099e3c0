import ComplexModule
import NumericKit
import RealModule

/// The infinite-temperature autocorrelation of `A = sigma^z_site` by dynamical typicality
/// (paper eqs. (21), (47); Bartsch & Gemmer, PRL 102, 110403 (2009)):
///
///     C(t) = <psi| A(t) A |psi> / <psi|psi> = <phi(t)| A |chi(t)> / <psi|psi>,
///     |phi(t)> = exp(-iHt) |psi>,   |chi(t)> = exp(-iHt) A |psi>,
///
/// for one state `|psi>`. For a Haar-random `|psi>` its mean is `(1/D) tr(A(t) A)` and its
/// standard deviation at most `1/sqrt(D + 1)` (`||A(t) A|| = 1`), so `R` states give the trace
/// to `1/sqrt(R (D + 1))`; over a full orthonormal basis `(1/D) sum_j` is the trace exactly.
public enum TypicalAutocorrelation {
    /// `Re C(t_k)` at increasing times `t_k >= 0`, propagating `|phi>` and `|chi>` from one time
    /// to the next (Floquet propagators: times in periods).
    public static func values(state psi: [Complex<Double>], site: Int, times: [Double],
                              propagator: inout some StatePropagator) throws -> [Double] {
        precondition(zip(times, times.dropFirst()).allSatisfy { $0 < $1 } && (times.first ?? 0) >= 0,
                     "times must be increasing and non-negative")
        let norm = StateVectors.normSquared(psi)
        var phi = psi
        var chi = StateVectors.sigmaZ(psi, site: site)
        var now = 0.0
        var out: [Double] = []
        out.reserveCapacity(times.count)
        for t in times {
            if t > now {
                try propagator.evolvePair(&phi, &chi, by: t - now)
                now = t
            }
            out.append(StateVectors.sigmaZExpectation(phi, chi, site: site).real / norm)
        }
        return out
    }

    /// `Re C(t_k)` by the projected estimator (`TypicalityEstimator.projected`): `|psi+> = P+|psi>`
    /// (`P+ = (1 + A)/2`, the entries with the bit of `site` clear) propagated alone, and
    /// `C(t) = <phi(t)| A |phi(t)> / <psi+|psi+>`. Over an orthonormal basis of the `D/2` states
    /// with `A = +1`, `(2/D) sum_j` is `(1/D) tr[A(t) A]` exactly.
    public static func projectedValues(state psi: [Complex<Double>], site: Int, times: [Double],
                                       propagator: inout some StatePropagator) throws -> [Double] {
        precondition(zip(times, times.dropFirst()).allSatisfy { $0 < $1 } && (times.first ?? 0) >= 0,
                     "times must be increasing and non-negative")
        var phi = StateVectors.projectedOnPlus(psi, site: site)
        let norm = StateVectors.normSquared(phi)
        var now = 0.0
        var out: [Double] = []
        out.reserveCapacity(times.count)
        for t in times {
            if t > now {
                try propagator.evolve(&phi, by: t - now)
                now = t
            }
            out.append(StateVectors.sigmaZExpectation(phi, phi, site: site).real / norm)
        }
        return out
    }

    /// `C(t_k)` of one state by `estimator`.
    public static func values(state psi: [Complex<Double>], site: Int, times: [Double], estimator: TypicalityEstimator,
                              propagator: inout some StatePropagator) throws -> [Double] {
        switch estimator {
        case .paired: return try values(state: psi, site: site, times: times, propagator: &propagator)
        case .projected: return try projectedValues(state: psi, site: site, times: times, propagator: &propagator)
        }
    }

    /// The per-state standard deviation bound `1/sqrt(D + 1)` of a Haar-random estimate.
    public static func typicalityError(dimension: Int) -> Double {
        1 / Double(dimension + 1).squareRoot()
    }
}
