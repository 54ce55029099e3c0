import Foundation

/// The first error any worker hit.
public final class FailureBox: @unchecked Sendable {
    private var error: Error?
    private let lock = NSLock()
    public init() {}
    public var value: Error? { lock.lock(); defer { lock.unlock() }; return error }
    public func set(_ e: Error) { lock.lock(); defer { lock.unlock() }; if error == nil { error = e } }
}
