import Foundation
import XCTest
@testable import Studies

/// The report reads the cached study back exactly as the study wrote it.
final class LuitzShiftInvertFigureTests: XCTestCase {
    func testFigureReadsTheStudyTables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("luitz-figure-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertNil(LuitzShiftInvertFigure.figure(directory: directory))
        let table = ColumnTable(columns: [("W", [3, 4]), ("r_L12", [0.43, 0.41]), ("r_L12_err", [0.004, 0.004]),
                                          ("r_L14", [0.45, 0.40]), ("r_L14_err", [0.005, 0.005])])
        let metadata = OutputMetadata(parameters: [("seed", .string("1"))], commandLine: "resonance ed study luitz --method shift-invert")
        try OutputRenderer.curve(table, metadata: metadata, format: .csv)
            .write(to: directory.appendingPathComponent("luitz_r.csv"), atomically: true, encoding: .utf8)
        let crossings = LuitzComparisonStudy.crossings(table, lengths: [12, 14])
        XCTAssertEqual(crossings[0].disorder, 3 + 0.02 / 0.03, accuracy: 1e-12)   // r_14 - r_12 = 0.02 at W = 3, -0.01 at W = 4
        let crossingTable = ColumnTable(columns: [("L1", [12]), ("L2", [14]), ("W_cross", [crossings[0].disorder]),
                                                  ("W_cross_err", [crossings[0].error]), ("published_W_c", [3.7])])
        try OutputRenderer.curve(crossingTable, metadata: metadata, format: .csv)
            .write(to: directory.appendingPathComponent("luitz_crossings.csv"), atomically: true, encoding: .utf8)
        let figure = try XCTUnwrap(LuitzShiftInvertFigure.figure(directory: directory))
        XCTAssertEqual(figure.data[0].table.values(named: "r_L14"), [0.45, 0.40])
        XCTAssertTrue(figure.caption.contains(String(format: "W = %.2f", crossings[0].disorder)), figure.caption)
        XCTAssertTrue(figure.parameters.contains("12, 14"), figure.parameters)
    }
}
