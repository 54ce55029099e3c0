import Foundation
import XCTest
@testable import Studies

final class OutputRendererTests: XCTestCase {
    let metadata = OutputMetadata(parameters: [("Lambda", .number(2.5)), ("model", .string("floquet"))],
                                  commandLine: "resonance rm curve --quantity F")

    /// JSON is valid (parsed by Foundation), doubles round-trip bit for bit, and non-finite values are null.
    func testJSONRoundTrip() throws {
        let values = [0.1, 1.0 / 3, 1e-310, -2.5e300, .infinity]
        let table = ColumnTable(columns: [("r", [0, 1, 2, 3, 4]), ("F", values)])
        let text = OutputRenderer.curve(table, metadata: metadata, format: .json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let y = try XCTUnwrap(object["y"] as? [Any])
        for (parsed, original) in zip(y.prefix(4), values.prefix(4)) {
            XCTAssertEqual((parsed as? NSNumber)?.doubleValue.bitPattern, original.bitPattern)
        }
        XCTAssertTrue(y[4] is NSNull)
        XCTAssertEqual((object["parameters"] as? [String: Any])?["Lambda"] as? Double, 2.5)
        XCTAssertEqual(object["version"] as? String, ResonanceKitVersion.string)
    }

    func testCSVLayout() {
        let table = ColumnTable(columns: [("r", [0, 1]), ("F", [1, .nan])])
        let lines = OutputRenderer.curve(table, metadata: metadata, format: .csv).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("#") }.count, 4)
        XCTAssertEqual(lines[4], "r,F")
        XCTAssertEqual(lines[6], "1.0,nan")
    }

    func testStringEscaping() {
        XCTAssertEqual(JSONValue.string("a\"b\\c\n").serialized(), "\"a\\\"b\\\\c\\n\"")
    }
}

final class ReportWriterTests: XCTestCase {
    /// A figure goes through gnuplot to a non-empty PNG and SVG, and index.html links them.
    func testFigureIsDrawn() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed (make deps installs it)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = ColumnTable(columns: [("x", [1, 2, 3]), ("y", [1, 4, 9])])
        let figure = ReportFigure(identifier: "square", title: "Square", claim: "x^2 grows", caption: "A test.",
                                  parameters: "none",
                                  data: [ReportData(fileName: "square.csv", table: table,
                                                    metadata: OutputMetadata(parameters: [], commandLine: "test"))],
                                  plot: "plot \"square.csv\" using 1:2 with lines")
        let section = ReportSection(title: "Test", introduction: "intro", figures: [figure])
        let writer = ReportWriter(directory: directory, title: "T", commandLine: "test")
        try writer.writeFigures(of: section)
        try writer.writeIndex(sections: [section])
        for name in ["figures/square.png", "figures/square.svg", "figures/square.csv", "index.html"] {
            let size = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size] as? Int
            XCTAssertGreaterThan(size ?? 0, 50, name)
        }
        let html = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("figures/square.png"))
    }
}
