import ArgumentParser
import Foundation
import NumericKit
import SpinChains
import Studies

extension EDModelKind: ExpressibleByArgument {}
extension Pauli: ExpressibleByArgument {}
extension FieldDistribution: ExpressibleByArgument {}

/// `resonance ed spectrum`: the sorted eigenvalues (quasi-energies for Floquet models) of one
/// disorder realisation.
struct EDSpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Eigenvalues (quasi-energies for Floquet models) of one disorder realisation, sorted ascending.",
        discussion: """
        Models (spin-1/2 chains, sites n = 0..L-1, periodic unless --open):
          xxz            H = J sum (SxSx + SySy + Delta SzSz) + sum h_n Sz_n, S = sigma/2 (sigma with --pauli),
                         h_n uniform in [-W, W]; one S^z sector (--sector).
          heisenberg-o3  H = (J/2) sum sigma_n.sigma_n+1 + (W/2) sum v_n.sigma_n.
          floquet-o3     U_F = exp(-i H_J T/2) exp(-i H_W T/2), H_J = J sum sigma.sigma, H_W = W sum v.sigma,
                         T = 2 pi/Omega; quasi-energies in (-Omega/2, Omega/2].
          lbit           synthetic l-bit model with localisation length zeta, always with the probe.
        --probe adds a probe spin P: + (h/2) sigma^z_P + J sigma^a_0 sigma^x_P (h = W unless --probe-field);
        Floquet: U = exp(-i T V sigma^x_P) (U_F x exp(-(i/2) h T sigma^z_P)).
        """
    )

    @Option(help: "Model: \(EDModelKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: EDModelKind

    @Option(name: .customLong("L"), help: "Number of chain sites L (probe not counted).")
    var length: Int

    @Option(name: .customLong("W"), help: "Disorder strength W >= 0 (the probe field h for lbit).")
    var disorderStrength: Double

    @Option(name: .customLong("J"), help: "Coupling J.")
    var coupling: Double = 1

    @Option(name: .customLong("Delta"), help: "Anisotropy Delta (xxz).")
    var anisotropy: Double = 1

    @Option(name: .customLong("Omega"), help: "Driving frequency Omega > 0 (floquet-o3, lbit).")
    var drivingFrequency: Double?

    @Option(name: .customLong("zeta"), help: "Localisation length zeta > 0 (lbit).")
    var localizationLength: Double?

    @Option(help: "xxz: total S^z of the sector (e.g. 0, 1, -0.5), 'all' (every sector), or 'full' (the 2^L space as one matrix). Default: 0 for even L, 0.5 for odd L; 'full' with a probe.")
    var sector: String?

    @Flag(help: "Couple a probe spin at site 0.")
    var probe = false

    @Option(name: .customLong("probe-field"), help: "Probe field h (default: W).")
    var probeField: Double?

    @Option(name: .customLong("probe-coupling"), help: "The Pauli matrix a in V = J sigma^a_0: x, y or z.")
    var probeCoupling: Pauli = .x

    @Flag(name: .customLong("open"), help: "Open boundary conditions (default periodic).")
    var openBoundary = false

    @Flag(help: "xxz: Pauli matrices instead of spins S = sigma/2 in the Hamiltonian.")
    var pauli = false

    @Option(name: .customLong("field-distribution"), help: "O(3) fields: gaussian (components of variance 1/3) or sphere (unit vectors).")
    var fieldDistribution: FieldDistribution = .gaussian

    @Option(help: "Seed of the disorder generator (realisation k uses the pair (seed, k) only).")
    var seed: UInt64?

    @Option(help: "JSON fields file instead of a random draw: {\"h\": [...]} (xxz) or {\"v\": [[x,y,z], ...]} (O(3) models).")
    var fields: String?

    @Option(help: "Realisation index k.")
    var realization: UInt64 = 0

    @Option(name: .customLong("write-fields"), help: "Write the fields used to this JSON file.")
    var writeFields: String?

    @Option(help: "OpenBLAS threads (default: all cores).")
    var threads: Int?

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (1...30).contains(length) else { throw ValidationError("--L must be in 1...30 (got \(length))") }
        if model != .xxz || !openBoundary {
            guard length >= 2 else { throw ValidationError("--L must be at least 2 for a periodic chain and for \(model.rawValue)") }
        }
        guard disorderStrength.isFinite, disorderStrength >= 0 else {
            throw ValidationError("--W must be a finite number >= 0 (got \(disorderStrength))")
        }
        guard coupling.isFinite else { throw ValidationError("--J must be finite") }
        guard anisotropy.isFinite else { throw ValidationError("--Delta must be finite") }
        if model.isFloquet {
            guard let omega = drivingFrequency else { throw ValidationError("--Omega is required for \(model.rawValue)") }
            guard omega.isFinite, omega > 0 else { throw ValidationError("--Omega must be a finite number > 0 (got \(omega))") }
        } else if drivingFrequency != nil {
            throw ValidationError("--Omega applies only to floquet-o3 and lbit")
        }
        if model == .lbit {
            guard let zeta = localizationLength else { throw ValidationError("--zeta is required for lbit") }
            guard zeta.isFinite, zeta > 0 else { throw ValidationError("--zeta must be a finite number > 0 (got \(zeta))") }
            guard length % 2 == 0 else { throw ValidationError("--L must be even for lbit (l-bits n = -L/2..L/2-1)") }
            guard fields == nil else { throw ValidationError("--fields does not apply to lbit: its disorder is drawn from --seed") }
        } else if localizationLength != nil {
            throw ValidationError("--zeta applies only to lbit")
        }
        if sector != nil && model != .xxz { throw ValidationError("--sector applies only to xxz") }
        if pauli && model != .xxz { throw ValidationError("--pauli applies only to xxz (the O(3) models are written with Pauli matrices)") }
        if model == .xxz {
            let choice = try magnetizationChoice()
            if case let .sector(sz) = choice, MagnetizationSector(chainLength: length, totalSz: sz) == nil {
                throw ValidationError("--sector: S^z = \(sz) is not a sector of L = \(length); allowed: -L/2...L/2 in steps of 1 with L/2 - S^z an integer")
            }
            if probe && choice != .fullSpace && probeCoupling != .z {
                throw ValidationError("--sector: a probe coupled by sigma^\(probeCoupling.rawValue) breaks S^z conservation; use --sector full or --probe-coupling z")
            }
        }
        if let probeField { guard probeField.isFinite else { throw ValidationError("--probe-field must be finite") } }
        switch (seed, fields) {
        case (nil, nil): throw ValidationError("give either --seed S or --fields FILE")
        case (.some, .some): throw ValidationError("--seed and --fields exclude each other")
        default: break
        }
        if let threads { guard threads >= 1 else { throw ValidationError("--threads must be >= 1") } }
        let problem = try makeProblem()
        let needed = problem.denseMemoryEstimate
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        if needed > 0.8 * available {
            throw ValidationError(String(format: "refused: the dense matrices need about %.1f GiB (dimension %d), more than 80%% of the %.1f GiB of physical memory",
                                         needed / 1_073_741_824, problem.blockDimensions.max() ?? 0, available / 1_073_741_824))
        }
    }

    func magnetizationChoice() throws -> MagnetizationChoice {
        guard let sector else {
            if probe && probeCoupling != .z { return .fullSpace }
            return .sector(length % 2 == 0 ? 0 : 0.5)
        }
        switch sector.lowercased() {
        case "all": return .allSectors
        case "full": return .fullSpace
        default:
            guard let sz = Double(sector), sz.isFinite else {
                throw ValidationError("--sector must be a number (total S^z), 'all' or 'full' (got '\(sector)')")
            }
            return .sector(sz)
        }
    }

    func makeProblem() throws -> EDProblem {
        var problem = EDProblem(model: model, length: length, disorderStrength: disorderStrength)
        problem.coupling = coupling
        problem.anisotropy = anisotropy
        if let drivingFrequency { problem.drivingFrequency = drivingFrequency }
        if let localizationLength { problem.localizationLength = localizationLength }
        problem.boundary = openBoundary ? .open : .periodic
        problem.convention = pauli ? .pauli : .spin
        problem.fieldDistribution = fieldDistribution
        if model == .xxz { problem.magnetization = try magnetizationChoice() }
        if probe || model == .lbit {
            problem.probe = ProbeSpin(field: probeField ?? disorderStrength, couplingStrength: coupling, coupling: probeCoupling)
        }
        return problem
    }

    func run() throws {
        BLASRuntime.setThreads(threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let problem = try makeProblem()
        let usedFields: DisorderFields
        if let fields {
            usedFields = try DisorderFields(json: Data(contentsOf: URL(fileURLWithPath: fields)))
        } else {
            usedFields = problem.drawFields(seed: seed ?? 0, realization: realization)
        }
        if let writeFields { try usedFields.json().write(to: URL(fileURLWithPath: writeFields)) }
        let values = try problem.spectrum(fields: usedFields, seed: seed ?? 0, realization: realization)
        try outputOptions.emit(render(problem: problem, values: values))
    }

    /// JSON: {"eigenvalues": [...], "parameters": {...}, ...}; CSV and table: index and value columns.
    func render(problem: EDProblem, values: [Double]) -> String {
        let metadata = OutputMetadata(parameters: parameterRecord(problem: problem), commandLine: recordedCommandLine())
        let format = outputOptions.format.format
        if format == .json {
            return OutputRenderer.record([("eigenvalues", .array(values.map { .number($0) }))], metadata: metadata, format: .json)
        }
        let table = ColumnTable(columns: [("index", values.indices.map(Double.init)),
                                          (model.isFloquet ? "quasi_energy" : "eigenvalue", values)])
        return OutputRenderer.curve(table, metadata: metadata, format: format)
    }

    func parameterRecord(problem: EDProblem) -> [(String, JSONValue)] {
        var parameters: [(String, JSONValue)] = [
            ("model", .string(model.rawValue)),
            ("length", .integer(length)),
            ("disorder_strength", .number(disorderStrength)),
            ("coupling", .number(coupling)),
        ]
        switch model {
        case .xxz:
            parameters.append(("anisotropy", .number(anisotropy)))
            parameters.append(("convention", .string(pauli ? "pauli: H written with sigma" : "spin: H written with S = sigma/2")))
            let sectorValue: JSONValue
            switch problem.magnetization {
            case let .sector(sz): sectorValue = .number(sz)
            case .allSectors: sectorValue = .string("all")
            case .fullSpace: sectorValue = .string("full")
            }
            parameters.append(("sector_total_sz", sectorValue))
        case .heisenbergO3, .floquetO3:
            parameters.append(("field_distribution", .string(fieldDistribution.rawValue)))
        case .lbit:
            parameters.append(("localization_length", .number(localizationLength ?? 0)))
        }
        if model.isFloquet {
            parameters.append(("driving_frequency", .number(problem.drivingFrequency)))
            parameters.append(("quasi_energy_range", .string("(-Omega/2, Omega/2]")))
        }
        parameters.append(("boundary", .string(problem.boundary.rawValue)))
        parameters.append(("probe", .bool(problem.probe != nil)))
        if let probeSpin = problem.probe {
            parameters.append(("probe_field", .number(probeSpin.field)))
            parameters.append(("probe_coupling", .string("sigma^\(probeSpin.coupling.rawValue)_0 sigma^x_P")))
        }
        parameters.append(("seed", seed.map { Int(exactly: $0).map(JSONValue.integer) ?? .string(String($0)) } ?? .null))
        parameters.append(("realization", Int(exactly: realization).map(JSONValue.integer) ?? .string(String(realization))))
        parameters.append(("fields_file", fields.map { .string($0) } ?? .null))
        parameters.append(("dimension", .integer(problem.blockDimensions.reduce(0, +))))
        parameters.append(("openblas_threads", .integer(BLASRuntime.threads)))
        parameters.append(("openblas_kernel", .string(BLASRuntime.coreName)))
        return parameters
    }
}
