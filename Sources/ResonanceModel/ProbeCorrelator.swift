import ComplexModule
import Foundation
import NumericKit
import RealModule

/// The disorder-averaged probe correlator, eqs. (47) and (92):
/// [Czz(t)] = F(L/2) + integral_0^{L/2} p(r) cos(v(r) t) dr, with v(r) = J exp(-kappa r).
///
/// Method. The phase phi(r) = J t exp(-kappa r) runs from J t at r = 0 down to omega_c t at L/2.
/// Where phi < `oscillationThreshold` (16 rad by default) the integral is done on the real axis
/// with adaptive Gauss-Kronrod, split at the zeros of the cosine (each piece has one sign). Where
/// phi is larger (near r = 0 when J t is large: up to 1e12 radians at t = 1e12) the integrand
/// oscillates too fast for any real-axis rule, and that piece is moved onto the steepest-descent
/// paths of exp(i phi) that leave its two ends: along phi = phi_end + i s, s >= 0, the oscillation
/// becomes the decay exp(-s), and
///   integral_0^{r*} p e^{i phi} dr = I(0) - I(r*),  I(r_e) = e^{i phi_e} integral_0^inf
///       p(r(s)) e^{-s} (-i)/(kappa (phi_e + i s)) ds,   r(s) = r_e - ln(1 + i s/phi_e)/kappa.
/// p is analytic in the lower half plane (the Hamiltonian r^(-1/2) is integrated with s = u^2), and
/// the paths stay within ~|ln(1 + i s/phi_e)|/kappa <~ 1/kappa of the real segment for the s that
/// matter. The cost is independent of t, and the result is accurate to ~1e-12 absolute.
public struct ProbeCorrelator<Model: ResonanceStatistics>: Sendable {
    public let model: Model
    /// Phase above which the steepest-descent paths are used (radians).
    public var oscillationThreshold: Double = 16
    public var quadrature = GaussKronrod(absoluteTolerance: 1e-13, relativeTolerance: 1e-11)

    public init(_ model: Model) { self.model = model }

    /// Largest phase J t up to which the real-axis integral is used when the complex paths fail.
    public var realAxisPhaseLimit: Double = 1e6

    /// [Czz(t)]; t in drive periods (Floquet) or units of 1/J (Hamiltonian); even in t.
    ///
    /// Where the complex paths are used, the value is computed a second time with the threshold
    /// doubled (a different split, so different paths). Where p(r) grows fast off the real axis
    /// (deep on the thermal side, where kappa is small and F(r) falls by hundreds of decades),
    /// the two disagree, or leave the bound |[Czz]| <= F + integral p = 1; the value is then the
    /// real-axis integral split at the zeros of the cosine (up to `realAxisPhaseLimit`, else NaN).
    public func value(time t: Double) -> Double {
        let primary = value(time: t, threshold: oscillationThreshold)
        let phase = model.parameters.interaction * abs(t)
        guard phase > oscillationThreshold else { return primary }
        let check = value(time: t, threshold: 2 * oscillationThreshold)
        if primary.isFinite, abs(primary) <= 1 + 1e-9, abs(primary - check) <= 1e-9 { return primary }
        guard phase <= realAxisPhaseLimit else { return .nan }
        let p = model.parameters
        return model.infiniteTimeMemory + realAxisIntegral(from: 0, to: p.maximumRange, phaseAtOrigin: phase)
    }

    /// [Czz(t)] with the complex paths used where the phase exceeds `threshold`.
    func value(time t: Double, threshold oscillationThreshold: Double) -> Double {
        let p = model.parameters
        let kappa = p.matrixElementDecayRate, half = p.maximumRange
        let phaseAtOrigin = p.interaction * abs(t)
        let phaseAtEnd = phaseAtOrigin * exp(-kappa * half)
        // Split point: below it (near r = 0) the phase exceeds the threshold.
        var split = 0.0
        var oscillatory = 0.0
        if phaseAtOrigin > oscillationThreshold {
            split = min(log(phaseAtOrigin / oscillationThreshold) / kappa, half)
            let splitPhase = max(oscillationThreshold, phaseAtEnd)
            let near = steepestDescent(from: 0, phase: phaseAtOrigin)
                - steepestDescent(from: split, phase: splitPhase)
            oscillatory = near.real
        }
        let real = realAxisIntegral(from: split, to: half, phaseAtOrigin: phaseAtOrigin)
        return model.infiniteTimeMemory + oscillatory + real
    }

    /// integral_a^b p(r) cos(phi(r)) dr on the real axis, split at the zeros of cos(phi).
    func realAxisIntegral(from a: Double, to b: Double, phaseAtOrigin: Double) -> Double {
        guard b > a else { return 0 }
        let kappa = model.parameters.matrixElementDecayRate
        let integrand = { (r: Double) -> Double in
            model.strongestResonanceDensity(atRange: r) * cos(phaseAtOrigin * exp(-kappa * r))
        }
        // Zeros of cos at phi_n = (n + 1/2) pi between phi(b) and phi(a), as ranges.
        let phiA = phaseAtOrigin * exp(-kappa * a), phiB = phaseAtOrigin * exp(-kappa * b)
        var breaks = [a]
        var n = (phiA / Double.pi - 0.5).rounded(.down)
        while n >= 0, (n + 0.5) * Double.pi > phiB {
            let r = log(phaseAtOrigin / ((n + 0.5) * Double.pi)) / kappa
            if r > breaks.last!, r < b { breaks.append(r) }
            n -= 1
        }
        breaks.append(b)
        var sum = 0.0
        for i in 0..<(breaks.count - 1) {
            let (lo, hi) = (breaks[i], breaks[i + 1])
            if lo == 0 && model.hasInverseSquareRootOrigin {
                sum += quadrature.integrateSqrtSingular(integrand, from: lo, to: hi).value
            } else {
                sum += quadrature.integrate(integrand, from: lo, to: hi).value
            }
        }
        return sum
    }

    /// I(r_e) along phi = phi_e + i s (see the type's documentation).
    func steepestDescent(from rangeEnd: Double, phase: Double) -> Complex<Double> {
        let kappa = model.parameters.matrixElementDecayRate
        let integrand = { (s: Double) -> Complex<Double> in
            let z = Complex(phase, s)
            let r = Complex(rangeEnd) - Complex.log(Complex(1, s / phase)) / Complex(kappa)
            let density = model.strongestResonanceDensity(atComplexRange: r)
            return Complex(exp(-s)) * density * Complex(0, -1) / (Complex(kappa) * z)
        }
        // exp(-s) < 1e-22 beyond s = 50; the s = u^2 substitution removes the r^(-1/2) of the
        // Hamiltonian density at r_e = 0 and is harmless elsewhere.
        let integral = quadrature.integrateSqrtSingular(integrand, from: 0, to: 50).value
        return Complex(cos(phase), sin(phase)) * integral
    }
}
