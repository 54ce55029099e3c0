import Foundation

/// The paper's claims, in the order of the audit report: the abstract's list (Sec. I), the
/// appendices' asymptotics, the corrections of docs/corrections/, and the claims that need exact numerics.
public enum ClaimsLedger {
    public static let claims: [Claim] = [
        CrossoverClaims.correlationLengthExponent,
        CrossoverClaims.thoulessTime,
        CrossoverClaims.linearDrift,
        ResonanceDensityClaims.scaleFreeResonances,
        SpectralClaims.apparentInverseFrequency,
        SpectralClaims.apparentSubdiffusion,
        SpectralClaims.criticalExponent,
        ResonanceDensityClaims.fidelitySusceptibility,
        SpectralClaims.noHeisenbergCutoff,
        LossDiffusionClaims.criticalDecay,
        LossDiffusionClaims.energyDependent,
        CorrectionClaims.erfArgument,
        CorrectionClaims.generalizedFactor,
        LossDiffusionClaims.crossoverRange,
        CorrectionClaims.cutoffHeisenberg,
        CorrectionClaims.scaleFreeFactor,
        CorrectionClaims.resonanceLengthMapping,
        ExactNumericsClaims.subthermalEntanglement,
        ExactNumericsClaims.matrixElementCriterion,
        ExactNumericsClaims.exactInverseFrequency,
        ExactNumericsClaims.exactDrift,
        DiscreteResonanceClaims.lbitDiscreteModel,
    ]

    /// The identifiers every audit must cover.
    public static let requiredIdentifiers: [String] = [
        "nu-equals-one", "thouless-exponential", "linear-drift", "scale-free-resonances", "apparent-one-over-omega",
        "apparent-subdiffusion", "theta-c", "log-chi-two-ln2", "no-heisenberg-cutoff", "fig11-asymptotics",
        "energy-dependent-asymptotics", "correction-93-erf-argument", "correction-99-101-factor-two",
        "correction-C17-crossover-range", "correction-55-constant", "correction-115-factor", "correction-83-lambda",
        "ed-subthermal-entanglement", "ed-rho-vbar-criterion", "ed-apparent-one-over-omega", "ed-drift-czz",
        "ed-lbit-discrete-rm",
    ]

    /// The claims with these identifiers, in ledger order; throws on an unknown identifier.
    public static func select(_ identifiers: [String]) throws -> [Claim] {
        let known = Set(claims.map(\.identifier))
        if let unknown = identifiers.first(where: { !known.contains($0) }) {
            throw AuditError.unknownClaim(unknown, known: claims.map(\.identifier))
        }
        return claims.filter { identifiers.contains($0.identifier) }
    }
}

public enum AuditError: Error, CustomStringConvertible {
    case unknownClaim(String, known: [String])

    public var description: String {
        switch self {
        case .unknownClaim(let id, let known): return "unknown claim '\(id)'; known: \(known.joined(separator: ", "))"
        }
    }
}
