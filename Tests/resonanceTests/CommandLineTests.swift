import Foundation
import ResonanceModel
import Studies
import XCTest

/// End-to-end: runs the built `resonance` executable and parses what it prints.
final class CommandLineTests: XCTestCase {
    let cli = ResonanceExecutable()
    func run(_ arguments: [String]) throws -> ResonanceExecutable.Run { try cli.run(arguments) }
    func printedNumbers(_ key: String, in text: String) throws -> [Double] { try cli.printedNumbers(key, in: text) }
    func json(_ text: String) throws -> [String: Any] { try cli.json(text) }

    /// `rm scales --format json` parses, has the documented keys, and equals the library's values.
    func testScalesJSONMatchesLibrary() throws {
        for (model, setting) in [("floquet", ResonanceSetting.floquet), ("hamiltonian", .hamiltonian)] {
            let result = try run(["rm", "scales", "--model", model, "--inv-xi", "0.25", "--Lambda", "7", "--L", "30", "--format", "json"])
            XCTAssertEqual(result.status, 0, result.errors)
            let object = try json(result.output)
            for key in ["inv_xi", "xi", "zeta", "zeta_c", "theta0", "theta_c", "Lambda", "J", "L", "omega_c", "omega_H",
                        "omega_xi", "omega_th", "czz_inf", "regime", "parameters", "command_line", "version"] {
                XCTAssertNotNil(object[key], "\(model): key \(key) missing")
            }
            let p = try ResonanceParameters(inverseCorrelationLength: 0.25, resonanceLength: 7, length: 30)
            let scales = ResonanceScales(resonanceModel(setting, p))
            XCTAssertEqual(try printedNumbers("czz_inf", in: result.output), [scales.infiniteTimeMemory])
            XCTAssertEqual(try printedNumbers("omega_c", in: result.output), [scales.cutoffFrequency])
            XCTAssertEqual(try printedNumbers("omega_th", in: result.output), [scales.thresholdFrequency])
            XCTAssertEqual(try printedNumbers("theta0", in: result.output), [scales.decayExponent])
            XCTAssertEqual(object["regime"] as? String, scales.regime.rawValue)
        }
    }

    /// At the transition xi is infinite: JSON null, and nothing else breaks.
    func testTransitionIsAnOrdinaryInput() throws {
        let result = try run(["rm", "scales", "--model", "hamiltonian", "--inv-xi", "0", "--Lambda", "3", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.errors)
        let object = try json(result.output)
        XCTAssertTrue(object["xi"] is NSNull)
        XCTAssertEqual(object["theta0"] as? Double, 0)
        XCTAssertEqual(try XCTUnwrap(object["czz_inf"] as? Double), exp(-(10.0 / 3).squareRoot()), accuracy: 1e-15)
    }

    /// `rm curve` in JSON equals the library, in CSV has metadata lines then one header row.
    func testCurveOutputs() throws {
        let arguments = ["rm", "curve", "--model", "floquet", "--inv-xi", "-0.1", "--Lambda", "5", "--quantity", "czz",
                         "--from", "1", "--to", "1e9", "--points", "7", "--log"]
        let result = try run(arguments + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.errors)
        let object = try json(result.output)
        XCTAssertEqual((object["x"] as? [Double])?.count, 7)
        let x = try printedNumbers("x", in: result.output), y = try printedNumbers("y", in: result.output)
        XCTAssertEqual(x.count, 7)
        let model = FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: -0.1, resonanceLength: 5, length: 20))
        for (t, c) in zip(x, y) { XCTAssertEqual(c, ProbeCorrelator(model).value(time: t)) }
        XCTAssertNotNil((object["parameters"] as? [String: Any])?["Lambda"])

        let csv = try run(arguments + ["--format", "csv"])
        let lines = csv.output.split(separator: "\n")
        let header = try XCTUnwrap(lines.first { !$0.hasPrefix("#") })
        XCTAssertEqual(header, "t,czz,czz_inf,czz_lightcone")
        XCTAssertTrue(lines.contains { $0.hasPrefix("# command: resonance rm curve") })
        XCTAssertEqual(lines.filter { !$0.hasPrefix("#") }.count, 8)
    }

    /// `--output FILE` writes the file and prints nothing.
    func testOutputFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-test-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["rm", "curve", "--model", "hamiltonian", "--inv-xi", "0.3", "--Lambda", "2", "--quantity", "S",
                              "--from", "1e-6", "--to", "0.5", "--points", "5", "--log", "--format", "csv", "--output", file.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("omega,S,ln_S,S_closed_form"))
    }

    /// Bad input: a message naming the parameter and its range, and a non-zero exit status.
    func testBadInputIsRefused() throws {
        let cases: [([String], String)] = [
            (["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--Lambda", "-1"], "Lambda"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "-2", "--Lambda", "1"], "inv_xi"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "nan", "--Lambda", "1"], "--inv-xi"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--zeta", "1", "--Lambda", "1"], "exactly one"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--Lambda", "1", "--Omega", "3"], "--Lambda or --Omega"),
            (["rm", "scales", "--model", "hamiltonian", "--inv-xi", "0", "--Lambda", "1", "--L", "0"], "L"),
            (["rm", "scales", "--model", "hamiltonian", "--inv-xi", "0", "--Lambda", "1", "--J", "0"], "J"),
            (["rm", "scales", "--model", "hamiltonian", "--W", "-3", "--Wc", "10"], "W"),
            (["rm", "curve", "--model", "floquet", "--inv-xi", "0", "--Lambda", "1", "--quantity", "S", "--from", "0", "--to", "1"], "omega"),
            (["rm", "curve", "--model", "floquet", "--inv-xi", "0", "--Lambda", "1", "--quantity", "F", "--from", "0", "--to", "1",
              "--points", "0"], "--points"),
            (["rm", "scales", "--model", "quantum", "--inv-xi", "0", "--Lambda", "1"], "model"),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            XCTAssertNotEqual(result.status, 0, "accepted: \(arguments)")
            XCTAssertTrue(result.errors.contains(expected), "\(arguments): message \(result.errors) lacks \(expected)")
        }
    }
}
