import Foundation

/// Scratch directories a command creates for itself (e.g. the report's exact-numerics runs), so
/// that an interrupted process (SIGINT, SIGTERM) removes them before it exits. The command line
/// installs the signal handlers; the library registers and unregisters the folders it makes.
public enum ScratchDirectories {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders = Set<URL>()

    /// A new, registered folder `<temporary directory>/<prefix>-<UUID>` (not yet created).
    public static func make(prefix: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID())")
        lock.lock(); defer { lock.unlock() }
        folders.insert(url)
        return url
    }

    /// Removes the folder and forgets it.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        lock.lock(); defer { lock.unlock() }
        folders.remove(url)
    }

    /// Removes every registered folder (on interruption).
    public static func removeAll() {
        lock.lock()
        let all = folders
        folders.removeAll()
        lock.unlock()
        for url in all { try? FileManager.default.removeItem(at: url) }
    }
}
