import ArgumentParser
import ResonanceModel
import Studies

enum SettingArgument: String, ExpressibleByArgument, CaseIterable {
    case floquet, hamiltonian
    var setting: ResonanceSetting {
        switch self {
        case .floquet: return .floquet
        case .hamiltonian: return .hamiltonian
        }
    }
}

/// The RM's inputs, in any of the paper's parametrizations.
struct ModelOptions: ParsableArguments {
    @Option(help: "Setting: floquet (Sec. II) or hamiltonian (Sec. III).")
    var model: SettingArgument

    @Option(name: .customLong("inv-xi"), parsing: .unconditional,
            help: "Inverse correlation length 1/xi (39); 0 is the transition. Range: > -2 ln 2.")
    var inverseCorrelationLength: Double?

    @Option(help: "Bare localization length zeta (12), > 0; sets 1/xi = 1/zeta - ln 2.")
    var zeta: Double?

    @Option(name: .customLong("W"), help: "Disorder W > 0: with --Wc sets 1/xi = ln(W/Wc); Hamiltonian: Lambda from (83) unless given.")
    var disorder: Double?

    @Option(name: .customLong("Wc"), help: "Critical disorder Wc > 0 (with --W).")
    var criticalDisorder: Double?

    @Option(name: .customLong("Lambda"), help: "Resonance length Lambda > 0 (43), (83).")
    var resonanceLength: Double?

    @Option(name: .customLong("Omega"), help: "Floquet drive frequency Omega > 0: Lambda = zeta_c Omega/(8J) (43).")
    var driveFrequency: Double?

    @Option(name: .customLong("J"), help: "Interaction J > 0 (matrix-element scale).")
    var interaction: Double = 1

    @Option(name: .customLong("L"), help: "Chain length L > 0 (ranges 0..L/2).")
    var length: Double = 20

    func validate() throws { _ = try resolve() }

    /// The options as the model's parametrization (which formula gives 1/xi and Lambda is decided there).
    var parametrization: ResonanceParametrization {
        ResonanceParametrization(setting: model.setting, inverseCorrelationLength: inverseCorrelationLength, localizationLength: zeta,
                                 disorder: disorder, criticalDisorder: criticalDisorder, resonanceLength: resonanceLength,
                                 driveFrequency: driveFrequency, interaction: interaction, length: length)
    }

    /// The validated parameters, or a ValidationError naming the offending option.
    func resolve() throws -> ResonanceParameters {
        try NumericOption.finite("--inv-xi").check(inverseCorrelationLength)
        for (name, value) in [("--zeta", zeta), ("--W", disorder), ("--Wc", criticalDisorder), ("--Lambda", resonanceLength),
                              ("--Omega", driveFrequency), ("--J", interaction), ("--L", length)] {
            try NumericOption.positive(name).check(value)
        }
        do {
            return try parametrization.parameters()
        } catch let conflict as ResonanceParametrization.Conflict {
            switch conflict {
            case let .distanceFromTransition(ways):
                throw ValidationError("give exactly one of --inv-xi, --zeta, or --W with --Wc (got \(ways))")
            case .criticalDisorderWithoutDisorder: throw ValidationError("--Wc needs --W")
            case .driveFrequencyWithoutDrive: throw ValidationError("--Omega applies to --model floquet only")
            case .resonanceLengthMissing:
                throw ValidationError("give --Lambda or --Omega (Floquet), or --Lambda or --W (Hamiltonian, via (83))")
            case .resonanceLengthTwice: throw ValidationError("give --Lambda or --Omega, not both")
            }
        } catch let error as ResonanceModelError {
            throw ValidationError(error.description)
        }
    }
}
