import Foundation
import XCTest
@testable import Studies

/// Where the stored runs are found: the environment, the working directory, the executable's
/// repository, in that order.
final class StoredDataTests: XCTestCase {
    private func scratch() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stored-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testFoundBesideTheExecutablesRepositoryFromAnyWorkingDirectory() throws {
        let root = try scratch()
        let repository = root.appendingPathComponent("repo"), elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("data/drift_typicality"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let executable = repository.appendingPathComponent(".build/release/resonance")
        let found = StoredData.resolve(environment: [:], executable: executable, workingDirectory: elsewhere.path)
        XCTAssertEqual(found.standardizedFileURL.path, repository.appendingPathComponent("data").standardizedFileURL.path)
        XCTAssertTrue(found.path.hasPrefix("/"), "found beside the executable: an absolute path")
    }

    func testWorkingDirectoryFirstAndRelative() throws {
        let root = try scratch()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data/drift_typicality"), withIntermediateDirectories: true)
        let other = try scratch()
        try FileManager.default.createDirectory(at: other.appendingPathComponent("data/drift_typicality"), withIntermediateDirectories: true)
        let found = StoredData.resolve(environment: [:], executable: other.appendingPathComponent("bin/tool"), workingDirectory: root.path)
        XCTAssertEqual(found.relativePath, "data", "the working directory's data/ wins and stays relative")
    }

    func testEnvironmentWinsAndNothingFoundFallsBackToWorkingDirectory() throws {
        let root = try scratch()
        let given = StoredData.resolve(environment: ["RESONANCE_DATA_DIR": "/some/where"], executable: nil, workingDirectory: root.path)
        XCTAssertEqual(given.path, "/some/where")
        let none = StoredData.resolve(environment: [:], executable: root.appendingPathComponent("a/b/tool"), workingDirectory: root.path)
        XCTAssertEqual(none.relativePath, "data")
    }
}
