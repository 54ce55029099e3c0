import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The dynamics section: the recomputed small size overlays the dense engine within the
/// typicality bound, and cached `ed dynamics` runs are read back with the RM beside them.
final class DynamicsReportTests: XCTestCase {
    func testSectionOverlaysDenseEngineAndReadsCachedRuns() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dynamics-cache-\(UUID())")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dynamics-report-\(UUID())")
        defer { for f in [cache, output] { try? FileManager.default.removeItem(at: f) } }
        var report = DynamicsReport(commandLine: "test")
        report.cacheDirectory = cache
        report.smallLength = 4
        report.smallRealizations = 2
        report.finalTime = 20
        // A cache at L = 5 as `ed dynamics` writes it.
        var runs: [Double: DynamicsResult] = [:]
        for w in report.disorders {
            var problem = EDProblem(model: .heisenbergO3, length: 5, disorderStrength: w)
            problem.probe = problem.defaultProbe
            var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
            dynamics.kernelOrder = 16
            var run = DynamicsRun(dynamics: dynamics, times: [0.1, 1, 10], states: 1, realizations: 2, seed: 3,
                                  directory: cache.appendingPathComponent("L5_W\(JSONValue.format(w))"))
            run.frequencies = [0.01, 0.1, 1]
            run.quiet = true
            run.commandLine = "resonance ed dynamics (test)"
            runs[w] = try run.run()
        }
        let section = try report.section()
        XCTAssertEqual(section.figures.map(\.identifier), ["dynamics-czz", "dynamics-spectral-function"])
        let small = section.figures[0].data[0].table
        let bound = TypicalAutocorrelation.typicalityError(dimension: 32) / 2.0.squareRoot()
        for w in report.disorders {
            let label = JSONValue.format(w)
            let typical = try XCTUnwrap(small.values(named: "czz_typical_W\(label)"))
            let dense = try XCTUnwrap(small.values(named: "czz_dense_W\(label)"))
            for (a, b) in zip(typical, dense) { XCTAssertEqual(a, b, accuracy: 5 * bound) }
            let large = section.figures[0].data[1].table
            XCTAssertEqual(large.values(named: "czz_W\(label)"), runs[w]!.correlator)
            let rm = try XCTUnwrap(section.figures[0].data[2].table.values(named: "rm_W\(label)"))
            XCTAssertTrue(rm.allSatisfy { $0.isFinite && abs($0) <= 1 }, "\(rm)")
            XCTAssertEqual(section.figures[1].data[0].table.values(named: "S_W\(label)"), runs[w]!.spectralFunction)
        }
        XCTAssertTrue(section.figures[1].caption.contains("W = 3: "), section.figures[1].caption)
        if Gnuplot.executable != nil {
            try ReportWriter(directory: output, title: "test", commandLine: "test").writeFigures(of: section)
        }
    }
}
