import Foundation

/// The spectra of a run directory (or shard) in `spectra.h5`, kept by `--save-spectra`.
///
/// Layout (HDF5, every number IEEE 64-bit little-endian):
///
/// ```
/// /                                  attributes: every run parameter (as in manifest.json; numbers
///                                    as float64 or int64, other values as JSON text), seed (uint64),
///                                    command_line, version, shard ("i/n", or "" for a whole run)
/// /realizations/<k>                  one group per realization, k zero-padded to 8 digits;
///                                    attribute realization (int64)
/// /realizations/<k>/eigenvalues      float64 [D]: each block ascending, blocks concatenated
/// /realizations/<k>/block_sizes      int64 [blocks]: the dimension of each block, in order
/// /realizations/<k>/per_state/<name> float64 [D]: per-state observables of every state, in the
///                                    order of `eigenvalues` (entropy_probe, with a probe)
/// /realizations/<k>/window/eigenvalues  float64 [w]: the eigenvalues of the window's states (the
///                                    middle fraction of each block for the dense engine, where the
///                                    entanglement entropies are computed; a window engine's window)
/// /realizations/<k>/window/<name>    float64 [w]: per-state observables of the window's states
///                                    (entropy_half_chain, entropy_small_subsystem)
/// ```
///
/// Crash safety: while the run is in progress each finished realization's spectrum is written
/// to its own part file `spectra.parts/realization_<k>.bin` (atomically); at the end of the
/// invocation the parts and any previous `spectra.h5` are copied into a new file that replaces
/// the old one by a rename, and only then are the parts removed. An interrupted run therefore
/// loses no spectrum that its `realizations.jsonl` holds.
public final class SpectrumArchive: @unchecked Sendable {
    public static let fileName = "spectra.h5"
    public let directory: URL
    var partsFolder: URL { directory.appendingPathComponent("spectra.parts") }
    public var fileURL: URL { directory.appendingPathComponent(Self.fileName) }

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: partsFolder, withIntermediateDirectories: true)
    }

    public static func groupName(_ realization: Int) -> String {
        let digits = String(realization)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Keeps one realization's spectrum until `assemble` (safe to call from several threads).
    public func keep(_ spectrum: RealizationSpectrum) throws {
        try FileManager.default.createDirectory(at: partsFolder, withIntermediateDirectories: true)
        try spectrum.encoded().write(to: partsFolder.appendingPathComponent("realization_\(spectrum.realization).bin"),
                                     options: .atomic)
    }

    /// Writes `spectra.h5` from the previous file and the part files, then removes the parts.
    public func assemble(attributes: [(String, JSONValue)], seed: UInt64, commandLine: String,
                         shard: RealizationShard?) throws {
        let parts = try FileManager.default.contentsOfDirectory(at: partsFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "bin" }
        let temporary = directory.appendingPathComponent(Self.fileName + ".tmp")
        var written = Set<Int>()
        do {
            let file = try HDF5File(creating: temporary)
            for (key, value) in attributes { try file.setAttribute(key, Self.attribute(value)) }
            try file.setAttribute("seed", .unsigned(seed))
            try file.setAttribute("command_line", .string(commandLine))
            try file.setAttribute("version", .string(ResonanceKitVersion.string))
            try file.setAttribute("shard", .string(shard?.description ?? ""))
            try file.createGroup("/realizations")
            for part in parts {
                let spectrum = try RealizationSpectrum(decoding: Data(contentsOf: part))
                if written.insert(spectrum.realization).inserted { try Self.write(spectrum, to: file) }
            }
            if FileManager.default.fileExists(atPath: fileURL.path) {
                let previous = try HDF5File(reading: fileURL)
                for name in try previous.members(of: "/realizations") {
                    let spectrum = try Self.read(group: "/realizations/" + name, from: previous)
                    if written.insert(spectrum.realization).inserted { try Self.write(spectrum, to: file) }
                }
            }
            try file.flush()
        }
        guard rename(temporary.path, fileURL.path) == 0 else {
            throw HDF5Error(operation: "rename to \(Self.fileName)", path: temporary.path)
        }
        for part in parts { try? FileManager.default.removeItem(at: part) }
        try? FileManager.default.removeItem(at: partsFolder)
    }

    static func attribute(_ value: JSONValue) -> HDF5Attribute {
        switch value {
        case .number(let x): return .double(x)
        case .integer(let i): return .integer(Int64(i))
        case .string(let s): return .string(s)
        default: return .string(value.serialized(indent: nil))
        }
    }

    static func write(_ spectrum: RealizationSpectrum, to file: HDF5File) throws {
        let group = "/realizations/" + groupName(spectrum.realization)
        try file.createGroup(group)
        try file.setAttribute("realization", .integer(Int64(spectrum.realization)), on: group)
        try file.write(spectrum.blocks.flatMap { $0 }, to: group + "/eigenvalues")
        try file.write(spectrum.blocks.map { Int64($0.count) }, to: group + "/block_sizes")
        for (name, values) in spectrum.perState { try file.write(values, to: group + "/per_state/" + name) }
        if !spectrum.windowEigenvalues.isEmpty { try file.write(spectrum.windowEigenvalues, to: group + "/window/eigenvalues") }
        for (name, values) in spectrum.windowPerState { try file.write(values, to: group + "/window/" + name) }
    }

    /// Reads one realization's group back.
    public static func read(group: String, from file: HDF5File) throws -> RealizationSpectrum {
        let values = try file.readDoubles(group + "/eigenvalues")
        let sizes = try file.readIntegers(group + "/block_sizes")
        var blocks: [[Double]] = [], start = 0
        for size in sizes.map(Int.init) {
            blocks.append(Array(values[start..<(start + size)]))
            start += size
        }
        let realization = Int(group.split(separator: "/").last.flatMap { Int($0) } ?? -1)
        var spectrum = RealizationSpectrum(realization: realization, blocks: blocks)
        if file.exists(group + "/per_state") {
            for name in try file.members(of: group + "/per_state") {
                spectrum.perState.append((name, try file.readDoubles(group + "/per_state/" + name)))
            }
        }
        if file.exists(group + "/window") {
            for name in try file.members(of: group + "/window") {
                let values = try file.readDoubles(group + "/window/" + name)
                if name == "eigenvalues" { spectrum.windowEigenvalues = values } else { spectrum.windowPerState.append((name, values)) }
            }
        }
        return spectrum
    }
}
