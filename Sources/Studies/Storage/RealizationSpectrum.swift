import Foundation

/// The spectrum of one disorder realization as kept by `--save-spectra`: the eigenvalues
/// (quasi-energies for Floquet models) of each symmetry block, ascending within a block;
/// per-state observables of every state (in the order of the eigenvalues); and the eigenvalues of
/// a window of states with that window's per-state observables (for the dense engine the middle
/// fraction of each block, where the entanglement entropies are computed; for a window engine
/// its own window).
public struct RealizationSpectrum: Sendable, Equatable {
    public var realization: Int
    public var blocks: [[Double]]
    /// Per-state observables of every state, e.g. `entropy_probe`, in the order of the eigenvalues.
    public var perState: [(name: String, values: [Double])]
    /// Eigenvalues of the window's states (empty: no window).
    public var windowEigenvalues: [Double]
    /// Per-state observables of the window's states, e.g. `entropy_half_chain`, in the window's order.
    public var windowPerState: [(name: String, values: [Double])]

    public init(realization: Int, blocks: [[Double]] = [], perState: [(name: String, values: [Double])] = [],
                windowEigenvalues: [Double] = [], windowPerState: [(name: String, values: [Double])] = []) {
        self.realization = realization
        self.blocks = blocks
        self.perState = perState
        self.windowEigenvalues = windowEigenvalues
        self.windowPerState = windowPerState
    }

    /// Equal bit for bit (so a NaN equals the same NaN).
    public static func == (lhs: RealizationSpectrum, rhs: RealizationSpectrum) -> Bool {
        func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
        func bits(_ named: [(name: String, values: [Double])]) -> [String] {
            named.map { $0.name + ":" + bits($0.values).map(String.init).joined(separator: ",") }
        }
        return lhs.realization == rhs.realization && lhs.blocks.map(bits) == rhs.blocks.map(bits)
            && bits(lhs.windowEigenvalues) == bits(rhs.windowEigenvalues)
            && bits(lhs.perState) == bits(rhs.perState) && bits(lhs.windowPerState) == bits(rhs.windowPerState)
    }

    /// A compact binary form (little-endian; the doubles' bits as they are) for the part files
    /// kept while a run is in progress: `[realization][sections]` then per section
    /// `[name length][name][count][doubles]`.
    func encoded() -> Data {
        var data = Data()
        func put(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let sections: [(String, [Double])] = blocks.enumerated().map { ("block", $0.element) }
            + [("window", windowEigenvalues)] + perState.map { ("state:" + $0.name, $0.values) }
            + windowPerState.map { ("window:" + $0.name, $0.values) }
        put(UInt64(realization))
        put(UInt64(sections.count))
        for (name, values) in sections {
            let bytes = Array(name.utf8)
            put(UInt64(bytes.count))
            data.append(contentsOf: bytes)
            put(UInt64(values.count))
            for x in values { put(x.bitPattern) }
        }
        return data
    }

    struct Malformed: Error, CustomStringConvertible { var description = "malformed spectrum part file" }

    init(decoding data: Data) throws {
        var offset = data.startIndex
        func take() throws -> UInt64 {
            guard data.endIndex - offset >= 8 else { throw Malformed() }
            var value: UInt64 = 0
            for i in 0..<8 { value |= UInt64(data[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return value
        }
        self.init(realization: Int(try take()))
        let sections = try take()
        for _ in 0..<sections {
            let length = Int(try take())
            guard data.endIndex - offset >= length else { throw Malformed() }
            let name = String(decoding: data[offset..<(offset + length)], as: UTF8.self)
            offset += length
            let count = Int(try take())
            guard (data.endIndex - offset) / 8 >= count else { throw Malformed() }
            let values = try (0..<count).map { _ in Double(bitPattern: try take()) }
            if name == "block" { blocks.append(values) }
            else if name == "window" { windowEigenvalues = values }
            else if name.hasPrefix("state:") { perState.append((String(name.dropFirst(6)), values)) }
            else if name.hasPrefix("window:") { windowPerState.append((String(name.dropFirst(7)), values)) }
        }
    }
}
