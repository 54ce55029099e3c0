import Foundation
import XCTest
@testable import ResonanceModel

/// Asserts |actual - expected| <= tolerance * |expected| (relative), naming the context.
func assertRelative(_ actual: Double, _ expected: Double, _ tolerance: Double, _ context: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    let error = abs(actual - expected) / max(abs(expected), Double.leastNormalMagnitude)
    XCTAssert(error <= tolerance, "\(context): got \(actual), expected \(expected), relative error \(error) > \(tolerance)",
              file: file, line: line)
}

func assertAbsolute(_ actual: Double, _ expected: Double, _ tolerance: Double, _ context: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    let error = abs(actual - expected)
    XCTAssert(error <= tolerance, "\(context): got \(actual), expected \(expected), error \(error) > \(tolerance)",
              file: file, line: line)
}

func parameters(invXi: Double, lambda: Double, length: Double = 20, j: Double = 1) -> ResonanceParameters {
    try! ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, interaction: j, length: length)
}

/// Rows of a reference CSV in the test bundle: `#` lines skipped, first other line is the header.
func referenceRows(_ name: String) throws -> [[String: Double]] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Reference") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Reference/\(name).csv"])
    }
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    let header = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    return lines.dropFirst().map { line in
        var row = [String: Double]()
        for (key, field) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) {
            row[key] = Double(field.trimmingCharacters(in: .whitespaces))
        }
        return row
    }
}

/// The inverse correlation lengths every test sweeps: both sides, the transition, and its vicinity.
let sweepInverseCorrelationLengths: [Double] = [-1.2, -0.6, -0.3, -1e-3, -1e-9, 0, 1e-9, 1e-3, 0.3, 1, 4]
