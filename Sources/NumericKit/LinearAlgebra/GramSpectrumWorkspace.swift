import CLapack

/// The eigenvalues of the Gram matrix `psi psi^T` of many small real matrices `psi` (taken on
/// the smaller side, `psi^T psi` when `psi` has more rows than columns: the non-zero spectrum is
/// the same), i.e. their squared singular values, with buffers kept between calls: `dsyrk` for
/// the Gram matrix, a closed form for `2 x 2`, `dsyevd` (values only, preallocated workspace)
/// otherwise. No allocation per matrix.
public struct GramSpectrumWorkspace {
    private var gram: [Double]
    private var values: [Double]
    private var work: [Double]
    private var integerWork: [Int32]
    public let largestSide: Int

    public init(largestSide: Int) {
        self.largestSide = max(largestSide, 1)
        gram = [Double](repeating: 0, count: self.largestSide * self.largestSide)
        values = [Double](repeating: 0, count: self.largestSide)
        work = [Double](repeating: 0, count: 2 * self.largestSide + 1)
        integerWork = [Int32](repeating: 0, count: 1)
    }

    /// The `min(rows, columns)` eigenvalues of the Gram matrix of the column-major `psi`
    /// (`rows x columns`, leading dimension `rows`), passed to `body` (valid during the call only).
    public mutating func withSpectrum<R>(of psi: UnsafePointer<Double>, rows: Int, columns: Int,
                                         _ body: (UnsafeBufferPointer<Double>) throws -> R) throws -> R {
        let side = min(rows, columns)
        precondition(side <= largestSide, "Gram matrix larger than the workspace")
        if side == 0 { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        if side == 1 {
            var sum = 0.0
            for i in 0..<(rows * columns) { sum += psi[i] * psi[i] }
            values[0] = sum
            return try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<1])) }
        }
        let n = Int32(side)
        cblas_dsyrk(CblasColMajor, CblasLower, rows <= columns ? CblasNoTrans : CblasTrans, n,
                    Int32(max(rows, columns)), 1, psi, Int32(rows), 0, &gram, n)
        if side == 2 {
            // [[p, c], [c, q]]: (p + q)/2 -+ sqrt(((p - q)/2)^2 + c^2).
            let p = gram[0], q = gram[3], c = gram[1]
            let mean = (p + q) / 2, radius = (((p - q) / 2) * ((p - q) / 2) + c * c).squareRoot()
            values[0] = mean + radius
            values[1] = mean - radius
        } else {
            let info = LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "L")), n,
                                           &gram, n, &values, &work, Int32(work.count), &integerWork, Int32(integerWork.count))
            try checkInfo(info, routine: "dsyevd")
        }
        return try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<side])) }
    }
}
