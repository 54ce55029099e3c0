import Foundation
import XCTest
@testable import Presentation
@testable import Studies

/// Figures described by data: the gnuplot writer addresses columns by name, and gnuplot draws what it writes.
final class FigurePlotTests: XCTestCase {
    func sample() -> (ColumnTable, FigurePlot) {
        let table = ColumnTable(columns: [("L", [8, 8, 10, 10]), ("Lambda", [1, 2, 1, 2]), ("ratio", [1.1, 1.2, 1.3, 1.4]),
                                          ("ratio_err", [0.1, 0.1, 0.2, 0.2]), ("model", [1, 1.5, 1, 1.5])])
        let series = [8.0, 10].map {
            PlotSeries(.columns(file: "sample.csv", x: "Lambda", y: "ratio", yError: "ratio_err", only: ("L", $0)), style: .yerrorbars,
                       title: "ED, L = \(Int($0))", color: "#1f77b4", pointType: 7)
        } + PlotSeries.family(ColumnTable(columns: [("Lambda", [1, 2]), ("model", [1, 1.5])]), file: "sample.csv")
          + [PlotSeries(.constant(Double.pi), title: "pi", color: "black", dash: 2), PlotSeries(.keyOnly, title: "key \"only\"")]
        let plot = FigurePlot(axes: PlotAxes(xLabel: "{/Symbol L}", yLabel: "ratio", logX: true, yRange: 0...4, key: "outside right", keyFont: ",8"),
                              series: series)
        return (table, plot)
    }

    /// Every series names its columns; no column number and no unescaped quote reaches the script.
    func testColumnsAreAddressedByName() {
        let body = GnuplotWriter.body(sample().1)
        XCTAssertFalse(body.contains("$"), body)
        XCTAssertFalse(body.contains("using 1:"), body)
        XCTAssertTrue(body.contains("using \"Lambda\":(column(\"L\") == 8 ? column(\"ratio\") : 1/0):\"ratio_err\" with yerrorbars pt 7 lc rgb \"#1f77b4\" title \"ED, L = 8\""), body)
        XCTAssertTrue(body.contains("\"sample.csv\" using \"Lambda\":\"model\" with lines lt 1 title \"model\""), body)
        XCTAssertTrue(body.contains("3.141592653589793 with lines dt 2 lc rgb \"black\" title \"pi\""), body)
        XCTAssertTrue(body.contains("NaN with lines title \"key \\\"only\\\"\""), body)
        XCTAssertTrue(body.hasPrefix("set logscale x\nset yrange [0:4]\nset xlabel \"{/Symbol L}\"; set ylabel \"ratio\"\nset key outside right font \",8\"\nplot "), body)
    }

    /// gnuplot accepts the script and draws both images from the CSV the report writes.
    func testGnuplotDrawsTheFigure() throws {
        guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed (make deps installs it)") }
        let (table, plot) = sample()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figure-plot-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputRenderer.curve(table, metadata: OutputMetadata(parameters: [], commandLine: "test"), format: .csv)
            .write(to: folder.appendingPathComponent("sample.csv"), atomically: true, encoding: .utf8)
        try Gnuplot.run(script: Gnuplot.script(body: GnuplotWriter.body(plot), name: "sample"), in: folder)
        for name in ["sample.png", "sample.svg"] {
            let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int ?? 0
            XCTAssertGreaterThan(size, 1000, name)
        }
    }
}
