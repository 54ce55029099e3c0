import Foundation
import XCTest

/// The job-array script of `ed slurm`, run with `bash` and `SLURM_ARRAY_TASK_ID` set by hand for
/// every task, then its merge step: the same bytes as the run computed in one directory.
final class SlurmScriptTests: XCTestCase {
    func testPrintedArrayScriptRunsAndMerges() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let bash = try RunDirectoryHarness.program("bash")
        let folder = try harness.folder("array"), single = try harness.folder("single")
        let runOptions = ["--model", "xxz", "--L", "8", "--W", "2.5", "--realizations", "11", "--seed", "3",
                          "--observables", "r,spectral,fidelity", "--quiet", "--out", "study"]
        let printed = try harness.resonance(["ed", "slurm", "--array", "3", "--cpus-per-task", "1", "--time", "01:00:00", "run"] + runOptions,
                                            in: folder)
        XCTAssertEqual(printed.status, 0, printed.errors)
        XCTAssertTrue(printed.output.contains("#SBATCH --array=0-2"), printed.output)
        XCTAssertTrue(printed.output.contains("#SBATCH --cpus-per-task=1"), printed.output)
        let script = folder.appendingPathComponent("job.sh")
        try printed.output.write(to: script, atomically: true, encoding: .utf8)
        for task in 0..<3 {
            let result = try harness.run(bash, [script.path], in: folder, environment: ["SLURM_ARRAY_TASK_ID": String(task)])
            XCTAssertEqual(result.status, 0, "task \(task): " + result.errors)
        }
        let merge = try harness.run(bash, [script.path, "merge"], in: folder)
        XCTAssertEqual(merge.status, 0, merge.errors)
        XCTAssertTrue(merge.errors.contains("11 of 11 realizations"), merge.errors)
        // The script runs the tasks with the defaults of one CPU made explicit.
        var reference = runOptions
        reference.removeLast(2)
        reference += ["--workers", "1", "--blas-threads", "1", "--out", "study"]
        let one = try harness.resonance(["ed", "run"] + reference, in: single)
        XCTAssertEqual(one.status, 0, one.errors)
        try RunDirectoryHarness.assertSameResults(single.appendingPathComponent("study"), folder.appendingPathComponent("study"), "job array")
        // Without a task id the script stops with a message.
        let bare = try harness.run(bash, [script.path], in: folder)
        XCTAssertNotEqual(bare.status, 0)
        XCTAssertTrue(bare.errors.contains("SLURM_ARRAY_TASK_ID"), bare.errors)
    }
}
