import Foundation
import XCTest

/// Input errors end the command with one line naming the option, before any work, and never with
/// a crash; file errors name the option and the path.
final class ErrorKindsTests: XCTestCase {
    let cli = ResonanceExecutable()

    func assertRefused(_ arguments: [String], naming expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try cli.run(arguments)
        XCTAssertNotEqual(result.status, 0, "\(arguments): accepted", file: file, line: line)
        // 128 + signal (or a negative status) is a crash, e.g. 132 for SIGILL from a failed precondition.
        XCTAssertLessThan(result.status, 128, "\(arguments): crashed: \(result.errors)", file: file, line: line)
        XCTAssertEqual(result.output, "", "\(arguments): printed a result", file: file, line: line)
        let lines = result.errors.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "\(arguments): \(result.errors)", file: file, line: line)
        for text in expected {
            XCTAssertTrue(result.errors.hasPrefix("Error: ") && result.errors.contains(text), "\(arguments): \(result.errors) lacks \(text)",
                          file: file, line: line)
        }
    }

    /// `rm fidelity` with 1/xi outside (-2 ln 2, ...) in any spelling, and `rm thouless --summary` at
    /// lengths with no thermal window (L <= 2, which used to stop on a range precondition).
    func testOutOfDomainInputIsRefusedWithoutACrash() throws {
        try assertRefused(["rm", "fidelity", "--inv-xi=-3"], naming: ["--inv-xi", "-3"])
        try assertRefused(["rm", "fidelity", "--inv-xi", "-3"], naming: ["--inv-xi"])
        try assertRefused(["rm", "fidelity", "--inv-xi=0,-3", "--summary"], naming: ["--inv-xi"])
        try assertRefused(["rm", "thouless", "--lengths", "1.5", "--summary"], naming: ["--lengths", "L > 2"])
        try assertRefused(["rm", "thouless", "--lengths", "10,2", "--summary"], naming: ["--lengths", "2"])
    }

    /// A file that is not what its option needs is reported with the option and the path.
    func testFileErrorsNameOptionAndPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("error-kinds-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let varrho = folder.appendingPathComponent("varrho.csv"), cache = folder.appendingPathComponent("cache.csv")
        try "a,b\n1,2\n".write(to: varrho, atomically: true, encoding: .utf8)
        try "L,zeta,Omega,realizations,seed,quantity,index,mean,err\n8,1,6.28,4,-1,0,0,0.5,0.1\n".write(to: cache, atomically: true, encoding: .utf8)
        try assertRefused(["rm", "generalized", "--varrho", varrho.path], naming: ["--varrho", varrho.path, "v and varrho"])
        try assertRefused(["compare", "lbit", "--exact-from", cache.path], naming: ["--exact-from", cache.path, "whole numbers"])
    }
}
