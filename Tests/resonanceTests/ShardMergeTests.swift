import Foundation
import XCTest

/// Shards (`--shard i/n`) merged with `ed merge` against the run computed in one directory: the
/// CSVs and summary.json results must be byte-identical, also when a shard was killed (SIGKILL)
/// and resumed; merges of different commands, with gaps or duplicates are refused or reported.
final class ShardMergeTests: XCTestCase {
    /// The run of the end-to-end tests: every observable that averages a curve, L = 10.
    func runArguments(realizations: Int, out: String, extra: [String] = []) -> [String] {
        ["ed", "run", "--model", "xxz", "--L", "10", "--W", "2", "--realizations", String(realizations), "--seed", "42",
         "--observables", "r,spectral,czz,matrix-elements,criterion,fidelity,entanglement", "--quiet", "--blas-threads", "1"]
            + extra + ["--out", out]
    }

    func testShardsWithAnInterruptedShardMergeToTheSingleDirectoryRun() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let realizations = 24
        // The same relative --out in two folders: the recorded command lines then agree too.
        let single = try harness.folder("single"), sharded = try harness.folder("sharded")
        let reference = try harness.resonance(runArguments(realizations: realizations, out: "run", extra: ["--workers", "2"]), in: single)
        XCTAssertEqual(reference.status, 0, reference.errors)

        for index in [0, 2] {
            let result = try harness.resonance(runArguments(realizations: realizations, out: "shard\(index)",
                                                            extra: ["--workers", "2", "--shard", "\(index)/3"]), in: sharded)
            XCTAssertEqual(result.status, 0, result.errors)
        }
        // Shard 1: killed once two realizations are on disk, then the same command again.
        let arguments = runArguments(realizations: realizations, out: "shard1", extra: ["--workers", "2", "--shard", "1/3"])
        let process = harness.process(harness.executable, arguments, in: sharded)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let records = sharded.appendingPathComponent("shard1/realizations.jsonl")
        let deadline = Date().addingTimeInterval(120)
        while RunDirectoryHarness.lineCount(records) < 2 && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "shard 1 finished before it could be killed")
        XCTAssertLessThan(RunDirectoryHarness.lineCount(records), realizations / 3)
        let resumed = try harness.resonance(arguments, in: sharded)
        XCTAssertEqual(resumed.status, 0, resumed.errors)

        // Each shard holds exactly its realizations k = i mod 3.
        for index in 0..<3 {
            let text = try String(contentsOf: sharded.appendingPathComponent("shard\(index)/realizations.jsonl"), encoding: .utf8)
            let indices = text.split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: "\"realization\":") else { return nil }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            }
            XCTAssertEqual(Set(indices), Set(stride(from: index, to: realizations, by: 3)), "shard \(index)")
        }

        let merge = try harness.resonance(["ed", "merge", "shard2", "shard0", "shard1", "--out", "run"], in: sharded)
        XCTAssertEqual(merge.status, 0, merge.errors)
        try RunDirectoryHarness.assertSameResults(single.appendingPathComponent("run"), sharded.appendingPathComponent("run"), "3 shards")
        XCTAssertEqual(RunDirectoryHarness.lineCount(sharded.appendingPathComponent("run/realizations.jsonl")), realizations)
    }

    func testMergeRefusesOtherCommandsAndReportsGapsAndDuplicates() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("runs")
        func shard(_ index: Int, _ out: String, w: String = "2") throws {
            let arguments = ["ed", "run", "--model", "xxz", "--L", "8", "--W", w, "--realizations", "10", "--seed", "7",
                             "--observables", "r,spectral", "--quiet", "--blas-threads", "1", "--shard", "\(index)/3", "--out", out]
            let result = try harness.resonance(arguments, in: folder)
            XCTAssertEqual(result.status, 0, result.errors)
        }
        try shard(0, "a0"); try shard(1, "a1"); try shard(2, "a2")
        try shard(1, "b1", w: "3")

        // A different disorder strength: refused, naming the parameter.
        let other = try harness.resonance(["ed", "merge", "a0", "b1", "a2", "--out", "m1"], in: folder)
        XCTAssertNotEqual(other.status, 0)
        XCTAssertTrue(other.errors.contains("disorder_strength"), other.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m1/summary.json").path))

        // A missing shard: refused, listing the missing realizations k = 1 mod 3.
        let missing = stride(from: 1, to: 10, by: 3).map(String.init).joined(separator: ", ")
        let gap = try harness.resonance(["ed", "merge", "a0", "a2", "--out", "m2"], in: folder)
        XCTAssertNotEqual(gap.status, 0)
        XCTAssertTrue(gap.errors.contains("missing \(missing)"), gap.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m2/summary.json").path))

        // With --allow-partial: merged, the gap reported, 10 - 3 realizations averaged.
        let partial = try harness.resonance(["ed", "merge", "a0", "a2", "--out", "m3", "--allow-partial"], in: folder)
        XCTAssertEqual(partial.status, 0, partial.errors)
        XCTAssertTrue(partial.errors.contains("missing 3: \(missing)"), partial.errors)
        let summary = try String(contentsOf: folder.appendingPathComponent("m3/summary.json"), encoding: .utf8)
        XCTAssertTrue(summary.contains("\"realizations\": 7,"), summary)

        // A shard given twice: its realizations k = 0 mod 3 reported as duplicated; the result is whole.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("a0"), to: folder.appendingPathComponent("a0-copy"))
        let twice = try harness.resonance(["ed", "merge", "a0", "a1", "a2", "a0-copy", "--out", "m4"], in: folder)
        XCTAssertEqual(twice.status, 0, twice.errors)
        let duplicated = stride(from: 0, to: 10, by: 3).map(String.init).joined(separator: ", ")
        XCTAssertTrue(twice.errors.contains("duplicated (identical, kept once) 4: \(duplicated)"), twice.errors)
        let whole = try harness.resonance(["ed", "merge", "a0", "a1", "a2", "--out", "m5"], in: folder)
        XCTAssertEqual(whole.status, 0, whole.errors)
        XCTAssertEqual(try RunDirectoryHarness.summaryResults(folder.appendingPathComponent("m4")),
                       try RunDirectoryHarness.summaryResults(folder.appendingPathComponent("m5")))

        // Not a run directory, and --out among the sources.
        let notRun = try harness.resonance(["ed", "merge", "a0", ".", "--out", "m6"], in: folder)
        XCTAssertNotEqual(notRun.status, 0)
        XCTAssertTrue(notRun.errors.contains("invocation.json"), notRun.errors)
        let intoSource = try harness.resonance(["ed", "merge", "a0", "a1", "--out", "a0"], in: folder)
        XCTAssertNotEqual(intoSource.status, 0)
        XCTAssertTrue(intoSource.errors.contains("--out"), intoSource.errors)
    }

    func testScanShardsMergePointByPoint() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let single = try harness.folder("single"), sharded = try harness.folder("sharded")
        func scan(_ extra: [String], _ out: String) -> [String] {
            ["ed", "scan", "--model", "xxz", "--L", "6,8", "--W", "1,3", "--realizations", "5", "--seed", "2",
             "--observables", "r,czz", "--blas-threads", "1", "--quiet"] + extra + ["--out", out]
        }
        XCTAssertEqual(try harness.resonance(scan([], "scan"), in: single).status, 0)
        for index in 0..<2 { XCTAssertEqual(try harness.resonance(scan(["--shard", "\(index)/2"], "part\(index)"), in: sharded).status, 0) }
        let merge = try harness.resonance(["ed", "merge", "part1", "part0", "--out", "scan"], in: sharded)
        XCTAssertEqual(merge.status, 0, merge.errors)
        XCTAssertEqual(try Data(contentsOf: single.appendingPathComponent("scan/scan.csv")),
                       try Data(contentsOf: sharded.appendingPathComponent("scan/scan.csv")))
        for point in ["L6_W1", "L6_W3", "L8_W1", "L8_W3"] {
            try RunDirectoryHarness.assertSameResults(single.appendingPathComponent("scan/" + point),
                                                      sharded.appendingPathComponent("scan/" + point), point)
        }
    }

    func testResumingAShardInAnotherShardsDirectoryIsRefused() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("runs")
        let base = ["ed", "run", "--model", "xxz", "--L", "8", "--W", "2", "--realizations", "6", "--seed", "7", "--quiet", "--out", "s"]
        XCTAssertEqual(try harness.resonance(base + ["--shard", "0/2"], in: folder).status, 0)
        let wrong = try harness.resonance(base + ["--shard", "1/2"], in: folder)
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.errors.contains("shard 0/2"), wrong.errors)
    }
}
