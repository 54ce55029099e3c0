import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per run directory: an advisory lock (`flock`) on `<directory>/run.lock`, held
/// while the process lives (the kernel releases it when the process ends, however it ends). The
/// file holds the holder's PID, so a second process is refused naming it.
public final class RunDirectoryLock: @unchecked Sendable {
    public struct Busy: Error, CustomStringConvertible {
        public var directory: String
        public var holder: Int32?
        public var description: String {
            "\(directory) is in use by another run (process \(holder.map(String.init) ?? "unknown")); wait for it to finish or use another --out"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let fileName = "run.lock"
    private let descriptor: Int32

    /// Takes the lock or throws `Busy` at once (never waits).
    public init(directory: URL) throws {
        let path = directory.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot lock \(directory.path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(descriptor) }
            guard code == EWOULDBLOCK else {
                throw Failure(description: "cannot lock \(directory.path): \(String(cString: strerror(code)))")
            }
            throw Busy(directory: directory.path, holder: Self.holder(descriptor))
        }
        self.descriptor = descriptor
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = fsync(descriptor)
    }

    deinit { close(descriptor) }

    /// The PID written by the holder (it writes it right after locking: retried briefly).
    private static func holder(_ descriptor: Int32) -> Int32? {
        for _ in 0..<50 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 31, 0) }
            if count > 0, let pid = Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            usleep(2_000)
        }
        return nil
    }
}
