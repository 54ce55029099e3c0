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
/// stored non-zero of a compressed sparse row matrix. It runs by blocks of rows (`blockedUpdate`),
/// split over `threads` threads.
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
    /// The diagonal strings `(c, z mask)`: `d_i = sum c (-1)^{#(mask & i)}`.
    let diagonalStrings: [(coefficient: Double, mask: Int)]
    let groups: [FlipGroup]
    let flattenedGroups: FlattenedGroups
    /// Rows per block of the blocked product: `2^blockShift` (12: 64 KiB per vector).
    public var blockShift = MatrixFreeOperator.defaultBlockShift
    public static let defaultBlockShift = 12
    /// Rows per block of the split-complex kernel (`splitRecurrence`): `2^splitBlockShift`
    /// (at least 64, at most `D`).
    public var splitBlockShift = MatrixFreeOperator.defaultSplitBlockShift
    public static let defaultSplitBlockShift = 10
    /// Whether `splitRecurrence` lists the whole-block groups (those that flip and read only sites
    /// above the block) once per block with their entries; off, they take the general path with
    /// the others (kept for tests and the benchmark).
    public var splitFusesWholeBlockGroups = true

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
                for i in p.indices { p[i] += c * Self.paritySign(i, mask) }
            }
        }
        diagonal = d
        diagonalStrings = diagonalTerms.map { (coefficient: $0.0, mask: $0.1) }
    }

    /// `(-1)^{#(bits & mask)}`: the eigenvalue on basis state `bits` of the product of `sigma^z` over
    /// the sites in `mask`.
    @inline(__always)
    static func paritySign(_ bits: Int, _ mask: Int) -> Double { (bits & mask).nonzeroBitCount & 1 == 0 ? 1 : -1 }

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
    /// `z` may not alias `x`. All vectors have `D` entries. Computed block by block
    /// (`blockedUpdate`).
    public func recurrence(_ x: UnsafePointer<Complex<Double>>, into z: UnsafeMutablePointer<Complex<Double>>,
                           alpha: Double, beta: Double, gamma: Double,
                           accumulate c: Complex<Double> = .zero, into accumulator: UnsafeMutablePointer<Complex<Double>>? = nil) {
        blockedUpdate(x: [UnsafeRawPointer(x)], z: [UnsafeMutableRawPointer(z)],
                      accumulators: accumulator.map { [UnsafeMutableRawPointer($0)] },
                      alpha: alpha, beta: beta, gamma: gamma, c: c)
    }

    /// The fused update of `recurrence` for two vectors at once (`x1 -> z1, acc1` and
    /// `x2 -> z2, acc2`, same coefficients): each block's flip targets and table entries are
    /// found once for both, as `phi` and `chi` of `C(t)` need them.
    public func pairedRecurrence(_ x1: UnsafePointer<Complex<Double>>, _ x2: UnsafePointer<Complex<Double>>,
                                 into z1: UnsafeMutablePointer<Complex<Double>>, _ z2: UnsafeMutablePointer<Complex<Double>>,
                                 alpha: Double, beta: Double, gamma: Double, accumulate c: Complex<Double>,
                                 into acc1: UnsafeMutablePointer<Complex<Double>>, _ acc2: UnsafeMutablePointer<Complex<Double>>) {
        blockedUpdate(x: [UnsafeRawPointer(x1), UnsafeRawPointer(x2)], z: [UnsafeMutableRawPointer(z1), UnsafeMutableRawPointer(z2)],
                      accumulators: [UnsafeMutableRawPointer(acc1), UnsafeMutableRawPointer(acc2)],
                      alpha: alpha, beta: beta, gamma: gamma, c: c)
    }

    /// The blocked product behind `recurrence` and `pairedRecurrence`, for one or two vectors.
    ///
    /// Rows go in blocks of `B = 2^blockShift` (a few hundred KiB of vectors, held in cache).
    /// For a block starting at `i0`, `(H x)_i` is first the diagonal `d_i x_i`, then flip group by
    /// flip group: the partners `j = i ^ f` of the block's rows form the block at `i0 ^ (f above
    /// the block)`, permuted by the low bits of `f`, so runs of `2^p` consecutive rows (`p` the
    /// lowest bit `f` flips or its signs read below the block) have consecutive partners and one
    /// table entry `h_f`: each run is a complex axpy `h_i += h_f x_{j..}` over contiguous memory,
    /// and runs whose entry is zero (the aligned spins of a bond) are skipped. The groups are
    /// added in the same order as row by row, so the sums are those of `rowwisePairedRecurrence`.
    /// Blocks are split over `threads` threads; each block then writes its rows of `z` and `acc`.
    func blockedUpdate(x: [UnsafeRawPointer], z: [UnsafeMutableRawPointer], accumulators: [UnsafeMutableRawPointer]?,
                       alpha: Double, beta: Double, gamma: Double, c: Complex<Double>) {
        let count = x.count
        let shift = min(blockShift, siteCount)
        let blockRows = 1 << shift
        let blocks = dimension >> shift
        let chunks = threads == 1 ? 1 : min(blocks, threads * 4)
        let blocksPerChunk = (blocks + chunks - 1) / chunks
        let xAddresses = x.map { Int(bitPattern: $0) }, zAddresses = z.map { Int(bitPattern: $0) }
        let accAddresses = accumulators?.map { Int(bitPattern: $0) }
        let cr = c.real, ci = c.imaginary
        let diagonal = self.diagonal
        let flat = flattenedGroups
        let layout = BlockLayout(flat, blockShift: shift)
        let body: @Sendable (Int) -> Void = { chunk in
            typealias Pair = SIMD2<Double>
            let xs = xAddresses.map { UnsafePointer<Pair>(bitPattern: $0)! }
            let zs = zAddresses.map { UnsafeMutablePointer<Pair>(bitPattern: $0)! }
            let accs = accAddresses?.map { UnsafeMutablePointer<Pair>(bitPattern: $0)! }
            let h = UnsafeMutablePointer<Pair>.allocate(capacity: count * blockRows)
            defer { h.deallocate() }
            diagonal.withUnsafeBufferPointer { diag in
            flat.masks.withUnsafeBufferPointer { masks in
            flat.bitStarts.withUnsafeBufferPointer { bitStarts in
            flat.bits.withUnsafeBufferPointer { bits in
            flat.tableStarts.withUnsafeBufferPointer { tableStarts in
            flat.table.withUnsafeBufferPointer { table in
            layout.highFlips.withUnsafeBufferPointer { highFlips in
            layout.lowFlips.withUnsafeBufferPointer { lowFlips in
            layout.runShifts.withUnsafeBufferPointer { runShifts in
            let lowerBlock = chunk * blocksPerChunk, upperBlock = min(blocks, lowerBlock + blocksPerChunk)
            guard lowerBlock < upperBlock else { return }
            for block in lowerBlock..<upperBlock {
                let i0 = block << shift
                for v in 0..<count {
                    let xv = xs[v] + i0, hv = h + v * blockRows
                    for t in 0..<blockRows { hv[t] = diag[i0 + t] * xv[t] }
                }
                for g in 0..<masks.count {
                    let f = masks[g], j0 = i0 ^ highFlips[g], lowFlip = lowFlips[g]
                    let first = bitStarts[g], last = bitStarts[g + 1], tableStart = tableStarts[g]
                    if runShifts[g] < 2 && blockRows >= 4 {
                        // Runs of one or two rows: four rows at a time instead, their partners the
                        // quad at `o ^ (lowFlip above bit 1)` permuted by `lowFlip & 3`, their four
                        // entries from one gather of the sign bits above bit 1.
                        let quadFlip = lowFlip & ~3, permutation = lowFlip & 3
                        // Index bits from the sign sites 0 and 1 when the partner's two low bits are v.
                        func lowIndex(_ v: Int) -> Int {
                            var index = 0
                            for b in first..<last where bits[b] < 2 { index |= ((v &>> bits[b]) & 1) &<< (b - first) }
                            return index
                        }
                        // Row o + u has partner low bits u ^ permutation.
                        let l0 = tableStart + lowIndex(permutation), l1 = tableStart + lowIndex(1 ^ permutation)
                        let l2 = tableStart + lowIndex(2 ^ permutation), l3 = tableStart + lowIndex(3 ^ permutation)
                        var o = 0
                        while o < blockRows {
                            let j = (i0 + o) ^ f
                            var index = 0
                            for b in first..<last where bits[b] >= 2 { index |= ((j &>> bits[b]) & 1) &<< (b - first) }
                            let k0 = 2 * (l0 + index), k1 = 2 * (l1 + index), k2 = 2 * (l2 + index), k3 = 2 * (l3 + index)
                            let real = SIMD8<Double>(table[k0], table[k0], table[k1], table[k1], table[k2], table[k2], table[k3], table[k3])
                            let imaginary = SIMD8<Double>(-table[k0 + 1], table[k0 + 1], -table[k1 + 1], table[k1 + 1],
                                                          -table[k2 + 1], table[k2 + 1], -table[k3 + 1], table[k3 + 1])
                            let partner = j0 + (o ^ quadFlip)
                            for v in 0..<count {
                                Self.quadAxpy(h + v * blockRows + o, xs[v] + partner, permutation: permutation, real, imaginary)
                            }
                            o += 4
                        }
                        continue
                    }
                    let run = 1 << runShifts[g]
                    var base = 0
                    while base < blockRows {
                        // h_f(j) of the run's first partner, indexed by the bits of j its signs read.
                        let j = (i0 + base) ^ f
                        var index = 0
                        for b in first..<last { index |= ((j &>> bits[b]) & 1) &<< (b - first) }
                        let er = table[2 * (tableStart + index)], ei = table[2 * (tableStart + index) + 1]
                        if er != 0 || ei != 0 {
                            let partner = j0 + (base ^ lowFlip)
                            for v in 0..<count {
                                Self.axpy(h + v * blockRows + base, xs[v] + partner, count: run, er, ei)
                            }
                        }
                        base += run
                    }
                }
                // z <- alpha h + beta x + gamma z;  acc <- acc + c z.
                for v in 0..<count {
                    Self.update(z: zs[v] + i0, accumulator: accs.map { $0[v] + i0 }, h: h + v * blockRows, x: xs[v] + i0,
                                count: blockRows, alpha: alpha, beta: beta, gamma: gamma, cr, ci)
                }
            }
            } } } } } } } } }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    /// `pairedRecurrence` row by row: each row gathers its flip partners' table entries bit by
    /// bit (the first form of the kernel, kept as the reference the blocked kernel is tested and
    /// benchmarked against).
    public func rowwisePairedRecurrence(_ x1: UnsafePointer<Complex<Double>>, _ x2: UnsafePointer<Complex<Double>>,
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
                        let sign = MatrixFreeOperator.paritySign(j, c.signMask)
                        re += sign * c.re
                        im += sign * c.im
                    }
                    table += [re, im]
                }
                tableStarts.append(table.count / 2)
            }
        }
    }

    /// `h_t <- h_t + (er + i ei) x_t` for `count` complex entries: four at a time in one
    /// `SIMD8<Double>` (a 256- or 512-bit register where the target has one), the rest one by one.
    /// Per entry the same operations as row by row: `(er xr - ei xi, er xi + ei xr)` added to `h`.
    @inline(__always)
    static func axpy(_ h: UnsafeMutablePointer<SIMD2<Double>>, _ x: UnsafePointer<SIMD2<Double>>, count: Int, _ er: Double, _ ei: Double) {
        var t = 0
        if count >= 4 {
            let real = SIMD8<Double>(repeating: er), imaginary = SIMD8<Double>(-ei, ei, -ei, ei, -ei, ei, -ei, ei)
            let hRaw = UnsafeMutableRawPointer(h), xRaw = UnsafeRawPointer(x)
            while t &+ 4 <= count {
                let a = xRaw.loadUnaligned(fromByteOffset: t &* 16, as: SIMD8<Double>.self)
                let swapped = SIMD8<Double>(a[1], a[0], a[3], a[2], a[5], a[4], a[7], a[6])
                let old = hRaw.loadUnaligned(fromByteOffset: t &* 16, as: SIMD8<Double>.self)
                hRaw.storeBytes(of: old + (real * a + imaginary * swapped), toByteOffset: t &* 16, as: SIMD8<Double>.self)
                t &+= 4
            }
        }
        let real = SIMD2<Double>(er, er), imaginary = SIMD2<Double>(-ei, ei)
        while t < count {
            let a = x[t]
            h[t] += real * a + imaginary * SIMD2(a.y, a.x)
            t &+= 1
        }
    }

    /// `h_u <- h_u + (re_u + i im_u) x_{u ^ permutation}` for the four complex entries `u = 0...3`
    /// (`real`, `imaginary`: each entry's parts as `axpy` lays them out).
    @inline(__always)
    static func quadAxpy(_ h: UnsafeMutablePointer<SIMD2<Double>>, _ x: UnsafePointer<SIMD2<Double>>, permutation: Int,
                         _ real: SIMD8<Double>, _ imaginary: SIMD8<Double>) {
        let a = UnsafeRawPointer(x).loadUnaligned(as: SIMD8<Double>.self)
        let p: SIMD8<Double>
        switch permutation {
        case 0: p = a
        case 1: p = SIMD8(a[2], a[3], a[0], a[1], a[6], a[7], a[4], a[5])
        case 2: p = SIMD8(a[4], a[5], a[6], a[7], a[0], a[1], a[2], a[3])
        default: p = SIMD8(a[6], a[7], a[4], a[5], a[2], a[3], a[0], a[1])
        }
        let swapped = SIMD8<Double>(p[1], p[0], p[3], p[2], p[5], p[4], p[7], p[6])
        let hRaw = UnsafeMutableRawPointer(h)
        hRaw.storeBytes(of: hRaw.loadUnaligned(as: SIMD8<Double>.self) + (real * p + imaginary * swapped), as: SIMD8<Double>.self)
    }

    /// `z <- alpha h + beta x + gamma z` and, with an accumulator, `acc <- acc + (cr + i ci) z`
    /// over `count` complex entries (four at a time, as `axpy`).
    @inline(__always)
    static func update(z: UnsafeMutablePointer<SIMD2<Double>>, accumulator: UnsafeMutablePointer<SIMD2<Double>>?,
                       h: UnsafePointer<SIMD2<Double>>, x: UnsafePointer<SIMD2<Double>>, count: Int,
                       alpha: Double, beta: Double, gamma: Double, _ cr: Double, _ ci: Double) {
        var t = 0
        let zRaw = UnsafeMutableRawPointer(z), hRaw = UnsafeRawPointer(h), xRaw = UnsafeRawPointer(x)
        let accRaw = accumulator.map { UnsafeMutableRawPointer($0) }
        let real = SIMD8<Double>(repeating: cr), imaginary = SIMD8<Double>(-ci, ci, -ci, ci, -ci, ci, -ci, ci)
        while t &+ 4 <= count {
            let offset = t &* 16
            let n = alpha * hRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self)
                + beta * xRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self)
                + gamma * zRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self)
            zRaw.storeBytes(of: n, toByteOffset: offset, as: SIMD8<Double>.self)
            if let accRaw {
                let swapped = SIMD8<Double>(n[1], n[0], n[3], n[2], n[5], n[4], n[7], n[6])
                let old = accRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self)
                accRaw.storeBytes(of: old + (real * n + imaginary * swapped), toByteOffset: offset, as: SIMD8<Double>.self)
            }
            t &+= 4
        }
        let real2 = SIMD2<Double>(cr, cr), imaginary2 = SIMD2<Double>(-ci, ci)
        while t < count {
            let n = alpha * h[t] + beta * x[t] + gamma * z[t]
            z[t] = n
            if let accumulator { accumulator[t] += real2 * n + imaginary2 * SIMD2(n.y, n.x) }
            t &+= 1
        }
    }

    /// Where each group's partners lie relative to a block of `2^blockShift` rows: the flip
    /// bits above the block (which block), below it (the permutation inside), and the run length
    /// `2^p` over which partners are consecutive and the table entry is constant (`p` the lowest
    /// bit below the block that the group flips or reads a sign of; the whole block if none).
    struct BlockLayout: Sendable {
        var highFlips: [Int] = []
        var lowFlips: [Int] = []
        var runShifts: [Int] = []

        init(_ flat: FlattenedGroups, blockShift: Int) {
            let low = (1 << blockShift) - 1
            for g in flat.masks.indices {
                let f = flat.masks[g]
                var lowBits = f & low
                for b in flat.bitStarts[g]..<flat.bitStarts[g + 1] where flat.bits[b] < blockShift { lowBits |= 1 << flat.bits[b] }
                highFlips.append(f & ~low)
                lowFlips.append(f & low)
                runShifts.append(lowBits == 0 ? blockShift : lowBits.trailingZeroBitCount)
            }
        }
    }

    /// Bytes a paired update (`pairedRecurrence`) moves per row at least: for each of the two
    /// vectors `x` read (16), `z` read and written (32), `acc` read and written (32); the diagonal
    /// (8). Times `D`, over the memory bandwidth: the update's bandwidth floor.
    public static let minimumBytesPerPairedRow = 2 * (16 + 32 + 32) + 8

    /// Bytes a single-vector update (`recurrence`) moves per row at least: `x` read (16), `z` read
    /// and written (32), `acc` read and written (32), the diagonal (8).
    public static let minimumBytesPerRow = 16 + 32 + 32 + 8

    /// The same for `splitRecurrence`, which builds its diagonal per block instead of reading it: 80.
    public static let minimumBytesPerSplitRow = 16 + 32 + 32

    /// Memory held by the operator itself (the diagonal table).
    public var memoryBytes: Double { Double(dimension) * 8 }
}
