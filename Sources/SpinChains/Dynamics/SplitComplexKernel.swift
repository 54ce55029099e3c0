import ComplexModule
import Dispatch
import RealModule

/// The recurrence update of `MatrixFreeOperator` on split-complex vectors (real and imaginary
/// parts in separate arrays), eight rows per `SIMD8<Double>` (one 512-bit register where the
/// target has AVX-512):
///
///     z <- alpha H x + beta x + gamma z,   acc <- acc + c z,
///
/// with `(H x)_i = d_i x_i + sum_f h_f(i ^ f) x_{i ^ f}` as in `MatrixFreeOperator`. Rows go in
/// blocks of `2^blockShift` (`blockShift >= 3`), whose `H x` is summed in two arrays held in the
/// first-level cache. For a flip group `f` the partners of a chunk of eight rows `8c ... 8c + 7`
/// are the chunk `c ^ (f >> 3)` with its lanes permuted by `u -> u ^ (f & 7)`, and the entries
/// `h_f` of the eight lanes form one pair of vectors per pattern of the group's sign sites at
/// and above bit 3 (tabulated once per call), so consecutive chunks whose pattern is the same are
/// a run of plain fused multiply-adds: `hr += er xr - ei xi`, `hi += er xi + ei xr` (two of them
/// when the group's entries are real, as a bond's `XX + YY` is; none when its entries are all
/// zero, as for a bond's aligned spins). Groups whose runs are shorter than eight chunks (sites
/// 3-5) go by super-chunks of 64 rows with precomputed partner chunks and patterns; groups with
/// one run over the whole block and no lane permutation (the sites above the block) are summed
/// four chunks at a time in registers. Threads split the blocks.
extension MatrixFreeOperator {
    /// Per flip group: the chunk flip `f >> 3` inside and above the block, the lane permutation
    /// `f & 7`, the sign sites at and above bit 3, and the lane vectors of `h_f` (real parts then
    /// imaginary parts, eight each) for each pattern of those sites.
    struct SplitLayout: Sendable {
        struct Group: Sendable {
            var highFlip: Int
            var chunkFlip: Int
            var permutation: Int
            /// The sign sites at and above bit 3: `sites[siteStart..<siteEnd]`.
            var siteStart: Int
            var siteEnd: Int
            var runShift: Int
            var tableStart: Int
            var isReal: Bool
            /// Runs shorter than eight chunks go by super-chunks of eight chunks (64 rows): chunk
            /// `u` of a super-chunk has its partner at chunk `u ^ (chunkFlip & 7)` of the partner
            /// super-chunk and its pattern bits of the sign sites 3...5 at `lowPatterns[8 g + u]`.
            var bySuperChunks: Bool
            /// One run over the whole block and no lane permutation: summed with the other such groups
            /// four chunks at a time in registers (`fusedBlockSum`).
            var fused: Bool
        }
        var groups: [Group] = []
        var sites: [Int] = []
        /// `16` doubles per pattern: eight real parts, eight imaginary parts.
        var lanes: [Double] = []
        /// Per pattern: whether all eight entries vanish.
        var vanishing: [Bool] = []
        var lowPatterns: [Int] = []

        init(_ flat: FlattenedGroups, blockShift: Int, fusing: Bool) {
            let low = (1 << blockShift) - 1
            for g in flat.masks.indices {
                let f = flat.masks[g]
                let sites = Array(flat.bits[flat.bitStarts[g]..<flat.bitStarts[g + 1]])
                let chunkSites = sites.filter { $0 >= 3 }
                var runBits = (f & low) >> 3
                for site in chunkSites where site < blockShift { runBits |= 1 << (site - 3) }
                let chunkShift = blockShift - 3
                let runShift = runBits == 0 ? chunkShift : min(chunkShift, runBits.trailingZeroBitCount)
                let group = Group(highFlip: f & ~low, chunkFlip: (f & low) >> 3, permutation: f & 7,
                                  siteStart: self.sites.count, siteEnd: self.sites.count + chunkSites.count,
                                  runShift: runShift, tableStart: vanishing.count, isReal: true,
                                  bySuperChunks: runShift < 3 && chunkShift >= 3,
                                  fused: fusing && runBits == 0 && f & 7 == 0 && chunkShift >= 2)
                for u in 0..<8 {
                    // Pattern bits of the sites 3...5 of chunk u's partner (its chunk bits u ^ (chunkFlip & 7)).
                    var pattern = 0
                    for (k, site) in chunkSites.enumerated() where site < 6 { pattern |= (((u ^ group.chunkFlip) >> (site - 3)) & 1) << k }
                    lowPatterns.append(pattern)
                }
                groups.append(group)
                self.sites += chunkSites
                var real = true
                for pattern in 0..<(1 << chunkSites.count) {
                    var re = [Double](repeating: 0, count: 8), im = [Double](repeating: 0, count: 8)
                    for u in 0..<8 {
                        // The partner of lane u has lane bits u ^ permutation, chunk bits from the pattern.
                        var index = 0
                        var chunkIndex = 0
                        for (k, site) in sites.enumerated() {
                            let bit: Int
                            if site < 3 {
                                bit = ((u ^ (f & 7)) >> site) & 1
                            } else {
                                bit = (pattern >> chunkIndex) & 1
                                chunkIndex += 1
                            }
                            index |= bit << k
                        }
                        re[u] = flat.table[2 * (flat.tableStarts[g] + index)]
                        im[u] = flat.table[2 * (flat.tableStarts[g] + index) + 1]
                    }
                    if im.contains(where: { $0 != 0 }) { real = false }
                    lanes += re + im
                    vanishing.append(!re.contains { $0 != 0 } && !im.contains { $0 != 0 })
                }
                groups[groups.count - 1].isReal = real
            }
        }
    }

    /// `z <- alpha H x + beta x + gamma z` and, with `accumulate`, `acc <- acc + c z`, on split
    /// vectors of `D` entries (`z` may not alias `x`; with `gamma = 0`, `z` is not read). Equal to
    /// `recurrence` on the same numbers to rounding. Needs `D >= 8`.
    public func splitRecurrence(_ xr: UnsafePointer<Double>, _ xi: UnsafePointer<Double>,
                                into zr: UnsafeMutablePointer<Double>, _ zi: UnsafeMutablePointer<Double>,
                                alpha: Double, beta: Double, gamma: Double, accumulate c: Complex<Double> = .zero,
                                into ar: UnsafeMutablePointer<Double>? = nil, _ ai: UnsafeMutablePointer<Double>? = nil) {
        precondition(siteCount >= 3, "the split-complex kernel needs at least 3 sites")
        let shift = min(max(splitBlockShift, 3), siteCount)
        let blockRows = 1 << shift
        let blocks = dimension >> shift
        let chunks = threads == 1 ? 1 : min(blocks, threads * 4)
        let blocksPerChunk = (blocks + chunks - 1) / chunks
        let addresses = [Int(bitPattern: xr), Int(bitPattern: xi), Int(bitPattern: zr), Int(bitPattern: zi),
                         Int(bitPattern: ar), Int(bitPattern: ai)]
        let accumulating = ar != nil && ai != nil
        let cr = c.real, ci = c.imaginary
        let diagonal = self.diagonal
        let layout = SplitLayout(flattenedGroups, blockShift: shift, fusing: splitFusesWholeBlockGroups)
        let body: @Sendable (Int) -> Void = { chunk in
            let xr = UnsafeRawPointer(bitPattern: addresses[0])!, xi = UnsafeRawPointer(bitPattern: addresses[1])!
            let zr = UnsafeMutableRawPointer(bitPattern: addresses[2])!, zi = UnsafeMutableRawPointer(bitPattern: addresses[3])!
            let ar = UnsafeMutableRawPointer(bitPattern: addresses[4]), ai = UnsafeMutableRawPointer(bitPattern: addresses[5])
            let hr = UnsafeMutableRawPointer.allocate(byteCount: 8 * blockRows, alignment: 64)
            let hi = UnsafeMutableRawPointer.allocate(byteCount: 8 * blockRows, alignment: 64)
            // Per block, the fused groups with a non-vanishing entry: partner byte offsets and entries, real then complex.
            let fusedSources = UnsafeMutablePointer<Int>.allocate(capacity: 2 * layout.groups.count)
            let fusedEntries = UnsafeMutablePointer<Int>.allocate(capacity: 2 * layout.groups.count)
            defer { hr.deallocate(); hi.deallocate(); fusedSources.deallocate(); fusedEntries.deallocate() }
            diagonal.withUnsafeBufferPointer { diag in
            layout.lanes.withUnsafeBufferPointer { lanes in
            layout.vanishing.withUnsafeBufferPointer { vanishing in
            layout.groups.withUnsafeBufferPointer { groups in
            layout.sites.withUnsafeBufferPointer { sites in
            layout.lowPatterns.withUnsafeBufferPointer { lowPatterns in
            let dr = UnsafeRawPointer(diag.baseAddress!)
            let lowerBlock = chunk * blocksPerChunk, upperBlock = min(blocks, lowerBlock + blocksPerChunk)
            guard lowerBlock < upperBlock else { return }
            for block in lowerBlock..<upperBlock {
                let i0 = block << shift
                var o = 0
                while o < blockRows {
                    let d = dr.loadUnaligned(fromByteOffset: 8 &* (i0 &+ o), as: SIMD8<Double>.self)
                    hr.storeBytes(of: d * xr.loadUnaligned(fromByteOffset: 8 &* (i0 &+ o), as: SIMD8<Double>.self), toByteOffset: 8 &* o, as: SIMD8<Double>.self)
                    hi.storeBytes(of: d * xi.loadUnaligned(fromByteOffset: 8 &* (i0 &+ o), as: SIMD8<Double>.self), toByteOffset: 8 &* o, as: SIMD8<Double>.self)
                    o &+= 8
                }
                var realCount = 0, complexCount = 0
                let complexBase = groups.count
                for group in groups where group.fused {
                    let j = i0 ^ group.highFlip
                    var pattern = 0
                    for k in group.siteStart..<group.siteEnd { pattern |= ((j &>> sites[k]) & 1) &<< (k &- group.siteStart) }
                    let entry = group.tableStart &+ pattern
                    if vanishing[entry] { continue }
                    let slot = group.isReal ? realCount : complexBase &+ complexCount
                    fusedSources[slot] = 8 &* j
                    fusedEntries[slot] = entry
                    if group.isReal { realCount &+= 1 } else { complexCount &+= 1 }
                }
                let lanePointer = UnsafeRawPointer(lanes.baseAddress!)
                Self.fusedBlockSum(hr, hi, xr, xi, chunks: blockRows >> 3, sources: fusedSources, entries: fusedEntries, count: realCount,
                                   lanes: lanePointer, real: true)
                Self.fusedBlockSum(hr, hi, xr, xi, chunks: blockRows >> 3, sources: fusedSources + complexBase,
                                   entries: fusedEntries + complexBase, count: complexCount, lanes: lanePointer, real: false)
                for (g, group) in groups.enumerated() where !group.fused {
                    let j0 = i0 ^ group.highFlip
                    if group.bySuperChunks {
                        // Super-chunk by super-chunk; the pattern bits of the sites from 6 up are those of
                        // the partner super-chunk, the rest come per chunk from `lowPatterns`.
                        var sc = 0
                        while sc < blockRows >> 6 {
                            let j = (i0 &+ 64 &* sc) ^ (group.highFlip | (group.chunkFlip << 3))
                            var high = 0
                            for k in group.siteStart..<group.siteEnd where sites[k] >= 6 {
                                high |= ((j &>> sites[k]) & 1) &<< (k &- group.siteStart)
                            }
                            let source = 8 &* (j0 &+ 64 &* (sc ^ (group.chunkFlip &>> 3)))
                            Self.withPermutation(group.permutation) { permute in
                                for u in 0..<8 {
                                    let entry = group.tableStart &+ (high | lowPatterns[8 &* g &+ u])
                                    if vanishing[entry] { continue }
                                    let lane = UnsafeRawPointer(lanes.baseAddress! + 16 &* entry)
                                    let xOffset = source &+ 64 &* (u ^ (group.chunkFlip & 7)), hOffset = 512 &* sc &+ 64 &* u
                                    Self.splitLoop(hr + hOffset, hi + hOffset, xr + xOffset, xi + xOffset, 1,
                                                   lane.loadUnaligned(as: SIMD8<Double>.self),
                                                   lane.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self), real: group.isReal, permute)
                                }
                            }
                            sc &+= 1
                        }
                        continue
                    }
                    let run = 1 << group.runShift
                    var c0 = 0
                    while c0 < blockRows >> 3 {
                        // The pattern of the group's sign sites at and above bit 3 in the run's partners.
                        let j = (i0 &+ 8 &* c0) ^ (group.highFlip | (group.chunkFlip << 3))
                        var pattern = 0
                        for k in group.siteStart..<group.siteEnd { pattern |= ((j &>> sites[k]) & 1) &<< (k &- group.siteStart) }
                        let entry = group.tableStart &+ pattern
                        if !vanishing[entry] {
                            let lane = UnsafeRawPointer(lanes.baseAddress! + 16 &* entry)
                            let er = lane.loadUnaligned(as: SIMD8<Double>.self)
                            let ei = lane.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
                            // Partner rows of chunk c0 + k start at j0 + 8 ((c0 ^ chunkFlip) + k).
                            let source = 8 &* (j0 &+ 8 &* (c0 ^ group.chunkFlip))
                            Self.withPermutation(group.permutation) { permute in
                                Self.splitLoop(hr + 64 &* c0, hi + 64 &* c0, xr + source, xi + source, run, er, ei, real: group.isReal, permute)
                            }
                        }
                        c0 &+= run
                    }
                }
                // z <- alpha h + beta x + gamma z;  acc <- acc + c z.
                o = 0
                while o < blockRows {
                    let offset = 8 &* (i0 &+ o)
                    var nr = alpha * hr.loadUnaligned(fromByteOffset: 8 &* o, as: SIMD8<Double>.self)
                    var ni = alpha * hi.loadUnaligned(fromByteOffset: 8 &* o, as: SIMD8<Double>.self)
                    nr = nr.addingProduct(beta, xr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                    ni = ni.addingProduct(beta, xi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                    if gamma != 0 {
                        nr = nr.addingProduct(gamma, zr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                        ni = ni.addingProduct(gamma, zi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                    }
                    zr.storeBytes(of: nr, toByteOffset: offset, as: SIMD8<Double>.self)
                    zi.storeBytes(of: ni, toByteOffset: offset, as: SIMD8<Double>.self)
                    if accumulating, let ar, let ai {
                        let sr = ar.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(cr, nr).addingProduct(-ci, ni)
                        let si = ai.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(cr, ni).addingProduct(ci, nr)
                        ar.storeBytes(of: sr, toByteOffset: offset, as: SIMD8<Double>.self)
                        ai.storeBytes(of: si, toByteOffset: offset, as: SIMD8<Double>.self)
                    }
                    o &+= 8
                }
            }
            } } } } } }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    /// `h += sum_k e_k x_k` over a block of `chunks` chunks (a multiple of four) for `count` groups
    /// with one entry pair `e_k` for the whole block (lane vectors at `lanes + 128 entries[k]`
    /// bytes) and contiguous unpermuted partners (`x` from byte `sources[k]`): four chunks at a time
    /// in registers, so `h` is read and written once for all of them.
    @inline(__always)
    static func fusedBlockSum(_ hr: UnsafeMutableRawPointer, _ hi: UnsafeMutableRawPointer, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer,
                              chunks: Int, sources: UnsafePointer<Int>, entries: UnsafePointer<Int>, count: Int,
                              lanes: UnsafeRawPointer, real: Bool) {
        guard count > 0 else { return }
        typealias V = SIMD8<Double>
        var c = 0
        while c < chunks {
            let o = 64 &* c
            var r0 = hr.loadUnaligned(fromByteOffset: o, as: V.self), r1 = hr.loadUnaligned(fromByteOffset: o &+ 64, as: V.self)
            var r2 = hr.loadUnaligned(fromByteOffset: o &+ 128, as: V.self), r3 = hr.loadUnaligned(fromByteOffset: o &+ 192, as: V.self)
            var i0 = hi.loadUnaligned(fromByteOffset: o, as: V.self), i1 = hi.loadUnaligned(fromByteOffset: o &+ 64, as: V.self)
            var i2 = hi.loadUnaligned(fromByteOffset: o &+ 128, as: V.self), i3 = hi.loadUnaligned(fromByteOffset: o &+ 192, as: V.self)
            for k in 0..<count {
                let lane = lanes + 128 &* entries[k]
                let er = lane.loadUnaligned(as: V.self)
                let s = sources[k] &+ o
                let a0 = xr.loadUnaligned(fromByteOffset: s, as: V.self), b0 = xi.loadUnaligned(fromByteOffset: s, as: V.self)
                let a1 = xr.loadUnaligned(fromByteOffset: s &+ 64, as: V.self), b1 = xi.loadUnaligned(fromByteOffset: s &+ 64, as: V.self)
                let a2 = xr.loadUnaligned(fromByteOffset: s &+ 128, as: V.self), b2 = xi.loadUnaligned(fromByteOffset: s &+ 128, as: V.self)
                let a3 = xr.loadUnaligned(fromByteOffset: s &+ 192, as: V.self), b3 = xi.loadUnaligned(fromByteOffset: s &+ 192, as: V.self)
                r0 = r0.addingProduct(er, a0); i0 = i0.addingProduct(er, b0)
                r1 = r1.addingProduct(er, a1); i1 = i1.addingProduct(er, b1)
                r2 = r2.addingProduct(er, a2); i2 = i2.addingProduct(er, b2)
                r3 = r3.addingProduct(er, a3); i3 = i3.addingProduct(er, b3)
                if !real {
                    let ei = lane.loadUnaligned(fromByteOffset: 64, as: V.self), minus = -ei
                    r0 = r0.addingProduct(minus, b0); i0 = i0.addingProduct(ei, a0)
                    r1 = r1.addingProduct(minus, b1); i1 = i1.addingProduct(ei, a1)
                    r2 = r2.addingProduct(minus, b2); i2 = i2.addingProduct(ei, a2)
                    r3 = r3.addingProduct(minus, b3); i3 = i3.addingProduct(ei, a3)
                }
            }
            hr.storeBytes(of: r0, toByteOffset: o, as: V.self); hr.storeBytes(of: r1, toByteOffset: o &+ 64, as: V.self)
            hr.storeBytes(of: r2, toByteOffset: o &+ 128, as: V.self); hr.storeBytes(of: r3, toByteOffset: o &+ 192, as: V.self)
            hi.storeBytes(of: i0, toByteOffset: o, as: V.self); hi.storeBytes(of: i1, toByteOffset: o &+ 64, as: V.self)
            hi.storeBytes(of: i2, toByteOffset: o &+ 128, as: V.self); hi.storeBytes(of: i3, toByteOffset: o &+ 192, as: V.self)
            c &+= 4
        }
    }

    /// Calls `body` with the lane permutation `u -> u ^ permutation` of a `SIMD8` (constant
    /// shuffles, one case per permutation, so the loops in `body` are compiled for each).
    @inline(__always)
    static func withPermutation(_ permutation: Int, _ body: ((SIMD8<Double>) -> SIMD8<Double>) -> Void) {
        switch permutation {
        case 0: body { $0 }
        case 1: body { SIMD8($0[1], $0[0], $0[3], $0[2], $0[5], $0[4], $0[7], $0[6]) }
        case 2: body { SIMD8($0[2], $0[3], $0[0], $0[1], $0[6], $0[7], $0[4], $0[5]) }
        case 3: body { SIMD8($0[3], $0[2], $0[1], $0[0], $0[7], $0[6], $0[5], $0[4]) }
        case 4: body { SIMD8($0[4], $0[5], $0[6], $0[7], $0[0], $0[1], $0[2], $0[3]) }
        case 5: body { SIMD8($0[5], $0[4], $0[7], $0[6], $0[1], $0[0], $0[3], $0[2]) }
        case 6: body { SIMD8($0[6], $0[7], $0[4], $0[5], $0[2], $0[3], $0[0], $0[1]) }
        default: body { SIMD8($0[7], $0[6], $0[5], $0[4], $0[3], $0[2], $0[1], $0[0]) }
        }
    }

    /// `h += e x` over `count` chunks of eight rows, `x`'s lanes permuted by `permute` (two fused
    /// multiply-adds per part, one where the entries are real).
    @inline(__always)
    static func splitLoop(_ hr: UnsafeMutableRawPointer, _ hi: UnsafeMutableRawPointer, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer,
                          _ count: Int, _ er: SIMD8<Double>, _ ei: SIMD8<Double>, real: Bool,
                          _ permute: (SIMD8<Double>) -> SIMD8<Double>) {
        if real {
            var k = 0
            while k < count {
                let offset = 64 &* k
                let a = permute(xr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                let b = permute(xi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
                hr.storeBytes(of: hr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(er, a), toByteOffset: offset, as: SIMD8<Double>.self)
                hi.storeBytes(of: hi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(er, b), toByteOffset: offset, as: SIMD8<Double>.self)
                k &+= 1
            }
            return
        }
        var k = 0
        while k < count {
            let offset = 64 &* k
            let a = permute(xr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
            let b = permute(xi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self))
            let sr = hr.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(er, a).addingProduct(-ei, b)
            let si = hi.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self).addingProduct(er, b).addingProduct(ei, a)
            hr.storeBytes(of: sr, toByteOffset: offset, as: SIMD8<Double>.self)
            hi.storeBytes(of: si, toByteOffset: offset, as: SIMD8<Double>.self)
            k &+= 1
        }
    }
}
