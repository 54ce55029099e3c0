import ArgumentParser
import ResonanceModel
import Studies

enum SettingArgument: String, ExpressibleByArgument, CaseIterable {
    case floquet, hamiltonian
    var setting: ResonanceSetting { ResonanceSetting(rawValue: rawValue)! }
}

/// The RM's inputs, in any of the paper's parametrisations.
struct ModelOptions: ParsableArguments {
    @Option(help: "Setting: floquet (Sec. II) or hamiltonian (Sec. III).")
    var model: SettingArgument

    @Option(name: .customLong("inv-xi"), parsing: .unconditional,
            help: "Inverse correlation length 1/xi (39); 0 is the transition. Range: > -2 ln 2.")
    var inverseCorrelationLength: Double?

    @Option(help: "Bare localisation length zeta (12), > 0; sets 1/xi = 1/zeta - ln 2.")
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

    /// The validated parameters, or a ValidationError naming the offending option.
    func resolve() throws -> ResonanceParameters {
        try NumericOption.finite("--inv-xi").check(inverseCorrelationLength)
        for (name, value) in [("--zeta", zeta), ("--W", disorder), ("--Wc", criticalDisorder), ("--Lambda", resonanceLength),
                              ("--Omega", driveFrequency), ("--J", interaction), ("--L", length)] {
            try NumericOption.positive(name).check(value)
        }
        do {
            let ways = [inverseCorrelationLength != nil, zeta != nil, criticalDisorder != nil].filter { $0 }.count
            guard ways == 1 else {
                throw ValidationError("give exactly one of --inv-xi, --zeta, or --W with --Wc (got \(ways))")
            }
            let invXi: Double
            if let x = inverseCorrelationLength {
                invXi = x
            } else if let z = zeta {
                invXi = try ResonanceParameters.inverseCorrelationLength(localisationLength: z)
            } else {
                guard let w = disorder else { throw ValidationError("--Wc needs --W") }
                invXi = try ResonanceParameters.inverseCorrelationLength(disorder: w, criticalDisorder: criticalDisorder!)
            }
            let lambda: Double
            switch (resonanceLength, driveFrequency) {
            case (let l?, nil): lambda = l
            case (nil, let omega?):
                guard model == .floquet else { throw ValidationError("--Omega applies to --model floquet only") }
                lambda = try ResonanceParameters.resonanceLength(driveFrequency: omega, interaction: interaction)
            case (nil, nil):
                guard model == .hamiltonian, let w = disorder else {
                    throw ValidationError("give --Lambda or --Omega (Floquet), or --Lambda or --W (Hamiltonian, via (83))")
                }
                lambda = try ResonanceParameters.resonanceLength(disorder: w, interaction: interaction)
            case (_?, _?):
                throw ValidationError("give --Lambda or --Omega, not both")
            }
            return try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda,
                                           interaction: interaction, length: length,
                                           disorder: model == .hamiltonian ? disorder : nil)
        } catch let error as ResonanceModelError {
            throw ValidationError(error.description)
        }
    }
}
