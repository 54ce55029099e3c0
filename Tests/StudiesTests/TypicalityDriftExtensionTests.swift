import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The drift beyond the dense engine: the window estimate of each stored run, the crossing of
/// [Czz](W) (exact for a curve linear in ln W), and the figure beside the dense drift.
final class TypicalityDriftExtensionTests: XCTestCase {
    func testPointIsTheRealizationMeanOfWindowMeans() {
        let window = LateWindowAverage(start: 10, end: 20, count: 4)
        // Two realizations: constant 0.4, and 0.3 + a drift across the window.
        let correlators = [[0.4, 0.4, 0.4, 0.4], [0.36, 0.34, 0.26, 0.24]]
        let p = TypicalityDriftExtension.point(length: 12, disorder: 5, correlators: correlators, window: window, states: 1, dimension: 8191)
        XCTAssertEqual(p.value, (0.4 + 0.3) / 2, accuracy: 1e-15)
        XCTAssertEqual(p.standardError, 0.05, accuracy: 1e-15)   // sample sd 0.0707 / sqrt(2)
        XCTAssertEqual(p.drift, ((0.4 + 0.35) - (0.4 + 0.25)) / 2, accuracy: 1e-15)
        XCTAssertEqual(p.typicalityError, 1 / (2.0 * 8192).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(p.error, (0.05 * 0.05 + 0.15 * 0.15).squareRoot(), accuracy: 1e-15)   // SE and 3 x drift
    }

    func testWindowGridOfTheTimesOption() throws {
        XCTAssertEqual(try DynamicsGrids.times("window:50:100:16", floquet: false), LateWindowAverage(start: 50, end: 100, count: 16).times)
        for bad in ["window:100:50:4", "window:-1:5:4", "window:1:5:1", "window:1:5"] {
            XCTAssertThrowsError(try DynamicsGrids.times(bad, floquet: false)) { error in
                XCTAssertTrue("\(error)".hasPrefix("--times: "), "\(error)")
            }
        }
    }

    func testCrossingOfACurveLinearInLogW() {
        var e = TypicalityDriftExtension()
        e.lengths = [10]
        e.threshold = 0.3
        let points = [1.5, 3, 6].map { w in
            TypicalityDriftExtension.Point(length: 10, disorder: w, realizations: 1, value: log(w) / log(10),
                                           standardError: 0.01, drift: 0, typicalityError: 0)
        }
        let c = e.crossings(points)
        XCTAssertEqual(c[0].disorder, pow(10, 0.3), accuracy: 1e-12)
        // sigma / |d[Czz]/dW| on the segment [1.5, 3].
        XCTAssertEqual(c[0].error, 0.01 / ((log(3) - log(1.5)) / log(10) / 1.5), accuracy: 1e-12)
    }

    /// A tiny run set (L = 4 + probe): computed, read back unchanged, skipped when incomplete, and drawn.
    func testStoredRunsAreReadBackAndDrawn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("drift-typicality-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        var e = TypicalityDriftExtension()
        e.lengths = [4, 5]
        e.disorders = [1, 30]
        e.realizations = [4: 3, 5: 2]
        e.window = LateWindowAverage(start: 5, end: 10, count: 4)
        e.directory = root
        let computed = try e.points(compute: true)
        XCTAssertEqual(computed.count, 4)
        XCTAssertEqual(try e.points(compute: false), computed)
        // More realizations asked than stored: read-only use skips the runs.
        var more = e
        more.realizations = [4: 5, 5: 2]
        XCTAssertEqual(try more.points(compute: false).map(\.length), [5, 5])
        // Strong disorder keeps the probe's memory, weak disorder loses it.
        for l in e.lengths {
            let row = computed.filter { $0.length == l }
            XCTAssertGreaterThan(row[1].value, row[0].value)
        }
        var dense = CrossoverDriftComparison.Config()
        dense.lengths = [3]
        dense.realizations = [3: 2]
        dense.disorders = [1, 30]
        let d = try CrossoverDriftComparison.run(dense, sink: InMemorySink(workers: 1))
        let contents = try XCTUnwrap(DriftExtensionFigure(typicality: e, commandLine: "test").contents(dense: d, points: computed))
        XCTAssertEqual(contents.figure.data[0].table.values(named: "L"), [3, 4, 5])
        XCTAssertTrue(contents.figure.caption.contains("late-window average of typicality"), contents.figure.caption)
        XCTAssertTrue(contents.figure.caption.contains("[5, 10]"), contents.figure.caption)
    }
}

/// The stored runs of `data/` are the runs the report asks for: their manifests equal the ones the
/// report builds, so it reads them back instead of refusing them or computing anew.
final class StoredDynamicsRunsTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func stored(_ dir: URL) throws -> String? {
        try? String(contentsOf: dir.appendingPathComponent("manifest.json"), encoding: .utf8)
    }

    func testStoredManifestsMatchTheReport() throws {
        var drift = TypicalityDriftExtension()
        drift.directory = root.appendingPathComponent("data/drift_typicality")
        var checked = 0
        for l in drift.lengths {
            for w in drift.disorders(length: l) {
                let run = drift.run(length: l, disorder: w)
                guard let text = try stored(run.directory) else { continue }
                XCTAssertEqual(text, JSONValue.object(run.manifest).serialized() + "\n", "L = \(l), W = \(w)")
                checked += 1
            }
        }
        var report = DynamicsReport(commandLine: "test")
        report.cacheDirectory = root.appendingPathComponent("data/dynamics")
        for spec in report.largerRunSpecs {
            let run = try report.largerRun(spec)
            guard let text = try stored(run.directory) else { continue }
            XCTAssertEqual(text, JSONValue.object(run.manifest).serialized() + "\n", "L = \(spec.length)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0, "no stored run found under \(root.path)/data")
    }
}

/// The audit's `ed-drift-czz` measurement extended by the stored typicality runs: new keys beside
/// the dense ones, each crossing where the stored [Czz](W) (interpolated in ln W) equals delta.
final class DriftClaimTypicalityTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Dense crossings at L = 6, 7, 8 (synthetic, drifting by 0.3 per site).
    func dense() -> CrossoverDriftComparison.Result {
        let lengths = [6, 7, 8], disorders = [2.0, 4, 8]
        let nanRows = lengths.map { _ in disorders.map { _ in Double.nan } }
        return CrossoverDriftComparison.fit(lengths: lengths, disorders: disorders, memory: nanRows, memoryError: nanRows,
                                            crossover: [3.6, 3.9, 4.2], crossoverError: [0.1, 0.1, 0.1], threshold: 0.3)
    }

    func testStoredTypicalityCrossingsJoinTheMeasurement() throws {
        var e = TypicalityDriftExtension()
        e.directory = root.appendingPathComponent("data/drift_typicality")
        let points = try e.points(compute: false)
        XCTAssertFalse(points.isEmpty, "no stored run under \(e.directory.path)")
        var m = Measurements([Measurement(MeasurementName("W_delta_L6"), 3.6)])
        try ExactNumericsClaims.appendTypicalityDrift(to: &m, dense: dense(), typicality: e)
        XCTAssertEqual(m.values[0], Measurement(MeasurementName("W_delta_L6"), 3.6), "the dense keys stay first and unchanged")
        XCTAssertEqual((try m[MeasurementName("typicality_points")]), Double(points.count))
        var crossed = 0
        for length in e.lengths {
            let w = (try m[MeasurementName("W_delta_typicality_L\(length)")])
            guard w.isFinite else { continue }
            crossed += 1
            // Independently: the stored [Czz](W) at this L, interpolated linearly in ln W, equals delta at W_delta.
            let row = points.filter { $0.length == length }.sorted { $0.disorder < $1.disorder }
            let i = try XCTUnwrap(row.indices.dropLast().first { row[$0].disorder <= w && w <= row[$0 + 1].disorder })
            let t = log(w / row[i].disorder) / log(row[i + 1].disorder / row[i].disorder)
            XCTAssertEqual(row[i].value + t * (row[i + 1].value - row[i].value), e.threshold, accuracy: 1e-12, "L = \(length)")
            XCTAssertGreaterThan((try m[MeasurementName("W_delta_typicality_L\(length)_error")]), 0)
            XCTAssertTrue((try m[MeasurementName("rm_dense_fit_W_delta_L\(length)")]).isFinite)
        }
        XCTAssertGreaterThanOrEqual(crossed, 2, "stored crossings beyond L = 9: \(m.summary)")
        XCTAssertTrue(try m[MeasurementName("all_rm_W_c")].isFinite && m[MeasurementName("all_linear_slope")].isFinite, m.summary)
    }

    func testWithoutStoredRunsOnlyTheCountIsAdded() throws {
        var e = TypicalityDriftExtension()
        e.directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-drift-runs-\(UUID())")
        var m = Measurements([Measurement(MeasurementName("W_delta_L6"), 3.6)])
        try ExactNumericsClaims.appendTypicalityDrift(to: &m, dense: dense(), typicality: e)
        XCTAssertEqual(m.values.map(\.name), ["W_delta_L6", "typicality_points"])
        XCTAssertEqual((try m[MeasurementName("typicality_points")]), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: e.directory.path), "nothing computed or created")
    }
}
