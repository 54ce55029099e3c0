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
        // Larger sizes at single disorders (as the L = 20 run): drawn with the RM at their own L
        // where W >= W_c (localized side), without it at W = 6 < W_c = 10 (thermal side).
        var largerResults: [Double: DynamicsResult] = [:]
        for w in [6.0, 20] {
            var larger = EDProblem(model: .heisenbergO3, length: 6, disorderStrength: w)
            larger.probe = larger.defaultProbe
            var largerRun = DynamicsRun(dynamics: DynamicsProblem(problem: larger, method: .chebyshev), times: [0.1, 1, 10], states: 1,
                                        realizations: 1, seed: 3, directory: cache.appendingPathComponent("L6_W\(JSONValue.format(w))"))
            largerRun.quiet = true
            largerRun.commandLine = "resonance ed dynamics (test, L = 6)"
            largerResults[w] = try largerRun.run()
        }
        let section = try report.section()
        let largerData = try XCTUnwrap(section.figures[0].data.first { $0.fileName == "dynamics_czz_larger.csv" })
        XCTAssertEqual(largerData.table.values(named: "czz_L6_W6"), largerResults[6]!.correlator)
        XCTAssertEqual(largerData.table.values(named: "czz_L6_W20"), largerResults[20]!.correlator)
        let rmData = try XCTUnwrap(section.figures[0].data.first { $0.fileName == "dynamics_czz_rm.csv" })
        let rmLarger = try XCTUnwrap(rmData.table.values(named: "rm_L6_W20"))
        XCTAssertEqual(rmLarger.last!, probeCorrelator(try report.model(disorder: 20, length: 6), time: 1000), accuracy: 1e-12)
        XCTAssertNil(rmData.table.values(named: "rm_L6_W6"), "no RM on the thermal side")
        XCTAssertTrue(section.figures[0].caption.contains("L = 6 + probe"), section.figures[0].caption)
        // The RM only where 1/xi = ln(W/W_c) >= 0: W = 20 of the disorders 3, 6, 20 (W_c = 10).
        XCTAssertEqual(report.disorders.filter(report.drawsModel), [20])
        XCTAssertTrue(section.figures[0].caption.contains("No RM curve at W = 3, 6: there 1/xi = ln(W/W_c) < 0"), section.figures[0].caption)
        XCTAssertTrue(section.figures[1].caption.contains("No RM curve at W = 3, 6"), section.figures[1].caption)
        XCTAssertTrue(rmData.metadata.parameters.contains { $0.0 == "rm_omitted_thermal_side_W" && $0.1 == .string("3,6") })
        for (figure, thermal, localized) in [(0, ["rm_W3", "rm_W6", "rm_L6_W6"], ["rm_W20", "rm_L6_W20"]), (1, ["rm_W3", "rm_W6"], ["rm_W20"])] {
            for name in thermal { XCTAssertFalse(section.figures[figure].plot.contains("\"\(name)\""), "figure \(figure): \(name) drawn") }
            for name in localized { XCTAssertTrue(section.figures[figure].plot.contains("\"\(name)\""), "figure \(figure): \(name) not drawn") }
        }
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
            let rm = rmData.table.values(named: "rm_W\(label)")
            let rmS = section.figures[1].data[0].table.values(named: "rm_W\(label)")
            if report.drawsModel(disorder: w) {
                let model = try report.model(disorder: w, length: 5)
                XCTAssertEqual(try XCTUnwrap(rm).last!, probeCorrelator(model, time: 1000), accuracy: 1e-12)
                XCTAssertEqual(try XCTUnwrap(rmS), frequencies.map { spectralFunctionClosedForm(model, omega: $0) })
            } else {
                XCTAssertNil(rm, "W = \(label): RM [Czz] on the thermal side")
                XCTAssertNil(rmS, "W = \(label): RM S(omega) on the thermal side")
            }
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
