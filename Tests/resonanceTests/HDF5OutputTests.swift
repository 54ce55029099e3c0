import Foundation
import XCTest

/// `--save-spectra` and `ed export --format hdf5`, read back with an independent reader (h5dump
/// from hdf5-tools, raw little-endian dumps) and compared bit for bit with `ed spectrum` and with
/// the run's own text files (parsed with Swift's exact `Double(String)`).
final class HDF5OutputTests: XCTestCase {
    let model = ["--model", "xxz", "--L", "8", "--W", "2"]

    /// The raw values of a dataset, dumped by h5dump.
    func dump(_ dataset: String, of file: URL, harness: RunDirectoryHarness) throws -> [Double] {
        let target = harness.root.appendingPathComponent("dump-\(UUID()).bin")
        let result = try harness.run(try RunDirectoryHarness.program("h5dump"), ["-d", dataset, "-b", "LE", "-o", target.path, file.path],
                                     in: harness.root)
        XCTAssertEqual(result.status, 0, result.errors)
        let data = try Data(contentsOf: target)
        XCTAssertEqual(data.count % 8, 0)
        return stride(from: 0, to: data.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(data[data.startIndex + offset + i]) << (8 * UInt64(i)) }
            return Double(bitPattern: bits)
        }
    }

    func attribute(_ name: String, of file: URL, harness: RunDirectoryHarness) throws -> String {
        let result = try harness.run(try RunDirectoryHarness.program("h5dump"), ["-a", name, file.path], in: harness.root)
        XCTAssertEqual(result.status, 0, result.errors)
        return result.output
    }

    func testSavedSpectraMatchEdSpectrumBitForBit() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("spectra")
        let run = ["ed", "run"] + model + ["--seed", "9", "--observables", "r", "--quiet", "--blas-threads", "1", "--save-spectra", "--out", "sp"]
        // Three realizations, then the run grown to five: the file is rebuilt from the first one and the new parts.
        for count in ["3", "5"] {
            let result = try harness.resonance(run + ["--realizations", count], in: folder)
            XCTAssertEqual(result.status, 0, result.errors)
        }
        let file = folder.appendingPathComponent("sp/spectra.h5")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sp/spectra.parts").path))
        for k in 0..<5 {
            let saved = try dump("/realizations/0000000\(k)/eigenvalues", of: file, harness: harness)
            let printed = try harness.resonance(["ed", "spectrum"] + model + ["--seed", "9", "--realization", String(k), "--threads", "1",
                                                                               "--format", "json"], in: folder)
            XCTAssertEqual(printed.status, 0, printed.errors)
            let reference = try ResonanceExecutable().printedNumbers("eigenvalues", in: printed.output)
            XCTAssertEqual(saved.count, 70)   // C(8, 4): the S^z = 0 sector
            XCTAssertEqual(saved.map(\.bitPattern), reference.sorted().map(\.bitPattern), "realization \(k)")
        }
        XCTAssertTrue(try attribute("/seed", of: file, harness: harness).contains("(0): 9"))
        XCTAssertTrue(try attribute("/disorder_strength", of: file, harness: harness).contains("(0): 2"))
        XCTAssertTrue(try attribute("/model", of: file, harness: harness).contains("\"xxz\""))
    }

    func testExportedRunMatchesTheRunFilesBitForBit() throws {
        let harness = try RunDirectoryHarness()
        defer { harness.remove() }
        let folder = try harness.folder("export")
        let run = ["ed", "run"] + model + ["--seed", "4", "--realizations", "6", "--observables", "r,spectral", "--quiet",
                                           "--blas-threads", "1", "--out", "run"]
        XCTAssertEqual(try harness.resonance(run, in: folder).status, 0)
        let exported = try harness.resonance(["ed", "export", "run", "--format", "hdf5"], in: folder)
        XCTAssertEqual(exported.status, 0, exported.errors)
        let file = folder.appendingPathComponent("run/run.h5")

        // Per-realization values against realizations.jsonl, read as text.
        let lines = try String(contentsOf: folder.appendingPathComponent("run/realizations.jsonl"), encoding: .utf8).split(separator: "\n")
        func value(_ key: String, _ line: Substring) throws -> Double {
            let start = try XCTUnwrap(line.range(of: "\"\(key)\":["))
            let text = line[start.upperBound...].prefix { $0 != "]" && $0 != "," }
            return try XCTUnwrap(Double(text))
        }
        let byIndex = try Dictionary(uniqueKeysWithValues: lines.map { line -> (Int, Double) in
            let start = try XCTUnwrap(line.range(of: "\"realization\":"))
            return (try XCTUnwrap(Int(line[start.upperBound...].prefix { $0.isNumber })), try value("r_mean", line))
        })
        let indices = try dump("/realizations/index", of: file, harness: harness).map { Int($0.bitPattern) }
        XCTAssertEqual(indices, Array(0..<6))
        let rMean = try dump("/realizations/r_mean", of: file, harness: harness)
        XCTAssertEqual(rMean.map(\.bitPattern), indices.map { byIndex[$0]!.bitPattern })

        // Averages and results against summary.json and spectral_function.csv.
        let summary = try String(contentsOf: folder.appendingPathComponent("run/summary.json"), encoding: .utf8)
        let rLines = summary.split(separator: "\n").drop { !$0.contains("\"r_mean\": {") }
        let mean = try XCTUnwrap(Double(try XCTUnwrap(rLines.dropFirst().first).split(separator: ":")[1]
            .trimmingCharacters(in: CharacterSet(charactersIn: " ,"))))
        XCTAssertEqual(try dump("/averages/r_mean/mean", of: file, harness: harness).map(\.bitPattern), [mean.bitPattern])
        XCTAssertEqual(try dump("/results/r_mean", of: file, harness: harness).first?.bitPattern, mean.bitPattern)
        let csv = try String(contentsOf: folder.appendingPathComponent("run/spectral_function.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        let spectral = try rows.map { try XCTUnwrap(Double($0.split(separator: ",")[1])) }
        XCTAssertEqual(try dump("/averages/spectral_density/mean", of: file, harness: harness).map(\.bitPattern), spectral.map(\.bitPattern))
        XCTAssertTrue(try attribute("/seed", of: file, harness: harness).contains("(0): 4"))
        XCTAssertTrue(try attribute("/realizations", of: file, harness: harness).contains("(0): 6"))
    }
}
