import ArgumentParser
import Foundation
import NumericKit
import SpinChains
import Studies

/// `resonance ed spectrum`: the sorted eigenvalues (quasi-energies for Floquet models) of one
/// disorder realization.
struct EDSpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Eigenvalues (quasi-energies for Floquet models) of one disorder realization, sorted ascending.",
        discussion: """
        Models: spin-1/2 chains, sites n = 0..L-1, periodic unless --open, listed under --model below. \
        --probe adds a probe spin P: + (h/2) sigma^z_P + J sigma^a_0 sigma^x_P (h = W unless --probe-field);
        Floquet: U = exp(-i T V sigma^x_P) (U_F x exp(-(i/2) h T sigma^z_P)).
        """
    )

    @OptionGroup var point: EDChainPointOptions

    @Option(help: "Seed of the disorder generator (realization k uses the pair (seed, k) only).")
    var seed: UInt64?

    @Option(help: "JSON fields file instead of a random draw: {\"h\": [...]} (xxz) or {\"v\": [[x,y,z], ...]} (O(3) models).")
    var fields: String?

    @Option(help: "Realization index k.")
    var realization: UInt64 = 0

    @Option(name: .customLong("write-fields"), help: "Write the fields used to this JSON file.")
    var writeFields: String?

    @Option(help: "OpenBLAS threads, 1...1024 (default: all cores; sparse methods: per worker rank, default the rank's share of the cores the load average leaves idle).")
    var threads: Int?

    @OptionGroup var methodOptions: EDMethodOptions

    @OptionGroup var outputOptions: OutputOptions

    var model: EDModelKind { point.model }

    func validate() throws {
        if model.definition.disorder == .drawnFromSeed, fields != nil {
            throw ValidationError("--fields does not apply to \(model.rawValue): its disorder is drawn from --seed")
        }
        switch (seed, fields) {
        case (nil, nil): throw ValidationError("give either --seed S or --fields FILE")
        case (.some, .some): throw ValidationError("--seed and --fields exclude each other")
        default: break
        }
        try EDLimits.threads("--threads").check(threads)
        if let writeFields { try OutputFile.checkWritable(writeFields, option: "--write-fields") }
        try methodOptions.validateOptions()
        let problem = try makeProblem()
        _ = try methodOptions.plan(for: problem)
        if fields != nil { _ = try givenFields(for: problem) }
    }

    /// The fields file, read and checked against the problem.
    func givenFields(for problem: EDProblem) throws -> DisorderFields {
        let path = fields ?? ""
        try InputFile.check(path, option: "--fields")
        return try readGivenFields(path: path, option: "--fields", for: problem)
    }

    /// Eigenvalues only: the eigensolver's matrices are all that is alive. The dense memory check
    /// applies only when the problem is diagonalised densely.
    func makeProblem() throws -> EDProblem {
        try point.problem(methodOptions: methodOptions, matricesAlive: 1, observables: [.levelStatistics])
    }

    func run() throws {
        BLASRuntime.setThreads(threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let problem = try makeProblem()
        let usedFields: DisorderFields
        if fields != nil {
            usedFields = try givenFields(for: problem)
        } else {
            usedFields = problem.drawFields(seed: seed ?? 0, realization: realization)
        }
        if var plan = try methodOptions.plan(for: problem) {
            // --threads: each worker rank's OpenBLAS threads (default: its share of the idle cores).
            if let threads { plan.engine.blasThreads = threads }
            if let writeFields, SparseWindowEngine.launcherRank == 0 {
                try OutputFile.write(try usedFields.json(), to: writeFields, option: "--write-fields")
            }
            let window: SparseWindowResult?
            do { window = try plan.engine.solve(problem: problem, fields: usedFields, settings: plan.settings) } catch {
                throw ValidationError("\(error)")
            }
            // Under mpirun only rank 0 reports; the other ranks' workers helped with the solve.
            guard let window else { return }
            try outputOptions.emit(renderWindow(problem: problem, window: window, settings: plan.settings))
            return
        }
        let values = try problem.spectrum(fields: usedFields, seed: seed ?? 0, realization: realization)
        if let bad = values.first(where: { !$0.isFinite }) {
            throw NumericalError(quantity: "the spectrum", detail: "a non-finite eigenvalue (\(bad)): the energy scales overflow; reduce --W, --J or --Delta")
        }
        if let writeFields { try OutputFile.write(try usedFields.json(), to: writeFields, option: "--write-fields") }
        try outputOptions.emit(render(problem: problem, values: values))
    }

    /// The window: eigenvalues with their residuals; the metadata say how it was computed.
    func renderWindow(problem: EDProblem, window: SparseWindowResult, settings: SparseWindowSettings) -> String {
        var parameters = parameterRecord(problem: problem)
        parameters += [
            ("method", .string(settings.method.rawValue)),
            ("target_energy_density", .number(settings.targetDensity)),
            ("target_energy", .number(window.targetEnergy)),
            ("minimum_energy", .number(window.minimumEnergy)),
            ("maximum_energy", .number(window.maximumEnergy)),
            ("levels", .integer(window.energies.count)),
            ("residual", .string("||H v - E v|| / ||H||_2, ||H||_2 = max(|Emin|, |Emax|)")),
            ("residual_tolerance", .number(settings.residualTolerance)),
            ("max_residual", .number(window.maximumResidual)),
            ("ranks", .integer(window.ranks)),
            ("matrix_nonzeros", .integer(window.matrixNonzeros)),
            ("estimated_factor_memory_bytes", .number(window.estimatedFactorBytes)),
            ("factor_memory_bytes", .number(window.factorBytes)),
            ("peak_resident_bytes_all_ranks", .number(window.peakResidentBytesSum)),
            ("seconds", .number(window.seconds)),
            ("seconds_by_phase", .string(String(format: "bounds %.2f, analysis %.2f, factorization %.2f, solve %.2f, vectors %.2f, assembly %.2f",
                                                window.secondsBounds, window.secondsAnalysis, window.secondsFactorization,
                                                window.secondsSolve, window.secondsVectors, window.secondsAssembly))),
        ]
        let metadata = OutputMetadata(parameters: parameters, commandLine: recordedCommandLine())
        let format = outputOptions.format.format
        if format == .json {
            return OutputRenderer.record([("eigenvalues", .array(window.energies.map { .number($0) })),
                                          ("residuals", .array(window.residuals.map { .number($0) }))],
                                         metadata: metadata, format: .json)
        }
        let table = ColumnTable(columns: [("index", window.energies.indices.map(Double.init)), ("eigenvalue", window.energies),
                                          ("residual", window.residuals)])
        return OutputRenderer.curve(table, metadata: metadata, format: format)
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

    /// The problem's record (the one run manifests use, with `"probe"` always written), with how this
    /// realization was drawn inserted before `dimension`, then the BLAS it ran on.
    func parameterRecord(problem: EDProblem) -> [(String, JSONValue)] {
        let record = problemParameters(problem, alwaysRecordProbe: true)
        var parameters = record.filter { $0.0 != "dimension" }
        parameters.append(("seed", seed.map { Int(exactly: $0).map(JSONValue.integer) ?? .string(String($0)) } ?? .null))
        parameters.append(("realization", Int(exactly: realization).map(JSONValue.integer) ?? .string(String(realization))))
        parameters.append(("fields_file", fields.map { .string($0) } ?? .null))
        parameters += record.filter { $0.0 == "dimension" }
        parameters.append(("openblas_threads", .integer(BLASRuntime.threads)))
        parameters.append(("openblas_kernel", .string(BLASRuntime.coreName)))
        return parameters
    }
}
