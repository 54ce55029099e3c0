/// The RM's inputs in any of the paper's parametrizations, resolved to `ResonanceParameters`:
///
/// - the distance from the transition from exactly one of 1/xi (39), the bare zeta (39), or the
///   disorder W with W_c through 1/xi = ln(W/W_c) (D4);
/// - Lambda given, or from the drive frequency (43) (Floquet), or from W (83) (Hamiltonian).
///
/// Every front end (the command line, studies) resolves through this one type, so the choice of
/// formula lives in the model.
public struct ResonanceParametrization: Sendable, Equatable {
    public var setting: ResonanceSetting
    public var inverseCorrelationLength: Double?
    /// The bare localization length zeta (39).
    public var localizationLength: Double?
    public var disorder: Double?
    public var criticalDisorder: Double?
    public var resonanceLength: Double?
    public var driveFrequency: Double?
    public var interaction: Double
    public var length: Double

    public init(setting: ResonanceSetting, inverseCorrelationLength: Double? = nil, localizationLength: Double? = nil,
                disorder: Double? = nil, criticalDisorder: Double? = nil, resonanceLength: Double? = nil,
                driveFrequency: Double? = nil, interaction: Double = 1, length: Double) {
        self.setting = setting
        self.inverseCorrelationLength = inverseCorrelationLength
        self.localizationLength = localizationLength
        self.disorder = disorder
        self.criticalDisorder = criticalDisorder
        self.resonanceLength = resonanceLength
        self.driveFrequency = driveFrequency
        self.interaction = interaction
        self.length = length
    }

    /// A combination of inputs that does not determine the parameters.
    public enum Conflict: Error, Equatable, Sendable {
        /// Not exactly one of 1/xi, zeta, (W, W_c): the number given.
        case distanceFromTransition(given: Int)
        /// W_c without W.
        case criticalDisorderWithoutDisorder
        /// A drive frequency for the Hamiltonian RM.
        case driveFrequencyWithoutDrive
        /// No way to Lambda: neither Lambda nor Omega (Floquet), nor Lambda nor W (Hamiltonian).
        case resonanceLengthMissing
        /// Both Lambda and Omega.
        case resonanceLengthTwice
    }

    /// 1/xi from whichever of 1/xi, zeta, (W, W_c) was given.
    public func resolvedInverseCorrelationLength() throws -> Double {
        let ways = [inverseCorrelationLength != nil, localizationLength != nil, criticalDisorder != nil].filter { $0 }.count
        guard ways == 1 else { throw Conflict.distanceFromTransition(given: ways) }
        if let x = inverseCorrelationLength { return x }
        if let zeta = localizationLength { return try ResonanceParameters.inverseCorrelationLength(localizationLength: zeta) }
        guard let w = disorder, let wc = criticalDisorder else { throw Conflict.criticalDisorderWithoutDisorder }
        return try ResonanceParameters.inverseCorrelationLength(disorder: w, criticalDisorder: wc)
    }

    /// Lambda given, from Omega (43) for the Floquet RM, or from W (83) for the Hamiltonian RM.
    public func resolvedResonanceLength() throws -> Double {
        switch (resonanceLength, driveFrequency) {
        case (let lambda?, nil): return lambda
        case (nil, let omega?):
            guard setting == .floquet else { throw Conflict.driveFrequencyWithoutDrive }
            return try ResonanceParameters.resonanceLength(driveFrequency: omega, interaction: interaction)
        case (nil, nil):
            guard setting == .hamiltonian, let w = disorder else { throw Conflict.resonanceLengthMissing }
            return try ResonanceParameters.resonanceLength(disorder: w, interaction: interaction)
        case (_?, _?):
            throw Conflict.resonanceLengthTwice
        }
    }

    /// The validated parameters; W is kept for the Hamiltonian RM only (it sets s_e (67)).
    /// Throws `Conflict` or `ResonanceModelError`.
    public func parameters() throws -> ResonanceParameters {
        let invXi = try resolvedInverseCorrelationLength()
        let lambda = try resolvedResonanceLength()
        return try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, interaction: interaction,
                                       length: length, disorder: setting == .hamiltonian ? disorder : nil)
    }
}
