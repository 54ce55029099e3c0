#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zeroed array of `count` doubles on 2 MiB boundaries, marked for transparent huge pages
/// (`madvise(MADV_HUGEPAGE)`) before it is first touched, so the kernel's streams over work
/// vectors of many MiB miss the translation buffer far less often where transparent huge pages
/// are in `madvise` mode. Freed with the object.
public final class HugePageBuffer: @unchecked Sendable {
    public let count: Int
    public let base: UnsafeMutablePointer<Double>
    /// The huge-page size the buffer is aligned to and advised in.
    public static let pageBytes = 1 << 21

    public init(count: Int) {
        precondition(count >= 0, "a buffer needs a non-negative length")
        let bytes = (max(count, 1) * MemoryLayout<Double>.stride + Self.pageBytes - 1) & ~(Self.pageBytes - 1)
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, Self.pageBytes, bytes) == 0, let raw else {
            fatalError("cannot allocate \(bytes) bytes for work vectors")
        }
        #if os(Linux)
        _ = madvise(raw, bytes, MADV_HUGEPAGE)
        #endif
        self.count = count
        base = raw.bindMemory(to: Double.self, capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { free(base) }
}
