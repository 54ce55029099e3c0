import ArgumentParser
import Studies

@main
struct Resonance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resonance",
        abstract: "The resonance model of many-body localisation, and exact numerics to test it.",
        version: ResonanceKitVersion.string,
        subcommands: [RMCommand.self, EDCommand.self, CompareCommand.self, ReportCommand.self, AuditCommand.self]
    )

    static func main() {
        KernelGuard.ensureFittingKernel()
        do {
            var command = try parseAsRoot()
            try command.run()
            MPICommunicator.finalize()
        } catch {
            MPICommunicator.finalize()
            exit(withError: error)
        }
    }
}
