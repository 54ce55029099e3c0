import Foundation
import XCTest

/// End-to-end reliability of the executable: what `--output` does to what is at the path, bad
/// input refused with one line before anything is written, negative values without '=', run
/// directories with one writer and checked records, and the report's up-front checks.
final class ReliabilityTests: XCTestCase {
    let cli = ResonanceExecutable()
    let scales = ["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--Lambda", "10"]

    struct Run { var status: Int32; var output: String; var errors: String; var signaled: Bool }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs in `directory` (standard output to `standardOutput` if given).
    func run(_ arguments: [String], in directory: URL, standardOutput: FileHandle? = nil) throws -> Run {
        let process = Process()
        process.executableURL = cli.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = directory.path
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        let output = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }

    func contents(_ directory: URL) -> [String] {
        (FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []).sorted()
    }

    // MARK: --output

    func testOutputFollowsLinksKeepsModeAndWritesPipesAndDevices() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        // A symbolic link: the target is replaced, the link stays a link.
        try "old\n".write(to: directory.appendingPathComponent("target.txt"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("link.txt").path, withDestinationPath: "target.txt")
        var result = try run(scales + ["--output", "link.txt"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try manager.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("link.txt").path), "target.txt")
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("target.txt"), encoding: .utf8).contains("floquet"))
        // A 0600 file keeps its mode.
        let secret = directory.appendingPathComponent("secret.txt")
        try "x\n".write(to: secret, atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret.path)
        result = try run(scales + ["--output", "secret.txt"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual((try manager.attributesOfItem(atPath: secret.path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(try String(contentsOf: secret, encoding: .utf8).contains("floquet"))
        // A named pipe receives the text and stays a pipe.
        let fifo = directory.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo.path]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        result = try run(scales + ["--output", "pipe"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        let piped = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        XCTAssertTrue(piped.contains("floquet"), piped)
        var info = stat()
        XCTAssertEqual(stat(fifo.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a pipe")
        // '-' and /dev/stdout write to standard output; /dev/null stays a device.
        for path in ["-", "/dev/stdout"] {
            result = try run(scales + ["--output", path], in: directory)
            XCTAssertEqual(result.status, 0, result.errors)
            XCTAssertTrue(result.output.contains("floquet"), path)
        }
        result = try run(scales + ["--output", "/dev/null"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        // A full device: one line, non-zero, no crash; also for standard output.
        result = try run(scales + ["--output", "/dev/full"], in: directory)
        XCTAssertFalse(result.signaled)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.errors.split(separator: "\n").count, 1, result.errors)
        XCTAssertTrue(result.errors.contains("No space left on device"), result.errors)
        result = try run(scales, in: directory, standardOutput: FileHandle(forWritingAtPath: "/dev/full"))
        XCTAssertFalse(result.signaled, result.errors)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.hasPrefix("Error: cannot write standard output"), result.errors)
        XCTAssertEqual(contents(directory).filter { $0.hasPrefix(".") }, [], "no temporary files left")
    }

    // MARK: bad input

    /// Each invocation that crashed, hung, or was accepted with wrong results now ends with one
    /// line naming the option, a non-zero status, and no file written.
    /// One-character names are ordinary names (Foundation's path splitting traps on them on Linux).
    func testOneCharacterOutputAndRunDirectoryNames() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        var result = try run(scales + ["--output", "o"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertFalse(result.signaled)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("o"), encoding: .utf8).contains("floquet"))
        result = try run(["ed", "run", "--model", "xxz", "--L", "6", "--W", "2", "--realizations", "2", "--seed", "1",
                          "--quiet", "--out", "r"], in: directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("r/summary.json").path))
    }

    func testBadInputIsRefusedInOneLineLeavingNothing() throws {
        let cases: [([String], String)] = [
            (["ed", "scan", "--model", "xxz", "--L", "nan", "--W", "1", "--realizations", "2", "--seed", "1", "--out", "runs/s"], "--L"),
            (["ed", "scan", "--model", "xxz", "--L", "inf", "--W", "1", "--realizations", "2", "--seed", "1", "--out", "runs/s"], "--L"),
            (["ed", "scan", "--model", "xxz", "--L", "1e30", "--W", "1", "--realizations", "2", "--seed", "1", "--out", "runs/s"], "--L"),
            (["ed", "scan", "--model", "xxz", "--L", "8.5", "--W", "1", "--realizations", "2", "--seed", "1", "--out", "runs/s"], "--L"),
            (["ed", "study", "luitz", "--L", "nan"], "--L"),
            (["ed", "study", "luitz", "--realizations", "nan"], "--realizations"),
            (["ed", "study", "luitz", "--L", "8", "--W", "1", "--realizations=-3", "--out", "runs/st"], "--realizations"),
            (["ed", "study", "luitz", "--L", "8", "--W", "1", "--realizations", "0", "--out", "runs/st"], "--realizations"),
            (["ed", "study", "luitz", "--W=-1", "--L", "8", "--out", "runs/st"], "--W"),
            (["ed", "study", "luitz", "--L", "40", "--estimate"], "--L"),
            (["compare", "drift", "--lengths", "1e30"], "--lengths"),
            (["compare", "drift", "--lengths", "0.5"], "--lengths"),
            (["compare", "drift", "--lengths", "40", "--disorders", "2,3", "--realizations", "40:1"], "--lengths"),
            (["compare", "generalized", "--length", "40"], "--length"),
            (["compare", "criterion", "--lengths", "6", "--realizations", "6:1", "--thermal-w", "nan"], "--thermal-w"),
            (["rm", "fidelity", "--inv-xi=-3"], "--inv-xi"),
            (["rm", "drift", "--to", "1000000000000"], "--to"),
            (["rm", "regimes", "--points", "100000000000"], "--points"),
            (["rm", "regimes", "--overlap", "--sites", "1000000000000000"], "--sites"),
            (["rm", "regimes", "--lines", "--overlap"], "--lines"),
            (["rm", "diffusion", "--case", "blind", "--method", "stochastic", "--trajectories", "1000000000000"], "--trajectories"),
            (["rm", "thouless", "--W-to", "20"], "--W-to"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "1e308", "--seed", "1"], "--W"),
            (["ed", "spectrum", "--model", "heisenberg-o3", "--L", "8", "--W", "1e308", "--seed", "1"], "--W"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--out", "runs/x", "--realizations", "9223372036854775807"], "--realizations"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--out", "runs/x", "--realizations", "0"], "--realizations"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--window-fraction", "1e-300"], "--window-fraction"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--perturbation-strength", "nan"], "--perturbation-strength"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--fields", "short.json"], "--fields short.json: the fields have 2 sites"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--operator", "zP", "--observables", "czz"], "probe"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--matrix-element-windows", "0.45,abc,0.55,0.05"], "'abc'"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--observables", "r,,czz"], "observable"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "a-file"], "--out a-file: exists and is not a directory"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", ""], "--out must name a directory"),
            (["ed", "run", "--model", "xxz", "--L", "8", "--W", "3", "--realizations", "3", "--seed", "1", "--out", "runs/x", "--fields", "missing.json"], "--fields missing.json: No such file"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "3", "--seed", "1", "--write-fields", "/dev/null/x"], "--write-fields"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "3", "--fields", "huge.json"], "not valid JSON"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "3", "--fields", "bool.json"], "key \"h\": element [0] is not a number (found bool)"),
            (["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "3", "--fields", "array.json"], "the top level must be a JSON object"),
            (["audit", "--claim", ""], "--claim"),
            (["audit", "--claim", "a,,b"], "--claim"),
            (["report", "--output", "a-file"], "--output a-file: exists and is not a directory"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--Lambda", "10", "--output", ""], "--output"),
            (["rm", "scales", "--model", "floquet", "--inv-xi", "0", "--Lambda", "10", "--output", "."], "is a directory"),
        ]
        let fixtures = ["a-file": "", "short.json": "{\"h\": [1, 2]}", "huge.json": "{\"h\": [1e400, 1, 1, 1, 1, 1, 1, 1]}",
                        "bool.json": "{\"h\": [true, 1, 1, 1, 1, 1, 1, 1]}", "array.json": "[1]"]
        for (arguments, expected) in cases {
            let directory = try folder()
            defer { try? FileManager.default.removeItem(at: directory) }
            for (name, text) in fixtures { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let start = Date()
            let result = try run(arguments, in: directory)
            XCTAssertFalse(result.signaled, "\(arguments): crashed")
            XCTAssertNotEqual(result.status, 0, "\(arguments): accepted")
            XCTAssertLessThan(Date().timeIntervalSince(start), 20, "\(arguments): not refused up front")
            let lines = result.errors.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(arguments): \(result.errors)")
            XCTAssertTrue(result.errors.hasPrefix("Error: ") && result.errors.contains(expected), "\(arguments): \(result.errors) lacks \(expected)")
            XCTAssertEqual(contents(directory), fixtures.keys.sorted(), "\(arguments): files left behind")
        }
    }

    /// A negative value needs no '=': `--Delta -0.5` is `--Delta=-0.5`, `--sector -1` is `--sector=-1`.
    func testNegativeValuesWithoutEquals() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = ["ed", "spectrum", "--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--format", "csv"]
        for (spaced, joined) in [(["--Delta", "-0.5"], ["--Delta=-0.5"]), (["--sector", "-1"], ["--sector=-1"]), (["--J", "-1e-1"], ["--J=-0.1"])] {
            let a = try run(base + spaced, in: directory), b = try run(base + joined, in: directory)
            XCTAssertEqual(a.status, 0, a.errors)
            XCTAssertEqual(b.status, 0, b.errors)
            let numbers = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") } }
            XCTAssertEqual(numbers(a.output), numbers(b.output), "\(spaced)")
            XCTAssertGreaterThan(numbers(a.output).count, 10)
        }
        // -1 with --sector selects S^z = -1: C(8, 5) = 56 levels, not the S^z = 0 sector's 70.
        let sector = try run(base + ["--sector", "-1"], in: directory)
        XCTAssertEqual(sector.output.split(separator: "\n").filter { !$0.hasPrefix("#") }.count, 56 + 1)
    }
}
