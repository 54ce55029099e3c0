import Foundation
import SpinChains
import XCTest
@testable import Studies

/// The eigenvector window's solver in a run's manifest and records: stored runs from before the
/// field keep their directory names and resume, a run resumed with another solver is refused
/// naming the field, each record says which solver computed it, and stored records of the other
/// solver are warned about.
final class WindowSolverManifestTests: XCTestCase {
    func job(_ observables: [ExactObservable] = [.levelStatistics, .matrixElements, .criterion, .entanglement],
             solver: WindowSolver = .auto) -> ExactRealization {
        var problem = EDProblem(model: .xxz, length: 8, disorderStrength: 1)
        problem.magnetization = .sector(0)
        var job = ExactRealization(problem: problem, observables: observables, seed: 4)
        job.windowSolver = solver
        return job
    }

    func run(_ job: ExactRealization, in directory: URL) -> ExactNumericsRun {
        var run = ExactNumericsRun(realization: job, realizations: 2, directory: directory, commandLine: "test")
        run.quiet = true
        run.workers = 1
        run.blasThreads = 1
        return run
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("window-solver-manifest-\(UUID())")
    }

    func value(_ manifest: [(String, JSONValue)], _ key: String) -> JSONValue? { manifest.first { $0.0 == key }?.1 }

    func testManifestNamesTheSolverOnlyWithAnEigenvectorWindow() throws {
        let directory = temporaryDirectory()
        let window = try run(job(solver: .sparse), in: directory).manifest()
        XCTAssertEqual(value(window, "window_solver")?.serialized(indent: nil), "\"sparse\"")
        let full = try run(job([.levelStatistics, .spectral]), in: directory).manifest()
        XCTAssertNil(value(full, "window_solver"), "every eigenvector: no window, no solver")
        let valuesOnly = try run(job([.levelStatistics]), in: directory).manifest()
        XCTAssertNil(value(valuesOnly, "window_solver"))
    }

    /// A manifest with the default `auto` hashes as the same manifest without the field (the
    /// FNV-1a hash of the older JSON, computed here directly) and matches a directory stored
    /// without it; `dense` gets a name of its own and is refused there, naming the field.
    func testRunsStoredBeforeTheFieldKeepTheirNamesAndResume() throws {
        let current = try run(job(), in: temporaryDirectory()).manifest()
        XCTAssertEqual(value(current, "window_solver")?.serialized(indent: nil), "\"auto\"")
        let older = current.filter { $0.0 != "window_solver" }
        XCTAssertEqual(older.count, current.count - 1)
        let olderHash = FNV1a.hex(Data(JSONValue.object(older).serialized(indent: nil).utf8))
        XCTAssertEqual(RunCache.key(current), olderHash)
        let dense = try run(job(solver: .dense), in: temporaryDirectory()).manifest()
        XCTAssertNotEqual(RunCache.key(dense), olderHash)

        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try RunStore(directory: directory, manifest: older)
        XCTAssertNoThrow(try RunStore(directory: directory, manifest: current))
        XCTAssertThrowsError(try RunStore(directory: directory, manifest: dense)) { error in
            XCTAssertTrue("\(error)".contains("window_solver is absent there, \"dense\" now"), "\(error)")
        }
    }

    /// A run computed by `dense` keeps the solver in each record and in summary.json; asked again
    /// with `sparse`, it is refused before anything is computed.
    func testResumingWithAnotherSolverIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try run(job(solver: .dense), in: directory).execute()
        let records = try String(contentsOf: directory.appendingPathComponent("realizations.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(RealizationRecord.self, from: Data($0.utf8)) }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records.map(\.windowSolver), ["dense", "dense"])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json"))) as? [String: Any]
        let used = try XCTUnwrap(summary?["window_solver_used"] as? [String: Any])
        XCTAssertEqual(used["dense"] as? Int, 2)
        XCTAssertEqual(used["unrecorded"] as? Int, 0)
        XCTAssertThrowsError(try run(job(solver: .sparse), in: directory).execute()) { error in
            XCTAssertTrue("\(error)".contains("window_solver is \"dense\" there, \"sparse\" now"), "\(error)")
        }
        XCTAssertNoThrow(try run(job(solver: .dense), in: directory).execute(), "the same solver resumes")
    }

    /// Stored records of the other solver are warned about; the same solver, records that do not
    /// say, and runs without a window are not.
    func testWarningNamesStoredRecordsOfTheOtherSolver() throws {
        func records(_ solvers: [String?]) -> [RealizationRecord] {
            solvers.enumerated().map { RealizationRecord(realization: $0.offset, values: [:], windowSolver: $0.element) }
        }
        let dense = job(solver: .dense)
        let warning = try XCTUnwrap(try dense.windowSolverWarning(previous: records(["sparse", "dense", "sparse"]), label: "xxz L=8"))
        XCTAssertTrue(warning.contains("2 of the 3 stored realizations were computed by the sparse window solver"), warning)
        XCTAssertTrue(warning.contains("computes by dense"), warning)
        XCTAssertNil(try dense.windowSolverWarning(previous: records(["dense", "dense"]), label: "x"))
        XCTAssertNil(try dense.windowSolverWarning(previous: records([nil, nil]), label: "x"))
        XCTAssertNil(try job([.levelStatistics, .spectral]).windowSolverWarning(previous: records(["sparse"]), label: "x"))
    }
}
