import Foundation
import XCTest
@testable import Studies

/// Shards partition the realizations; merges account for every index; spectra survive their
/// part files and HDF5 unchanged.
final class ShardAndMergeTests: XCTestCase {
    func testShardsPartitionTheRealizations() throws {
        for count in [1, 2, 3, 7] {
            for total in [0, 1, 5, 20] {
                let shards = try (0..<count).map { try RealizationShard(index: $0, count: count) }
                let all = shards.flatMap { $0.realizations(below: total) }
                XCTAssertEqual(all.sorted(), Array(0..<total), "n = \(count), N = \(total)")
                XCTAssertEqual(Set(all).count, all.count, "shards overlap")
                for shard in shards { XCTAssertTrue(shard.realizations(below: total).allSatisfy(shard.contains)) }
            }
        }
        XCTAssertEqual(try RealizationShard(parsing: "2/5"), try RealizationShard(index: 2, count: 5))
        for bad in ["5/5", "-1/2", "1", "1/0", "x/2", "1/2/3", ""] {
            XCTAssertThrowsError(try RealizationShard(parsing: bad), bad)
        }
    }

    func record(_ k: Int, _ value: Double) -> RealizationRecord { RealizationRecord(realization: k, values: ["x": [value]]) }

    func testMergeReportsMissingDuplicatedAndConflictingIndices() {
        let merge = RealizationMerge(sources: [
            .init(name: "a", records: [record(0, 1), record(2, 3), record(4, 5)]),
            .init(name: "b", records: [record(2, 3), record(3, 4), record(4, 6), record(9, 0)]),
        ], expected: 6)
        XCTAssertEqual(merge.records.map(\.realization), [0, 2, 3, 4])
        XCTAssertEqual(merge.missing, [1, 5])
        XCTAssertEqual(merge.duplicated, [2])
        XCTAssertEqual(merge.conflicting, [4])
        XCTAssertFalse(merge.isComplete)
        XCTAssertEqual(RealizationMerge.ranges([7, 1, 2, 3, 5, 9, 10]), "1-3, 5, 7, 9-10")
        // The average of a merge is the average of the records in one run, whatever the split.
        let records = (0..<9).map { record($0, Double($0 * $0) / 7) }
        let split = RealizationMerge(sources: [.init(name: "odd", records: records.filter { $0.realization % 2 == 1 }),
                                               .init(name: "even", records: records.filter { $0.realization % 2 == 0 }.reversed())],
                                     expected: 9)
        XCTAssertEqual(DisorderAverage(records: split.records), DisorderAverage(records: records))
    }

    func testSpectrumSurvivesPartFileAndHDF5() throws {
        let spectrum = RealizationSpectrum(realization: 12, blocks: [[-1.5, 0.1, .pi], [], [2e-300]],
                                           perState: [("entropy_probe", [0.5, .nan, 0.25, 1, 0.0])],
                                           windowEigenvalues: [0.1], windowPerState: [("entropy_half_chain", [0.7])])
        XCTAssertEqual(try RealizationSpectrum(decoding: spectrum.encoded()), spectrum)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try SpectrumArchive(directory: folder)
        try archive.keep(spectrum)
        try archive.assemble(attributes: [("length", .integer(4))], seed: 3, commandLine: "resonance test", shard: nil)
        var second = spectrum
        second.realization = 2
        try archive.keep(second)
        try archive.assemble(attributes: [("length", .integer(4))], seed: 3, commandLine: "resonance test", shard: nil)
        let file = try HDF5File(reading: archive.fileURL)
        XCTAssertEqual(try file.members(of: "/realizations"), ["00000002", "00000012"])
        var back = try SpectrumArchive.read(group: "/realizations/00000012", from: file)
        XCTAssertEqual(back.blocks, spectrum.blocks)
        XCTAssertEqual(back.windowEigenvalues, spectrum.windowEigenvalues)
        XCTAssertEqual(back.perState[0].values.map(\.bitPattern), spectrum.perState[0].values.map(\.bitPattern))
        back = try SpectrumArchive.read(group: "/realizations/00000002", from: file)
        XCTAssertEqual(back.realization, 2)
        XCTAssertThrowsError(try file.readDoubles("/realizations/missing")) { error in
            XCTAssertTrue("\(error)".contains("missing"), "\(error)")
        }
    }
}
