import Foundation
import XCTest

/// `ed dynamics --shard i/n` joined by `ed merge`, against the run computed in one directory: the
/// same realizations (same seeds), byte-identical CSVs and the same summary; merges of different
/// parameters refused; a gap refused, or merged with --allow-partial and then resumed.
final class DynamicsShardMergeTests: XCTestCase {
    /// heisenberg-o3 + probe at L = 6 (D = 128), 4 realizations of 2 states, C(t) and the KPM S(omega).
    func dynamics(out: String, w: String = "2", states: String = "2", extra: [String] = []) -> [String] {
        ["ed", "dynamics", "--model", "heisenberg-o3", "--probe", "--L", "6", "--W", w, "--times", "0,0.5,3,20",
         "--states", states, "--kpm-order", "16", "--omega", "0.1,1,3", "--realizations", "4", "--seed", "11",
         "--threads", "1", "--quiet"] + extra + ["--out", out]
    }

    /// The records by realization, without the wall time.
    func records(_ directory: URL) throws -> [Int: NSDictionary] {
        let text = try String(contentsOf: directory.appendingPathComponent("realizations.jsonl"), encoding: .utf8)
        var byIndex: [Int: NSDictionary] = [:]
        for line in text.split(separator: "\n") {
            var record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            record["seconds"] = nil
            let index = try XCTUnwrap(record["realization"] as? Int)
            XCTAssertNil(byIndex[index], "realization \(index) twice in \(directory.path)")
            byIndex[index] = record as NSDictionary
        }
        return byIndex
    }

    /// summary.json without the wall time and the merge's list of sources.
    func summary(_ directory: URL) throws -> NSDictionary {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json"))) as? [String: Any])
        object["realization_seconds_mean"] = nil
        object["merged_from"] = nil
        return object as NSDictionary
    }

    func assertSameRun(_ a: URL, _ b: URL, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in ["czz.csv", "spectral_function.csv"] {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)),
                           "\(label): \(name) differs", file: file, line: line)
        }
        XCTAssertEqual(try records(a), try records(b), "\(label): records differ", file: file, line: line)
        XCTAssertEqual(try summary(a), try summary(b), "\(label): summary.json differs", file: file, line: line)
    }

    func testTwoShardsMergeToTheUnshardedRun() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        // The same relative --out in two folders: the recorded command lines then agree too.
        let single = try harness.folder("single"), sharded = try harness.folder("sharded")
        let reference = try harness.resonance(dynamics(out: "run"), in: single)
        XCTAssertEqual(reference.status, 0, reference.errors)
        for index in [1, 0] {
            let shard = try harness.resonance(dynamics(out: "part\(index)", extra: ["--shard", "\(index)/2"]), in: sharded)
            XCTAssertEqual(shard.status, 0, shard.errors)
            // Each shard holds its realizations k = i mod 2, with the unsharded run's values (same seeds).
            let held = try records(sharded.appendingPathComponent("part\(index)"))
            XCTAssertEqual(Set(held.keys), Set(stride(from: index, to: 4, by: 2)))
            let whole = try records(single.appendingPathComponent("run"))
            for (k, record) in held { XCTAssertEqual(record, whole[k], "realization \(k)") }
        }
        let merge = try harness.resonance(["ed", "merge", "part1", "part0", "--out", "run"], in: sharded)
        XCTAssertEqual(merge.status, 0, merge.errors)
        XCTAssertTrue(merge.errors.contains("4 of 4 realizations"), merge.errors)
        let merged = sharded.appendingPathComponent("run")
        try assertSameRun(single.appendingPathComponent("run"), merged, "2 shards")
        // Sources listed in shard order; the merged directory records a whole run of 4.
        let sources = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("summary.json"))) as? [String: Any])
        XCTAssertEqual(sources["merged_from"] as? [String], ["part0", "part1"])
        let invocation = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("invocation.json"))) as? [String: Any])
        XCTAssertEqual(invocation["realizations"] as? Int, 4)
        XCTAssertNil(invocation["shard"])
        XCTAssertFalse((invocation["arguments"] as? [String] ?? []).contains("--shard"))
        // Nothing left to compute: the recorded command run in the merged directory changes nothing.
        let again = try harness.resonance(dynamics(out: "run"), in: sharded)
        XCTAssertEqual(again.status, 0, again.errors)
        try assertSameRun(single.appendingPathComponent("run"), merged, "merged, rerun")
    }

    func testMergeRefusesOtherParametersAndOtherKinds() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("runs")
        for (out, arguments) in [("a0", dynamics(out: "a0", extra: ["--shard", "0/2"])),
                                 ("b1", dynamics(out: "b1", w: "3", extra: ["--shard", "1/2"])),
                                 ("c1", dynamics(out: "c1", states: "1", extra: ["--shard", "1/2"]))] {
            let run = try harness.resonance(arguments, in: folder)
            XCTAssertEqual(run.status, 0, "\(out): \(run.errors)")
        }
        for (other, message) in [("b1", "parameter 'W' differs (2 vs 3)"), ("c1", "parameter 'states' differs (2 vs 1)")] {
            let merge = try harness.resonance(["ed", "merge", "a0", other, "--out", "m-\(other)"], in: folder)
            XCTAssertNotEqual(merge.status, 0)
            XCTAssertTrue(merge.errors.contains("\(other) is a run of a different command: \(message)"), merge.errors)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m-\(other)").path))
        }
        // An `ed run` directory beside a dynamics shard.
        let exact = try harness.resonance(["ed", "run", "--model", "xxz", "--L", "6", "--W", "2", "--realizations", "2", "--seed", "1", "--observables", "r",
                                           "--quiet", "--out", "exact"], in: folder)
        XCTAssertEqual(exact.status, 0, exact.errors)
        let mixed = try harness.resonance(["ed", "merge", "a0", "exact", "--out", "m-mixed"], in: folder)
        XCTAssertNotEqual(mixed.status, 0)
        XCTAssertTrue(mixed.errors.contains("a0 is an `ed dynamics` run, exact is not"), mixed.errors)
        // A dynamics run without its recorded invocation.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b1/invocation.json"))
        let unrecorded = try harness.resonance(["ed", "merge", "b1", "--out", "m-old"], in: folder)
        XCTAssertNotEqual(unrecorded.status, 0)
        XCTAssertTrue(unrecorded.errors.contains("b1 is an `ed dynamics` run without invocation.json"), unrecorded.errors)
    }

    /// A missing shard: refused, naming the missing realizations; with --allow-partial the merged
    /// directory holds what is there and, given its recorded command, computes the rest into the
    /// unsharded run.
    func testIncompleteShardSetIsRefusedOrMergedPartially() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let single = try harness.folder("single"), sharded = try harness.folder("sharded")
        XCTAssertEqual(try harness.resonance(dynamics(out: "run"), in: single).status, 0)
        XCTAssertEqual(try harness.resonance(dynamics(out: "part0", extra: ["--shard", "0/2"]), in: sharded).status, 0)
        let gap = try harness.resonance(["ed", "merge", "part0", "--out", "run"], in: sharded)
        XCTAssertNotEqual(gap.status, 0)
        XCTAssertTrue(gap.errors.contains("realizations are missing (1, 3)"), gap.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sharded.appendingPathComponent("run/summary.json").path))

        let partial = try harness.resonance(["ed", "merge", "part0", "--out", "run", "--allow-partial"], in: sharded)
        XCTAssertEqual(partial.status, 0, partial.errors)
        XCTAssertTrue(partial.errors.contains("2 of 4 realizations; missing 2: 1, 3"), partial.errors)
        let merged = sharded.appendingPathComponent("run")
        XCTAssertEqual(try summary(merged)["realizations"] as? Int, 2)
        XCTAssertEqual(Set(try records(merged).keys), [0, 2])
        let resumed = try harness.resonance(dynamics(out: "run"), in: sharded)
        XCTAssertEqual(resumed.status, 0, resumed.errors)
        try assertSameRun(single.appendingPathComponent("run"), merged, "partial merge, resumed")
    }
}
