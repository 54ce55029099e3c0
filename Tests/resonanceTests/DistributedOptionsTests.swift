import Foundation
import XCTest

/// Bad values of the options of shards, merges, MPI, job arrays and HDF5 export: a message
/// naming the option and its range, a non-zero exit status, nothing computed.
final class DistributedOptionsTests: XCTestCase {
    func testBadValuesAreRefusedNamingTheOption() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("bad")
        try "not a directory".write(to: folder.appendingPathComponent("plain-file"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("some-folder"), withIntermediateDirectories: true)
        let run = ["ed", "run", "--model", "xxz", "--L", "8", "--W", "2", "--realizations", "4", "--seed", "1", "--quiet", "--out", "r"]
        var cases: [([String], String)] = []
        for shard in ["nan", "inf", "-1/3", "3/3", "0/0", "1/-2", "", "1/2/3", "a/b", "0/1e3", "0/99999999999", "/", "some-folder"] {
            cases.append((run + ["--shard", shard], "--shard"))
        }
        for ranks in ["0", "-1", "nan", "inf", "1e9", "99999999999999999999", ""] {
            cases.append((run + ["--ranks-per-realization", ranks], "ranks-per-realization"))
        }
        cases.append((run + ["--ranks-per-realization", "2"], "dense"))
        cases += [
            (["ed", "merge", "--out", "m"], "at least one"),
            (["ed", "merge", "missing-folder", "--out", "m"], "missing-folder"),
            (["ed", "merge", "plain-file", "--out", "m"], "not a directory"),
            (["ed", "merge", "some-folder", "--out", ""], "--out"),
            (["ed", "merge", "some-folder", "--out", "plain-file"], "--out"),
            (["ed", "merge", "some-folder", "--out", "some-folder"], "--out"),
            (["ed", "merge", "some-folder", "--out", "m"], "invocation.json"),
            (["ed", "export", "some-folder", "--format", "csv"], "--format"),
            (["ed", "export", "some-folder", "--output", "some-folder"], "--output"),
            (["ed", "export", "some-folder", "--output", ""], "--output"),
            (["ed", "export", "missing-folder"], "missing-folder"),
        ]
        let slurmRun = ["run", "--model", "xxz", "--L", "8", "--W", "2", "--realizations", "4", "--seed", "1", "--out", "r"]
        for array in ["0", "-3", "nan", "inf", "1e9", "100001", ""] {
            cases.append((["ed", "slurm", "--array", array] + slurmRun, "--array"))
        }
        for cpus in ["0", "nan", "5000"] { cases.append((["ed", "slurm", "--array", "2", "--cpus-per-task", cpus] + slurmRun, "--cpus-per-task")) }
        for time in ["", "soon", "1h"] { cases.append((["ed", "slurm", "--array", "2", "--time", time] + slurmRun, "--time")) }
        cases += [
            (["ed", "slurm", "--array", "2", "--memory", ""] + slurmRun, "--memory"),
            (["ed", "slurm", "--array", "2", "--partition", "a b"] + slurmRun, "--partition"),
            (["ed", "slurm", "--array", "2"], "run or scan"),
            (["ed", "slurm", "--array", "2", "spectrum"], "run or scan"),
            (["ed", "slurm", "--array", "2"] + slurmRun + ["--shard", "0/2"], "--shard"),
            (["ed", "slurm", "--array", "2", "run", "--model", "xxz", "--L", "8", "--W", "-2", "--realizations", "4", "--seed", "1",
              "--out", "r"], "W"),
        ]
        for (arguments, expected) in cases {
            let result = try harness.resonance(arguments, in: folder)
            XCTAssertNotEqual(result.status, 0, "accepted: \(arguments)")
            XCTAssertTrue(result.errors.contains(expected), "\(arguments): message '\(result.errors)' lacks \(expected)")
            XCTAssertFalse(result.errors.contains("Fatal error"), "\(arguments): crashed")
            let firstLine = result.errors.split(separator: "\n").first ?? ""
            XCTAssertTrue(firstLine.contains("Error"), "\(arguments): first line '\(firstLine)'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r").path), "a refused run wrote output")
    }
}
