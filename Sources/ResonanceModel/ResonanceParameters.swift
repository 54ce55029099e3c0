import Foundation

/// The critical bare localization length, eq. (39): zeta_c = 1/ln 2.
public let criticalLocalizationLength: Double = 1 / M_LN2

/// Which resonance model: driven (Floquet, Sec. II) or with energy conservation (Hamiltonian, Sec. III).
public enum ResonanceSetting: String, CaseIterable, Sendable, Codable {
    case floquet
    case hamiltonian
}

/// Parameters of the resonance model (RM).
///
/// Units and conventions: lengths in lattice units; `J` sets the matrix-element and frequency scale
/// (`|V| = J`); frequencies are angular; for the Floquet model times are in drive periods.
/// The inverse correlation length `1/xi` (39) is the primary variable, so that the RM transition
/// `1/xi = 0` (`xi = +-infinity`) is an ordinary input: `1/xi > 0` is the RM-localised side,
/// `1/xi < 0` the thermal side.
///
/// Valid ranges: `1/xi > -2/zeta_c` (so that the matrix elements v(r) = J exp(-r/xi - 2r/zeta_c)
/// decay with range and theta0 is finite), `Lambda > 0`, `J > 0`, `L > 0`, `W > 0`; all finite.
/// Between `-2/zeta_c` and `-1/zeta_c` the bare zeta of (39) is negative: such points are reached by
/// the disorder parametrization 1/xi = ln(W/W_c) of Fig. 9 for W < W_c/2; the RM formulas are
/// continued there as written, and `localizationLength` reports the (negative) zeta.
public struct ResonanceParameters: Sendable, Equatable {
    /// 1/xi, eq. (39).
    public let inverseCorrelationLength: Double
    /// Lambda, eq. (43) (Floquet) or (83) (Hamiltonian): sets the density of resonances.
    public let resonanceLength: Double
    /// J: interaction strength and matrix-element scale.
    public let interaction: Double
    /// L: chain length; ranges run over 0 <= r <= L/2.
    public let length: Double
    /// W: disorder strength (Hamiltonian RM: local energies have width `W sqrt(2r + 1)`, (67)).
    /// For the Floquet RM it is informational only.
    public let disorder: Double?

    /// Designated initialiser; validates every parameter.
    public init(inverseCorrelationLength: Double, resonanceLength: Double,
                interaction: Double = 1, length: Double, disorder: Double? = nil) throws {
        try ResonanceModelError.require(inverseCorrelationLength.isFinite, "inv_xi", inverseCorrelationLength,
                                        "a finite number")
        try ResonanceModelError.require(inverseCorrelationLength > -2 / criticalLocalizationLength, "inv_xi",
                                        inverseCorrelationLength,
                                        "inv_xi > -2 ln 2 = -1.386 (matrix elements must decay with range)")
        try ResonanceModelError.require(resonanceLength.isFinite && resonanceLength > 0, "Lambda",
                                        resonanceLength, "0 < Lambda < infinity")
        try ResonanceModelError.require(interaction.isFinite && interaction > 0, "J", interaction,
                                        "0 < J < infinity")
        try ResonanceModelError.require(length.isFinite && length > 0, "L", length, "0 < L < infinity")
        if let w = disorder {
            try ResonanceModelError.require(w.isFinite && w > 0, "W", w, "0 < W < infinity")
        }
        self.inverseCorrelationLength = inverseCorrelationLength
        self.resonanceLength = resonanceLength
        self.interaction = interaction
        self.length = length
        self.disorder = disorder
    }

    /// xi = 1/(1/xi); +infinity at the transition (the sign of 1/xi = +0 is used).
    public var correlationLength: Double { 1 / inverseCorrelationLength }

    /// The bare localization length zeta from (39): 1/zeta = 1/xi + 1/zeta_c (negative for 1/xi < -ln 2).
    public var localizationLength: Double { 1 / (inverseCorrelationLength + 1 / criticalLocalizationLength) }

    /// kappa = 1/xi + 2/zeta_c = 1/(theta0 xi): the decay rate of the matrix elements,
    /// v(r) = J exp(-kappa r) (38), (77). Positive for every valid parameter set.
    public var matrixElementDecayRate: Double { inverseCorrelationLength + 2 / criticalLocalizationLength }

    /// theta0 = zeta_c/(2 xi + zeta_c), eq. (51), in the form (1/xi)/(1/xi + 2/zeta_c) that is finite
    /// (zero) at the transition.
    public var decayExponent: Double { inverseCorrelationLength / matrixElementDecayRate }

    /// Half the chain: the largest range.
    public var maximumRange: Double { 0.5 * length }
}

// MARK: - Builders from the paper's other parametrizations

extension ResonanceParameters {
    /// 1/xi from the bare localization length, eq. (39): 1/xi = 1/zeta - 1/zeta_c.
    public static func inverseCorrelationLength(localizationLength zeta: Double) throws -> Double {
        try ResonanceModelError.require(zeta.isFinite && zeta > 0, "zeta", zeta, "0 < zeta < infinity")
        return 1 / zeta - 1 / criticalLocalizationLength
    }

    /// 1/xi from disorder, Fig. 9 and (D4), validated: `DisorderParametrization.inverseCorrelationLength`.
    public static func inverseCorrelationLength(disorder w: Double, criticalDisorder wc: Double) throws -> Double {
        try ResonanceModelError.require(w.isFinite && w > 0, "W", w, "0 < W < infinity")
        try ResonanceModelError.require(wc.isFinite && wc > 0, "Wc", wc, "0 < Wc < infinity")
        return DisorderParametrization.inverseCorrelationLength(disorder: w, criticalDisorder: wc)
    }

    /// Lambda from the drive frequency, eq. (43): Lambda = zeta_c Omega/(8 J).
    public static func resonanceLength(driveFrequency omega: Double, interaction j: Double = 1) throws -> Double {
        try ResonanceModelError.require(omega.isFinite && omega > 0, "Omega", omega, "0 < Omega < infinity")
        try ResonanceModelError.require(j.isFinite && j > 0, "J", j, "0 < J < infinity")
        return criticalLocalizationLength * omega / (8 * j)
    }

    /// Drive frequency from Lambda, inverting (43).
    public static func driveFrequency(resonanceLength lambda: Double, interaction j: Double = 1) -> Double {
        8 * j * lambda / criticalLocalizationLength
    }

    /// Lambda from disorder, eq. (83), validated: `DisorderParametrization.resonanceLength`.
    /// A direct evaluation of 2 rho v with (77) and (80) gives a value 4 times smaller; (83) is kept
    /// as the default mapping because Fig. 9 uses it (docs/corrections/eq83-resonance-length.md).
    public static func resonanceLength(disorder w: Double, interaction j: Double = 1) throws -> Double {
        try ResonanceModelError.require(w.isFinite && w > 0, "W", w, "0 < W < infinity")
        try ResonanceModelError.require(j.isFinite && j > 0, "J", j, "0 < J < infinity")
        return DisorderParametrization.resonanceLength(disorder: w, interaction: j)
    }

    /// W from Lambda, inverting (83).
    public static func disorder(resonanceLength lambda: Double, interaction j: Double = 1) -> Double {
        DisorderParametrization.disorder(resonanceLength: lambda, interaction: j)
    }
}
