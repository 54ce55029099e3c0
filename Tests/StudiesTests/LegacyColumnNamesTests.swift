import Foundation
import XCTest
@testable import Studies

/// Cached files written before the `realizations` column got its American name stay readable:
/// the stored l-bit averages and tail-exponent runs of data/ read the same under either header.
final class LegacyColumnNamesTests: XCTestCase {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    /// `text` with its header line (the first line not starting with `#`) passed through `rename`.
    func renamingHeader(_ text: String, _ rename: (String) -> String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let i = lines.firstIndex(where: { !$0.hasPrefix("#") && !$0.isEmpty }) { lines[i] = rename(lines[i]) }
        return lines.joined(separator: "\n")
    }

    func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testStoredLBitAveragesReadUnderBothHeaders() throws {
        let legacyPath = data.appendingPathComponent("lbit_exact_L8.csv").path
        let legacyText = try String(contentsOfFile: legacyPath, encoding: .utf8)
        XCTAssertTrue(legacyText.contains("L,zeta,Omega,realisations,seed"), "the stored file carries the old column name")
        let american = try temporaryFile(renamingHeader(legacyText) { $0.replacingOccurrences(of: "realisations", with: "realizations") })
        let old = try LBitExactCache.read(contentsOf: legacyPath), new = try LBitExactCache.read(contentsOf: american)
        XCTAssertEqual(old.count, new.count)
        XCTAssertFalse(old.isEmpty)
        for (a, b) in zip(old, new) {
            XCTAssertEqual(a.length, 8)
            XCTAssertEqual(a.realizations, 16)  // the file's own command line: --realisations 16
            XCTAssertEqual([Double(a.length), a.localizationLength, a.driveFrequency, Double(a.realizations)],
                           [Double(b.length), b.localizationLength, b.driveFrequency, Double(b.realizations)])
            XCTAssertEqual(a.spectral, b.spectral)
            XCTAssertEqual(a.correlator, b.correlator)
            XCTAssertEqual(a.memory.mean, b.memory.mean)
        }
        let wrong = try temporaryFile(renamingHeader(legacyText) { $0.replacingOccurrences(of: "realisations", with: "samples") })
        XCTAssertThrowsError(try LBitExactCache.read(contentsOf: wrong))
    }

    func testStoredTailExponentRunsReadUnderBothHeaders() throws {
        let legacyPath = data.appendingPathComponent("tail_exponent_L8_10.csv").path
        let legacyText = try String(contentsOfFile: legacyPath, encoding: .utf8)
        let american = try temporaryFile(renamingHeader(legacyText) { $0.replacingOccurrences(of: "realisations", with: "realizations") })
        let old = try TailExponentReport(files: [legacyPath]).table(), new = try TailExponentReport(files: [american]).table()
        XCTAssertEqual(old.rows, new.rows)
        XCTAssertFalse(old.rows.isEmpty)
        // The counts of the file's command line (--realisations 8:16,10:4), not "n/a".
        XCTAssertEqual(Set(old.rows.map { $0[2] }), ["16", "4"])
    }
}

/// Realization records stored with the British `hybridised_fraction` read back under its American
/// name and average together with records written now.
final class LegacyRecordNamesTests: XCTestCase {
    func testStoredHybridisedFractionReadsAsHybridizedFraction() throws {
        let old = #"{"realization":0,"values":{"hybridised_fraction":[0.25],"memory":[0.5]},"seconds":1}"#
        let new = #"{"realization":1,"values":{"hybridized_fraction":[0.75],"memory":[0.7]},"seconds":1}"#
        let records = try [old, new].map { try JSONDecoder().decode(RealizationRecord.self, from: Data($0.utf8)) }
        XCTAssertEqual(records[0].values["hybridized_fraction"], [0.25])
        XCTAssertNil(records[0].values["hybridised_fraction"])
        let average = DisorderAverage(records: records)
        let fraction = try average.required("hybridized_fraction", source: "two records")
        XCTAssertEqual(fraction.count, [2])
        XCTAssertEqual(fraction.mean[0], (0.25 + 0.75) / 2, accuracy: 1e-15)
        XCTAssertThrowsError(try average.required("window_weight", source: "two records")) { error in
            XCTAssertTrue("\(error)".contains("window_weight"), "\(error)")
        }
        // Written back in the new spelling only.
        let encoded = String(decoding: try JSONEncoder().encode(records[0]), as: UTF8.self)
        XCTAssertTrue(encoded.contains("hybridized_fraction") && !encoded.contains("hybridised"), encoded)
    }
}
