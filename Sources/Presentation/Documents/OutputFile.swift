import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a command's result to the path the user named (`--output`), without clobbering what is
/// there: a regular file is replaced atomically (a temporary file in the same directory, flushed,
/// renamed over it) keeping its permission bits and owner; a symbolic link is followed and its
/// target replaced; pipes, devices, `/dev/stdout` and `-` (standard output) are written to
/// directly. Every failure (a full disk, a missing directory, a read-only one) is an
/// `OutputFileError` naming the path and the reason.
public enum OutputFile {

    public struct OutputFileError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Writes `data` to `path` (see the type's description). `option` names the path in messages.
    public static func write(_ data: Data, to path: String, option: String = "--output") throws {
        if path == "-" {
            try writeAll(data, descriptor: STDOUT_FILENO, what: "standard output")
            return
        }
        if let descriptor = openDescriptor(path) {
            try writeAll(data, descriptor: descriptor, what: "\(option) \(path)")
            return
        }
        guard !path.isEmpty else { throw OutputFileError("\(option) must name a file (got an empty path)") }
        let target = resolvingLinks(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputFileError("\(option) \(path): is a directory")
        }
        if exists && (info.st_mode & S_IFMT) != S_IFREG || isSpecialPath(path) || isSpecialPath(target) {
            try writeDirectly(data, to: target, shown: path, option: option)
            return
        }
        try replaceAtomically(data, at: target, existing: exists ? info : nil, shown: path, option: option)
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String, option: String = "--output") throws {
        try write(Data(text.utf8), to: path, option: option)
    }

    /// Checks up front, before any work, that `path` can be written: not empty, not a directory,
    /// and in (or under) a writable directory. Missing parent directories are allowed (they are
    /// created when writing) if the nearest existing ancestor is a writable directory.
    public static func checkWritable(_ path: String, option: String = "--output") throws {
        if path == "-" || openDescriptor(path) != nil { return }
        guard !path.isEmpty else { throw OutputFileError("\(option) must name a file (got an empty path)") }
        let target = resolvingLinks(path)
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw OutputFileError("\(option) \(path): is a directory")
            case S_IFREG:
                let folder = parentPath(of: target)
                guard access(folder.isEmpty ? "." : folder, W_OK) == 0 else {
                    throw OutputFileError("\(option) \(path): cannot replace it, its directory is not writable (\(reason(errno)))")
                }
            default:
                guard access(target, W_OK) == 0 else { throw OutputFileError("\(option) \(path): not writable (\(reason(errno)))") }
            }
            return
        }
        try OutputDirectory.checkCreatable(parentPath(of: target), shown: path, option: option)
    }

    /// The directory part of `path` ("" for a bare name, "/" for a child of the root). Written out
    /// because Foundation's `deletingLastPathComponent` traps on one-character paths on Linux.
    static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        return String(parent)
    }

    /// Follows symbolic links (also dangling ones, whose target is then created), at most 40.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count > 0 else { return current }
            let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if isSpecialPath(destination) || destination.hasPrefix("/") {
                current = destination
            } else {
                current = (parentPath(of: current) as NSString).appendingPathComponent(destination)
            }
            if isSpecialPath(current) { return current }
        }
        return current
    }

    /// The descriptor named by `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N`, if it
    /// is open: written to as it is (reopening it by name can fail, e.g. for a pipe of another user).
    static func openDescriptor(_ path: String) -> Int32? {
        let descriptor: Int32?
        switch path {
        case "/dev/stdout": descriptor = STDOUT_FILENO
        case "/dev/stderr": descriptor = STDERR_FILENO
        default:
            let prefixes = ["/dev/fd/", "/proc/self/fd/"]
            descriptor = prefixes.first { path.hasPrefix($0) }.flatMap { Int32(path.dropFirst($0.count)) }
        }
        guard let descriptor, fcntl(descriptor, F_GETFD) != -1 else { return nil }
        return descriptor
    }

    /// `/dev/...` and `/proc/...`: never replaced, always opened and written.
    static func isSpecialPath(_ path: String) -> Bool { path.hasPrefix("/dev/") || path.hasPrefix("/proc/") }

    static func writeDirectly(_ data: Data, to target: String, shown: String, option: String) throws {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFileError("cannot write \(option) \(shown): \(reason(errno))") }
        defer { close(descriptor) }
        try writeAll(data, descriptor: descriptor, what: "\(option) \(shown)")
    }

    static func replaceAtomically(_ data: Data, at target: String, existing: stat?, shown: String, option: String) throws {
        let folder = parentPath(of: target)
        let directory = folder.isEmpty ? "." : folder
        if !FileManager.default.fileExists(atPath: directory) {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw OutputFileError("cannot write \(option) \(shown): cannot create its directory \(directory) (\(describeFileError(error)))")
            }
        }
        let name = (target as NSString).lastPathComponent
        var template = Array((directory as NSString).appendingPathComponent(".\(name).XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw OutputFileError("cannot write \(option) \(shown): \(reason(errno))") }
        let temporary = String(cString: template)
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        try writeAll(data, descriptor: descriptor, what: "\(option) \(shown)")
        if let existing {
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            fchmod(descriptor, existing.st_mode & 0o7777)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
        }
        guard fsync(descriptor) == 0 else { throw OutputFileError("cannot write \(option) \(shown): \(reason(errno))") }
        guard rename(temporary, target) == 0 else { throw OutputFileError("cannot write \(option) \(shown): \(reason(errno))") }
        renamed = true
    }

    /// Writes every byte or throws (short writes and EINTR retried).
    public static func writeAll(_ data: Data, descriptor: Int32, what: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputFileError("cannot write \(what): \(reason(errno))")
                }
                left -= written
                pointer += written
            }
        }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Standard output that reports write errors (a full disk, `> /dev/full`) instead of trapping.
public enum StandardOutput {
    public static func write(_ text: String) throws {
        try OutputFile.writeAll(Data(text.utf8), descriptor: STDOUT_FILENO, what: "standard output")
    }
}

/// Checks for output directories (`--out`, report and audit folders).
public enum OutputDirectory {
    /// Up front: `path` is a writable directory, or can be created under a writable one.
    public static func check(_ path: String, option: String) throws {
        guard !path.isEmpty else { throw OutputFile.OutputFileError("\(option) must name a directory (got an empty path)") }
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputFile.OutputFileError("\(option) \(path): exists and is not a directory")
            }
            guard access(path, W_OK | X_OK) == 0 else {
                throw OutputFile.OutputFileError("\(option) \(path): directory not writable (\(OutputFile.reason(errno)))")
            }
            return
        }
        try checkCreatable(path, shown: path, option: option)
    }

    /// The nearest existing ancestor of `path` is a writable directory.
    static func checkCreatable(_ path: String, shown: String, option: String) throws {
        var ancestor = path.isEmpty ? "." : path
        var info = stat()
        while stat(ancestor, &info) != 0 {
            guard errno == ENOENT else {
                throw OutputFile.OutputFileError("\(option) \(shown): cannot create it under \(ancestor) (\(OutputFile.reason(errno)))")
            }
            let parent = OutputFile.parentPath(of: ancestor)
            ancestor = parent.isEmpty ? "." : parent
            if ancestor == "/" { break }
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputFile.OutputFileError("\(option) \(shown): cannot create it, \(ancestor) is not a directory")
        }
        guard access(ancestor, W_OK | X_OK) == 0 else {
            throw OutputFile.OutputFileError("\(option) \(shown): cannot create it, \(ancestor) is not writable (\(OutputFile.reason(errno)))")
        }
    }
}

/// One line for a Foundation file error: the path and the system's reason, not the NSError dump.
public func describeFileError(_ error: Error) -> String {
    let nsError = error as NSError
    guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else {
        return String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }
    let path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
    let reason = fileErrorReason(error)
    return path.map { "\($0): \(reason)" } ?? reason
}

/// The system's reason for a Foundation file error, without the path ("no such file or directory").
public func fileErrorReason(_ error: Error) -> String {
    let nsError = error as NSError
    guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else {
        return String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }
    var reason: String
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        reason = OutputFile.reason(Int32(underlying.code))
    } else if nsError.domain == NSPOSIXErrorDomain {
        reason = OutputFile.reason(Int32(nsError.code))
    } else {
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
        case .fileWriteOutOfSpace: reason = "no space left on device"
        case .fileWriteFileExists: reason = "a file is in the way"
        case .fileReadCorruptFile: reason = "unreadable or not in the expected format"
        case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: reason = "not valid UTF-8 text"
        case .fileWriteVolumeReadOnly: reason = "read-only file system"
        default: reason = "file error \(nsError.code)"
        }
    }
    return reason
}

/// Checks for input files (`--fields`, `--varrho`).
public enum InputFile {
    /// Up front: `path` names an existing, readable file (not a directory).
    public static func check(_ path: String, option: String) throws {
        guard !path.isEmpty else { throw OutputFile.OutputFileError("\(option) must name a file (got an empty path)") }
        var info = stat()
        guard stat(path, &info) == 0 else { throw OutputFile.OutputFileError("\(option) \(path): \(OutputFile.reason(errno))") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw OutputFile.OutputFileError("\(option) \(path): is a directory") }
        guard access(path, R_OK) == 0 else { throw OutputFile.OutputFileError("\(option) \(path): \(OutputFile.reason(errno))") }
    }
}
