import Foundation
import XCTest

/// Runs the built `resonance` executable (it sits beside the test bundle in the build folder) and
/// parses what it prints.
struct ResonanceExecutable {
    struct Run { var status: Int32; var output: String; var errors: String }

    /// Another build of the executable (e.g. the release one).
    var executableOverride: URL?

    /// The executable sits beside the test bundle in the build folder (`.build/<triple>/debug/`).
    var executable: URL {
        if let executableOverride { return executableOverride }
        let candidates = [Bundle.main.executableURL, Bundle(for: BundleMarker.self).bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            for _ in 0..<3 {
                let url = folder.appendingPathComponent("resonance")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates[0].deletingLastPathComponent().appendingPathComponent("resonance")
    }

    func run(_ arguments: [String]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path + " (run `swift build` first)"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    /// The numbers printed for `key` (a scalar or a one-line array), parsed with Swift's exact
    /// Double(String): Foundation's JSONSerialization on Linux can be 1 ulp off.
    func printedNumbers(_ key: String, in text: String) throws -> [Double] {
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"\(key)\":") })
        let value = line.split(separator: ":", maxSplits: 1)[1]
            .trimmingCharacters(in: CharacterSet(charactersIn: " ,[]"))
        return try value.split(separator: ",").map { try XCTUnwrap(Double($0.trimmingCharacters(in: .whitespaces)), "\(key): \($0)") }
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// A class in the test bundle, to locate the bundle.
final class BundleMarker {}
