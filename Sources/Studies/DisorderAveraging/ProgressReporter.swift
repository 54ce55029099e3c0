import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a long run on standard error: a bar with rate and ETA on a terminal, plain log
/// lines otherwise (at most one per `logInterval` seconds, and the last), nothing when quiet.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable { case bar, lines, quiet }

    let total: Int
    let label: String
    let style: Style
    let start = Date()
    var done = 0
    var lastLog = Date.distantPast
    let lock = NSLock()
    public var logInterval: TimeInterval = 10

    /// `total` units of work, `alreadyDone` of them finished before (a resumed run).
    public init(total: Int, alreadyDone: Int = 0, label: String, quiet: Bool = false) {
        self.total = total
        self.label = label
        self.done = 0
        self.alreadyDone = alreadyDone
        style = quiet ? .quiet : (isatty(STDERR_FILENO) != 0 ? .bar : .lines)
    }

    let alreadyDone: Int

    /// One more unit finished.
    public func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        let rate = Double(done) / max(elapsed, 1e-9)
        let remaining = total - alreadyDone - done
        let eta = rate > 0 ? Double(remaining) / rate : .infinity
        let finished = alreadyDone + done
        switch style {
        case .quiet: return
        case .bar:
            let width = 30
            let filled = total > 0 ? width * finished / total : width
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            write(String(format: "\r%@ [%@] %d/%d  %.2f/s  ETA %@", label, bar, finished, total, rate, Self.duration(eta))
                  + (remaining == 0 ? "\n" : ""))
        case .lines:
            guard remaining == 0 || now.timeIntervalSince(lastLog) >= logInterval else { return }
            lastLog = now
            write(String(format: "%@: %d/%d done, %.2f/s, ETA %@\n", label, finished, total, rate, Self.duration(eta)))
        }
    }

    /// A free-form message (kept on its own line).
    public func note(_ message: String) {
        guard style != .quiet else { return }
        write(message + "\n")
    }

    func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m"
    }
}
