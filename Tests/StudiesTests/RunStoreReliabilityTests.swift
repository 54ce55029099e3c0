import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The run store on resume: one writer per directory, damaged records refused with line numbers,
/// a torn last line repaired, manifests compared parameter by parameter.
final class RunStoreReliabilityTests: XCTestCase {
    let manifest: [(String, JSONValue)] = [("model", .string("fake")), ("disorder_strength", .number(2)), ("seed", .integer(7))]
    let shape = RecordShape(lengths: ["r": 1, "hist": 5])

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("run-store-\(UUID())")
    }

    /// A finished 20-realization run (records from `DisorderAveragingTests.fake`).
    func finishedRun() throws -> URL {
        let directory = temporaryDirectory()
        let store = try RunStore(directory: directory, manifest: manifest, shape: shape)
        for k in 0..<20 { try store.append(DisorderAveragingTests.fake(k)) }
        return directory
    }

    func recordsFile(_ directory: URL) -> URL { directory.appendingPathComponent("realizations.jsonl") }

    func appendLine(_ text: String, to directory: URL) throws {
        let handle = try FileHandle(forWritingTo: recordsFile(directory))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func lines(_ directory: URL) throws -> [String] {
        try String(contentsOf: recordsFile(directory), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Opening the store and reading its records must fail with a message containing `expected`.
    func assertRefused(_ directory: URL, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        do {
            let store = try RunStore(directory: directory, manifest: manifest, shape: shape)
            let records = try store.finishedRecords()
            XCTFail("accepted \(records.count) records", file: file, line: line)
        } catch {
            for text in expected {
                XCTAssertTrue("\(error)".contains(text), "\(error) lacks \(text)", file: file, line: line)
            }
        }
    }

    func testNegativeIndexIsRefusedWithItsLine() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        try appendLine("{\"realization\":-1,\"values\":{\"r\":[0.5],\"hist\":[1,2,3,4,5]},\"seconds\":0}\n", to: directory)
        assertRefused(directory, ["line 21", "realization -1 is negative"])
    }

    func testMissingKeyAndShortArrayAreRefused() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = try lines(directory)
        text[4] = "{\"realization\":4,\"values\":{\"hist\":[1,2,3,4,5]},\"seconds\":0}"
        text[7] = "{\"realization\":7,\"values\":{\"r\":[0.5],\"hist\":[1,2,3]},\"seconds\":0}"
        try (text.joined(separator: "\n") + "\n").write(to: recordsFile(directory), atomically: true, encoding: .utf8)
        assertRefused(directory, ["line 5: realization 4 lacks \"r\"", "line 8: realization 7: \"hist\" has 3 values, expected 5"])
    }

    func testConflictingDuplicateIsRefusedAndIdenticalOneNoted() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = try lines(directory)[3]
        try appendLine(copy + "\n", to: directory)
        do {
            let store = try RunStore(directory: directory, manifest: manifest, shape: shape)
            var notes: [String] = []
            let records = try store.finishedRecords { notes.append($0) }
            XCTAssertEqual(records.count, 20)
            XCTAssertEqual(notes.count, 1)
            XCTAssertTrue(notes.first?.contains("lines 4 and 21") ?? false, "\(notes)")
        }
        try appendLine("{\"realization\":3,\"values\":{\"r\":[0.25],\"hist\":[1,2,3,4,5]},\"seconds\":0}\n", to: directory)
        assertRefused(directory, ["lines 4 and 22 hold realization 3 with different values"])
    }

    func testUnreadableLineInsideIsRefusedTornLastLineRepaired() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        try appendLine("{\"realization\":20,\"values\":{\"r\":[0.1", to: directory)
        do {
            let store = try RunStore(directory: directory, manifest: manifest, shape: shape)
            var notes: [String] = []
            XCTAssertEqual(try store.finishedRecords { notes.append($0) }.count, 20)
            XCTAssertTrue(notes.first?.contains("line 21") ?? false, "\(notes)")
            XCTAssertEqual(try lines(directory).count, 20, "the torn line is cut off")
        }
        var text = try lines(directory)
        text.insert("garbage", at: 10)
        try (text.joined(separator: "\n") + "\n").write(to: recordsFile(directory), atomically: true, encoding: .utf8)
        assertRefused(directory, ["line 11: not a readable record"])
    }

    func testRecordsWithoutManifestAreRefused() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("manifest.json"))
        var other = manifest
        other[1] = ("disorder_strength", .number(9))
        XCTAssertThrowsError(try RunStore(directory: directory, manifest: other, shape: shape)) { error in
            XCTAssertTrue("\(error)".contains("no manifest.json"), "\(error)")
        }
    }

    func testManifestMismatchNamesParameterAndBothValues() throws {
        let directory = try finishedRun()
        defer { try? FileManager.default.removeItem(at: directory) }
        var other = manifest
        other[1] = ("disorder_strength", .number(9))
        other.append(("fields_hash", .string("fnv1a64:0123")))
        XCTAssertThrowsError(try RunStore(directory: directory, manifest: other, shape: shape)) { error in
            XCTAssertTrue("\(error)".contains("disorder_strength is 2 there, 9 now"), "\(error)")
            XCTAssertTrue("\(error)".contains("fields_hash is absent there, \"fnv1a64:0123\" now"), "\(error)")
        }
    }

    /// A second store on a locked directory is refused at once, naming the holder (this process).
    func testSecondWriterIsRefusedNamingTheHolder() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let first = try RunStore(directory: directory, manifest: manifest, shape: shape)
            XCTAssertThrowsError(try RunStore(directory: directory, manifest: manifest, shape: shape)) { error in
                XCTAssertTrue("\(error)".contains("process \(getpid())"), "\(error)")
            }
            withExtendedLifetime(first) {}
        }
        XCTAssertNoThrow(try RunStore(directory: directory, manifest: manifest, shape: shape), "released with the first store")
    }

    /// A store that fails before its first record removes the folders it created.
    func testEmptyNewDirectoryIsDiscarded() throws {
        let parent = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let store = try RunStore(directory: parent.appendingPathComponent("a/b"), manifest: manifest, shape: shape)
        store.discardIfEmpty()
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent.path))
    }

    /// The shape every record must have equals what `record(realization:)` produces, for every
    /// observable, with and without a probe.
    func testRecordShapeMatchesComputedRecords() throws {
        for probe in [false, true] {
            var problem = EDProblem(model: .xxz, length: 6, disorderStrength: 2)
            if probe {
                problem.probe = ProbeSpin(field: 2, couplingStrength: 1, coupling: .z)
            }
            let job = ExactRealization(problem: problem, observables: ExactObservable.allCases, seed: 3)
            let record = try job.record(realization: 0)
            XCTAssertEqual(record.values.mapValues(\.count), job.recordShape().lengths, "probe \(probe)")
            let rOnly = ExactRealization(problem: problem, observables: [.levelStatistics], seed: 3)
            XCTAssertEqual(try rOnly.record(realization: 0).values.mapValues(\.count), rOnly.recordShape().lengths)
        }
    }
}
