import ArgumentParser

@main
struct Resonance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resonance",
        abstract: "The resonance model of many-body localisation, and exact numerics to test it.",
        version: ResonanceVersion.string,
        subcommands: [EDCommand.self]
    )
}

enum ResonanceVersion {
    static let string = "0.1.0"
}
