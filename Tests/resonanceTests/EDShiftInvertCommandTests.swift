import Foundation
import SpinChains
import XCTest

/// End-to-end checks of `--method shift-invert|auto` in `resonance ed spectrum|run`, including a
/// two-rank `mpirun` of the command itself.
final class EDShiftInvertCommandTests: XCTestCase {
    let cli = ResonanceExecutable()
    let base = ["ed", "spectrum", "--model", "xxz", "--L", "10", "--W", "3", "--seed", "4"]

    /// The window's levels are the dense spectrum's levels nearest the target, to 1e-10.
    func testWindowEqualsDenseLevels() throws {
        let dense = try cli.run(base + ["--format", "json"])
        XCTAssertEqual(dense.status, 0, dense.errors)
        let all = try cli.printedNumbers("eigenvalues", in: dense.output)
        let sparse = try cli.run(base + ["--method", "shift-invert", "--levels", "12", "--target-energy", "0.3", "--format", "json"])
        XCTAssertEqual(sparse.status, 0, sparse.errors)
        let window = try cli.printedNumbers("eigenvalues", in: sparse.output)
        let residuals = try cli.printedNumbers("residuals", in: sparse.output)
        let target = all[0] + 0.3 * (all[all.count - 1] - all[0])
        let expected = all.sorted { abs($0 - target) < abs($1 - target) }.prefix(12).sorted()
        XCTAssertEqual(window.count, 12)
        for (a, b) in zip(window, expected) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertLessThanOrEqual(residuals.max() ?? 1, 1e-9)
    }

    /// `mpirun -n 2 resonance ...`: the two ranks' workers form one MPI job and agree with one rank.
    func testTwoRanksUnderMpirunEqualOneRank() throws {
        let arguments = base + ["--L", "12", "--method", "shift-invert", "--levels", "20", "--format", "json"]
        let one = try cli.run(arguments)
        XCTAssertEqual(one.status, 0, one.errors)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/mpirun")
        process.arguments = ["-n", "2"] + (getuid() == 0 ? ["--allow-run-as-root"] : []) + [cli.executable.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OMPI_") && !$0.key.hasPrefix("PMIX_") }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        let json = try cli.json(output)   // rank 0 alone prints
        XCTAssertEqual((json["parameters"] as? [String: Any])?["ranks"] as? Int, 2)
        for (a, b) in zip(try cli.printedNumbers("eigenvalues", in: one.output), try cli.printedNumbers("eigenvalues", in: output)) {
            XCTAssertEqual(a, b, accuracy: 1e-10)
        }
    }

    /// `auto` is dense below the crossover dimension (every level) and shift-invert above it.
    func testAutoChoosesByDimension() throws {
        let small = try cli.run(["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--method", "auto", "--format", "json"])
        XCTAssertEqual(small.status, 0, small.errors)
        XCTAssertEqual(try cli.printedNumbers("eigenvalues", in: small.output).count, 70)
        let large = try cli.run(["ed", "spectrum", "--model", "heisenberg-o3", "--L", "11", "--W", "3", "--seed", "1", "--method", "auto",
                                 "--levels", "10", "--format", "json"])
        XCTAssertEqual(large.status, 0, large.errors)
        XCTAssertEqual(try cli.printedNumbers("eigenvalues", in: large.output).count, 10)
        XCTAssertEqual((try cli.json(large.output)["parameters"] as? [String: Any])?["method"] as? String, "shift-invert")
        // Where the factorization would not fit the limit, auto falls back to the polynomial filter
        // (estimates at D = 2048: about 0.17 GiB with the factor, 0.10 GiB without).
        let tight = try cli.run(["ed", "spectrum", "--model", "heisenberg-o3", "--L", "11", "--W", "3", "--seed", "1", "--method", "auto",
                                 "--levels", "10", "--max-memory", "0.15", "--format", "json"])
        XCTAssertEqual(tight.status, 0, tight.errors)
        XCTAssertEqual((try cli.json(tight.output)["parameters"] as? [String: Any])?["method"] as? String, "polynomial-filter")
        for (a, b) in zip(try cli.printedNumbers("eigenvalues", in: tight.output), try cli.printedNumbers("eigenvalues", in: large.output)) {
            XCTAssertEqual(a, b, accuracy: 1e-10)
        }
    }

    func testBadInputIsRefusedWithOneLine() throws {
        let cases: [([String], String)] = [
            (["--method", "shift-invert", "--target-energy", "0"], "--target-energy"),
            (["--method", "shift-invert", "--target-energy", "1"], "--target-energy"),
            (["--method", "shift-invert", "--target-energy", "nan"], "--target-energy"),
            (["--method", "shift-invert", "--target-energy", "-0.2"], "--target-energy"),
            (["--method", "shift-invert", "--target-energy", "inf"], "--target-energy"),
            (["--method", "shift-invert", "--levels", "0"], "--levels"),
            (["--method", "shift-invert", "--levels", "253"], "--levels"),          // sector dimension C(10,5) = 252
            (["--method", "shift-invert", "--levels", ""], "--levels"),
            (["--method", "shift-invert", "--max-memory", "0"], "--max-memory"),
            (["--method", "shift-invert", "--max-memory", "-1"], "--max-memory"),
            (["--method", "shift-invert", "--max-memory", "nan"], "--max-memory"),
            (["--method", "shift-invert", "--max-memory", "inf"], "--max-memory"),
            (["--method", "shift-invert", "--max-memory", "1e300"], "--max-memory"),
            (["--method", "shift-invert", "--max-memory", ""], "--max-memory"),
            (["--method", "shift-invert", "--ranks", "0"], "--ranks"),
            (["--method", "shift-invert", "--max-memory", "0.00001"], "refused"),  // over the memory limit, with the estimate
            (["--method", "lanczos"], "--method"),
            (["--method", "shift-invert", "--sector", "all"], "sector"),
        ]
        for (extra, expected) in cases {
            let result = try cli.run(base + extra)
            XCTAssertNotEqual(result.status, 0, "accepted: \(extra)")
            XCTAssertTrue(result.errors.contains(expected), "\(extra): \(result.errors)")
            XCTAssertFalse(result.errors.contains("Fatal error") || result.errors.contains("Stack dump"), "\(extra): \(result.errors)")
        }
        let floquet = try cli.run(["ed", "spectrum", "--model", "floquet-o3", "--L", "6", "--W", "1", "--Omega", "3", "--seed", "1",
                                   "--method", "shift-invert"])
        XCTAssertNotEqual(floquet.status, 0)
        XCTAssertTrue(floquet.errors.contains("floquet-o3"), floquet.errors)
    }

    /// `ed run` on the window: the window observables, resumable, and the observables that need the
    /// whole spectrum refused.
    func testRunOnTheWindow() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("window-run-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["ed", "run", "--model", "xxz", "--L", "10", "--W", "2", "--seed", "3", "--realizations", "2", "--quiet",
                         "--method", "shift-invert", "--levels", "30", "--observables", "r,spectral,czz,matrix-elements,entanglement",
                         "--out", out.path]
        let run = try cli.run(arguments)
        XCTAssertEqual(run.status, 0, run.errors)
        let summary = try cli.json(String(decoding: try Data(contentsOf: out.appendingPathComponent("summary.json")), as: UTF8.self))
        let parameters = try XCTUnwrap(summary["parameters"] as? [String: Any])
        XCTAssertEqual(parameters["method"] as? String, "shift-invert")
        XCTAssertEqual(parameters["levels"] as? Int, 30)
        let results = try XCTUnwrap(summary["results"] as? [String: Any])
        for key in ["r_mean", "entropy_half_chain", "czz_infinite_time", "window_spread", "window_max_residual"] {
            XCTAssertNotNil(results[key], key)
        }
        let residual = try XCTUnwrap((results["window_max_residual"] as? [String: Any])?["mean"] as? Double)
        XCTAssertLessThanOrEqual(residual, 1e-9)
        let refused = try cli.run(["ed", "run", "--model", "xxz", "--L", "10", "--W", "2", "--seed", "3", "--realizations", "1",
                                   "--method", "shift-invert", "--observables", "fidelity", "--out", out.path + "-x"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("whole spectrum"), refused.errors)
    }
}
