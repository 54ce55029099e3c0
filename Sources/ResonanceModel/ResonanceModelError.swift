/// Invalid input to the resonance model: names the parameter, the value and the allowed range.
public struct ResonanceModelError: Error, Equatable, CustomStringConvertible, Sendable {
    public var parameter: String
    public var value: String
    public var allowed: String

    public init(parameter: String, value: String, allowed: String) {
        self.parameter = parameter
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        "invalid \(parameter) = \(value): allowed \(allowed)"
    }

    static func require(_ condition: Bool, _ parameter: String, _ value: Double, _ allowed: String) throws {
        if !condition {
            throw ResonanceModelError(parameter: parameter, value: "\(value)", allowed: allowed)
        }
    }
}
