import Foundation
import XCTest

/// The options added to `compare lbit` and `compare tail-exponent` refuse bad values with one line
/// naming the option and a non-zero status (checked before any diagonalization runs).
final class CompareOptionsTests: XCTestCase {
    let cli = ResonanceExecutable()

    func testBadValuesAreRefused() throws {
        let cases: [([String], String)] = [
            (["compare", "lbit", "--store-exact", ""], "--store-exact"),
            (["compare", "lbit", "--exact-from", ""], "--exact-from"),
            (["compare", "lbit", "--exact-from", "/nonexistent/cache.csv"], "--exact-from"),
            (["compare", "lbit", "--realizations", "0"], "--realizations"),
            (["compare", "lbit", "--realizations", "1000000000"], "--realizations"),
            (["compare", "tail-exponent", "--tail-decades", "nan"], "--tail-decades"),
            (["compare", "tail-exponent", "--tail-decades", "inf"], "--tail-decades"),
            (["compare", "tail-exponent", "--tail-decades", "-1"], "--tail-decades"),
            (["compare", "tail-exponent", "--tail-decades", "0"], "--tail-decades"),
            (["compare", "tail-exponent", "--tail-decades", "1e300"], "--tail-decades"),
            (["compare", "tail-exponent", "--lengths", "40"], "--lengths"),
            (["compare", "tail-exponent", "--memory-lengths", "1e9"], "--memory-lengths"),
        ]
        for (arguments, option) in cases {
            let result = try cli.run(arguments)
            XCTAssertNotEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(result.errors.contains(option), "\(arguments): \(result.errors)")
            XCTAssertFalse(result.errors.contains("Fatal error"), "\(arguments): \(result.errors)")
        }
    }

    /// --exact-from recomputes both RMs on stored exact averages without diagonalising.
    func testStoredAveragesAreReread() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lbit-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let stored = try cli.run(["compare", "lbit", "--length", "4", "--realizations", "2", "--zeta", "1", "--omega", "50",
                                  "--store-exact", file, "--format", "csv"])
        XCTAssertEqual(stored.status, 0, stored.errors)
        let reread = try cli.run(["compare", "lbit", "--exact-from", file, "--format", "csv"])
        XCTAssertEqual(reread.status, 0, reread.errors)
        let rows = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
        XCTAssertEqual(rows(stored.output), rows(reread.output))
    }

    /// The British option names of earlier versions (`--realisations`, `--localised-w`) still work
    /// and give the same output as the American ones, which alone appear in the help.
    func testBritishOptionNamesAreHiddenAliases() throws {
        let dataRows = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("# command") } }
        let pairs: [([String], [String])] = [
            (["compare", "lbit", "--length", "4", "--realizations", "2", "--zeta", "1", "--omega", "50", "--format", "csv"],
             ["compare", "lbit", "--length", "4", "--realisations", "2", "--zeta", "1", "--omega", "50", "--format", "csv"]),
            (["compare", "criterion", "--lengths", "6", "--realizations=6:2", "--localized-w", "5", "--format", "csv"],
             ["compare", "criterion", "--lengths", "6", "--realisations=6:2", "--localised-w", "5", "--format", "csv"]),
        ]
        for (american, british) in pairs {
            let a = try cli.run(american), b = try cli.run(british)
            XCTAssertEqual(a.status, 0, a.errors)
            XCTAssertEqual(b.status, 0, b.errors)
            XCTAssertFalse(dataRows(a.output).isEmpty)
            XCTAssertEqual(dataRows(a.output), dataRows(b.output), british.joined(separator: " "))
        }
        for command in ["lbit", "generalized", "tail-exponent", "inverse-frequency", "drift", "criterion"] {
            let help = try cli.run(["compare", command, "--help"])
            XCTAssertEqual(help.status, 0, help.errors)
            XCTAssertTrue(help.output.contains("--realizations"), command)
            XCTAssertFalse(help.output.contains("--realisations"), command)
            XCTAssertFalse(help.output.contains("--localised-w"), command)
        }
        XCTAssertTrue(try cli.run(["compare", "criterion", "--help"]).output.contains("--localized-w"))
        let refused = try cli.run(["compare", "lbit", "--realisations", "0"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("--realizations"), refused.errors)
        XCTAssertFalse(refused.errors.contains("--realisations"), refused.errors)
    }
}
