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
        let frequencies = [0.01, 0.1, 1, 3, 10]
        for w in report.disorders {
            var problem = EDProblem(model: .heisenbergO3, length: 5, disorderStrength: w)
            problem.probe = problem.defaultProbe
            var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
            dynamics.kernelOrder = 16
            var run = DynamicsRun(dynamics: dynamics, times: [0.1, 1, 10], states: 1, realizations: 2, seed: 3,
                                  directory: cache.appendingPathComponent("L5_W\(JSONValue.format(w))"))
            run.frequencies = frequencies
            run.quiet = true
            run.commandLine = "resonance ed dynamics (test)"
            runs[w] = try run.run()
        }
        // A larger size at one disorder only (as the L = 20 run): drawn with the RM at its own L.
        var larger = EDProblem(model: .heisenbergO3, length: 6, disorderStrength: 6)
        larger.probe = larger.defaultProbe
        var largerRun = DynamicsRun(dynamics: DynamicsProblem(problem: larger, method: .chebyshev), times: [0.1, 1, 10], states: 1,
                                    realizations: 1, seed: 3, directory: cache.appendingPathComponent("L6_W6"))
        largerRun.quiet = true
        largerRun.commandLine = "resonance ed dynamics (test, L = 6)"
        let largerResult = try largerRun.run()
        let section = try report.section()
        let largerData = try XCTUnwrap(section.figures[0].data.first { $0.fileName == "dynamics_czz_larger.csv" })
        XCTAssertEqual(largerData.table.values(named: "czz_L6_W6"), largerResult.correlator)
        let rmLarger = try XCTUnwrap(section.figures[0].data.first { $0.fileName == "dynamics_czz_rm.csv" }?.table.values(named: "rm_L6_W6"))
        let rmL6 = try report.model(disorder: 6, length: 6)
        XCTAssertEqual(rmLarger.last!, probeCorrelator(rmL6, time: 1000), accuracy: 1e-12)
        XCTAssertTrue(section.figures[0].caption.contains("L = 6 + probe"), section.figures[0].caption)
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
            // S is drawn above its resolution only; NaN compares unequal, so compare the pattern and the values.
            let drawn = try XCTUnwrap(section.figures[1].data[0].table.values(named: "S_W\(label)"))
            let resolution = try XCTUnwrap(runs[w]!.resolution)
            XCTAssertEqual(section.figures[1].data[0].table.values(named: "omega_W\(label)"), frequencies)
            for (k, omega) in frequencies.enumerated() {
                if omega < resolution { XCTAssertTrue(drawn[k].isNaN) } else { XCTAssertEqual(drawn[k], runs[w]!.spectralFunction[k]) }
            }
        }
        XCTAssertTrue(section.figures[1].caption.contains("W = 3: "), section.figures[1].caption)
        if Gnuplot.executable != nil {
            try ReportWriter(directory: output, title: "test", commandLine: "test").writeFigures(of: section)
        }
    }
}
