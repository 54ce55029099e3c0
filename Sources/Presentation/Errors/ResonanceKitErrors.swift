/// The three kinds of error a study or command ends with. Each message names what it is about:
/// the parameter (a command-line option such as `--lengths`, or a parameter's name), the quantity,
/// or the path. The command line prints `description` as its one-line error.

/// Input that cannot be used: names the parameter and says what is allowed.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var parameter: String
    public var detail: String

    public init(parameter: String, detail: String) {
        self.parameter = parameter
        self.detail = detail
    }

    public var description: String { "\(parameter): \(detail)" }
}

/// A computation that gives no usable result (a non-finite number, no convergence): names the
/// quantity and says why.
public struct NumericalError: Error, Equatable, CustomStringConvertible, Sendable {
    public var quantity: String
    public var detail: String

    public init(quantity: String, detail: String) {
        self.quantity = quantity
        self.detail = detail
    }

    public var description: String { "\(quantity): \(detail)" }
}

/// A file or directory that cannot be read, parsed or written: names the path (and the option that
/// gave it, if any) and the reason.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The option that named the path (`--fields`), or nil.
    public var option: String?
    public var path: String
    public var detail: String

    public init(option: String? = nil, path: String, detail: String) {
        self.option = option
        self.path = path
        self.detail = detail
    }

    public var description: String { (option.map { "\($0) " } ?? "") + "\(path): \(detail)" }
}
