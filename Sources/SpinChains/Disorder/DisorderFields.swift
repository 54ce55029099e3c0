import Foundation

/// The disorder of one realization, as read from or written to a fields file (docs/exact-numerics.md,
/// "Disorder and fields files"): `{"h": [h_0, ...]}` for `xxz` (the `h_n` of its Hamiltonian, in its convention),
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
        case notJSON(String)
        case notAnObject
        case badEntry(key: String, detail: String)

        public var description: String { "fields file: " + detail }

        /// The problem, without the "fields file: " prefix.
        public var detail: String {
            switch self {
            case let .notJSON(reason): return "not valid JSON (\(reason))"
            case .notAnObject: return "the top level must be a JSON object"
            case let .badEntry(key, detail): return "key \"\(key)\": \(detail)"
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
    /// so written fields read back bit for bit.) Errors say what is wrong and where: invalid
    /// JSON (with the parser's reason), a top level that is not an object, or the key and
    /// element that is not a number (a boolean, a string, a null).
    public init(json data: Data) throws {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
            throw FormatError.notJSON(reason)
        }
        guard object is [String: Any] else { throw FormatError.notAnObject }
        let layout: FileLayout
        do { layout = try JSONDecoder().decode(FileLayout.self, from: data) } catch let error as DecodingError {
            throw Self.entryError(error)
        }
        if let v = layout.v, let bad = v.firstIndex(where: { $0.count != 3 }) {
            throw FormatError.badEntry(key: "v", detail: "element \(bad) has \(v[bad].count) components; expected [x, y, z] triples")
        }
        for (key, values) in [("h", layout.h), ("v", layout.v?.flatMap { $0 }), ("quasi_energies", layout.quasi_energies)] {
            if let values, let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw FormatError.badEntry(key: key, detail: "value \(values[bad]) is not finite")
            }
        }
        longitudinal = layout.h
        vectors = layout.v?.map { SIMD3($0[0], $0[1], $0[2]) }
        quasiEnergies = layout.quasi_energies
    }

    private static func entryError(_ error: DecodingError) -> FormatError {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .keyNotFound(_, c), let .dataCorrupted(c): context = c
        @unknown default: return .notAnObject
        }
        let key = context.codingPath.first?.stringValue ?? "?"
        let position = context.codingPath.dropFirst().compactMap(\.intValue).map { "[\($0)]" }.joined()
        let found = context.debugDescription.components(separatedBy: "found ").last.map { $0.replacingOccurrences(of: " instead.", with: "") }
        let expected = key == "v" ? "an array of [x, y, z] triples of numbers" : "an array of numbers"
        return .badEntry(key: key, detail: "element \(position.isEmpty ? "" : position + " ")is not a number\(found.map { " (found \($0))" } ?? ""); expected \(expected)")
    }

    /// JSON text with the keys present, numbers in their shortest round-trip form.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(FileLayout(h: longitudinal, v: vectors?.map { [$0.x, $0.y, $0.z] },
                                             quasi_energies: quasiEnergies))
    }
}
