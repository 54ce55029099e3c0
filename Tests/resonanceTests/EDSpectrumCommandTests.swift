import Foundation
import SpinChains
import XCTest

/// End-to-end checks of `resonance ed spectrum`.
final class EDSpectrumCommandTests: XCTestCase {
    let cli = ResonanceExecutable()

    /// JSON eigenvalues equal the library's for the fields the command wrote, and are sorted.
    func testSpectrumMatchesLibraryWithWrittenFields() throws {
        let fieldsFile = FileManager.default.temporaryDirectory.appendingPathComponent("fields-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: fieldsFile) }
        let result = try cli.run(["ed", "spectrum", "--model", "heisenberg-o3", "--L", "5", "--W", "2.5", "--seed", "11",
                                  "--probe", "--write-fields", fieldsFile.path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.errors)
        let printed = try cli.printedNumbers("eigenvalues", in: result.output)
        XCTAssertEqual(printed, printed.sorted())
        var problem = EDProblem(model: .heisenbergO3, length: 5, disorderStrength: 2.5)
        problem.probe = problem.defaultProbe
        let fields = try DisorderFields(json: Data(contentsOf: fieldsFile))
        XCTAssertEqual(fields, problem.drawFields(seed: 11, realization: 0))
        // Equal to rounding: the command's BLAS thread count follows the idle cores, the test's may differ.
        let library = try problem.spectrum(fields: fields)
        XCTAssertEqual(printed.count, library.count)
        for (a, b) in zip(printed, library) { XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(b))) }
        // Rebuilt from the written fields file, bit for bit.
        let rebuilt = try cli.run(["ed", "spectrum", "--model", "heisenberg-o3", "--L", "5", "--W", "2.5", "--fields", fieldsFile.path,
                                   "--probe", "--format", "json"])
        XCTAssertEqual(try cli.printedNumbers("eigenvalues", in: rebuilt.output), printed)
    }

    /// A dense job beyond physical memory is refused before it starts, with its estimate.
    func testOversizedJobIsRefusedUpFront() throws {
        let start = Date()
        let result = try cli.run(["ed", "spectrum", "--model", "heisenberg-o3", "--L", "18", "--W", "1", "--seed", "1", "--probe"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("GiB"), result.errors)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testBadInputIsRefused() throws {
        let cases: [([String], String)] = [
            (["ed", "spectrum", "--model", "xxz", "--L", "0", "--W", "1", "--seed", "1"], "--L"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "-1", "--seed", "1"], "--W"),
            (["ed", "spectrum", "--model", "floquet-o3", "--L", "6", "--W", "1", "--seed", "1"], "--Omega"),
            (["ed", "spectrum", "--model", "lbit", "--L", "6", "--W", "1", "--Omega", "3", "--seed", "1"], "--zeta"),
            (["ed", "spectrum", "--model", "ising", "--L", "6", "--W", "1", "--seed", "1"], "model"),
        ]
        for (arguments, expected) in cases {
            let result = try cli.run(arguments)
            XCTAssertNotEqual(result.status, 0, "accepted: \(arguments)")
            XCTAssertTrue(result.errors.contains(expected), "\(arguments): \(result.errors)")
        }
    }
}
