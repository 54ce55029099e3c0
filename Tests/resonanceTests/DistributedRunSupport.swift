import Foundation
import XCTest

/// Runs the built `resonance` (or another program) in a chosen folder and compares run
/// directories byte for byte.
struct RunDirectoryHarness {
    struct Run { var status: Int32; var output: String; var errors: String }

    let executable = ResonanceExecutable().executable
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("distributed-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path + " (run `swift build` first)"])
        }
    }

    func folder(_ name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The environment of a child that is not an MPI rank.
    static var plainEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in !(key.hasPrefix("OMPI_") || key.hasPrefix("PMIX_") || key.hasPrefix("PMI_")) }
    }

    func process(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = Self.plainEnvironment.merging(environment) { $1 }
        return process
    }

    @discardableResult
    func run(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = process(program, arguments, in: folder, environment: environment)
        // Standard error to a file, so that neither stream can block the other.
        let errorsFile = root.appendingPathComponent("stderr-\(UUID())")
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        let errorsHandle = try FileHandle(forWritingTo: errorsFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorsHandle
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorsHandle.close()
        let errors = try Data(contentsOf: errorsFile)
        try? FileManager.default.removeItem(at: errorsFile)
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    @discardableResult
    func resonance(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        try run(executable, arguments, in: folder, environment: environment)
    }

    /// A program on the PATH.
    static func program(_ name: String) throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) is not on the PATH (scripts/install-deps.sh installs it)"])
    }

    /// The names of a run directory's CSV files.
    static func csvNames(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
    }

    /// summary.json from its start up to the timings: parameters, realizations and results.
    static func summaryResults(_ directory: URL) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent("summary.json"), encoding: .utf8)
        let end = try XCTUnwrap(text.range(of: "\"timings\""))
        return String(text[..<end.lowerBound])
    }

    /// The recorded command line of summary.json.
    static func summaryCommandLine(_ directory: URL) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent("summary.json"), encoding: .utf8)
        return try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"command_line\"") }).trimmingCharacters(in: .whitespaces)
    }

    /// Asserts that two run directories hold byte-identical CSVs and summary.json results.
    static func assertSameResults(_ a: URL, _ b: URL, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try csvNames(a)
        XCTAssertFalse(names.isEmpty, "\(label): no CSV in \(a.path)", file: file, line: line)
        XCTAssertEqual(names, try csvNames(b), "\(label): different CSV files", file: file, line: line)
        for name in names {
            let left = try Data(contentsOf: a.appendingPathComponent(name))
            let right = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertEqual(left, right, "\(label): \(name) differs", file: file, line: line)
        }
        XCTAssertEqual(try summaryResults(a), try summaryResults(b), "\(label): summary.json results differ", file: file, line: line)
        XCTAssertEqual(try summaryCommandLine(a), try summaryCommandLine(b), "\(label): recorded command lines differ", file: file, line: line)
    }

    static func lineCount(_ file: URL) -> Int {
        ((try? Data(contentsOf: file)) ?? Data()).split(separator: UInt8(ascii: "\n")).count
    }
}
