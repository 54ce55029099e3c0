/// Failures at the LAPACK/BLAS boundary, raised instead of letting a bad `info` pass silently.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// A LAPACK driver returned `info != 0`. Negative: argument `-info` was illegal (a bug in the
    /// wrapper); positive: the algorithm failed to converge (its meaning depends on the routine).
    case lapackFailure(routine: String, info: Int)
    /// A dimension does not fit LAPACK's 32-bit integer.
    case dimensionTooLarge(routine: String, dimension: Int)
    /// The matrix shapes do not fit the operation.
    case shapeMismatch(routine: String, detail: String)

    public var description: String {
        switch self {
        case let .lapackFailure(routine, info):
            return info < 0
                ? "\(routine): argument \(-info) had an illegal value (info = \(info))"
                : "\(routine): failed to converge (info = \(info))"
        case let .dimensionTooLarge(routine, dimension):
            return "\(routine): dimension \(dimension) exceeds LAPACK's 32-bit integer range"
        case let .shapeMismatch(routine, detail):
            return "\(routine): \(detail)"
        }
    }
}

/// Converts a Swift dimension to LAPACK's `lapack_int` (Int32), refusing what does not fit.
@inlinable
func lapackDimension(_ n: Int, routine: String) throws -> Int32 {
    guard n >= 0, n <= Int(Int32.max) else {
        throw LinearAlgebraError.dimensionTooLarge(routine: routine, dimension: n)
    }
    return Int32(n)
}

/// Throws unless `info == 0`.
@inlinable
func checkInfo(_ info: Int32, routine: String) throws {
    if info != 0 { throw LinearAlgebraError.lapackFailure(routine: routine, info: Int(info)) }
}
