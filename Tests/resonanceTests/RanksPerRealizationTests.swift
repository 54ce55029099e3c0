import Foundation
import Studies
import XCTest

/// `mpirun -n 2 resonance ed run --method shift-invert --ranks-per-realization 2`: both ranks form
/// one group, whose solves run as two-rank MPI jobs; the windows equal those of one process
/// (one rank per solve) to 1e-10.
final class RanksPerRealizationTests: XCTestCase {
    func testTwoRanksPerRealizationEqualOneRank() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let mpirun = try RunDirectoryHarness.program("mpirun")
        let arguments = ["ed", "run", "--model", "xxz", "--L", "12", "--W", "3", "--realizations", "2", "--seed", "5",
                         "--method", "shift-invert", "--levels", "20", "--observables", "r", "--save-spectra", "--quiet",
                         "--out", "run"]
        let single = try harness.folder("single"), shared = try harness.folder("shared")
        let one = try harness.resonance(arguments, in: single)
        XCTAssertEqual(one.status, 0, one.errors)
        let two = try harness.run(mpirun, ["--allow-run-as-root", "--oversubscribe", "-n", "2", harness.executable.path] + arguments
                                      + ["--ranks-per-realization", "2"],
                                  in: shared, environment: ["OMPI_MCA_btl_vader_single_copy_mechanism": "none"])
        XCTAssertEqual(two.status, 0, two.errors + two.output)
        // One group of two ranks: one shard holding both realizations.
        let shard = shared.appendingPathComponent("run/shards/shard-0-of-1/realizations.jsonl")
        XCTAssertEqual(RunDirectoryHarness.lineCount(shard), 2)
        let a = try HDF5File(reading: single.appendingPathComponent("run/spectra.h5"))
        // The spectra stay in the shard that computed them.
        let b = try HDF5File(reading: shared.appendingPathComponent("run/shards/shard-0-of-1/spectra.h5"))
        for k in 0..<2 {
            let path = "/realizations/" + SpectrumArchive.groupName(k) + "/window/eigenvalues"
            let e1 = try a.readDoubles(path), e2 = try b.readDoubles(path)
            XCTAssertEqual(e1.count, 20)
            XCTAssertEqual(e2.count, 20)
            for (x, y) in zip(e1, e2) { XCTAssertEqual(x, y, accuracy: 1e-10, "realization \(k)") }
        }
    }

    /// R > 1 needs a sparse method, mpirun, and no --ranks.
    func testRanksPerRealizationNeedsSparseMethodAndMpirun() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("bad")
        let run = ["ed", "run", "--model", "xxz", "--L", "12", "--W", "3", "--realizations", "2", "--seed", "5", "--quiet", "--out", "r",
                   "--ranks-per-realization", "2"]
        for (extra, expected) in [([], "dense"), (["--method", "shift-invert"], "applies under mpirun"),
                                  (["--method", "shift-invert", "--ranks", "2"], "not together with --ranks")] {
            let result = try harness.resonance(run + extra, in: folder)
            XCTAssertNotEqual(result.status, 0, "accepted: \(extra)")
            XCTAssertTrue(result.errors.contains("--ranks-per-realization"), result.errors)
            XCTAssertTrue(result.errors.contains(expected), "\(extra): \(result.errors)")
        }
    }
}
