import ComplexModule
import Dispatch
import RealModule

/// A Hermitian sum of Pauli strings acting on state vectors of the full basis of `siteCount`
/// sites (`D = 2^siteCount`, index = state) without storing a matrix: the diagonal strings are
/// summed once into a table of `D` reals, the others are grouped by the spins they flip. Row `i`
/// of `H x` is then
///
///     (H x)_i = d_i x_i + sum_f h_f(i ^ f) x_{i ^ f},   h_f(j) = sum_k c_k phase_k(j),
///
/// with `phase_k(j) = i^{n_y} (-1)^{#(y or z sites of k set in j)}` (see `PauliString`), `h_f`
/// tabulated over the few sites whose bits its phases read (two for a bond, one for a field). A product
/// reads `x` and writes `y` once (plus the diagonal): 40 bytes per row, against about 20 bytes per
/// stored non-zero of a compressed sparse row matrix. Rows are split over `threads` threads.
public struct MatrixFreeOperator: Sendable {
    /// One flip group: the strings that flip exactly `flipMask`, as `(c_k i^{n_y}, y|z mask)`.
    struct FlipGroup: Sendable {
        var flipMask: Int
        var coefficients: [(re: Double, im: Double, signMask: Int)]
    }

    public let siteCount: Int
    public let dimension: Int
    public var threads: Int
    let diagonal: [Double]
    let groups: [FlipGroup]
    let flattenedGroups: FlattenedGroups

    public enum OperatorError: Error, CustomStringConvertible {
        case notHermitian
        case tooManySites(Int)
        case tooManySignSites(Int)
        public var description: String {
            switch self {
            case .notHermitian: return "the operator has a diagonal string with a complex coefficient: it is not Hermitian"
            case let .tooManySites(n): return "\(n) sites exceed the 40 a state vector can index here"
            case let .tooManySignSites(n): return "strings flipping the same spins read the signs of \(n) sites; at most 12 are tabulated"
            }
        }
    }

    /// Builds the tables of `op` on `siteCount` sites (O(D x diagonal strings) work).
    public init(_ op: SpinOperator, siteCount: Int, threads: Int = 1) throws {
        guard siteCount <= 40 else { throw OperatorError.tooManySites(siteCount) }
        self.siteCount = siteCount
        self.dimension = 1 << siteCount
        self.threads = max(1, threads)
        var diagonalTerms: [(Double, Int)] = []
        var byMask: [Int: [(re: Double, im: Double, signMask: Int)]] = [:]
        var order: [Int] = []
        for term in op.terms {
            let s = term.string
            let signMask = Int(s.ySites | s.zSites)
            // i^{n_y} c
            var c = term.coefficient
            for _ in 0..<(s.ySites.nonzeroBitCount & 3) { c = Complex(-c.imaginary, c.real) }
            if s.flipMask == 0 {
                guard abs(c.imaginary) <= 1e-14 * max(1, c.length) else { throw OperatorError.notHermitian }
                diagonalTerms.append((c.real, signMask))
            } else {
                let f = Int(s.flipMask)
                if byMask[f] == nil { order.append(f) }
                byMask[f, default: []].append((c.real, c.imaginary, signMask))
            }
        }
        groups = order.map { FlipGroup(flipMask: $0, coefficients: byMask[$0]!) }
        for g in groups where g.coefficients.reduce(0, { $0 | $1.signMask }).nonzeroBitCount > 12 {
            throw OperatorError.tooManySignSites(g.coefficients.reduce(0, { $0 | $1.signMask }).nonzeroBitCount)
        }
        flattenedGroups = FlattenedGroups(groups)
        var d = [Double](repeating: 0, count: 1 << siteCount)
        d.withUnsafeMutableBufferPointer { p in
            for (c, mask) in diagonalTerms {
                for i in p.indices { p[i] += (i & mask).nonzeroBitCount & 1 == 0 ? c : -c }
            }
        }
        diagonal = d
    }

    /// Strings other than the diagonal ones, grouped: the number of off-diagonal entries per row.
    public var flipGroupCount: Int { groups.count }

    /// `sum_k |c_k|` over all strings: a bound on the spectral radius.
    public var coefficientBound: Double {
        let off = groups.reduce(0.0) { sum, g in sum + g.coefficients.reduce(0.0) { $0 + ($1.re * $1.re + $1.im * $1.im).squareRoot() } }
        return off + (diagonal.map(abs).max() ?? 0)
    }

    /// The fused update of a three-term recurrence, row by row:
    ///
    ///     z_i <- alpha (H x)_i + beta x_i + gamma z_i,   and, if `accumulator` is given,
    ///     acc_i <- acc_i + c z_i (new z).
    ///
    /// `z` may not alias `x`. All vectors have `D` entries.
    public func recurrence(_ x: UnsafePointer<Complex<Double>>, into z: UnsafeMutablePointer<Complex<Double>>,
                           alpha: Double, beta: Double, gamma: Double,
                           accumulate c: Complex<Double> = .zero, into accumulator: UnsafeMutablePointer<Complex<Double>>? = nil) {
        let d = dimension
        let chunks = threads == 1 ? 1 : threads * 8
        let size = (d + chunks - 1) / chunks
        // Addresses travel into the worker threads as integers; each thread writes its own rows.
        let xAddress = Int(bitPattern: x), zAddress = Int(bitPattern: z)
        let accAddress = accumulator.map { Int(bitPattern: $0) }
        let cr = c.real, ci = c.imaginary
        let diagonal = self.diagonal
        let flat = flattenedGroups
        let body: @Sendable (Int) -> Void = { chunk in
            let xs = UnsafePointer<Double>(bitPattern: xAddress)!
            let zs = UnsafeMutablePointer<Double>(bitPattern: zAddress)!
            let acc = accAddress.map { UnsafeMutablePointer<Double>(bitPattern: $0)! }
            diagonal.withUnsafeBufferPointer { diag in
            flat.masks.withUnsafeBufferPointer { masks in
            flat.bitStarts.withUnsafeBufferPointer { bitStarts in
            flat.bits.withUnsafeBufferPointer { bits in
            flat.tableStarts.withUnsafeBufferPointer { tableStarts in
            flat.table.withUnsafeBufferPointer { table in
            let lower = chunk * size, upper = min(d, lower + size)
            guard lower < upper else { return }
            for i in lower..<upper {
                let xr = xs[2 * i], xi = xs[2 * i + 1]
                var hr = diag[i] * xr, hi = diag[i] * xi
                for g in 0..<masks.count {
                    let j = i ^ masks[g]
                    // h_f(j) from the group's table, indexed by the bits of j its signs read.
                    var index = 0
                    let first = bitStarts[g]
                    for b in first..<bitStarts[g + 1] { index |= ((j &>> bits[b]) & 1) &<< (b - first) }
                    let er = table[2 * (tableStarts[g] + index)], ei = table[2 * (tableStarts[g] + index) + 1]
                    let yr = xs[2 * j], yi = xs[2 * j + 1]
                    hr += er * yr - ei * yi
                    hi += er * yi + ei * yr
                }
                let nr = alpha * hr + beta * xr + gamma * zs[2 * i]
                let ni = alpha * hi + beta * xi + gamma * zs[2 * i + 1]
                zs[2 * i] = nr
                zs[2 * i + 1] = ni
                if let acc {
                    acc[2 * i] += cr * nr - ci * ni
                    acc[2 * i + 1] += cr * ni + ci * nr
                }
            }
            } } } } } }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    /// The fused update of `recurrence` for two vectors at once (`x1 -> z1, acc1` and
    /// `x2 -> z2, acc2`, same coefficients): each row's flip targets and table entries are found
    /// once for both, as `phi` and `chi` of `C(t)` need them.
    public func pairedRecurrence(_ x1: UnsafePointer<Complex<Double>>, _ x2: UnsafePointer<Complex<Double>>,
                                 into z1: UnsafeMutablePointer<Complex<Double>>, _ z2: UnsafeMutablePointer<Complex<Double>>,
                                 alpha: Double, beta: Double, gamma: Double, accumulate c: Complex<Double>,
                                 into acc1: UnsafeMutablePointer<Complex<Double>>, _ acc2: UnsafeMutablePointer<Complex<Double>>) {
        let d = dimension
        let chunks = threads == 1 ? 1 : threads * 8
        let size = (d + chunks - 1) / chunks
        let addresses = [x1, x2].map { Int(bitPattern: $0) } + [z1, z2, acc1, acc2].map { Int(bitPattern: $0) }
        let cr = c.real, ci = c.imaginary
        let diagonal = self.diagonal
        let flat = flattenedGroups
        let body: @Sendable (Int) -> Void = { chunk in
            let xa = UnsafePointer<Double>(bitPattern: addresses[0])!, xb = UnsafePointer<Double>(bitPattern: addresses[1])!
            let za = UnsafeMutablePointer<Double>(bitPattern: addresses[2])!, zb = UnsafeMutablePointer<Double>(bitPattern: addresses[3])!
            let aa = UnsafeMutablePointer<Double>(bitPattern: addresses[4])!, ab = UnsafeMutablePointer<Double>(bitPattern: addresses[5])!
            diagonal.withUnsafeBufferPointer { diag in
            flat.masks.withUnsafeBufferPointer { masks in
            flat.bitStarts.withUnsafeBufferPointer { bitStarts in
            flat.bits.withUnsafeBufferPointer { bits in
            flat.tableStarts.withUnsafeBufferPointer { tableStarts in
            flat.table.withUnsafeBufferPointer { table in
            let lower = chunk * size, upper = min(d, lower + size)
            guard lower < upper else { return }
            for i in lower..<upper {
                let ar = xa[2 * i], ai = xa[2 * i + 1], br = xb[2 * i], bi = xb[2 * i + 1]
                let h = diag[i]
                var har = h * ar, hai = h * ai, hbr = h * br, hbi = h * bi
                for g in 0..<masks.count {
                    let j = i ^ masks[g]
                    var index = 0
                    let first = bitStarts[g]
                    for b in first..<bitStarts[g + 1] { index |= ((j &>> bits[b]) & 1) &<< (b - first) }
                    let er = table[2 * (tableStarts[g] + index)], ei = table[2 * (tableStarts[g] + index) + 1]
                    let yar = xa[2 * j], yai = xa[2 * j + 1], ybr = xb[2 * j], ybi = xb[2 * j + 1]
                    har += er * yar - ei * yai
                    hai += er * yai + ei * yar
                    hbr += er * ybr - ei * ybi
                    hbi += er * ybi + ei * ybr
                }
                let nar = alpha * har + beta * ar + gamma * za[2 * i], nai = alpha * hai + beta * ai + gamma * za[2 * i + 1]
                let nbr = alpha * hbr + beta * br + gamma * zb[2 * i], nbi = alpha * hbi + beta * bi + gamma * zb[2 * i + 1]
                za[2 * i] = nar; za[2 * i + 1] = nai
                zb[2 * i] = nbr; zb[2 * i + 1] = nbi
                aa[2 * i] += cr * nar - ci * nai; aa[2 * i + 1] += cr * nai + ci * nar
                ab[2 * i] += cr * nbr - ci * nbi; ab[2 * i + 1] += cr * nbi + ci * nbr
            }
            } } } } } }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    /// `y = H x`.
    public func apply(_ x: [Complex<Double>], into y: inout [Complex<Double>]) {
        precondition(x.count == dimension && y.count == dimension, "vector length differs from the dimension")
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                recurrence(xp.baseAddress!, into: yp.baseAddress!, alpha: 1, beta: 0, gamma: 0)
            }
        }
    }

    /// `H x`.
    public func applied(to x: [Complex<Double>]) -> [Complex<Double>] {
        var y = [Complex<Double>](repeating: .zero, count: dimension)
        apply(x, into: &y)
        return y
    }

    /// The groups laid out for the inner loop: per group its flip mask, the sites its signs read
    /// (the union of the strings' y/z sites) and a table of `h_f` over those sites' bits.
    struct FlattenedGroups: @unchecked Sendable {
        var masks: [Int] = []
        var bitStarts: [Int] = [0]
        var bits: [Int] = []
        var tableStarts: [Int] = [0]
        /// Interleaved (re, im) of `h_f` for each pattern of the group's sign bits.
        var table: [Double] = []

        init(_ groups: [FlipGroup]) {
            for g in groups {
                let union = g.coefficients.reduce(0) { $0 | $1.signMask }
                let sites = (0..<Int.bitWidth).filter { union & (1 << $0) != 0 }
                masks.append(g.flipMask)
                bits += sites
                bitStarts.append(bits.count)
                for pattern in 0..<(1 << sites.count) {
                    var j = 0
                    for (k, site) in sites.enumerated() where pattern & (1 << k) != 0 { j |= 1 << site }
                    var re = 0.0, im = 0.0
                    for c in g.coefficients {
                        let sign: Double = (j & c.signMask).nonzeroBitCount & 1 == 0 ? 1 : -1
                        re += sign * c.re
                        im += sign * c.im
                    }
                    table += [re, im]
                }
                tableStarts.append(table.count / 2)
            }
        }
    }

    /// Bytes a product moves at least: `x` read, `y` written, the diagonal read (the bandwidth
    /// floor of one product).
    public var minimumBytesPerProduct: Double { Double(dimension) * (16 + 16 + 8) }

    /// Memory held by the operator itself (the diagonal table).
    public var memoryBytes: Double { Double(dimension) * 8 }
}
