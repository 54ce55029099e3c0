import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The report's run store: runs found again by their manifest, extended, or kept apart.
final class RunCacheTests: XCTestCase {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var computed: [Int] = []
        func add(_ k: Int) { lock.lock(); computed.append(k); lock.unlock() }
        var values: [Int] { lock.lock(); defer { lock.unlock() }; return computed.sorted() }
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("run-cache-test-\(UUID())")
    }

    /// Asked again with the same manifest, a run computes nothing and gives the same average, bit
    /// for bit, as the in-memory path; more realizations compute only the new ones, fewer read the
    /// first ones; a manifest that differs in one parameter gets a directory of its own.
    func testRunsAreReusedExtendedAndKeptApart() throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = RunCache(root: root)
        let manifest: [(String, JSONValue)] = [("model", .string("fake")), ("seed", .integer(7))]
        let counter = Counter()
        let key = ComparisonSampling.RunKey(label: "fake L=8", manifest: manifest)
        func average(_ count: Int, key: ComparisonSampling.RunKey) throws -> DisorderAverage {
            try RunCache.$current.withValue(cache) {
                try ComparisonSampling.average(count: count, workers: 2, key: key) { k in
                    counter.add(k)
                    return DisorderAveragingTests.fake(k)
                }
            }
        }
        let inMemory = try ComparisonSampling.average(count: 12, workers: 2) { DisorderAveragingTests.fake($0) }
        let first = try average(12, key: key)
        XCTAssertEqual(counter.values, Array(0..<12))
        XCTAssertEqual(first, inMemory)
        let again = try average(12, key: key)
        XCTAssertEqual(again, first)
        XCTAssertEqual(counter.values.count, 12, "nothing recomputed")
        _ = try average(16, key: key)
        XCTAssertEqual(counter.values, Array(0..<12) + Array(12..<16), "only the four new realizations")
        let fewer = try average(5, key: key)
        XCTAssertEqual(fewer.realizations, Array(0..<5))
        XCTAssertEqual(fewer, try ComparisonSampling.average(count: 5, workers: 1) { DisorderAveragingTests.fake($0) })
        let changed = ComparisonSampling.RunKey(label: "fake L=8", manifest: [("model", .string("fake")), ("seed", .integer(8))])
        _ = try average(3, key: changed)
        XCTAssertEqual(counter.values.count, 19, "a changed parameter is a new run")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(folders, [RunCache.folderName(label: "fake L=8", manifest: manifest),
                                 RunCache.folderName(label: "fake L=8", manifest: changed.manifest)].sorted())
        XCTAssertTrue(folders.allSatisfy { $0.hasPrefix("fake_L_8-") })
        XCTAssertEqual(cache.uses.map(\.computed), [12, 0, 4, 0, 3])
        XCTAssertEqual(cache.uses.map(\.reused), [0, 12, 12, 5, 0])
    }

    /// An exact-numerics job is keyed by the manifest `resonance ed run` writes for it: the same
    /// job finds its directory again, a different disorder does not; its average matches the
    /// in-memory computation.
    /// A value kept in the store is computed once and read back bit for bit (NaN and infinities
    /// included), noted as computed then reused; another manifest computes again; a damaged file
    /// is computed again and replaced; without a cache nothing is written. The loss-diffusion
    /// solutions the report keeps this way decode to the same numbers.
    func testValuesAreComputedOnceAndReadBackBitForBit() throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = RunCache(root: root)
        var computations = 0
        let values = [0.1, -1e-300, .pi, .nan, .infinity, -.infinity, 1 / 3.0]
        func ask(_ manifest: [(String, JSONValue)], in cache: RunCache? = nil) throws -> [Double] {
            try RunCache.value(in: cache, label: "value test", manifest: manifest) {
                computations += 1
                return values
            }
        }
        let manifest: [(String, JSONValue)] = [("a", .number(1))]
        for _ in 0..<3 {
            let read = try ask(manifest, in: cache)
            XCTAssertEqual(read.map(\.bitPattern).count, values.count)
            for (x, y) in zip(read, values) { XCTAssertTrue(x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)) }
        }
        XCTAssertEqual(computations, 1)
        XCTAssertEqual(cache.uses.map(\.computed), [1, 0, 0])
        XCTAssertEqual(cache.uses.map(\.reused), [0, 1, 1])
        _ = try ask([("a", .number(2))], in: cache)
        XCTAssertEqual(computations, 2)
        let file = cache.directory(label: "value test", manifest: manifest).appendingPathComponent("value.json")
        try Data("[0.1, ".utf8).write(to: file)
        _ = try ask(manifest, in: cache)
        XCTAssertEqual(computations, 3)
        _ = try ask(manifest, in: cache)
        XCTAssertEqual(computations, 3, "the damaged file was replaced")
        _ = try ask(manifest)
        XCTAssertEqual(computations, 4)

        var config = LossDiffusionStudy.Config()
        config.resonanceLengths = [10]
        config.maxRatio = 10
        config.parts = [.criticalDecay]
        let fresh = try LossDiffusionStudy.run(config).criticalDecays[0].solution
        let stored = try RunCache.$current.withValue(cache) { try LossDiffusionStudy.run(config) }.criticalDecays[0].solution
        let reread = try RunCache.$current.withValue(cache) { try LossDiffusionStudy.run(config) }.criticalDecays[0].solution
        XCTAssertEqual(cache.uses.last?.reused, 1)
        for solution in [stored, reread] {
            XCTAssertEqual(solution.ranges, fresh.ranges)
            XCTAssertEqual(solution.unresonatedFraction, fresh.unresonatedFraction)
            XCTAssertEqual(solution.strongestResonanceDensity, fresh.strongestResonanceDensity)
            XCTAssertEqual(solution.strongestResonanceDensityError, fresh.strongestResonanceDensityError)
            XCTAssertEqual(solution.steps, fresh.steps)
        }
    }

    /// A seed folder fills the cache: a run the cache lacks and the seed holds is copied in (its
    /// files only, the seed untouched); a run the cache has is left alone; without a seed, or
    /// without the run in it, nothing is copied.
    func testSeedCopiesMissingRunsOnly() throws {
        let root = temporaryDirectory(), seed = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: seed) }
        let manifest: [(String, JSONValue)] = [("model", .string("fake")), ("L", .integer(14))]
        let name = RunCache.folderName(label: "fake L=14", manifest: manifest)
        let stored = seed.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: stored, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: stored.appendingPathComponent("manifest.json"))
        try Data("seeded\n".utf8).write(to: stored.appendingPathComponent("realizations.jsonl"))

        let plain = RunCache(root: root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: plain.directory(label: "fake L=14", manifest: manifest).path))
        let cache = RunCache(root: root, seed: seed)
        let other = cache.directory(label: "fake L=12", manifest: [("model", .string("fake")), ("L", .integer(12))])
        XCTAssertFalse(FileManager.default.fileExists(atPath: other.path))
        let directory = cache.directory(label: "fake L=14", manifest: manifest)
        XCTAssertEqual(directory.lastPathComponent, name)
        let copied = directory.appendingPathComponent("realizations.jsonl")
        XCTAssertEqual(try String(contentsOf: copied, encoding: .utf8), "seeded\n")
        try Data("extended\n".utf8).write(to: copied)
        _ = cache.directory(label: "fake L=14", manifest: manifest)
        XCTAssertEqual(try String(contentsOf: copied, encoding: .utf8), "extended\n", "a run the cache has is not copied over")
        XCTAssertEqual(try String(contentsOf: stored.appendingPathComponent("realizations.jsonl"), encoding: .utf8), "seeded\n")
    }

    func testExactJobKey() throws {
        var problem = EDProblem(model: .xxz, length: 6, disorderStrength: 2)
        problem.magnetization = .sector(0)
        let job = ExactRealization(problem: problem, observables: [.levelStatistics], seed: 3)
        let key = try ComparisonSampling.key(job)
        XCTAssertEqual(RunCache.key(key.manifest), RunCache.key(try ComparisonSampling.key(job).manifest))
        var other = job
        other.problem.disorderStrength = 2.5
        XCTAssertNotEqual(RunCache.key(key.manifest), RunCache.key(try ComparisonSampling.key(other).manifest))
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = RunCache(root: root)
        let stored = try RunCache.$current.withValue(cache) { try ComparisonSampling.average(job, count: 6) }
        let reread = try RunCache.$current.withValue(cache) { try ComparisonSampling.average(job, count: 6) }
        let inMemory = try ComparisonSampling.average(job, count: 6)
        XCTAssertEqual(stored.average, inMemory.average)
        XCTAssertEqual(reread.average, inMemory.average)
        XCTAssertEqual(cache.uses.map(\.isReused), [false, true])
        let manifest = try String(contentsOf: cache.directory(label: key.label, manifest: key.manifest).appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"disorder_strength\""))
    }

    /// The ETA of a section: the built-in estimate at first, the cold time while its runs are
    /// missing, the warm time (or at most a few seconds) once they are stored.
    func testSectionTimes() throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var times = ReportSectionTimes(file: root.appendingPathComponent("section-times.json"))
        XCTAssertEqual(times.eta(section: "s", scope: .standard, estimate: 30, root: root), 30)
        let use = RunCache.Use(label: "a", directory: "a-1", reused: 0, computed: 4, seconds: 40)
        times.record(section: "s", scope: .standard, seconds: 42, uses: [use])
        times.save()
        let reread = ReportSectionTimes(file: root.appendingPathComponent("section-times.json"))
        XCTAssertEqual(reread.eta(section: "s", scope: .standard, estimate: 30, root: root), 42, "runs missing: cold")
        XCTAssertEqual(reread.eta(section: "s", scope: .full, estimate: 300, root: root), 300)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a-1"), withIntermediateDirectories: true)
        XCTAssertEqual(reread.eta(section: "s", scope: .standard, estimate: 30, root: root), 5, "stored: at most a few seconds")
        times.record(section: "s", scope: .standard, seconds: 1.5, uses: [RunCache.Use(label: "a", directory: "a-1", reused: 4, computed: 0, seconds: 0.1)])
        XCTAssertEqual(times.eta(section: "s", scope: .standard, estimate: 30, root: root), 1.5)
    }
}
