import ComplexModule
import RealModule
import Foundation

/// The statistics of the strongest resonance of a reference state, as a function of range r.
///
/// Both settings of the RM share this structure: an unresonated fraction F(r) (44), (88)-(91),
/// the density of the strongest resonance p(r) = -dF/dr = q(r) F(r) (46), (88), and matrix elements
/// v(r) = J exp(-kappa r), kappa = 1/(theta0 xi) (38), (77). Every disorder average of the probe spin
/// follows from them: [Czz] = F(L/2) (48), [Czz(t)] (47), (92), [S(omega)] (52).
public protocol ResonanceStatistics: Sendable {
    var parameters: ResonanceParameters { get }
    var setting: ResonanceSetting { get }

    /// q(r): probability density (per unit range) of a resonance at range r.
    func resonanceProbability(atRange r: Double) -> Double
    /// ln F(r), finite where F underflows.
    func logUnresonatedFraction(atRange r: Double) -> Double
    /// ln p(r), p = q F.
    func logStrongestResonanceDensity(atRange r: Double) -> Double
    /// p(r) continued to complex r near the real segment [0, L/2] (for steepest-descent quadrature).
    func strongestResonanceDensity(atComplexRange r: Complex<Double>) -> Complex<Double>
    /// Whether p(r) ~ r^(-1/2) at r -> 0 (Hamiltonian) rather than finite (Floquet).
    var hasInverseSquareRootOrigin: Bool { get }
}

extension ResonanceStatistics {
    /// F(r): fraction of reference states with no resonance up to range r.
    public func unresonatedFraction(atRange r: Double) -> Double { exp(logUnresonatedFraction(atRange: r)) }

    /// p(r) = -dF/dr: density of the range of the strongest (shortest-range) resonance.
    public func strongestResonanceDensity(atRange r: Double) -> Double {
        exp(logStrongestResonanceDensity(atRange: r))
    }

    /// v(r) = J exp(-r/(theta0 xi)), eqs. (38), (51), (77).
    public func matrixElement(atRange r: Double) -> Double {
        parameters.interaction * exp(-parameters.matrixElementDecayRate * r)
    }

    /// The range at which v(r) = |omega|: r = xi theta0 ln|J/omega|.
    public func range(atFrequency omega: Double) -> Double {
        log(parameters.interaction / abs(omega)) / parameters.matrixElementDecayRate
    }

    /// Infinite-time memory [Czz] = F(L/2), eq. (48) (Floquet) and Sec. III (Hamiltonian, F = F1).
    public var infiniteTimeMemory: Double { unresonatedFraction(atRange: parameters.maximumRange) }

    /// ln [S(omega)] for omega_c < |omega| < J, eq. (52): [S] = (xi theta0/(2|omega|)) p(xi theta0 ln|J/omega|).
    /// Returns -infinity outside that window (the continuous part vanishes there).
    public func logSpectralFunction(omega: Double) -> Double {
        let w = abs(omega), j = parameters.interaction
        let r = range(atFrequency: w)
        guard w < j, r <= parameters.maximumRange else { return -.infinity }
        return logStrongestResonanceDensity(atRange: r) - log(2 * parameters.matrixElementDecayRate * w)
    }

    /// The continuous part of [S(omega)], eq. (52); the delta-function weight [Czz] at omega = 0 is
    /// `infiniteTimeMemory`. Normalised so that integral [S] d omega over both signs plus [Czz] is 1.
    public func spectralFunction(omega: Double) -> Double { exp(logSpectralFunction(omega: omega)) }

    /// The crude light-cone estimate [Czz(t)] ~ F(r(t)), eq. (49), with r(t) from (50).
    public func lightConeCorrelator(time t: Double) -> Double {
        unresonatedFraction(atRange: lightConeRange(time: t))
    }

    /// Light-cone front (50): r(t) = (1/2) min(zeta_c (1 - theta0) ln(J t), L), the range at which
    /// v(r) t = 1; zeta_c (1 - theta0)/2 = 1/kappa. Zero for J t <= 1.
    public func lightConeRange(time t: Double) -> Double {
        let jt = parameters.interaction * abs(t)
        guard jt > 1 else { return 0 }
        return min(log(jt) / parameters.matrixElementDecayRate, parameters.maximumRange)
    }
}
