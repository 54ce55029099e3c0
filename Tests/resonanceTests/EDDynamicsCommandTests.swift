import Foundation
import XCTest

/// `resonance ed dynamics` end to end: clear one-line errors, a resumed run that reproduces the
/// records of an uninterrupted one, and the Floquet spectral function's sum rule.
final class EDDynamicsCommandTests: XCTestCase {
    let cli = ResonanceExecutable()

    func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("ed-dynamics-\(UUID())") }

    func base(_ out: URL) -> [String] {
        ["ed", "dynamics", "--model", "heisenberg-o3", "--probe", "--L", "6", "--W", "2", "--out", out.path, "--quiet"]
    }

    func testBadInputGivesOneLineErrors() throws {
        let out = folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let cases: [([String], String)] = [
            (["--times", "0,2,1"], "--times: times must be strictly increasing"),
            (["--times", "0,-1"], "--times: every time must be in 0..."),
            (["--states", "0"], "--states must be an integer in 1...100000"),
            (["--kpm-order", "3"], "--kpm-order must be 0 (none) or an integer in 8...100000"),
            (["--engine", "petsc", "--method", "krylov"], "--engine petsc runs the Chebyshev expansion: use --method chebyshev"),
            (["--engine", "petsc", "--kpm-order", "16"], "--kpm-order needs --engine matrix-free"),
            (["--ranks-per-realization", "2"], "--ranks-per-realization applies to --engine petsc"),
            (["--omega", "1,,2"], "--omega: '' is not a number"),
            (["--engine", "petsc", "--ranks-per-realization", "0"], "--ranks-per-realization must be an integer in 1...1024"),
            (["--engine", "petsc", "--estimator", "projected"], "--engine petsc runs the paired estimator"),
        ]
        for (extra, message) in cases {
            let run = try cli.run(base(out) + extra)
            XCTAssertNotEqual(run.status, 0, "\(extra)")
            XCTAssertTrue(run.errors.contains(message), "\(extra): \(run.errors)")
        }
        let huge = try cli.run(["ed", "dynamics", "--model", "heisenberg-o3", "--probe", "--L", "30", "--W", "2", "--out", out.path])
        XCTAssertNotEqual(huge.status, 0)
        XCTAssertTrue(huge.errors.contains("refused: L = 30 + probe (dimension 2147483648) needs about"), huge.errors)
        XCTAssertTrue(huge.errors.contains("GiB of state vectors"), huge.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is created for refused input")
    }

    /// `--engine petsc` on two ranks writes the `C(t)` of the matrix-free engine (same seed, same
    /// states) to 1e-10.
    func testPETScEngineRunEqualsMatrixFreeRun() throws {
        let a = folder(), b = folder()
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        let extra = ["--times", "0,0.5,3,20", "--states", "2", "--realizations", "2"]
        XCTAssertEqual(try cli.run(base(a) + extra + ["--threads", "1", "--estimator", "paired"]).status, 0)
        let petsc = try cli.run(base(b) + extra + ["--engine", "petsc", "--ranks-per-realization", "2"])
        XCTAssertEqual(petsc.status, 0, petsc.errors)
        let free = try records(a), sparse = try records(b)
        XCTAssertEqual(Set(free.keys), [0, 1])
        for k in [0, 1] {
            let x = try XCTUnwrap((free[k]?["values"] as? NSDictionary)?["czz"] as? [Double])
            let y = try XCTUnwrap((sparse[k]?["values"] as? NSDictionary)?["czz"] as? [Double])
            XCTAssertEqual(x.count, 4)
            for (u, v) in zip(x, y) { XCTAssertEqual(u, v, accuracy: 1e-10) }
        }
    }

    /// The records by realization, without the wall time (which differs between runs).
    func records(_ out: URL) throws -> [Int: NSDictionary] {
        let text = try String(contentsOf: out.appendingPathComponent("realizations.jsonl"), encoding: .utf8)
        var byIndex: [Int: NSDictionary] = [:]
        for line in text.split(separator: "\n") {
            var record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            record["seconds"] = nil
            byIndex[try XCTUnwrap(record["realization"] as? Int)] = record as NSDictionary
        }
        return byIndex
    }

    /// Two realizations, then the same command asking for three: the first two are kept, the third
    /// equals the one an uninterrupted run of three computes.
    func testResumedRunEqualsUninterruptedRun() throws {
        let a = folder(), b = folder()
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        let extra = ["--times", "0,0.5,3", "--states", "2", "--kpm-order", "16", "--omega", "0.1,1", "--threads", "1"]
        XCTAssertEqual(try cli.run(base(a) + extra + ["--realizations", "2"]).status, 0)
        XCTAssertEqual(try cli.run(base(a) + extra + ["--realizations", "3"]).status, 0)
        XCTAssertEqual(try cli.run(base(b) + extra + ["--realizations", "3"]).status, 0)
        XCTAssertEqual(try records(a), try records(b))
        let changed = try cli.run(base(a) + ["--times", "0,1", "--states", "2", "--realizations", "3"])
        XCTAssertNotEqual(changed.status, 0)
        XCTAssertTrue(changed.errors.contains("holds a different run"), changed.errors)
    }

    /// A new run directory takes the projected estimator and its manifest names it; a directory
    /// holding a run stored without an estimator (paired) is continued as paired.
    func testEstimatorDefaultsAndStoredRunsContinue() throws {
        let a = folder(), b = folder()
        defer { for f in [a, b] { try? FileManager.default.removeItem(at: f) } }
        let extra = ["--times", "0,0.5,3", "--states", "2", "--threads", "1"]
        XCTAssertEqual(try cli.run(base(a) + extra + ["--realizations", "1"]).status, 0)
        let manifest = try String(contentsOf: a.appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"estimator\": \"projected\"") || manifest.contains("\"estimator\":\"projected\""), manifest)
        XCTAssertEqual(try cli.run(base(b) + extra + ["--realizations", "1", "--estimator", "paired"]).status, 0)
        XCTAssertFalse(try String(contentsOf: b.appendingPathComponent("manifest.json"), encoding: .utf8).contains("estimator"))
        let resumed = try cli.run(base(b) + extra + ["--realizations", "2"])
        XCTAssertEqual(resumed.status, 0, resumed.errors)
        XCTAssertEqual(try records(b).count, 2)
        let summary = try String(contentsOf: b.appendingPathComponent("summary.json"), encoding: .utf8)
        XCTAssertTrue(summary.contains("paired"), summary)
        // The two estimators' C(0) is 1 exactly; later times differ by their typicality errors.
        for dir in [a, b] {
            let czz = try XCTUnwrap((try records(dir)[0]?["values"] as? NSDictionary)?["czz"] as? [Double])
            XCTAssertEqual(czz[0], 1, accuracy: 1e-12)
        }
    }

    /// Floquet: S(omega) from the Fourier series of C(n) integrates over the zone to C(0) = 1.
    func testFloquetSpectralFunctionIntegratesToOne() throws {
        let out = folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let omega = 6.0
        let run = try cli.run(["ed", "dynamics", "--model", "floquet-o3", "--probe", "--L", "5", "--W", "1", "--Omega", String(omega),
                               "--times", "0,1,10,100", "--states", "2", "--fourier-periods", "64",
                               "--omega", "lin:0.001:\(omega / 2):301", "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.errors)
        let csv = try String(contentsOf: out.appendingPathComponent("spectral_function.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("omega") }
            .map { $0.split(separator: ",").map { Double($0)! } }
        var integral = 0.0
        for k in 1..<rows.count { integral += (rows[k][1] + rows[k - 1][1]) / 2 * (rows[k][0] - rows[k - 1][0]) }
        integral += rows[0][1] * rows[0][0]   // the sliver [0, first omega]
        // Both signs of omega; the trapezoid error of a 64-term cosine series on 301 points is far below 1e-3.
        XCTAssertEqual(2 * integral, 1, accuracy: 1e-3)
    }
}
