import Foundation
import XCTest
@testable import Studies

final class DisorderAveragingTests: XCTestCase {
    /// A deterministic stand-in for a realization: values depend on k only.
    static func fake(_ k: Int) -> RealizationRecord {
        var state = UInt64(k) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Double {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
        }
        return RealizationRecord(realization: k, values: ["r": [next()], "hist": (0..<5).map { _ in next() }])
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("run-test-\(UUID())")
    }

    /// Mean and standard error against the textbook formulas.
    func testStatistics() {
        let records = [1.0, 2, 4].enumerated().map { RealizationRecord(realization: $0.offset, values: ["x": [$0.element, .nan]]) }
        let average = DisorderAverage(records: records)
        XCTAssertEqual(average["x"]!.mean[0], 7.0 / 3, accuracy: 1e-15)
        // s^2 = ((1-7/3)^2 + (2-7/3)^2 + (4-7/3)^2)/2 = 7/3; error = sqrt(7/9).
        XCTAssertEqual(average["x"]!.standardError[0], (7.0 / 9).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(average["x"]!.count, [3, 0])
        XCTAssertTrue(average["x"]!.mean[1].isNaN)
    }

    /// 1 and 2 workers, and a run interrupted (torn last line) then resumed, give bit-identical averages.
    func testWorkersAndResumeGiveIdenticalAverages() throws {
        let manifest: [(String, JSONValue)] = [("model", .string("fake")), ("seed", .integer(7))]
        var averages = [DisorderAverage]()
        for workers in [1, 2] {
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try RunStore(directory: directory, manifest: manifest)
            let records = try RealizationRunner(workers: workers).run(pending: Array(0..<40), into: store, progress: nil) { Self.fake($0) }
            XCTAssertEqual(records.count, 40)
            averages.append(DisorderAverage(records: records))
        }
        // Interrupted: 15 done, then a crash in the middle of writing the 16th.
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            // One writer at a time: this store (and its lock) is gone before the directory is reopened.
            let store = try RunStore(directory: directory, manifest: manifest)
            _ = try RealizationRunner(workers: 2).run(pending: Array(0..<15), into: store, progress: nil) { Self.fake($0) }
        }
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("realizations.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"realization\":15,\"values\":{\"r\":[0.1".utf8))
        try handle.close()
        let reopened = try RunStore(directory: directory, manifest: manifest)
        let done = Set(try reopened.finishedRecords().map(\.realization))
        XCTAssertEqual(done, Set(0..<15))
        let pending = (0..<40).filter { !done.contains($0) }
        let resumed = try RealizationRunner(workers: 2).run(pending: pending, into: reopened, progress: nil) { Self.fake($0) }
        averages.append(DisorderAverage(records: resumed))
        for average in averages.dropFirst() {
            XCTAssertEqual(average.realizations, averages[0].realizations)
            for (name, statistic) in averages[0].statistics {
                XCTAssertEqual(average[name]!.mean.map(\.bitPattern), statistic.mean.map(\.bitPattern), name)
                XCTAssertEqual(average[name]!.standardError.map(\.bitPattern), statistic.standardError.map(\.bitPattern), name)
            }
        }
    }

    /// Records round-trip through the file exactly.
    func testRecordsRoundTripExactly() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try RunStore(directory: directory, manifest: [("a", .integer(1))])
        let record = RealizationRecord(realization: 3, values: ["x": [1.0 / 3, 2.1902607619770925e-11, 1e-310, -0.0]])
        try store.append(record)
        XCTAssertEqual(try store.finishedRecords().first?.values["x"]?.map(\.bitPattern), record.values["x"]?.map(\.bitPattern))
    }

    /// A different run in the same directory is refused.
    func testManifestMismatchIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try RunStore(directory: directory, manifest: [("W", .number(1))])
        XCTAssertThrowsError(try RunStore(directory: directory, manifest: [("W", .number(2))]))
    }
}
