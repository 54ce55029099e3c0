import ArgumentParser
import Foundation
import ResonanceModel
import Studies

/// `resonance rm ...`: the analytic resonance model.
struct RMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "The resonance model: derived scales and curves.",
        subcommands: [RMScales.self, RMCurve.self, RMDrift.self, RMEntropy.self, RMRegimes.self, RMThouless.self,
                      RMFidelity.self, RMDiffusion.self, RMGeneralized.self]
    )
}

struct RMScales: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scales",
        abstract: "Every derived scale (theta0, theta_c, omega_c, omega_H, omega_xi, omega_th, [Czz]) and the regime."
    )
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let parameters = try modelOptions.resolve()
        let model = resonanceModel(modelOptions.model.setting, parameters)
        let scales = ResonanceScales(model)
        let metadata = OutputMetadata(parameters: parameterRecord(model.setting, parameters), commandLine: recordedCommandLine())
        try outputOptions.emit(OutputRenderer.record(scalesRecord(scales), metadata: metadata, format: outputOptions.format.format))
    }
}

enum QuantityArgument: String, ExpressibleByArgument, CaseIterable {
    case q, F, p, czz, S, lightcone
    var quantity: ResonanceQuantity { ResonanceQuantity(rawValue: rawValue)! }
}

struct RMCurve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "A curve of q, F, p (against r), czz, lightcone (against t) or S (against omega)."
    )
    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Quantity: q, F, p, czz, S or lightcone.")
    var quantity: QuantityArgument

    @Option(parsing: .unconditional, help: "First abscissa value (r, t or omega).")
    var from: Double

    @Option(parsing: .unconditional, help: "Last abscissa value.")
    var to: Double

    @Option(help: "Number of points, 1..10000000.")
    var points: Int = 200

    @Flag(help: "Logarithmic spacing (needs 0 < from, to).")
    var log = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.finite("--from").check(from)
        try NumericOption.finite("--to").check(to)
        try NumericOption.integer("--points", 1...10_000_000).check(points)
        if log, !(from > 0 && to > 0) { throw ValidationError("--log needs --from > 0 and --to > 0") }
        if quantity == .S, !(from > 0 && to > 0) { throw ValidationError("--quantity S needs omega > 0 (--from, --to)") }
        if [.q, .F, .p].contains(quantity), !(from >= 0 && to >= 0) { throw ValidationError("ranges r must be >= 0 (--from, --to)") }
    }

    func run() throws {
        let parameters = try modelOptions.resolve()
        let model = resonanceModel(modelOptions.model.setting, parameters)
        let xs = grid(from: from, to: to, points: points, logarithmic: log)
        let table = resonanceCurve(model, quantity: quantity.quantity, abscissa: xs)
        var record = parameterRecord(model.setting, parameters)
        record.append(("quantity", .string(quantity.rawValue)))
        let metadata = OutputMetadata(parameters: record, commandLine: recordedCommandLine())
        try outputOptions.emit(table, metadata: metadata)
    }
}
