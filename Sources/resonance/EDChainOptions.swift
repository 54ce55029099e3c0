import ArgumentParser
import Foundation
import SpinChains
import Studies

extension EDModelKind: ExpressibleByArgument {}
extension Pauli: ExpressibleByArgument {}
extension FieldDistribution: ExpressibleByArgument {}

/// The model options shared by `ed spectrum`, `ed run`, `ed scan` and `ed study` (everything but the sizes and
/// disorder strengths, which `scan` takes as lists).
struct EDChainOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The model:",
                               discussion: EDModelKind.allCases.map { "\($0.rawValue): \($0.definition.summary)." }.joined(separator: "\n")))
    var model: EDModelKind

    @Option(name: .customLong("J"), help: "Interaction strength J.")
    var interaction: Double = EDProblem.defaultInteraction

    @Option(name: .customLong("Delta"), help: "Anisotropy Delta (\(EDModelKind.names(where: \.hasMagnetizationSectors))).")
    var anisotropy: Double = EDProblem.defaultAnisotropy

    @Option(name: .customLong("zeta"), help: "Localization length zeta > 0 (\(EDModelKind.names(where: \.readsLocalizationLength)); required there).")
    var localizationLength: Double?

    @Option(help: "\(EDModelKind.names(where: \.hasMagnetizationSectors)): total S^z of the sector (e.g. 0, 0.5), 'all' (every sector, resolved) or 'full'. Default: 0 (even L), 0.5 (odd L); 'full' with a sigma^x/y probe.")
    var sector: String?

    @Flag(help: "Couple a probe spin at site 0.")
    var probe = false

    @Option(name: .customLong("probe-field"), help: "Probe field h (default: W).")
    var probeField: Double?

    @Option(name: .customLong("probe-coupling"), help: "The Pauli matrix a in V = J sigma^a_0: x, y or z.")
    var probeCoupling: Pauli = EDProblem.defaultProbeCoupling

    @Flag(name: .customLong("open"), help: "Open boundary conditions (default periodic).")
    var openBoundary = false

    @Flag(help: "\(EDModelKind.names(where: \.hasMagnetizationSectors)): Pauli matrices instead of spins S = sigma/2 in the Hamiltonian.")
    var pauli = false

    @Option(name: .customLong("field-distribution"), help: "O(3) fields: gaussian or sphere.")
    var fieldDistribution: FieldDistribution = EDProblem.defaultFieldDistribution

    /// The validated problem, or a ValidationError naming the option. `matricesAlive` counts the
    /// dense matrices a job holds at once beyond the eigensolver's own (2 when eigenvectors feed
    /// observables), for the up-front memory check.
    func problem(length: Int, disorder: Double, driveFrequency: Double?, matricesAlive: Double = 2,
                 checkDenseMemory: Bool = true) throws -> EDProblem {
        try EDLimits.length.check(length)
        try EDLimits.disorder.check(disorder)
        try EDLimits.energy("--J").check(interaction)
        try EDLimits.energy("--Delta").check(anisotropy)
        try EDLimits.energy("--probe-field").check(probeField)
        try NumericOption.positive("--zeta", atMost: WorkLimits.energy).check(localizationLength)
        try EDLimits.frequency.check(driveFrequency)
        let definition = model.definition
        if pauli && !definition.hasMagnetizationSectors {
            throw ValidationError("--pauli applies only to \(EDModelKind.names(where: \.hasMagnetizationSectors)) (the O(3) models are written with Pauli matrices)")
        }
        if localizationLength != nil && !definition.readsLocalizationLength {
            throw ValidationError("--zeta applies only to \(EDModelKind.names(where: \.readsLocalizationLength))")
        }
        var problem = EDProblem(model: model, length: length, disorderStrength: disorder)
        problem.interaction = interaction
        problem.anisotropy = anisotropy
        if definition.isFloquet {
            guard let omega = driveFrequency, omega.isFinite, omega > 0 else {
                throw ValidationError("--Omega (a finite number > 0) is required for \(model.rawValue)")
            }
            problem.driveFrequency = omega
        } else if driveFrequency != nil {
            throw ValidationError("--Omega applies only to \(EDModelKind.names(where: \.isFloquet))")
        }
        if definition.readsLocalizationLength {
            guard let zeta = localizationLength, zeta.isFinite, zeta > 0 else {
                throw ValidationError("--zeta (a finite number > 0) is required for \(model.rawValue)")
            }
            problem.localizationLength = zeta
        }
        if let requirement = definition.lengthRequirement(length) { throw ValidationError("--L \(requirement)") }
        problem.boundary = openBoundary ? .open : .periodic
        problem.convention = pauli ? .pauli : .spin
        problem.fieldDistribution = fieldDistribution
        if probe || definition.alwaysHasProbe {
            problem.probe = ProbeSpin(field: probeField ?? disorder, couplingStrength: interaction, coupling: probeCoupling)
        }
        if definition.hasMagnetizationSectors {
            if let sector {
                switch sector.lowercased() {
                case "all": problem.magnetization = .allSectors
                case "full": problem.magnetization = .fullSpace
                default:
                    guard let sz = Double(sector), sz.isFinite, abs(sz) <= Double(length), MagnetizationSector(chainLength: length, totalSz: sz) != nil else {
                        throw ValidationError("--sector: '\(sector)' is not a sector of L = \(length) (a total S^z with L/2 - S^z an integer in 0...L, 'all' or 'full')")
                    }
                    problem.magnetization = .sector(sz)
                }
            } else {
                problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: problem.probe?.coupling)
            }
            if problem.probe != nil && problem.magnetization != .fullSpace && probeCoupling != .z {
                throw ValidationError("--sector: a probe coupled by sigma^\(probeCoupling.rawValue) breaks S^z conservation; use --sector full or --probe-coupling z")
            }
        } else if sector != nil {
            throw ValidationError("--sector applies only to \(EDModelKind.names(where: \.hasMagnetizationSectors))")
        }
        if checkDenseMemory { try refuseAboveMemory(problem, matricesAlive: matricesAlive) }
        return problem
    }

    /// The problem, with the dense memory check (`matricesAlive` dense matrices beyond the
    /// eigensolver's) only where `methodOptions` diagonalise it densely; a sparse window is
    /// checked by its own plan (`observables`: what the window must serve).
    func problem(length: Int, disorder: Double, driveFrequency: Double?, methodOptions: EDMethodOptions,
                 matricesAlive: Double, observables: [ExactObservable]) throws -> EDProblem {
        let problem = try problem(length: length, disorder: disorder, driveFrequency: driveFrequency, checkDenseMemory: false)
        if methodOptions.sparseMethod(for: problem) == nil {
            try refuseAboveMemory(problem, matricesAlive: matricesAlive)
        } else {
            _ = try methodOptions.plan(for: problem, observables: observables)
        }
        return problem
    }
}


/// One chain: the model options with `--L`, `--W` and `--Omega`, shared by `ed spectrum`, `ed run`
/// and `ed dynamics` (`ed scan` and `ed study` take lists).
struct EDChainPointOptions: ParsableArguments {
    @OptionGroup var chain: EDChainOptions

    @Option(name: .customLong("L"), help: "Number of chain sites L, 2...30 (probe not counted; refused above 80% of memory).")
    var length: Int

    @Option(name: .customLong("W"), help: "Disorder strength W, 0...1e12 (also the default probe field h).")
    var disorderStrength: Double

    @Option(name: .customLong("Omega"), help: "Drive frequency Omega > 0 (\(EDModelKind.names(where: \.isFloquet)); required there).")
    var driveFrequency: Double?

    var model: EDModelKind { chain.model }

    /// The validated problem (see `EDChainOptions.problem`).
    func problem(matricesAlive: Double = 2, checkDenseMemory: Bool = true) throws -> EDProblem {
        try chain.problem(length: length, disorder: disorderStrength, driveFrequency: driveFrequency,
                          matricesAlive: matricesAlive, checkDenseMemory: checkDenseMemory)
    }

    /// The problem with the dense memory check only where `methodOptions` diagonalise it densely
    /// (see `EDChainOptions.problem(length:disorder:driveFrequency:methodOptions:matricesAlive:observables:)`).
    func problem(methodOptions: EDMethodOptions, matricesAlive: Double, observables: [ExactObservable]) throws -> EDProblem {
        try chain.problem(length: length, disorder: disorderStrength, driveFrequency: driveFrequency,
                          methodOptions: methodOptions, matricesAlive: matricesAlive, observables: observables)
    }
}

/// The limits of the exact-numerics options, shared by every command that builds an `EDProblem`.
enum EDLimits {
    /// Chain sites L (the dense eigensolvers; the memory check refuses what does not fit).
    static let length = NumericOption.integer("--L", 2...30)
    static let disorder = NumericOption("--W", atLeast: 0, atMost: WorkLimits.energy)
    static let frequency = NumericOption.positive("--Omega", atMost: WorkLimits.energy)
    static let realizations = NumericOption.integer("--realizations", 1...WorkLimits.realizations)
    static func energy(_ name: String) -> NumericOption { NumericOption(name, atLeast: -WorkLimits.energy, atMost: WorkLimits.energy) }
    static func threads(_ name: String) -> NumericOption { NumericOption.integer(name, 1...WorkLimits.threads) }
}

/// Refuses, up front and with its estimate, a problem whose dense matrices (`matricesAlive` of
/// them beyond the eigensolver's own) need more than 80% of the machine's memory.
func refuseAboveMemory(_ problem: EDProblem, matricesAlive: Double = 2) throws {
    let needed = problem.denseMemoryEstimate * matricesAlive
    let available = Double(ProcessInfo.processInfo.physicalMemory)
    if needed > 0.8 * available {
        throw ValidationError(String(format: "refused: L = %d needs about %.1f GiB of dense matrices (dimension %d), more than 80%% of the %.1f GiB of memory",
                                     problem.length, needed / 1_073_741_824, problem.blockDimensions.max() ?? 0, available / 1_073_741_824))
    }
}
