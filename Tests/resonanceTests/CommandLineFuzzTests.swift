import Foundation
import XCTest

/// Fuzzes the built executable with invalid argument vectors for every subcommand (see
/// `CommandLineFuzz`), each in a fresh folder with a memory limit (RLIMIT_AS) and a time limit.
/// Every vector must end without a crash signal and in time, with a non-zero status, one line
/// on standard error that starts with "Error: ", nothing on standard output, and no file left
/// behind. `RESONANCE_FUZZ_VECTORS` sets the count (default 2000; a nightly run may use more),
/// `RESONANCE_FUZZ_SEED` the seed.
final class CommandLineFuzzTests: XCTestCase {
    struct Outcome: Sendable {
        var category: String
        var defect: String?
    }

    let memoryLimitBytes = 4 << 30
    let secondsPerVector = 20.0

    func testInvalidArgumentVectorsFailCleanly() throws {
        let environment = ProcessInfo.processInfo.environment
        // The release executable when `make test` has built it (about 10 ms a vector), else the debug one
        // (about 100 ms: argument parsing is slow unoptimised), with fewer vectors by default.
        let (executable, optimized) = Self.fastestExecutable()
        let count = environment["RESONANCE_FUZZ_VECTORS"].flatMap(Int.init) ?? (optimized ? 2000 : 600)
        let seed = environment["RESONANCE_FUZZ_SEED"].flatMap(UInt64.init) ?? 12
        let help = try ResonanceExecutable(executableOverride: executable).run(["--experimental-dump-help"])
        XCTAssertEqual(help.status, 0, help.errors)
        let fuzz = try CommandLineFuzz(dumpHelp: Data(help.output.utf8))
        XCTAssertGreaterThanOrEqual(fuzz.commands.count, 20, "subcommands found: \(fuzz.commands.map { $0.path.joined(separator: " ") })")

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // The memory limit: RLIMIT_AS, inherited by every child (lowered for the fuzz only).
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_AS.rawValue), &saved)
        var limited = saved
        limited.rlim_cur = rlim_t(max(memoryLimitBytes, Self.ownAddressSpace() + (2 << 30)))
        limited.rlim_cur = min(limited.rlim_cur, saved.rlim_max)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limited)
        defer { setrlimit(Int32(RLIMIT_AS.rawValue), &saved) }
        var before = rusage(), selfBefore = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &before)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &selfBefore)
        let start = Date()
        let outcomes = Outcomes(count: count)
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        let limit = secondsPerVector
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                let vector = fuzz.vector(index, seed: seed)
                outcomes.set(index, Self.check(vector, executable: executable, folder: root.appendingPathComponent("v\(index)"), seconds: limit))
            }
        }
        let seconds = Date().timeIntervalSince(start)
        var after = rusage(), selfAfter = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &after)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &selfAfter)
        func cpu(_ r: rusage) -> Double {
            Double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) + Double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6
        }
        let childSeconds = cpu(after) - cpu(before), ownSeconds = cpu(selfAfter) - cpu(selfBefore)
        let all = outcomes.all
        var table = "fuzz: \(all.count) vectors, seed \(seed), \(String(format: "%.1f s wall, %.1f s CPU of the runs, %.1f s CPU of the test", seconds, childSeconds, ownSeconds)), "
            + "memory limit \(limited.rlim_cur >> 20) MiB, \(executable.path)\n"
        table += "category".padding(toLength: 34, withPad: " ", startingAt: 0) + "tried  clean  defects\n"
        for category in Set(all.map(\.category)).sorted() {
            let group = all.filter { $0.category == category }
            let defects = group.filter { $0.defect != nil }.count
            table += category.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(group.count).padding(toLength: 7, withPad: " ", startingAt: 0)
                + String(group.count - defects).padding(toLength: 7, withPad: " ", startingAt: 0) + "\(defects)\n"
        }
        print(table)
        XCTAssertEqual(all.count, count)
        let defects = all.compactMap(\.defect)
        XCTAssertTrue(defects.isEmpty, "\(defects.count) defects, e.g.:\n" + defects.prefix(15).joined(separator: "\n"))
    }

    /// This process's address space (VmSize), in bytes.
    static func ownAddressSpace() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmSize:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// `.build/<triple>/release/resonance` if it is newer than every source file, else the debug executable.
    static func fastestExecutable() -> (URL, optimized: Bool) {
        let debug = ResonanceExecutable().executable
        let release = URL(fileURLWithPath: debug.path.replacingOccurrences(of: "/debug/", with: "/release/"))
        func modified(_ path: String) -> Date? { try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        let newest = files.compactMap { modified(sources.appendingPathComponent($0).path) }.max() ?? .distantFuture
        if release != debug, let built = modified(release.path), built >= newest { return (release, true) }
        return (debug, false)
    }

    /// Runs one vector in `folder` (made with the fixtures) and returns its outcome.
    static func check(_ vector: CommandLineFuzz.Vector, executable: URL, folder: URL, seconds secondsPerVector: Double) -> Outcome {
        let shown = vector.arguments.map { $0.isEmpty || $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        func defect(_ what: String) -> Outcome { Outcome(category: vector.category, defect: "\(what): resonance \(shown)") }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in CommandLineFuzz.fixtures { try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8) }
            let process = Process()
            process.executableURL = executable
            process.arguments = vector.arguments
            process.currentDirectoryURL = folder
            process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": folder.path, "HOME": folder.path,
                                   "OPENBLAS_NUM_THREADS": "1", "RESONANCE_KEEP_OPENBLAS_KERNEL": "1"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let fired = Flag()
            let timer = DispatchWorkItem { if process.isRunning { fired.set(); kill(process.processIdentifier, SIGKILL) } }
            DispatchQueue.global().asyncAfter(deadline: .now() + secondsPerVector, execute: timer)
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            timer.cancel()
            let timedOut = fired.value
            defer { try? FileManager.default.removeItem(at: folder) }
            if process.terminationReason == .uncaughtSignal {
                return defect(timedOut ? "no answer within \(Int(secondsPerVector)) s" : "signal \(process.terminationStatus)")
            }
            if process.terminationStatus == 0 { return defect("accepted (exit 0)") }
            let lines = errors.split(separator: "\n").filter { !$0.hasPrefix("warning:") && !$0.hasPrefix("note:") }
            if lines.count != 1 || !lines[0].hasPrefix("Error: ") {
                return defect("\(lines.count) lines on standard error (\(errors.prefix(200)))")
            }
            if !output.isEmpty { return defect("printed \(output.count) bytes on standard output") }
            let left = try leftovers(in: folder)
            if !left.isEmpty { return defect("left \(left.joined(separator: ", "))") }
            return Outcome(category: vector.category, defect: nil)
        } catch {
            return defect("could not run (\(error))")
        }
    }

    /// Files in `folder` other than the unchanged fixtures.
    static func leftovers(in folder: URL) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return try names.filter { name in
            guard let fixture = CommandLineFuzz.fixtures[name] else { return true }
            return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) != fixture
        }.sorted()
    }
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var state = false
    func set() { lock.lock(); state = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return state }
}

/// The outcomes of the vectors, filled from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [CommandLineFuzzTests.Outcome?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ outcome: CommandLineFuzzTests.Outcome) { lock.lock(); items[index] = outcome; lock.unlock() }
    var all: [CommandLineFuzzTests.Outcome] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
}
