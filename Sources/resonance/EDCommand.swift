import ArgumentParser

/// `resonance ed ...`: exact diagonalization of disordered spin chains.
struct EDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ed",
        abstract: "Exact diagonalization of disordered spin chains.",
        subcommands: [EDSpectrumCommand.self, EDRun.self, EDDynamics.self, EDScan.self, EDStudy.self, EDMerge.self, EDSlurm.self, EDExport.self]
    )
}
