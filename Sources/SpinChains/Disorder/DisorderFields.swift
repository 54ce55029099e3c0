import Foundation

/// The disorder of one realisation, as read from or written to a fields file (spec "Disorder
/// averaging"): `{"h": [h_0, ...]}` for `xxz` (the `h_n` of its Hamiltonian, in its convention),
/// `{"v": [[x, y, z], ...]}` for the O(3) models; other keys are ignored when reading. The l-bit
/// model writes its quasi-energies under `"quasi_energies"` for the record.
public struct DisorderFields: Equatable, Sendable {
    public var longitudinal: [Double]?
    public var vectors: [SIMD3<Double>]?
    public var quasiEnergies: [Double]?

    public init(longitudinal: [Double]? = nil, vectors: [SIMD3<Double>]? = nil, quasiEnergies: [Double]? = nil) {
        self.longitudinal = longitudinal
        self.vectors = vectors
        self.quasiEnergies = quasiEnergies
    }

    public enum FormatError: Error, Equatable, CustomStringConvertible {
        case notAnObject
        case badEntry(key: String, detail: String)

        public var description: String {
            switch self {
            case .notAnObject: return "fields file: the top level must be a JSON object"
            case let .badEntry(key, detail): return "fields file: key \"\(key)\": \(detail)"
            }
        }
    }

    /// The file's layout; unknown keys are ignored by `Decodable`.
    private struct FileLayout: Codable {
        var h: [Double]?
        var v: [[Double]]?
        var quasi_energies: [Double]?
    }

    /// Parses the JSON text of a fields file. (`JSONDecoder` rounds decimal numbers correctly,
    /// so written fields read back bit for bit.)
    public init(json data: Data) throws {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { throw FormatError.notAnObject }
        guard let dictionary = object as? [String: Any] else { throw FormatError.notAnObject }
        if dictionary["h"] != nil, !(dictionary["h"] is [NSNumber]) {
            throw FormatError.badEntry(key: "h", detail: "expected an array of numbers")
        }
        if let v = dictionary["v"], !((v as? [[NSNumber]])?.allSatisfy { $0.count == 3 } ?? false) {
            throw FormatError.badEntry(key: "v", detail: "expected an array of [x, y, z] triples")
        }
        let layout = try JSONDecoder().decode(FileLayout.self, from: data)
        longitudinal = layout.h
        vectors = layout.v?.map { SIMD3($0[0], $0[1], $0[2]) }
        quasiEnergies = layout.quasi_energies
    }

    /// JSON text with the keys present, numbers in their shortest round-trip form.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(FileLayout(h: longitudinal, v: vectors?.map { [$0.x, $0.y, $0.z] },
                                             quasi_energies: quasiEnergies))
    }
}
