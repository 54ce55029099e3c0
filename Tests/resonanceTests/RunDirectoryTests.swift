import Foundation
import XCTest

/// `ed run` directories end to end: one writer at a time, records checked on resume, fields
/// files told apart, nothing half-made left by a run that fails at once.
final class RunDirectoryTests: XCTestCase {
    let cli = ResonanceExecutable()

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-directory-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func arguments(_ out: URL, realizations: Int = 20, extra: [String] = []) -> [String] {
        ["ed", "run", "--model", "xxz", "--L", "8", "--W", "2", "--realizations", String(realizations), "--seed", "7",
         "--observables", "r,spectral", "--out", out.path, "--quiet", "--workers", "1"] + extra
    }

    func launch(_ arguments: [String], errors: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = cli.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return process
    }

    func recordLines(_ out: URL) throws -> [String] {
        try String(contentsOf: out.appendingPathComponent("realizations.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Two identical runs started together: one computes every realization, the other is refused
    /// at once naming the first one's PID; the records file has exactly --realizations lines.
    func testConcurrentIdenticalRunsHaveOneWriter() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("c")
        let command = ["ed", "run", "--model", "xxz", "--L", "10", "--W", "2", "--realizations", "24", "--seed", "7",
                       "--observables", "all", "--out", out.path, "--quiet", "--workers", "1"]
        let pipes = [Pipe(), Pipe()]
        let processes = try pipes.map { try launch(command, errors: $0) }
        let messages = pipes.map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        processes.forEach { $0.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        XCTAssertEqual(statuses.filter { $0 == 0 }.count, 1, "\(statuses) \(messages)")
        let loser = statuses[0] == 0 ? 1 : 0
        let winner = 1 - loser
        XCTAssertTrue(messages[loser].contains("in use by another run (process \(processes[winner].processIdentifier))"), messages[loser])
        XCTAssertEqual(messages[loser].split(separator: "\n").count, 1, messages[loser])
        let lines = try recordLines(out)
        XCTAssertEqual(lines.count, 24)
        XCTAssertEqual(Set(lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["realization"] as? Int
        }), Set(0..<24))
    }

    /// Damaged records of a finished run are refused on resume with their line numbers.
    func testDamagedRecordsAreRefusedOnResume() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("x")
        var result = try cli.run(arguments(out))
        XCTAssertEqual(result.status, 0, result.errors)
        let original = try recordLines(out)
        XCTAssertEqual(original.count, 20)
        let damages: [(String, [String], String)] = [
            ("negative index", original + [original[0].replacingOccurrences(of: "\"realization\":0", with: "\"realization\":-1")],
             "line 21: realization -1 is negative"),
            ("key removed", original.enumerated().map { $0.offset == 4 ? Self.removingKey("r_mean", from: $0.element) : $0.element },
             "line 5: realization 4 lacks \"r_mean\""),
            ("histogram cut", original.enumerated().map { $0.offset == 6 ? Self.cuttingArray("spectral_density", to: 3, in: $0.element) : $0.element },
             "line 7: realization 6: \"spectral_density\" has 3 values"),
            ("conflicting duplicate", original + [Self.removingKey("r_mean", from: original[2]).replacingOccurrences(of: "\"values\":{", with: "\"values\":{\"r_mean\":[0.123],")],
             "lines 3 and 21 hold realization 2 with different values"),
            ("unreadable line", Array(original[0..<10]) + ["not json"] + Array(original[10...]), "line 11: not a readable record"),
        ]
        for (name, lines, expected) in damages {
            try (lines.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("realizations.jsonl"), atomically: true, encoding: .utf8)
            result = try cli.run(arguments(out))
            XCTAssertNotEqual(result.status, 0, "\(name): accepted")
            XCTAssertTrue(result.errors.contains(expected), "\(name): \(result.errors)")
            XCTAssertEqual(result.errors.split(separator: "\n").count, 1, result.errors)
        }
        // Repaired, the run resumes and reports 20.
        try (original.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("realizations.jsonl"), atomically: true, encoding: .utf8)
        result = try cli.run(arguments(out))
        XCTAssertEqual(result.status, 0, result.errors)
        let summary = try cli.json(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        XCTAssertEqual(summary["realizations"] as? Int, 20)
    }

    /// Without manifest.json, records are not taken over by another run.
    func testRecordsWithoutManifestAreRefused() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("x")
        var result = try cli.run(arguments(out, realizations: 4))
        XCTAssertEqual(result.status, 0, result.errors)
        try FileManager.default.removeItem(at: out.appendingPathComponent("manifest.json"))
        result = try cli.run(arguments(out, realizations: 4).map { $0 == "2" ? "9" : $0 })
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("no manifest.json"), result.errors)
    }

    /// Different --fields files do not mix; the refusal names the parameter and both values.
    func testDifferentFieldsFilesAreToldApart() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("f")
        let a = directory.appendingPathComponent("A.json"), b = directory.appendingPathComponent("B.json")
        try "{\"h\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]}".write(to: a, atomically: true, encoding: .utf8)
        try "{\"h\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9]}".write(to: b, atomically: true, encoding: .utf8)
        var result = try cli.run(arguments(out, realizations: 2, extra: ["--fields", a.path]))
        XCTAssertEqual(result.status, 0, result.errors)
        result = try cli.run(arguments(out, realizations: 2, extra: ["--fields", b.path]))
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("fields_hash is \"fnv1a64:"), result.errors)
        XCTAssertTrue(result.errors.contains("there, \"fnv1a64:"), result.errors)
        // The same numbers written differently are the same fields.
        try "{\n  \"h\": [1e-1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.80]\n}".write(to: b, atomically: true, encoding: .utf8)
        result = try cli.run(arguments(out, realizations: 2, extra: ["--fields", b.path]))
        XCTAssertEqual(result.status, 0, result.errors)
        // A changed parameter is named with both values.
        result = try cli.run(arguments(out, realizations: 2, extra: ["--fields", a.path, "--criterion-window", "0.25"]))
        XCTAssertTrue(result.errors.contains("criterion_window is 0.5 there, 0.25 now"), result.errors)
    }

    static func removingKey(_ key: String, from line: String) -> String {
        guard let range = line.range(of: "\"\(key)\":[") else { return line }
        let end = line[range.upperBound...].firstIndex(of: "]")!
        var after = line.index(after: end)
        if line[after] == "," { after = line.index(after: after) }
        return String(line[..<range.lowerBound] + line[after...]).replacingOccurrences(of: ",}", with: "}")
    }

    static func cuttingArray(_ key: String, to count: Int, in line: String) -> String {
        guard let range = line.range(of: "\"\(key)\":[") else { return line }
        let end = line[range.upperBound...].firstIndex(of: "]")!
        let items = line[range.upperBound..<end].split(separator: ",").prefix(count)
        return String(line[..<range.upperBound]) + items.joined(separator: ",") + String(line[end...])
    }
}
