import ComplexModule
import RealModule
import Foundation
import NumericKit

/// The Hamiltonian resonance model (Sec. III): a static chain whose energy is conserved.
///
/// A resonance at range r needs a state within v(r) in energy among states of local-energy width
/// s_e(r) = W sqrt(2r + 1) (67); in the energy-blind approximation (89), (90) its density is
/// q(r) = exp(-r/xi)/sqrt(4 Lambda r) and the unresonated fraction is F1 (91). Lambda defaults to
/// (83), W to its inverse. Probe field h = W by default, e_sigma = sigma h/2 (80).
public struct HamiltonianResonanceModel: ResonanceStatistics {
    public let parameters: ResonanceParameters
    public var setting: ResonanceSetting { .hamiltonian }
    public var hasInverseSquareRootOrigin: Bool { true }

    public init(_ parameters: ResonanceParameters) { self.parameters = parameters }

    /// W: given, or from Lambda by inverting (83).
    public var disorder: Double {
        parameters.disorder ?? ResonanceParameters.disorder(resonanceLength: parameters.resonanceLength,
                                                            interaction: parameters.interaction)
    }

    /// Local-energy width s_e(r) = W sqrt(2r + 1), eq. (67).
    public func localEnergyWidth(atRange r: Double) -> Double { disorder * (2 * r + 1).squareRoot() }

    /// Density of states rho_sigma(e, r), eqs. (79), (80):
    /// 4/(zeta_c s_e sqrt(2 pi)) exp(2r/zeta_c - (e - e_sigma)^2/(2 s_e^2)), e_sigma = sigma h/2.
    public func densityOfStates(energy e: Double, range r: Double, probeEnergy eSigma: Double) -> Double {
        let s = localEnergyWidth(atRange: r), d = e - eSigma
        return 4 / (criticalLocalizationLength * s * (2 * Double.pi).squareRoot())
            * exp(2 * r / criticalLocalizationLength - d * d / (2 * s * s))
    }

    /// Energy-resolved resonance probability, eq. (82):
    /// q(e, r) = exp(-r/xi - (e - e_down)^2/(4 W^2 r)) / sqrt(4 Lambda r).
    public func resonanceProbability(energy e: Double, range r: Double, partnerEnergy eDown: Double) -> Double {
        let w = disorder, d = e - eDown
        return exp(-r * parameters.inverseCorrelationLength - d * d / (4 * w * w * r))
            / (4 * parameters.resonanceLength * r).squareRoot()
    }

    /// Energy-blind q(r) = exp(-r/xi)/sqrt(4 Lambda r), eq. (89).
    public func resonanceProbability(atRange r: Double) -> Double {
        exp(-r * parameters.inverseCorrelationLength) / (4 * parameters.resonanceLength * r).squareRoot()
    }

    /// ln F1(r), eq. (91), in the single form ln F1 = -sqrt(r/Lambda) g(r/xi) with
    /// g(x) = integral_0^1 exp(-x t^2) dt: the erf branch for xi > 0, the erfi branch for xi < 0
    /// (through Dawson's function, so no overflow for |r/xi| up to ~1e300), and exp(-sqrt(r/Lambda))
    /// at 1/xi = 0. Relative accuracy ~1e-13.
    public func logUnresonatedFraction(atRange r: Double) -> Double {
        Self.logUnresonatedFraction(range: r, inverseCorrelationLength: parameters.inverseCorrelationLength,
                                    resonanceLength: parameters.resonanceLength)
    }

    /// ln F1(r), eq. (91), for any real 1/xi and Lambda > 0 (no domain check): the one implementation,
    /// used by the model and by `DisorderCrossover`, which continues it below W_c/4. -0 for r <= 0
    /// (the sign that -sqrt(0/Lambda) g(0) has); through ln g for r/xi < -1 so the erfi branch never
    /// overflows.
    public static func logUnresonatedFraction(range r: Double, inverseCorrelationLength invXi: Double,
                                              resonanceLength lambda: Double) -> Double {
        guard r > 0 else { return -0.0 }
        let scale = (r / lambda).squareRoot()
        // GaussianMean recurses without end at exactly x = -1 (value and logarithm defer to each
        // other there); one ulp below selects its Dawson branch, a 2e-16 relative change.
        var x = r * invXi
        if x == -1 { x = (-1.0).nextDown }
        if x < -1 { return -exp(log(scale) + GaussianMean.logarithm(x)) }
        return -scale * GaussianMean.value(x)
    }

    /// ln p(r) = ln q(r) + ln F1(r) (88) with the energy-blind q; +infinity at r = 0.
    public func logStrongestResonanceDensity(atRange r: Double) -> Double {
        -r * parameters.inverseCorrelationLength - 0.5 * log(4 * parameters.resonanceLength * r)
            + logUnresonatedFraction(atRange: r)
    }

    public func strongestResonanceDensity(atComplexRange r: Complex<Double>) -> Complex<Double> {
        let lambda = parameters.resonanceLength
        let x = r * Complex(parameters.inverseCorrelationLength)
        let scale = Complex.sqrt(r / Complex(lambda))
        let logG = GaussianMean.logarithm(x)
        if logG.real > 700 { return .zero }  // F1 is exp(-huge) on the paths we use
        let logP = -x - Complex.log(Complex(2) * scale * Complex(lambda)) - scale * Complex.exp(logG)
        return logP.real < -745 ? .zero : Complex.exp(logP)
    }

    /// The closed form (93) of [S(omega)] for omega_c < |omega| < J, with the Erf argument
    /// corrected to sqrt(theta0 ln|J/omega|) (docs/corrections/eq93-erf-argument.md):
    /// (1/(4J)) sqrt(zeta_c (1 - theta0)/(2 Lambda ln|J/omega|)) |omega/J|^(-1+theta0) F1(xi theta0 ln|J/omega|).
    public func spectralFunctionClosedForm(omega: Double) -> Double {
        let p = parameters, j = p.interaction, w = abs(omega)
        guard w < j, w > cutoffFrequency else { return 0 }
        let theta0 = p.decayExponent, logRatio = log(j / w)
        let range = logRatio / p.matrixElementDecayRate
        return (1 / (4 * j))
            * (criticalLocalizationLength * (1 - theta0) / (2 * p.resonanceLength * logRatio)).squareRoot()
            * exp((1 - theta0) * logRatio + logUnresonatedFraction(atRange: range))
    }

    /// Near-critical form (111): [S(omega)] ~ 1/(omega sqrt(Lambda ln|J/omega|)) (no prefactor).
    public func nearCriticalSpectralFunction(omega: Double) -> Double {
        let w = abs(omega)
        return 1 / (w * (parameters.resonanceLength * log(parameters.interaction / w)).squareRoot())
    }

    /// Critical decay (112): [Czz(t)] ~ exp(-sqrt(zeta_c ln(J t)/(2 Lambda))) at 1/xi = 0.
    public func criticalCorrelatorAsymptote(time t: Double) -> Double {
        let jt = parameters.interaction * abs(t)
        guard jt > 1 else { return 1 }
        return exp(-(criticalLocalizationLength * log(jt) / (2 * parameters.resonanceLength)).squareRoot())
    }

    /// Cut-off frequency omega_c = v(L/2), as (54).
    public var cutoffFrequency: Double { matrixElement(atRange: parameters.maximumRange) }

    /// Heisenberg frequency: the inverse peak many-body density of states of L spins whose energies
    /// have width W sqrt(L): omega_H = sqrt(2 pi L) W 2^-L. (The paper defines omega_H only for the
    /// Floquet model; this is the same definition, mean level spacing at the spectrum's centre.)
    public var heisenbergFrequency: Double {
        (2 * Double.pi * parameters.length).squareRoot() * disorder * pow(2, -parameters.length)
    }

    /// Low-frequency exponent at the transition: theta_c = 0+ (log corrections, (93), (111)).
    public var criticalExponent: Double { 0 }

    /// [Czz] at the transition for this L, eq. (114): exp(-sqrt(L/(2 Lambda))).
    public static func memoryAtTransition(length: Double, resonanceLength: Double) -> Double {
        exp(-(length / (2 * resonanceLength)).squareRoot())
    }
}
