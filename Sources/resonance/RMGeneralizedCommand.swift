import ArgumentParser
import Foundation
import ResonanceModel
import Studies

/// `resonance rm generalized`: the generalised RM (Sec. IV A) from a matrix-element density table.
struct RMGeneralized: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generalized",
        abstract: "F(v), p(v) and [S(omega)] (100)-(102) from a matrix-element density varrho(v) (97).",
        discussion: """
        The table is a CSV with a header naming columns v and varrho ('#' lines skipped), v > 0; \
        varrho is interpolated as a power law between rows and is zero outside them. The resonance \
        probability is 2 v varrho(v) dv (factor 2 and the sign of (100) corrected). Prints v, F, p, S \
        at --points log-spaced v over the table's range; S is the continuous part, the delta weight \
        F(0) is in the metadata.
        """
    )

    @Option(help: "CSV file with columns v,varrho.")
    var varrho: String

    @Option(help: "Number of output points, 2..1000000.")
    var points = GeneralizedModelStudy.Config(densityFile: "").points

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try NumericOption.integer("--points", 2...1_000_000).check(points)
        try InputFile.check(varrho, option: "--varrho")
    }

    func run() throws {
        var config = GeneralizedModelStudy.Config(densityFile: varrho)
        config.points = points
        let result = try runStudy(GeneralizedModelStudy.self, config)
        let metadata = OutputMetadata(parameters: [("varrho_file", .string(varrho)), ("rows", .integer(result.rows)),
                                                   ("zero_frequency_weight", .number(result.zeroFrequencyWeight))],
                                      commandLine: recordedCommandLine())
        try outputOptions.emit(result.curves, metadata: metadata)
    }
}
