/// A model of docs/exact-numerics.md, by its command-line name: a value that carries the model's
/// definition (`ChainModel`). Two kinds are equal when their names are.
public struct EDModelKind: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    public let definition: any ChainModel

    public init(_ definition: any ChainModel) { self.definition = definition }

    /// The model of this name in the catalog, or nil.
    public init?(rawValue: String) {
        guard let known = EDModelKind.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    /// The catalog: every model the package knows, in the order the command line lists them.
    /// A new model adds its entry here.
    public static let allCases: [EDModelKind] = [.xxz, .heisenbergO3, .floquetO3, .lbit]

    public var rawValue: String { definition.name }
    public var description: String { rawValue }
    public var isFloquet: Bool { definition.isFloquet }

    public static func == (a: EDModelKind, b: EDModelKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The names of the catalog's models that satisfy `condition`, in words ("floquet-o3 and lbit").
    public static func names(where condition: (any ChainModel) -> Bool) -> String {
        let names = allCases.map(\.definition).filter(condition).map(\.name)
        guard let last = names.last else { return "none" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
