import CLapack
import ComplexModule

/// The element types of LAPACK's self-adjoint routines: `Double` (real symmetric, `dsy*`) and
/// `Complex<Double>` (complex Hermitian, `zhe*`). Each conformance only forwards to its
/// LAPACKE/CBLAS routines; the logic (checks, job, workspace, what is returned) is written once,
/// in `selfAdjointEigen` and `gramDifference`.
protocol SelfAdjointElement {
    /// "dsy" or "zhe", for the routine names in errors.
    static var routinePrefix: String { get }
    static var zero: Self { get }
    /// `?syevd`/`?heevd` (`twoStage`: `?syevd_2stage`/`?heevd_2stage`) on the lower triangle of
    /// the `n x n` column-major `a`; eigenvalues into `w`, eigenvectors (job "V") over `a`.
    static func divideAndConquer(twoStage: Bool, job: CChar, n: Int32, a: UnsafeMutablePointer<Self>?,
                                 w: UnsafeMutablePointer<Double>?) -> Int32
    /// `?syevr`/`?heevr` for every eigenpair of the lower triangle of `a`; vectors into `z`.
    static func relativelyRobust(job: CChar, n: Int32, a: UnsafeMutablePointer<Self>?, w: UnsafeMutablePointer<Double>?,
                                 z: UnsafeMutablePointer<Self>?, ldz: Int32, found: inout Int32,
                                 support: UnsafeMutablePointer<Int32>?) -> Int32
    /// "dsyrk" or "zherk".
    static var rankUpdateRoutine: String { get }
    /// `c = alpha a^dagger a + beta c` on the lower triangle of the `n x n` `c` (`a`: `k x n`).
    static func adjointRankUpdate(n: Int32, k: Int32, alpha: Double, a: UnsafePointer<Self>?, beta: Double,
                                  c: UnsafeMutablePointer<Self>?)
    /// The conjugate (real: the number itself).
    var adjoint: Self { get }
    /// A diagonal entry of a self-adjoint matrix: its real part.
    var selfAdjointDiagonal: Self { get }
}

let selfAdjointJobValues = CChar(UInt8(ascii: "N"))
let selfAdjointJobVectors = CChar(UInt8(ascii: "V"))
/// The drivers read the lower triangle; our builders fill both.
let selfAdjointLowerTriangle = CChar(UInt8(ascii: "L"))
private let rangeAll = CChar(UInt8(ascii: "A"))

extension Double: SelfAdjointElement {
    static var routinePrefix: String { "dsy" }
    static var rankUpdateRoutine: String { "dsyrk" }
    var adjoint: Double { self }
    var selfAdjointDiagonal: Double { self }

    static func adjointRankUpdate(n: Int32, k: Int32, alpha: Double, a: UnsafePointer<Double>?, beta: Double,
                                  c: UnsafeMutablePointer<Double>?) {
        cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n, k, alpha, a, k, beta, c, n)
    }

    static func divideAndConquer(twoStage: Bool, job: CChar, n: Int32, a: UnsafeMutablePointer<Double>?,
                                 w: UnsafeMutablePointer<Double>?) -> Int32 {
        twoStage ? LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, job, selfAdjointLowerTriangle, n, a, max(n, 1), w)
                 : LAPACKE_dsyevd(LAPACK_COL_MAJOR, job, selfAdjointLowerTriangle, n, a, max(n, 1), w)
    }

    static func relativelyRobust(job: CChar, n: Int32, a: UnsafeMutablePointer<Double>?, w: UnsafeMutablePointer<Double>?,
                                 z: UnsafeMutablePointer<Double>?, ldz: Int32, found: inout Int32,
                                 support: UnsafeMutablePointer<Int32>?) -> Int32 {
        LAPACKE_dsyevr(LAPACK_COL_MAJOR, job, rangeAll, selfAdjointLowerTriangle, n, a, max(n, 1),
                       0, 0, 0, 0, 0, &found, w, z, ldz, support)
    }
}

extension Complex: SelfAdjointElement where RealType == Double {
    static var routinePrefix: String { "zhe" }
    static var rankUpdateRoutine: String { "zherk" }
    var adjoint: Complex<Double> { conjugate }
    var selfAdjointDiagonal: Complex<Double> { Complex(real, 0) }

    static func adjointRankUpdate(n: Int32, k: Int32, alpha: Double, a: UnsafePointer<Complex<Double>>?, beta: Double,
                                  c: UnsafeMutablePointer<Complex<Double>>?) {
        cblas_zherk(CblasColMajor, CblasLower, CblasConjTrans, n, k, alpha, a, k, beta, c, n)
    }

    static func divideAndConquer(twoStage: Bool, job: CChar, n: Int32, a: UnsafeMutablePointer<Complex<Double>>?,
                                 w: UnsafeMutablePointer<Double>?) -> Int32 {
        a.withMemoryRebound(to: resonancekit_complex_double.self) { ap in
            twoStage ? LAPACKE_zheevd_2stage(LAPACK_COL_MAJOR, job, selfAdjointLowerTriangle, n, ap, max(n, 1), w)
                     : LAPACKE_zheevd(LAPACK_COL_MAJOR, job, selfAdjointLowerTriangle, n, ap, max(n, 1), w)
        }
    }

    static func relativelyRobust(job: CChar, n: Int32, a: UnsafeMutablePointer<Complex<Double>>?, w: UnsafeMutablePointer<Double>?,
                                 z: UnsafeMutablePointer<Complex<Double>>?, ldz: Int32, found: inout Int32,
                                 support: UnsafeMutablePointer<Int32>?) -> Int32 {
        a.withMemoryRebound(to: resonancekit_complex_double.self) { ap in
            z.withMemoryRebound(to: resonancekit_complex_double.self) { zp in
                LAPACKE_zheevr(LAPACK_COL_MAJOR, job, rangeAll, selfAdjointLowerTriangle, n, ap, max(n, 1),
                               0, 0, 0, 0, 0, &found, w, zp, ldz, support)
            }
        }
    }
}

extension Optional {
    /// `body` on the pointer rebound to `T` (nil stays nil).
    fileprivate func withMemoryRebound<P, T, R>(to type: T.Type, _ body: (UnsafeMutablePointer<T>?) -> R) -> R
    where Wrapped == UnsafeMutablePointer<P> {
        guard let pointer = self else { return body(nil) }
        return pointer.withMemoryRebound(to: T.self, capacity: 1) { body($0) }
    }
}

/// Eigenvalues (ascending) of the self-adjoint `a` and, with `wantVectors`, the column-major
/// elements of its orthonormal eigenvectors (else empty).
func selfAdjointEigen<T: SelfAdjointElement>(
    _ a: Matrix<T>, wantVectors: Bool, driver: SelfAdjointEigenDriver
) throws -> (values: [Double], vectors: [T]) {
    let routine = driver.routine(prefix: T.routinePrefix)
    let n = try driver.checkedDimension(rows: a.rows, columns: a.columns, wantVectors: wantVectors, routine: routine)
    if n == 0 { return ([], []) }
    let job = wantVectors ? selfAdjointJobVectors : selfAdjointJobValues
    var values = [Double](repeating: 0, count: a.rows)
    var storage = a.elements
    switch driver {
    case .divideAndConquer, .twoStageDivideAndConquer:
        let info = storage.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { wp in
                T.divideAndConquer(twoStage: driver == .twoStageDivideAndConquer, job: job, n: n, a: ap.baseAddress, w: wp.baseAddress)
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? storage : [])
    case .relativelyRobust:
        var found: Int32 = 0
        var vectors = [T](repeating: T.zero, count: wantVectors ? a.rows * a.rows : 1)
        var support = [Int32](repeating: 0, count: 2 * a.rows)
        let info = storage.withUnsafeMutableBufferPointer { ap in
            values.withUnsafeMutableBufferPointer { wp in
                vectors.withUnsafeMutableBufferPointer { zp in
                    support.withUnsafeMutableBufferPointer { sp in
                        T.relativelyRobust(job: job, n: n, a: ap.baseAddress, w: wp.baseAddress, z: zp.baseAddress,
                                           ldz: wantVectors ? max(n, 1) : 1, found: &found, support: sp.baseAddress)
                    }
                }
            }
        }
        try checkInfo(info, routine: routine)
        return (values, wantVectors ? vectors : [])
    }
}
