import Foundation
import XCTest

/// `ed run --window-solver`: both solvers give the same averages through the command line, and
/// bad values and inapplicable runs are refused with a line naming the option.
final class WindowSolverCommandTests: XCTestCase {
    let resonance = ResonanceExecutable()

    func arguments(_ solver: String, observables: String = "r,matrix-elements,criterion,entanglement") -> [String] {
        ["ed", "run", "--model", "xxz", "--L", "10", "--W", "1", "--seed", "3", "--realizations", "2", "--observables", observables,
         "--window-solver", solver, "--quiet", "--blas-threads", "1", "--out",
         FileManager.default.temporaryDirectory.appendingPathComponent("window-solver-\(UUID())").path]
    }

    /// scalars.csv's rows as (name, mean).
    func means(_ run: [String]) throws -> [String: Double] {
        let out = URL(fileURLWithPath: run[run.firstIndex(of: "--out")! + 1])
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try resonance.run(run)
        XCTAssertEqual(result.status, 0, result.errors)
        let text = try String(contentsOf: out.appendingPathComponent("scalars.csv"), encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: ",")
            if fields.count >= 2, let value = Double(fields[1]) { values[String(fields[0])] = value }
        }
        return values
    }

    func testSparseAndDenseAgree() throws {
        let worker = resonance.executable.deletingLastPathComponent().appendingPathComponent("resonance-sparse-real")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: worker.path), "resonance-sparse-real is not built")
        let dense = try means(arguments("dense")), sparse = try means(arguments("sparse"))
        XCTAssertFalse(dense.isEmpty)
        XCTAssertEqual(Set(dense.keys), Set(sparse.keys))
        for (key, value) in dense { XCTAssertEqual(sparse[key]!, value, accuracy: 1e-10 * abs(value), key) }
    }

    /// The solver is part of the run: resuming a `dense` run's directory with `sparse` is
    /// refused with one line naming `window_solver` and both values; each record names its solver.
    func testResumingWithAnotherSolverIsRefused() throws {
        let dense = arguments("dense")
        let out = URL(fileURLWithPath: dense[dense.firstIndex(of: "--out")! + 1])
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try resonance.run(dense)
        XCTAssertEqual(first.status, 0, first.errors)
        let records = try String(contentsOf: out.appendingPathComponent("realizations.jsonl"), encoding: .utf8)
        XCTAssertEqual(records.components(separatedBy: "\"window_solver\":\"dense\"").count - 1, 2, records)
        var sparse = arguments("sparse")
        sparse[sparse.firstIndex(of: "--out")! + 1] = out.path
        let second = try resonance.run(sparse)
        XCTAssertNotEqual(second.status, 0)
        XCTAssertTrue(second.errors.contains("window_solver is \"dense\" there, \"sparse\" now"), second.errors)
        XCTAssertEqual(second.errors.split(separator: "\n").count, 1, second.errors)
    }

    func testRefusals() throws {
        let bad = try resonance.run(arguments("fast"))
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("--window-solver"), bad.errors)
        let full = try resonance.run(arguments("sparse", observables: "r,spectral"))
        XCTAssertNotEqual(full.status, 0)
        XCTAssertTrue(full.errors.contains("--window-solver sparse"), full.errors)
        XCTAssertEqual(full.errors.split(separator: "\n").count, 1, full.errors)
    }
}
