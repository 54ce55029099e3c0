import ArgumentParser
import Foundation
import Studies

@main
struct Resonance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resonance",
        abstract: "The resonance model of many-body localization, and exact numerics to test it.",
        version: ResonanceKitVersion.string,
        subcommands: [RMCommand.self, EDCommand.self, CompareCommand.self, ReportCommand.self, AuditCommand.self]
    )

    /// Parses and runs; any error ends the process with one line on standard error and a
    /// non-zero status (help and version requests print as usual).
    static func main() {
        KernelGuard.ensureFittingKernel()
        let arguments = normalizedArguments(Array(CommandLine.arguments.dropFirst()))
        var commandType: ParsableCommand.Type = Resonance.self
        do {
            var command = try parseAsRoot(arguments)
            commandType = type(of: command)
            try command.run()
            MPICommunicator.finalize()
        } catch {
            MPICommunicator.finalize()
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            try? OutputFile.writeAll(Data(("Error: " + errorLine(error, command: commandType) + "\n").utf8), descriptor: 2, what: "standard error")
            exit(withError: ExitCode(code.rawValue == 0 ? 1 : code.rawValue))
        }
    }
}
