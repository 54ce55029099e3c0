import Foundation
import XCTest

/// One vocabulary on the command line: `--out` is a folder and `--output` a file everywhere (the
/// earlier `--output DIR` of `report` and `audit` still accepted, hidden), the models listed from
/// the catalog, and errors that name the option and its whole allowed set.
final class OptionVocabularyTests: XCTestCase {
    let cli = ResonanceExecutable()

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testReportAndAuditTakeOutAndStillAcceptOutput() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        for command in [["report", "--audit-budget", "0"], ["audit", "--budget", "1"]] {
            for option in ["--out", "--output"] {
                let result = try cli.run(command + [option, file.path])
                XCTAssertNotEqual(result.status, 0, "\(command) \(option)")
                XCTAssertTrue(result.errors.contains("\(option) \(file.path): exists and is not a directory"), result.errors)
            }
            let help = try cli.run(command.prefix(1) + ["--help"])
            XCTAssertTrue(help.output.contains("--out <out>"), "\(command[0]) --help")
            XCTAssertFalse(help.output.contains("--output"), "\(command[0]) --help shows the hidden alias")
        }
        // Both names at once are refused rather than one silently ignored.
        let both = try cli.run(["audit", "--budget", "1", "--out", folder.appendingPathComponent("a").path,
                                "--output", folder.appendingPathComponent("b").path])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.errors.contains("--output is the earlier name of --out"), both.errors)
        // The alias writes where the new name does.
        let written = folder.appendingPathComponent("claims")
        let result = try cli.run(["audit", "--claim", "correction-55-constant", "--output", written.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: written.appendingPathComponent("claims.json").path))
    }

    /// A folder the system refuses to create is reported with the option that named it.
    func testUncreatableOutputFolderNamesItsOption() throws {
        for arguments in [["ed", "dynamics", "--model", "heisenberg-o3", "--L", "4", "--W", "1", "--out", "/proc/resonance-test"],
                          ["ed", "run", "--model", "xxz", "--L", "6", "--W", "1", "--seed", "1", "--realizations", "1",
                           "--out", "/proc/resonance-test"]] {
            let result = try cli.run(arguments)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertLessThan(result.status, 128, result.errors)
            XCTAssertTrue(result.errors.hasPrefix("Error: --out /proc/resonance-test"), "\(arguments): \(result.errors)")
        }
    }

    /// `--kpm-order` and `--fourier-periods` take 0 for none: the message says so.
    func testNoneIsPartOfTheAllowedSet() throws {
        let folder = try temporaryFolder()
        let hamiltonian = ["ed", "dynamics", "--model", "heisenberg-o3", "--L", "4", "--W", "1", "--out", folder.path]
        var result = try cli.run(hamiltonian + ["--kpm-order", "-1"])
        XCTAssertTrue(result.errors.contains("--kpm-order must be 0 (none) or an integer in 8...100000 (got -1)"), result.errors)
        let floquet = ["ed", "dynamics", "--model", "floquet-o3", "--Omega", "3", "--L", "4", "--W", "1", "--out", folder.path]
        result = try cli.run(floquet + ["--fourier-periods", "3"])
        XCTAssertTrue(result.errors.contains("--fourier-periods must be 0 (none) or an integer in 8...1000000 (got 3)"), result.errors)
    }

    /// `--model` lists every catalog model with its definition, the same in the three commands
    /// that share the chain options.
    func testChainCommandsShareTheirOptionsAndListTheModels() throws {
        var helps: [String] = []
        for command in ["spectrum", "run", "dynamics"] {
            let help = try cli.run(["ed", command, "--help"]).output
            for model in ["xxz", "heisenberg-o3", "floquet-o3", "lbit"] {
                XCTAssertTrue(help.contains("\(model):"), "ed \(command) --help lacks \(model)")
            }
            helps.append(help.components(separatedBy: "\n").filter { ["  --L <L>", "  --W <W>", "  --Omega <Omega>"].contains(where: $0.hasPrefix) }
                .joined(separator: "\n"))
        }
        XCTAssertEqual(Set(helps).count, 1, "the --L, --W, --Omega help differs: \(helps)")
    }
}
