import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The shape every study shares: a `Config`, a typed `Result`, and a sink that never changes the numbers.
final class StudyShapeTests: XCTestCase {
    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("study-shape-test-\(UUID())")
    }

    /// A study gives the same result, bit for bit, with its records in memory and in run
    /// directories (same workers, hence the same BLAS threads per realization); run again on the
    /// run store, it computes nothing and reads the same numbers back.
    func testStudyResultDoesNotDependOnItsSink() throws {
        var config = CriterionComparison.Config()
        config.lengths = [6, 8]
        config.realizations = [6: 4, 8: 3]
        let inMemory = try CriterionComparison.run(config, sink: InMemorySink(workers: 2))
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = RunCache(root: root)
        let stored = try CriterionComparison.run(config, sink: RunStoreSink(cache: cache, workers: 2))
        let reread = try CriterionComparison.run(config, sink: RunStoreSink(cache: cache, workers: 2))
        for result in [stored, reread] {
            XCTAssertEqual(result.rhoVbar.flatMap { $0.map(\.mean) }, inMemory.rhoVbar.flatMap { $0.map(\.mean) })
            XCTAssertEqual(result.rhoVbar.flatMap { $0.map(\.error) }, inMemory.rhoVbar.flatMap { $0.map(\.error) })
            XCTAssertEqual(result.ratio.flatMap { $0.map(\.mean) }, inMemory.ratio.flatMap { $0.map(\.mean) })
        }
        let uses = cache.uses
        XCTAssertEqual(uses.count, 8, "2 disorders x 2 lengths, twice")
        XCTAssertEqual(uses.prefix(4).map(\.computed), [4, 3, 4, 3])
        XCTAssertTrue(uses.suffix(4).allSatisfy(\.isReused), "the second run reads every realization back")
    }

    /// The run directories of `resonance report` are keyed by their manifests: the comparisons must
    /// find the directories existing reports hold (a changed manifest text or key would recompute
    /// them). The names are those of the standard report's run store.
    func testReportRunDirectoriesKeepTheirNames() throws {
        let criterion = CriterionComparison.job(CriterionComparison.Config(), length: 8, disorder: 1)
        let key = try ComparisonSampling.key(criterion)
        XCTAssertEqual(RunCache.folderName(label: key.label, manifest: key.manifest), "xxz-L8-W1-d57ea8ee7ec5b27f")

        var problem = EDProblem(model: .heisenbergO3, length: 6, disorderStrength: 2)
        problem.probe = problem.defaultProbe
        var settings = ExactObservableSettings()
        settings.correlatorTimes = [0]
        let drift = try ComparisonSampling.key(ExactRealization(problem: problem, observables: [.czz], settings: settings,
                                                                seed: CrossoverDriftComparison.Config().seed))
        XCTAssertEqual(RunCache.folderName(label: drift.label, manifest: drift.manifest), "heisenberg-o3-L6-W2-b0cf5ab80476b8bc")
    }

    /// Every array a realization record holds is an `ExactQuantity` (read by case, never by a
    /// retyped string), for every observable, with a probe.
    func testEveryRecordedArrayIsATypedQuantity() throws {
        var problem = EDProblem(model: .heisenbergO3, length: 4, disorderStrength: 3)
        problem.probe = problem.defaultProbe
        let job = ExactRealization(problem: problem, observables: ExactObservable.allCases, seed: 5)
        let typed = Set(ExactQuantity.allCases.map(\.rawValue))
        let recorded = Set(try job.record(realization: 0).values.keys)
        XCTAssertEqual(recorded, Set(job.recordShape().lengths.keys))
        XCTAssertTrue(recorded.isSubset(of: typed), "untyped: \(recorded.subtracting(typed).sorted())")
        let result = try ComparisonSampling.average(job, count: 2, sink: InMemorySink(workers: 1))
        for quantity in ExactQuantity.allCases where recorded.contains(quantity.rawValue) {
            XCTAssertNotNil(result[quantity], quantity.rawValue)
        }
        XCTAssertThrowsError(try result.required(.windowSpread)) { error in
            XCTAssertTrue("\(error)".hasPrefix("window_spread:"), "\(error)")
        }
    }

    /// The scan study gives the averages of the `ed run` of each point, whatever keeps its runs:
    /// `<directory>/L<L>_W<W>`, the run store's directory named by the run's key (a second call
    /// reads every realization back), or memory; a length without a count gets the default.
    func testScanStudyMatchesTheRunOfEachPoint() throws {
        var config = ExactNumericsScan.Config()
        config.problems = [(6, 1.0), (6, 4.0), (8, 2.0)].map { l, w in
            var p = EDProblem(model: .xxz, length: l, disorderStrength: w)
            p.magnetization = EDProblem.defaultMagnetization(length: l, probeCoupling: nil)
            return p
        }
        config.observables = [.levelStatistics, .spectral]
        config.realizations = [6: 3]
        config.defaultRealizations = 2
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let reference = try config.problems.enumerated().map { i, problem in
            var run = ExactNumericsRun(realization: ExactRealization(problem: problem, observables: config.observables, seed: config.seed),
                                       realizations: problem.length == 6 ? 3 : 2,
                                       directory: root.appendingPathComponent("reference-\(i)"), commandLine: "test")
            run.quiet = true
            return try run.execute()
        }
        XCTAssertEqual(reference.map(\.realizationCount), [3, 3, 2])

        var inDirectories = config
        inDirectories.directory = root.appendingPathComponent("scan")
        let scanned = try ExactNumericsScan.run(inDirectories, sink: InMemorySink())
        XCTAssertEqual(scanned.map(\.average), reference.map(\.average))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("scan/L6_W1/realizations.jsonl").path))

        let cache = RunCache(root: root.appendingPathComponent("cache"))
        let stored = try ExactNumericsScan.run(inDirectories, sink: RunStoreSink(cache: cache))
        let reread = try ExactNumericsScan.run(inDirectories, sink: RunStoreSink(cache: cache))
        XCTAssertEqual(stored.map(\.average), reference.map(\.average))
        XCTAssertEqual(reread.map(\.average), reference.map(\.average))
        let keys = try config.problems.map {
            try ComparisonSampling.key(ExactRealization(problem: $0, observables: config.observables, seed: config.seed))
        }
        XCTAssertEqual(cache.uses.prefix(3).map(\.directory), keys.map { RunCache.folderName(label: $0.label, manifest: $0.manifest) })
        XCTAssertEqual(cache.uses.prefix(3).map(\.computed), [3, 3, 2], "\(cache.uses)")
        XCTAssertTrue(cache.uses.suffix(3).allSatisfy(\.isReused))

        let inMemory = try ExactNumericsScan.run(config, sink: InMemorySink(workers: 2))
        for (result, expected) in zip(inMemory, reference) {
            let r = try XCTUnwrap(result.scalar(.meanRatio)), e = try XCTUnwrap(expected.scalar(.meanRatio))
            XCTAssertEqual(r.mean, e.mean, accuracy: 1e-12)
            XCTAssertEqual(r.error, e.error, accuracy: 1e-12)
            XCTAssertEqual(result.realizationCount, expected.realizationCount)
        }
    }

    /// The exact-numerics report section draws `<r>` from the `ed run` of each point, with the
    /// realizations its scan's Config gives (a length without a count: the scan's default), and
    /// states those counts in the caption.
    func testExactNumericsSectionReadsItsScans() throws {
        var report = ExactNumericsReport(commandLine: "test")
        report.levelLengths = [6, 8]
        report.levelDisorders = [1, 4]
        report.levelRealizations = [6: 3]
        report.spectralLengths = [6]
        report.spectralDisorders = [1, 4]
        report.spectralRealizations = [6: 2]
        report.probeLengths = [4]
        report.probeDisorders = [2, 8]
        report.probeRealizations = [4: 2]
        let section = try report.section()
        let level = try XCTUnwrap(section.figures.first { $0.identifier == "ed-level-statistics" })
        let table = try XCTUnwrap(level.data.first?.table)
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fallback = ExactNumericsScan.Config().defaultRealizations
        for (length, count) in [(6, 3), (8, fallback)] {
            let expected = try report.levelDisorders.map { w in
                var run = ExactNumericsRun(realization: ExactRealization(problem: report.xxz(length: length, disorder: w),
                                                                         observables: [.levelStatistics], seed: report.seed),
                                           realizations: count, directory: root.appendingPathComponent("L\(length)_W\(w)"), commandLine: "test")
                run.quiet = true
                return try XCTUnwrap(run.execute().scalar(.meanRatio))
            }
            XCTAssertEqual(table.values(named: "r_L\(length)"), expected.map(\.mean))
            XCTAssertEqual(table.values(named: "r_L\(length)_err"), expected.map(\.error))
            XCTAssertTrue(level.caption.contains("L = \(length): \(count)"), level.caption)
        }
    }

    /// A dynamics record holds exactly the arrays of its shape, each a typed `DynamicsQuantity`,
    /// and the result reads its correlator from them: the realization mean of the record's `C(t)`.
    func testEveryDynamicsArrayIsATypedQuantity() throws {
        var problem = EDProblem(model: .heisenbergO3, length: 4, disorderStrength: 3)
        problem.probe = problem.defaultProbe
        var dynamics = DynamicsProblem(problem: problem, method: .chebyshev)
        dynamics.kernelOrder = 8
        var run = DynamicsRun(dynamics: dynamics, times: [0.1, 1], states: 1, realizations: 2, seed: 4,
                              directory: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID())"))
        run.frequencies = [0.1, 1]
        let records = try (0..<2).map { try run.realization($0) }
        let typed = Set(DynamicsQuantity.allCases.map(\.rawValue))
        for record in records {
            XCTAssertEqual(Set(record.values.keys), Set(run.recordShape.lengths.keys))
            XCTAssertEqual(Set(record.values.keys), typed)
        }
        let result = DynamicsResult(run: run, records: records)
        for (i, c) in result.correlator.enumerated() {
            let mean = (records[0].values["czz"]![i] + records[1].values["czz"]![i]) / 2
            XCTAssertEqual(c, mean, accuracy: 1e-15)
        }
        XCTAssertEqual(result.spectralFunction.count, run.frequencies.count)
        XCTAssertTrue(result.resolution?.isFinite == true)
    }

    /// The probe-entanglement study (moved out of the audit) averages the job the audit built by
    /// hand, bit for bit, and its table carries (120) computed from the same [Czz].
    func testProbeEntanglementStudyMatchesTheHandBuiltJob() throws {
        var config = ProbeEntanglementComparison.Config()
        config.length = 4
        config.disorders = [2, 10]
        config.realizations = 3
        let points = try ProbeEntanglementComparison.run(config, sink: InMemorySink(workers: 1))
        for (point, w) in zip(points, config.disorders) {
            var problem = EDProblem(model: .heisenbergO3, length: 4, disorderStrength: w)
            problem.probe = problem.defaultProbe
            var settings = ExactObservableSettings()
            settings.correlatorTimes = [0]
            let direct = try ComparisonSampling.average(ExactRealization(problem: problem, observables: [.czz, .entanglement],
                                                                         settings: settings, seed: 2022), count: 3, workers: 1)
            XCTAssertEqual(point.memory.mean, direct.scalar(.czzInfiniteTime)?.mean)
            XCTAssertEqual(point.probeEntropy.mean, direct.scalar(.entropyProbe)?.mean)
            XCTAssertEqual(point.twoSiteEntropy.error, direct.scalar(.entropySmallSubsystem)?.error)
            XCTAssertEqual(point.predictedProbeEntropy, log(2) * (1 - point.memory.mean), accuracy: 1e-15)
        }
        let table = ProbeEntanglementComparison.table(points)
        XCTAssertEqual(table.values(named: "S_P_120"), points.map(\.predictedProbeEntropy))
    }
}
