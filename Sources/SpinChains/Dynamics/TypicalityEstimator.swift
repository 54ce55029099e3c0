/// How `ed dynamics` estimates `C(t) = (1/D) tr[A(t) A]` of `A = sigma^z_site` from one
/// Haar-random state (paper eqs. (21), (47)).
///
/// - `paired`: `C(t) = <phi(t)| A |chi(t)> / <psi|psi>` with `|phi> = exp(-iHt)|psi>` and
///   `|chi> = exp(-iHt) A|psi>`: two propagated vectors, standard deviation at most `1/sqrt(D + 1)`.
/// - `projected`: since `A^2 = 1` and `tr A = 0`, `C(t) = (2/D) tr[P+ A(t) P+]` with
///   `P+ = (1 + A)/2`, so with `|psi+> = P+|psi>` and `|phi(t)> = exp(-iHt)|psi+>`,
///   `C(t) = <phi(t)| A |phi(t)> / <psi+|psi+>` has mean `C(t)` (a Haar-random state of the
///   `D/2`-dimensional space of `A = +1`) and standard deviation at most `1/sqrt(D/2 + 1)`
///   (`||P+ A(t) P+|| <= 1`): one propagated vector, a diagonal expectation value.
public enum TypicalityEstimator: String, Sendable, CaseIterable {
    case projected
    case paired

    /// The standard deviation bound of the mean of `samples` states: `1/sqrt(samples (D + 1))`
    /// (paired), `1/sqrt(samples (D/2 + 1))` (projected).
    public func errorBound(dimension: Int, samples: Int = 1) -> Double {
        let d = self == .paired ? dimension : dimension / 2
        return 1 / (Double(samples) * Double(d + 1)).squareRoot()
    }

    /// Vectors of `D` entries the estimator propagates per state.
    public var propagatedVectors: Int { self == .paired ? 2 : 1 }
}
