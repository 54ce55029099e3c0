import Foundation
import XCTest

/// The run directories committed under data/dynamics and data/drift_typicality keep resuming under today's command line: a
/// copy of each, given the command recorded in its summary.json, is read back without computing
/// anything. The run store refuses a directory whose manifest.json differs from the manifest the
/// command builds, so this guards the manifest texts (keys, order, number spelling, defaults such
/// as J, the probe and the time grid) against any change that would orphan stored runs.
final class RunManifestFixtureTests: XCTestCase {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    /// The lines of a CSV without its `#` metadata (command line, timings).
    func dataLines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// Every folder below `root` that holds a manifest.json (a run store), by its path below `data`.
    func runDirectories(below root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: data.appendingPathComponent(root).path)
        var runs: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent == "manifest.json" { runs.append(root + "/" + (path as NSString).deletingLastPathComponent) }
        }
        return runs.sorted()
    }

    func testCommittedDynamicsRunsResumeWithTheirManifestUnchanged() throws {
        let runs = runDirectories(below: "dynamics") + runDirectories(below: "drift_typicality")
        XCTAssertGreaterThanOrEqual(runDirectories(below: "dynamics").count, 6, "data/dynamics holds the committed runs")
        XCTAssertFalse(runDirectories(below: "drift_typicality").isEmpty, "data/drift_typicality holds the committed runs")
        for name in runs {
            let committed = data.appendingPathComponent(name)
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: committed, to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: committed.appendingPathComponent("summary.json")))
                                        as? [String: Any])
            var arguments = try XCTUnwrap(summary["command_line"] as? String, name).split(separator: " ").map(String.init)
            XCTAssertEqual(arguments.removeFirst(), "resonance")
            let out = try XCTUnwrap(arguments.firstIndex(of: "--out"), name)
            arguments[out + 1] = copy.path
            if !arguments.contains("--quiet") { arguments.append("--quiet") }

            let result = try ResonanceExecutable().run(arguments)
            XCTAssertEqual(result.status, 0, "\(name): \(result.errors)")
            let manifest = "manifest.json"
            XCTAssertEqual(try String(contentsOf: copy.appendingPathComponent(manifest), encoding: .utf8),
                           try String(contentsOf: committed.appendingPathComponent(manifest), encoding: .utf8), name)
            // Nothing recomputed: the records are the committed ones, and so are the averages.
            XCTAssertEqual(try String(contentsOf: copy.appendingPathComponent("realizations.jsonl"), encoding: .utf8),
                           try String(contentsOf: committed.appendingPathComponent("realizations.jsonl"), encoding: .utf8), name)
            for table in ["czz.csv", "spectral_function.csv"]
            where FileManager.default.fileExists(atPath: committed.appendingPathComponent(table).path) {
                XCTAssertEqual(try dataLines(copy.appendingPathComponent(table)), try dataLines(committed.appendingPathComponent(table)),
                               "\(name)/\(table)")
            }
        }
    }
}
