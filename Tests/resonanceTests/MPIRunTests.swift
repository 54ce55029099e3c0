import Foundation
import XCTest

/// `mpirun -n 2 resonance ed run` (Open MPI from Debian) against one process: byte-identical
/// CSVs and summary.json results; summary.json records the two ranks.
final class MPIRunTests: XCTestCase {
    func testTwoRanksEqualOneProcess() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let mpirun = try RunDirectoryHarness.program("mpirun")
        let arguments = ["ed", "run", "--model", "xxz", "--L", "10", "--W", "3", "--realizations", "9", "--seed", "11",
                         "--observables", "r,spectral,czz,matrix-elements,entanglement", "--quiet", "--blas-threads", "1",
                         "--workers", "1", "--out", "run"]
        let single = try harness.folder("single"), distributed = try harness.folder("mpi")
        let one = try harness.resonance(arguments, in: single)
        XCTAssertEqual(one.status, 0, one.errors)
        // --allow-run-as-root: test machines often run as root; --oversubscribe: two ranks on any core count.
        let two = try harness.run(mpirun, ["--allow-run-as-root", "--oversubscribe", "-n", "2", harness.executable.path] + arguments,
                                  in: distributed, environment: ["OMPI_MCA_btl_vader_single_copy_mechanism": "none"])
        XCTAssertEqual(two.status, 0, two.errors + two.output)
        let merged = distributed.appendingPathComponent("run")
        try RunDirectoryHarness.assertSameResults(single.appendingPathComponent("run"), merged, "mpirun -n 2")
        let summary = try String(contentsOf: merged.appendingPathComponent("summary.json"), encoding: .utf8)
        XCTAssertTrue(summary.contains("\"ranks\": 2,"), summary)
        XCTAssertTrue(summary.contains("\"realizations_computed\": 9,"), summary)
        let oneSummary = try String(contentsOf: single.appendingPathComponent("run/summary.json"), encoding: .utf8)
        XCTAssertTrue(oneSummary.contains("\"ranks\": 1,"), oneSummary)
        // One writer per directory: each rank's shard holds its realizations k = rank mod 2.
        for rank in 0..<2 {
            let records = merged.appendingPathComponent("shards/shard-\(rank)-of-2/realizations.jsonl")
            XCTAssertEqual(RunDirectoryHarness.lineCount(records), rank == 0 ? 5 : 4)
        }
        // Run again: nothing left to compute, the same results.
        let again = try harness.run(mpirun, ["--allow-run-as-root", "--oversubscribe", "-n", "2", harness.executable.path] + arguments,
                                    in: distributed, environment: ["OMPI_MCA_btl_vader_single_copy_mechanism": "none"])
        XCTAssertEqual(again.status, 0, again.errors)
        try RunDirectoryHarness.assertSameResults(single.appendingPathComponent("run"), merged, "mpirun -n 2, resumed")
    }
}
