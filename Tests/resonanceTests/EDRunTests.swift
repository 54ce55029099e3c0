import Foundation
import XCTest

/// End-to-end runs of the built `resonance ed run`: the averages are bit-identical with 1 and 2
/// workers, and after the process is killed (SIGKILL) mid-run and the command is run again.
final class EDRunTests: XCTestCase {
    var executable: URL { ResonanceExecutable().executable }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ed-run-\(UUID())")
    }

    func arguments(_ out: URL, realizations: Int, extra: [String] = []) -> [String] {
        ["ed", "run", "--model", "xxz", "--L", "10", "--W", "2", "--realizations", String(realizations), "--seed", "42",
         "--observables", "r,spectral,czz,matrix-elements,criterion,fidelity,entanglement", "--out", out.path, "--quiet",
         "--blas-threads", "1"] + extra
    }

    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The results object of summary.json, as text (numbers written with 17 significant digits).
    func results(_ directory: URL) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent("summary.json"), encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\"results\""))
        let end = try XCTUnwrap(text.range(of: "\"timings\""))
        return String(text[start.lowerBound..<end.lowerBound])
    }

    func lineCount(_ directory: URL) -> Int {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("realizations.jsonl"))) ?? Data()
        return data.split(separator: UInt8(ascii: "\n")).count
    }

    func testWorkersAndKillResumeGiveIdenticalAverages() throws {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path + " (run `swift build` first)"])
        }
        let realizations = 24
        var summaries: [String] = []
        var folders: [URL] = []
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        for workers in ["1", "2"] {
            let out = temporaryDirectory()
            folders.append(out)
            let process = try launch(arguments(out, realizations: realizations, extra: ["--workers", workers]))
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            summaries.append(try results(out))
        }
        XCTAssertEqual(summaries[0], summaries[1], "1 and 2 workers differ")
        XCTAssertTrue(summaries[0].contains("r_mean"))

        // Kill the real process once some realizations are on disk, then rerun the same command.
        let out = temporaryDirectory()
        folders.append(out)
        let process = try launch(arguments(out, realizations: realizations, extra: ["--workers", "2"]))
        let deadline = Date().addingTimeInterval(120)
        while lineCount(out) < 3 && process.isRunning && Date() < deadline { usleep(2_000) }
        let killedAt = lineCount(out)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the run finished before it could be killed")
        XCTAssertLessThan(killedAt, realizations)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        let resumed = try launch(arguments(out, realizations: realizations, extra: ["--workers", "2"]))
        resumed.waitUntilExit()
        XCTAssertEqual(resumed.terminationStatus, 0)
        XCTAssertEqual(try results(out), summaries[0], "the resumed run differs from the uninterrupted one")
    }
}
