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
/// blocks of `2^blockShift` (`blockShift >= 6`) and, inside a block, in super-chunks of 64 rows
/// (eight chunks of eight rows) whose `H x` is summed in sixteen registers (`SplitTile`: eight
/// real parts, eight imaginary parts). For a flip group `f` the partners of chunk `u` of a
/// super-chunk are chunk `u ^ (f >> 3 & 7)` of the partner super-chunk (in the same block or in
/// the block `i0 ^ (f above the block)`) with its lanes permuted by `u -> u ^ (f & 7)`, and the
/// entries `h_f` of the eight lanes are one pair of vectors per pattern of the group's sign sites
/// at and above bit 3 (tabulated once per call): the pattern bits of the sites 3-5 are per chunk,
/// those of the sites 6 up to the block per super-chunk, those above the block per block. Each
/// chunk then takes plain fused multiply-adds, `hr += er xr - ei xi`, `hi += er xi + ei xr` (two
/// when the group's entries are real, as a bond's `XX + YY` is; none when they all vanish, as for
/// a bond's aligned spins above bit 5).
///
/// The diagonal is built per block from a table over the sites below the block, one number for the
/// strings above it and the signs of the strings that straddle it (`SplitLayout`), so it is not
/// streamed from memory. Per block, first the diagonal and the groups that flip and read only
/// sites above the block ("whole-block" groups: one entry for the block, partners streamed from
/// another block) sweep the
/// block super-chunk by super-chunk, a few groups per sweep (`splitWholeBlockBatch`), the sums
/// kept between sweeps in two arrays in the first-level cache; then, super-chunk by super-chunk,
/// the sums are loaded into registers once, every other group is added there (partners in the
/// first- or second-level cache) and `z` and `acc` are written. Threads split the blocks.
extension MatrixFreeOperator {
    /// Per flip group: the flip above the block, the chunk flip `(f & (2^blockShift - 1)) >> 3`,
    /// the lane permutation `f & 7`, the sign sites at and above bit 3, and the lane vectors of
    /// `h_f` (real parts then imaginary parts, eight each) for each pattern of those sites.
    struct SplitLayout: Sendable {
        struct Group: Sendable {
            var highFlip: Int
            var chunkFlip: Int
            var permutation: Int
            /// The sign sites at and above bit 3: `sites[siteStart..<siteEnd]`.
            var siteStart: Int
            var siteEnd: Int
            var tableStart: Int
            var isReal: Bool
            /// No sign site among bits 3...5: one entry for the whole super-chunk.
            var uniform: Bool
            /// Some pattern's entries all vanish (then a uniform group's entry is checked before use).
            var mayVanish: Bool
            /// Flips and reads only sites above the block: one entry per block, listed per block.
            var wholeBlock: Bool
        }
        var groups: [Group] = []
        var sites: [Int] = []
        /// `16` doubles per pattern: eight real parts, eight imaginary parts.
        var lanes: [Double] = []
        /// Per pattern: whether all eight entries vanish.
        var vanishing: [Bool] = []
        /// Per group, eight per super-chunk: chunk `u`'s pattern bits of the sign sites 3...5
        /// (those of its partner chunk `u ^ (chunkFlip & 7)`).
        var lowPatterns: [Int] = []
        /// Per group, one per super-chunk `s` of a block: the pattern bits of the sign sites from 6
        /// up to the block (those of the partner super-chunk `s ^ (chunkFlip >> 3)`).
        var superChunkPatterns: [Int] = []
        let superChunks: Int
        /// The diagonal split at the block: `d_i = lowDiagonal[i & low] + sum_k c_k (-1)^{#(i & M_k)}
        /// + sum_k c'_k (-1)^{#(i & M'_k)} lowSigns[k][i & low]`, the strings on sites below the block
        /// summed in `lowDiagonal`, those above it in `highStrings` (one number per block), those
        /// on both sides in `straddlingStrings` (their masks above the block; their signs below it
        /// in `lowSigns`).
        var lowDiagonal: [Double] = []
        var highStrings: [(coefficient: Double, mask: Int)] = []
        var straddlingStrings: [(coefficient: Double, mask: Int)] = []
        /// One table of `2^blockShift` signs `(-1)^{#(l & m)}` per straddling string, one after another.
        var lowSigns: [Double] = []

        init(_ flat: FlattenedGroups, diagonal strings: [(coefficient: Double, mask: Int)], blockShift: Int, fusing: Bool) {
            let low = (1 << blockShift) - 1
            superChunks = 1 << (blockShift - 6)
            lowDiagonal = [Double](repeating: 0, count: low + 1)
            for (c, mask) in strings {
                if mask & ~low == 0 {
                    for l in 0...low { lowDiagonal[l] += c * MatrixFreeOperator.paritySign(l, mask) }
                } else if mask & low == 0 {
                    highStrings.append((c, mask))
                } else {
                    straddlingStrings.append((c, mask & ~low))
                    lowSigns += (0...low).map { l in MatrixFreeOperator.paritySign(l, mask) }
                }
            }
            for g in flat.masks.indices {
                let f = flat.masks[g]
                let sites = Array(flat.bits[flat.bitStarts[g]..<flat.bitStarts[g + 1]])
                let chunkSites = sites.filter { $0 >= 3 }
                var group = Group(highFlip: f & ~low, chunkFlip: (f & low) >> 3, permutation: f & 7,
                                  siteStart: self.sites.count, siteEnd: self.sites.count + chunkSites.count,
                                  tableStart: vanishing.count, isReal: true, uniform: !chunkSites.contains { $0 < 6 },
                                  mayVanish: false, wholeBlock: fusing && f & low == 0 && !chunkSites.contains { $0 < blockShift })
                for u in 0..<8 {
                    var pattern = 0
                    for (k, site) in chunkSites.enumerated() where site < 6 { pattern |= (((u ^ group.chunkFlip) >> (site - 3)) & 1) << k }
                    lowPatterns.append(pattern)
                }
                for s in 0..<superChunks {
                    var pattern = 0
                    for (k, site) in chunkSites.enumerated() where site >= 6 && site < blockShift {
                        pattern |= (((s ^ (group.chunkFlip >> 3)) >> (site - 6)) & 1) << k
                    }
                    superChunkPatterns.append(pattern)
                }
                self.sites += chunkSites
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
                    if im.contains(where: { $0 != 0 }) { group.isReal = false }
                    lanes += re + im
                    let zero = !re.contains { $0 != 0 } && !im.contains { $0 != 0 }
                    if zero { group.mayVanish = true }
                    vanishing.append(zero)
                }
                groups.append(group)
            }
        }
    }

    /// The sum `H x` of one super-chunk (64 rows) in sixteen registers: chunk `u`'s real parts in
    /// `r_u`, imaginary parts in `i_u`. Every operation is written out chunk by chunk, straight-line
    /// code on values (no closures, no references to the fields, no branches), so the optimizer
    /// inlines all of it and keeps the fields in registers. In each `add`, chunk `u` takes the
    /// partner chunk `u ^ f` of `x` from byte `s`.
    struct SplitTile {
        typealias V = SIMD8<Double>
        var r0: V, r1: V, r2: V, r3: V, r4: V, r5: V, r6: V, r7: V
        var i0: V, i1: V, i2: V, i3: V, i4: V, i5: V, i6: V, i7: V

        /// `h_u = d_u x_u` for the super-chunk at byte `o` of `x`, its diagonal at byte `p` of `d`.
        @inline(__always)
        init(diagonal d: UnsafeRawPointer, at p: Int, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, at o: Int) {
            let d0 = Self.load(d, p); r0 = d0 * Self.load(xr, o); i0 = d0 * Self.load(xi, o)
            let d1 = Self.load(d, p &+ 64); r1 = d1 * Self.load(xr, o &+ 64); i1 = d1 * Self.load(xi, o &+ 64)
            let d2 = Self.load(d, p &+ 128); r2 = d2 * Self.load(xr, o &+ 128); i2 = d2 * Self.load(xi, o &+ 128)
            let d3 = Self.load(d, p &+ 192); r3 = d3 * Self.load(xr, o &+ 192); i3 = d3 * Self.load(xi, o &+ 192)
            let d4 = Self.load(d, p &+ 256); r4 = d4 * Self.load(xr, o &+ 256); i4 = d4 * Self.load(xi, o &+ 256)
            let d5 = Self.load(d, p &+ 320); r5 = d5 * Self.load(xr, o &+ 320); i5 = d5 * Self.load(xi, o &+ 320)
            let d6 = Self.load(d, p &+ 384); r6 = d6 * Self.load(xr, o &+ 384); i6 = d6 * Self.load(xi, o &+ 384)
            let d7 = Self.load(d, p &+ 448); r7 = d7 * Self.load(xr, o &+ 448); i7 = d7 * Self.load(xi, o &+ 448)
        }

        /// The sums kept at byte `o` of `hr`, `hi`.
        @inline(__always)
        init(_ hr: UnsafeRawPointer, _ hi: UnsafeRawPointer, at o: Int) {
            r0 = Self.load(hr, o); i0 = Self.load(hi, o)
            r1 = Self.load(hr, o &+ 64); i1 = Self.load(hi, o &+ 64)
            r2 = Self.load(hr, o &+ 128); i2 = Self.load(hi, o &+ 128)
            r3 = Self.load(hr, o &+ 192); i3 = Self.load(hi, o &+ 192)
            r4 = Self.load(hr, o &+ 256); i4 = Self.load(hi, o &+ 256)
            r5 = Self.load(hr, o &+ 320); i5 = Self.load(hi, o &+ 320)
            r6 = Self.load(hr, o &+ 384); i6 = Self.load(hi, o &+ 384)
            r7 = Self.load(hr, o &+ 448); i7 = Self.load(hi, o &+ 448)
        }

        /// Keeps the sums at byte `o` of `hr`, `hi`.
        @inline(__always)
        func store(_ hr: UnsafeMutableRawPointer, _ hi: UnsafeMutableRawPointer, at o: Int) {
            hr.storeBytes(of: r0, toByteOffset: o, as: V.self); hi.storeBytes(of: i0, toByteOffset: o, as: V.self)
            hr.storeBytes(of: r1, toByteOffset: o &+ 64, as: V.self); hi.storeBytes(of: i1, toByteOffset: o &+ 64, as: V.self)
            hr.storeBytes(of: r2, toByteOffset: o &+ 128, as: V.self); hi.storeBytes(of: i2, toByteOffset: o &+ 128, as: V.self)
            hr.storeBytes(of: r3, toByteOffset: o &+ 192, as: V.self); hi.storeBytes(of: i3, toByteOffset: o &+ 192, as: V.self)
            hr.storeBytes(of: r4, toByteOffset: o &+ 256, as: V.self); hi.storeBytes(of: i4, toByteOffset: o &+ 256, as: V.self)
            hr.storeBytes(of: r5, toByteOffset: o &+ 320, as: V.self); hi.storeBytes(of: i5, toByteOffset: o &+ 320, as: V.self)
            hr.storeBytes(of: r6, toByteOffset: o &+ 384, as: V.self); hi.storeBytes(of: i6, toByteOffset: o &+ 384, as: V.self)
            hr.storeBytes(of: r7, toByteOffset: o &+ 448, as: V.self); hi.storeBytes(of: i7, toByteOffset: o &+ 448, as: V.self)
        }

        /// `h_u += er x_{u ^ f}`: one real entry for the super-chunk.
        @inline(__always)
        mutating func addReal(_ er: V, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, from s: Int, flip f: Int) {
            (r0, i0) = Self.real((r0, i0), er, Self.load(xr, s &+ 64 &* (0 ^ f)), Self.load(xi, s &+ 64 &* (0 ^ f)))
            (r1, i1) = Self.real((r1, i1), er, Self.load(xr, s &+ 64 &* (1 ^ f)), Self.load(xi, s &+ 64 &* (1 ^ f)))
            (r2, i2) = Self.real((r2, i2), er, Self.load(xr, s &+ 64 &* (2 ^ f)), Self.load(xi, s &+ 64 &* (2 ^ f)))
            (r3, i3) = Self.real((r3, i3), er, Self.load(xr, s &+ 64 &* (3 ^ f)), Self.load(xi, s &+ 64 &* (3 ^ f)))
            (r4, i4) = Self.real((r4, i4), er, Self.load(xr, s &+ 64 &* (4 ^ f)), Self.load(xi, s &+ 64 &* (4 ^ f)))
            (r5, i5) = Self.real((r5, i5), er, Self.load(xr, s &+ 64 &* (5 ^ f)), Self.load(xi, s &+ 64 &* (5 ^ f)))
            (r6, i6) = Self.real((r6, i6), er, Self.load(xr, s &+ 64 &* (6 ^ f)), Self.load(xi, s &+ 64 &* (6 ^ f)))
            (r7, i7) = Self.real((r7, i7), er, Self.load(xr, s &+ 64 &* (7 ^ f)), Self.load(xi, s &+ 64 &* (7 ^ f)))
        }

        /// `h_u += (er + i ei) x_{u ^ f}`: one complex entry for the super-chunk.
        @inline(__always)
        mutating func addComplex(_ er: V, _ ei: V, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, from s: Int, flip f: Int) {
            (r0, i0) = Self.complex((r0, i0), er, ei, Self.load(xr, s &+ 64 &* (0 ^ f)), Self.load(xi, s &+ 64 &* (0 ^ f)))
            (r1, i1) = Self.complex((r1, i1), er, ei, Self.load(xr, s &+ 64 &* (1 ^ f)), Self.load(xi, s &+ 64 &* (1 ^ f)))
            (r2, i2) = Self.complex((r2, i2), er, ei, Self.load(xr, s &+ 64 &* (2 ^ f)), Self.load(xi, s &+ 64 &* (2 ^ f)))
            (r3, i3) = Self.complex((r3, i3), er, ei, Self.load(xr, s &+ 64 &* (3 ^ f)), Self.load(xi, s &+ 64 &* (3 ^ f)))
            (r4, i4) = Self.complex((r4, i4), er, ei, Self.load(xr, s &+ 64 &* (4 ^ f)), Self.load(xi, s &+ 64 &* (4 ^ f)))
            (r5, i5) = Self.complex((r5, i5), er, ei, Self.load(xr, s &+ 64 &* (5 ^ f)), Self.load(xi, s &+ 64 &* (5 ^ f)))
            (r6, i6) = Self.complex((r6, i6), er, ei, Self.load(xr, s &+ 64 &* (6 ^ f)), Self.load(xi, s &+ 64 &* (6 ^ f)))
            (r7, i7) = Self.complex((r7, i7), er, ei, Self.load(xr, s &+ 64 &* (7 ^ f)), Self.load(xi, s &+ 64 &* (7 ^ f)))
        }

        /// `h_u += e_u x_{u ^ f}`, chunk `u`'s real entries at table entry `entry + patterns[u]` of `lanes`.
        @inline(__always)
        mutating func addReal(lanes: UnsafeRawPointer, entry: Int, patterns: UnsafePointer<Int>,
                              _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, from s: Int, flip f: Int) {
            (r0, i0) = Self.real((r0, i0), Self.load(lanes, 128 &* (entry &+ patterns[0])), Self.load(xr, s &+ 64 &* (0 ^ f)), Self.load(xi, s &+ 64 &* (0 ^ f)))
            (r1, i1) = Self.real((r1, i1), Self.load(lanes, 128 &* (entry &+ patterns[1])), Self.load(xr, s &+ 64 &* (1 ^ f)), Self.load(xi, s &+ 64 &* (1 ^ f)))
            (r2, i2) = Self.real((r2, i2), Self.load(lanes, 128 &* (entry &+ patterns[2])), Self.load(xr, s &+ 64 &* (2 ^ f)), Self.load(xi, s &+ 64 &* (2 ^ f)))
            (r3, i3) = Self.real((r3, i3), Self.load(lanes, 128 &* (entry &+ patterns[3])), Self.load(xr, s &+ 64 &* (3 ^ f)), Self.load(xi, s &+ 64 &* (3 ^ f)))
            (r4, i4) = Self.real((r4, i4), Self.load(lanes, 128 &* (entry &+ patterns[4])), Self.load(xr, s &+ 64 &* (4 ^ f)), Self.load(xi, s &+ 64 &* (4 ^ f)))
            (r5, i5) = Self.real((r5, i5), Self.load(lanes, 128 &* (entry &+ patterns[5])), Self.load(xr, s &+ 64 &* (5 ^ f)), Self.load(xi, s &+ 64 &* (5 ^ f)))
            (r6, i6) = Self.real((r6, i6), Self.load(lanes, 128 &* (entry &+ patterns[6])), Self.load(xr, s &+ 64 &* (6 ^ f)), Self.load(xi, s &+ 64 &* (6 ^ f)))
            (r7, i7) = Self.real((r7, i7), Self.load(lanes, 128 &* (entry &+ patterns[7])), Self.load(xr, s &+ 64 &* (7 ^ f)), Self.load(xi, s &+ 64 &* (7 ^ f)))
        }

        /// `h_u += e_u P x_{u ^ f}`, chunk `u`'s complex entries at table entry `entry + patterns[u]` of
        /// `lanes`, with `x`'s lanes permuted by `P` (a type, so that each permutation is compiled into
        /// its own straight-line code: constant shuffles, the sums kept in registers).
        @inline(__always)
        mutating func addComplex<P: LanePermutation>(lanes: UnsafeRawPointer, entry: Int, patterns: UnsafePointer<Int>,
                                                     _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, from s: Int, flip f: Int,
                                                     permuted _: P.Type = UnpermutedLanes.self) {
            let e0 = 128 &* (entry &+ patterns[0]); (r0, i0) = Self.complex((r0, i0), Self.load(lanes, e0), Self.load(lanes, e0 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (0 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (0 ^ f))))
            let e1 = 128 &* (entry &+ patterns[1]); (r1, i1) = Self.complex((r1, i1), Self.load(lanes, e1), Self.load(lanes, e1 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (1 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (1 ^ f))))
            let e2 = 128 &* (entry &+ patterns[2]); (r2, i2) = Self.complex((r2, i2), Self.load(lanes, e2), Self.load(lanes, e2 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (2 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (2 ^ f))))
            let e3 = 128 &* (entry &+ patterns[3]); (r3, i3) = Self.complex((r3, i3), Self.load(lanes, e3), Self.load(lanes, e3 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (3 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (3 ^ f))))
            let e4 = 128 &* (entry &+ patterns[4]); (r4, i4) = Self.complex((r4, i4), Self.load(lanes, e4), Self.load(lanes, e4 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (4 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (4 ^ f))))
            let e5 = 128 &* (entry &+ patterns[5]); (r5, i5) = Self.complex((r5, i5), Self.load(lanes, e5), Self.load(lanes, e5 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (5 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (5 ^ f))))
            let e6 = 128 &* (entry &+ patterns[6]); (r6, i6) = Self.complex((r6, i6), Self.load(lanes, e6), Self.load(lanes, e6 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (6 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (6 ^ f))))
            let e7 = 128 &* (entry &+ patterns[7]); (r7, i7) = Self.complex((r7, i7), Self.load(lanes, e7), Self.load(lanes, e7 &+ 64), P.apply(Self.load(xr, s &+ 64 &* (7 ^ f))), P.apply(Self.load(xi, s &+ 64 &* (7 ^ f))))
        }

        /// `h_u += e_u P_k x_{u ^ f}` with `x`'s lanes permuted by `P_k: l -> l ^ k` (`k = 1...7`),
        /// chunk `u`'s entries (taken as complex) at table entry `entry + patterns[u]` of `lanes`.
        @inline(__always)
        mutating func addPermuted(_ k: Int, lanes: UnsafeRawPointer, entry: Int, patterns: UnsafePointer<Int>,
                                  _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, from s: Int, flip f: Int) {
            switch k {
            case 1: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor1.self)
            case 2: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor2.self)
            case 3: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor3.self)
            case 4: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor4.self)
            case 5: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor5.self)
            case 6: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor6.self)
            case 7: addComplex(lanes: lanes, entry: entry, patterns: patterns, xr, xi, from: s, flip: f, permuted: LaneXor7.self)
            default: preconditionFailure("lane permutations are 1...7")
            }
        }

        /// `z <- alpha h + beta x + gamma z` and `acc <- acc + c z` for the super-chunk at byte `o`.
        @inline(__always)
        func write(at o: Int, _ xr: UnsafeRawPointer, _ xi: UnsafeRawPointer, _ zr: UnsafeMutableRawPointer, _ zi: UnsafeMutableRawPointer,
                   _ ar: UnsafeMutableRawPointer?, _ ai: UnsafeMutableRawPointer?, alpha: Double, beta: Double, gamma: Double, c: Complex<Double>) {
            var nr = (alpha * r0, alpha * r1, alpha * r2, alpha * r3, alpha * r4, alpha * r5, alpha * r6, alpha * r7)
            var ni = (alpha * i0, alpha * i1, alpha * i2, alpha * i3, alpha * i4, alpha * i5, alpha * i6, alpha * i7)
            nr.0 = nr.0.addingProduct(beta, Self.load(xr, o)); ni.0 = ni.0.addingProduct(beta, Self.load(xi, o))
            nr.1 = nr.1.addingProduct(beta, Self.load(xr, o &+ 64)); ni.1 = ni.1.addingProduct(beta, Self.load(xi, o &+ 64))
            nr.2 = nr.2.addingProduct(beta, Self.load(xr, o &+ 128)); ni.2 = ni.2.addingProduct(beta, Self.load(xi, o &+ 128))
            nr.3 = nr.3.addingProduct(beta, Self.load(xr, o &+ 192)); ni.3 = ni.3.addingProduct(beta, Self.load(xi, o &+ 192))
            nr.4 = nr.4.addingProduct(beta, Self.load(xr, o &+ 256)); ni.4 = ni.4.addingProduct(beta, Self.load(xi, o &+ 256))
            nr.5 = nr.5.addingProduct(beta, Self.load(xr, o &+ 320)); ni.5 = ni.5.addingProduct(beta, Self.load(xi, o &+ 320))
            nr.6 = nr.6.addingProduct(beta, Self.load(xr, o &+ 384)); ni.6 = ni.6.addingProduct(beta, Self.load(xi, o &+ 384))
            nr.7 = nr.7.addingProduct(beta, Self.load(xr, o &+ 448)); ni.7 = ni.7.addingProduct(beta, Self.load(xi, o &+ 448))
            if gamma != 0 {
                nr.0 = nr.0.addingProduct(gamma, Self.load(zr, o)); ni.0 = ni.0.addingProduct(gamma, Self.load(zi, o))
                nr.1 = nr.1.addingProduct(gamma, Self.load(zr, o &+ 64)); ni.1 = ni.1.addingProduct(gamma, Self.load(zi, o &+ 64))
                nr.2 = nr.2.addingProduct(gamma, Self.load(zr, o &+ 128)); ni.2 = ni.2.addingProduct(gamma, Self.load(zi, o &+ 128))
                nr.3 = nr.3.addingProduct(gamma, Self.load(zr, o &+ 192)); ni.3 = ni.3.addingProduct(gamma, Self.load(zi, o &+ 192))
                nr.4 = nr.4.addingProduct(gamma, Self.load(zr, o &+ 256)); ni.4 = ni.4.addingProduct(gamma, Self.load(zi, o &+ 256))
                nr.5 = nr.5.addingProduct(gamma, Self.load(zr, o &+ 320)); ni.5 = ni.5.addingProduct(gamma, Self.load(zi, o &+ 320))
                nr.6 = nr.6.addingProduct(gamma, Self.load(zr, o &+ 384)); ni.6 = ni.6.addingProduct(gamma, Self.load(zi, o &+ 384))
                nr.7 = nr.7.addingProduct(gamma, Self.load(zr, o &+ 448)); ni.7 = ni.7.addingProduct(gamma, Self.load(zi, o &+ 448))
            }
            zr.storeBytes(of: nr.0, toByteOffset: o, as: V.self); zi.storeBytes(of: ni.0, toByteOffset: o, as: V.self)
            zr.storeBytes(of: nr.1, toByteOffset: o &+ 64, as: V.self); zi.storeBytes(of: ni.1, toByteOffset: o &+ 64, as: V.self)
            zr.storeBytes(of: nr.2, toByteOffset: o &+ 128, as: V.self); zi.storeBytes(of: ni.2, toByteOffset: o &+ 128, as: V.self)
            zr.storeBytes(of: nr.3, toByteOffset: o &+ 192, as: V.self); zi.storeBytes(of: ni.3, toByteOffset: o &+ 192, as: V.self)
            zr.storeBytes(of: nr.4, toByteOffset: o &+ 256, as: V.self); zi.storeBytes(of: ni.4, toByteOffset: o &+ 256, as: V.self)
            zr.storeBytes(of: nr.5, toByteOffset: o &+ 320, as: V.self); zi.storeBytes(of: ni.5, toByteOffset: o &+ 320, as: V.self)
            zr.storeBytes(of: nr.6, toByteOffset: o &+ 384, as: V.self); zi.storeBytes(of: ni.6, toByteOffset: o &+ 384, as: V.self)
            zr.storeBytes(of: nr.7, toByteOffset: o &+ 448, as: V.self); zi.storeBytes(of: ni.7, toByteOffset: o &+ 448, as: V.self)
            guard let ar, let ai else { return }
            ar.storeBytes(of: Self.load(ar, o).addingProduct(c.real, nr.0).addingProduct(-c.imaginary, ni.0), toByteOffset: o, as: V.self)
            ai.storeBytes(of: Self.load(ai, o).addingProduct(c.real, ni.0).addingProduct(c.imaginary, nr.0), toByteOffset: o, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 64).addingProduct(c.real, nr.1).addingProduct(-c.imaginary, ni.1), toByteOffset: o &+ 64, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 64).addingProduct(c.real, ni.1).addingProduct(c.imaginary, nr.1), toByteOffset: o &+ 64, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 128).addingProduct(c.real, nr.2).addingProduct(-c.imaginary, ni.2), toByteOffset: o &+ 128, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 128).addingProduct(c.real, ni.2).addingProduct(c.imaginary, nr.2), toByteOffset: o &+ 128, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 192).addingProduct(c.real, nr.3).addingProduct(-c.imaginary, ni.3), toByteOffset: o &+ 192, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 192).addingProduct(c.real, ni.3).addingProduct(c.imaginary, nr.3), toByteOffset: o &+ 192, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 256).addingProduct(c.real, nr.4).addingProduct(-c.imaginary, ni.4), toByteOffset: o &+ 256, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 256).addingProduct(c.real, ni.4).addingProduct(c.imaginary, nr.4), toByteOffset: o &+ 256, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 320).addingProduct(c.real, nr.5).addingProduct(-c.imaginary, ni.5), toByteOffset: o &+ 320, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 320).addingProduct(c.real, ni.5).addingProduct(c.imaginary, nr.5), toByteOffset: o &+ 320, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 384).addingProduct(c.real, nr.6).addingProduct(-c.imaginary, ni.6), toByteOffset: o &+ 384, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 384).addingProduct(c.real, ni.6).addingProduct(c.imaginary, nr.6), toByteOffset: o &+ 384, as: V.self)
            ar.storeBytes(of: Self.load(ar, o &+ 448).addingProduct(c.real, nr.7).addingProduct(-c.imaginary, ni.7), toByteOffset: o &+ 448, as: V.self)
            ai.storeBytes(of: Self.load(ai, o &+ 448).addingProduct(c.real, ni.7).addingProduct(c.imaginary, nr.7), toByteOffset: o &+ 448, as: V.self)
        }

        @inline(__always)
        static func load(_ p: UnsafeRawPointer, _ o: Int) -> V { p.loadUnaligned(fromByteOffset: o, as: V.self) }

        /// `h + er x` for one chunk (`x = a + i b`).
        @inline(__always)
        static func real(_ h: (V, V), _ er: V, _ a: V, _ b: V) -> (V, V) { (h.0.addingProduct(er, a), h.1.addingProduct(er, b)) }

        /// `h + (er + i ei) x` for one chunk (`x = a + i b`).
        @inline(__always)
        static func complex(_ h: (V, V), _ er: V, _ ei: V, _ a: V, _ b: V) -> (V, V) {
            (h.0.addingProduct(er, a).addingProduct(-ei, b), h.1.addingProduct(er, b).addingProduct(ei, a))
        }
    }

    /// `z <- alpha H x + beta x + gamma z` and, with `accumulate`, `acc <- acc + c z`, on split
    /// vectors of `D` entries (`z` may not alias `x`; with `gamma = 0`, `z` is not read). Equal to
    /// `recurrence` on the same numbers to rounding. Needs at least 6 sites (`D >= 64`).
    public func splitRecurrence(_ xr: UnsafePointer<Double>, _ xi: UnsafePointer<Double>,
                                into zr: UnsafeMutablePointer<Double>, _ zi: UnsafeMutablePointer<Double>,
                                alpha: Double, beta: Double, gamma: Double, accumulate c: Complex<Double> = .zero,
                                into ar: UnsafeMutablePointer<Double>? = nil, _ ai: UnsafeMutablePointer<Double>? = nil) {
        splitRecurrence(xr, xi, into: zr, zi, alpha: alpha, beta: beta, gamma: gamma, accumulate: c, into: ar, ai, layout: splitLayout())
    }

    /// The tables of `splitRecurrence` for this operator, `splitBlockShift` and
    /// `splitFusesWholeBlockGroups` (tens of microseconds at L = 20 + P): a caller that updates
    /// many times builds them once.
    func splitLayout() -> SplitLayout {
        precondition(siteCount >= Self.splitMinimumSites, "the split-complex kernel needs at least \(Self.splitMinimumSites) sites")
        return SplitLayout(flattenedGroups, diagonal: diagonalStrings, blockShift: splitShift, fusing: splitFusesWholeBlockGroups)
    }

    /// The block shift the split kernel uses: `splitBlockShift`, at least 6, at most the sites.
    var splitShift: Int { min(max(splitBlockShift, 6), siteCount) }

    /// `splitRecurrence` with the tables of `splitLayout()` (built for this operator and its settings).
    func splitRecurrence(_ xr: UnsafePointer<Double>, _ xi: UnsafePointer<Double>,
                         into zr: UnsafeMutablePointer<Double>, _ zi: UnsafeMutablePointer<Double>,
                         alpha: Double, beta: Double, gamma: Double, accumulate c: Complex<Double>,
                         into ar: UnsafeMutablePointer<Double>?, _ ai: UnsafeMutablePointer<Double>?, layout: SplitLayout) {
        let shift = splitShift
        let blocks = dimension >> shift
        let chunks = threads == 1 ? 1 : min(blocks, threads * 4)
        let blocksPerChunk = (blocks + chunks - 1) / chunks
        let addresses = [Int(bitPattern: xr), Int(bitPattern: xi), Int(bitPattern: zr), Int(bitPattern: zi),
                         Int(bitPattern: ar), Int(bitPattern: ai)]
        let accumulating = ar != nil && ai != nil
        let batch = Self.splitWholeBlockBatch
        let body: @Sendable (Int) -> Void = { chunk in
            let xr = UnsafeRawPointer(bitPattern: addresses[0])!, xi = UnsafeRawPointer(bitPattern: addresses[1])!
            let zr = UnsafeMutableRawPointer(bitPattern: addresses[2])!, zi = UnsafeMutableRawPointer(bitPattern: addresses[3])!
            let ar = UnsafeMutableRawPointer(bitPattern: addresses[4]), ai = UnsafeMutableRawPointer(bitPattern: addresses[5])
            let groupCount = layout.groups.count
            // Per block: the whole-block groups with a non-vanishing entry (partner byte offset and
            // lane byte offset, real ones first, complex ones from `groupCount`), and the other groups
            // (index, partner block byte offset, table entry of the bits above the block).
            let wholeSources = UnsafeMutablePointer<Int>.allocate(capacity: 2 * groupCount)
            let wholeLanes = UnsafeMutablePointer<Int>.allocate(capacity: 2 * groupCount)
            let others = UnsafeMutablePointer<(group: Int, source: Int, entry: Int)>.allocate(capacity: groupCount)
            // The block's sums after the diagonal and the whole-block groups, held in the first-level cache.
            let hr = UnsafeMutableRawPointer.allocate(byteCount: 8 << shift, alignment: 64)
            let hi = UnsafeMutableRawPointer.allocate(byteCount: 8 << shift, alignment: 64)
            // The block's diagonal, from the low table and the strings that read sites above the block.
            let dr = UnsafeMutableRawPointer.allocate(byteCount: 8 << shift, alignment: 64)
            defer { wholeSources.deallocate(); wholeLanes.deallocate(); others.deallocate(); hr.deallocate(); hi.deallocate(); dr.deallocate() }
            layout.lowDiagonal.withUnsafeBufferPointer { lowDiagonal in
            layout.lowSigns.withUnsafeBufferPointer { lowSigns in
            layout.lanes.withUnsafeBufferPointer { lanes in
            layout.vanishing.withUnsafeBufferPointer { vanishing in
            layout.groups.withUnsafeBufferPointer { groups in
            layout.sites.withUnsafeBufferPointer { sites in
            layout.lowPatterns.withUnsafeBufferPointer { lowPatterns in
            layout.superChunkPatterns.withUnsafeBufferPointer { superChunkPatterns in
            let lowD = UnsafeRawPointer(lowDiagonal.baseAddress!), signs = UnsafeRawPointer(lowSigns.baseAddress!)
            let highStrings = layout.highStrings, straddlingStrings = layout.straddlingStrings
            let lane = UnsafeRawPointer(lanes.baseAddress!)
            let superChunks = layout.superChunks
            let lowerBlock = chunk * blocksPerChunk, upperBlock = min(blocks, lowerBlock + blocksPerChunk)
            guard lowerBlock < upperBlock else { return }
            for block in lowerBlock..<upperBlock {
                let i0 = block << shift
                var high = 0.0
                for string in highStrings { high += string.coefficient * Self.paritySign(i0, string.mask) }
                var o = 0
                while o < 8 << shift {
                    var d = SplitTile.load(lowD, o) + SIMD8(repeating: high)
                    for (k, string) in straddlingStrings.enumerated() {
                        let c = string.coefficient * Self.paritySign(i0, string.mask)
                        d = d.addingProduct(c, SplitTile.load(signs, (8 &* k) << shift &+ o))
                    }
                    dr.storeBytes(of: d, toByteOffset: o, as: SIMD8<Double>.self)
                    o &+= 64
                }
                var realCount = 0, complexCount = 0, otherCount = 0
                for g in 0..<groupCount {
                    let group = groups[g]
                    // The pattern of the sign sites above the block (the partner's bits below it are i0's: zero).
                    let j = i0 ^ group.highFlip
                    var pattern = 0
                    for k in group.siteStart..<group.siteEnd { pattern |= ((j &>> sites[k]) & 1) &<< (k &- group.siteStart) }
                    let entry = group.tableStart &+ pattern
                    if group.wholeBlock {
                        if vanishing[entry] { continue }
                        let slot = group.isReal ? realCount : groupCount &+ complexCount
                        wholeSources[slot] = 8 &* j
                        wholeLanes[slot] = 128 &* entry
                        if group.isReal { realCount &+= 1 } else { complexCount &+= 1 }
                    } else {
                        others[otherCount] = (g, 8 &* j, entry)
                        otherCount &+= 1
                    }
                }
                // The diagonal and the whole-block groups over the block (their partners stream in
                // from the far blocks back to back), then the other groups super-chunk by super-chunk.
                var realStart = 0, complexStart = groupCount, first = true
                repeat {
                    let realEnd = min(realStart &+ batch, realCount), complexEnd = min(complexStart &+ batch, groupCount &+ complexCount)
                    for s in 0..<superChunks {
                        var tile = first ? SplitTile(diagonal: dr, at: 512 &* s, xr, xi, at: 8 &* (i0 &+ 64 &* s)) : SplitTile(hr, hi, at: 512 &* s)
                        for k in realStart..<realEnd {
                            tile.addReal(SplitTile.load(lane, wholeLanes[k]), xr, xi, from: wholeSources[k] &+ 512 &* s, flip: 0)
                        }
                        for k in complexStart..<complexEnd {
                            tile.addComplex(SplitTile.load(lane, wholeLanes[k]), SplitTile.load(lane, wholeLanes[k] &+ 64),
                                            xr, xi, from: wholeSources[k] &+ 512 &* s, flip: 0)
                        }
                        tile.store(hr, hi, at: 512 &* s)
                    }
                    first = false
                    realStart = realEnd
                    complexStart = complexEnd
                } while realStart < realCount || complexStart < groupCount &+ complexCount
                for s in 0..<superChunks {
                    let row = 8 &* (i0 &+ 64 &* s)
                    var tile = SplitTile(hr, hi, at: 512 &* s)
                    for k in 0..<otherCount {
                        let (g, blockSource, blockEntry) = others[k]
                        let group = groups[g]
                        let source = blockSource &+ 512 &* (s ^ (group.chunkFlip &>> 3))
                        let flip = group.chunkFlip & 7
                        let entry = blockEntry &+ superChunkPatterns[superChunks &* g &+ s]
                        if group.permutation != 0 {
                            tile.addPermuted(group.permutation, lanes: lane, entry: entry, patterns: lowPatterns.baseAddress! + 8 &* g,
                                             xr, xi, from: source, flip: flip)
                        } else if !group.uniform {
                            if group.isReal {
                                tile.addReal(lanes: lane, entry: entry, patterns: lowPatterns.baseAddress! + 8 &* g, xr, xi, from: source, flip: flip)
                            } else {
                                tile.addComplex(lanes: lane, entry: entry, patterns: lowPatterns.baseAddress! + 8 &* g, xr, xi, from: source, flip: flip)
                            }
                        } else if !(group.mayVanish && vanishing[entry]) {
                            if group.isReal {
                                tile.addReal(SplitTile.load(lane, 128 &* entry), xr, xi, from: source, flip: flip)
                            } else {
                                tile.addComplex(SplitTile.load(lane, 128 &* entry), SplitTile.load(lane, 128 &* entry &+ 64), xr, xi, from: source, flip: flip)
                            }
                        }
                    }
                    tile.write(at: row, xr, xi, zr, zi, accumulating ? ar : nil, accumulating ? ai : nil, alpha: alpha, beta: beta, gamma: gamma, c: c)
                }
            }
            } } } } } } } }
        }
        if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
    }

    /// Whole-block groups of each kind (real, complex) per sweep over a block in `splitRecurrence`:
    /// a few partner streams at a time, which the hardware prefetchers follow better than all of
    /// them at once (1 thread, L = 20 + P: about 5% faster than one sweep for all).
    static let splitWholeBlockBatch = 4

    /// Sites the split-complex kernel needs at least: one super-chunk of 64 rows.
    public static let splitMinimumSites = 6
}

/// A permutation of the eight lanes of a vector, as a type: `SplitTile.addComplex` is compiled
/// once per permutation, each with constant shuffles.
protocol LanePermutation {
    static func apply(_ v: SIMD8<Double>) -> SIMD8<Double>
}

/// The lanes as they are.
enum UnpermutedLanes: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { v }
}

/// Lanes permuted by `l -> l ^ k`, `k = 1...7`.
enum LaneXor1: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[1], v[0], v[3], v[2], v[5], v[4], v[7], v[6]) }
}
enum LaneXor2: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[2], v[3], v[0], v[1], v[6], v[7], v[4], v[5]) }
}
enum LaneXor3: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[3], v[2], v[1], v[0], v[7], v[6], v[5], v[4]) }
}
enum LaneXor4: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[4], v[5], v[6], v[7], v[0], v[1], v[2], v[3]) }
}
enum LaneXor5: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[5], v[4], v[7], v[6], v[1], v[0], v[3], v[2]) }
}
enum LaneXor6: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[6], v[7], v[4], v[5], v[2], v[3], v[0], v[1]) }
}
enum LaneXor7: LanePermutation {
    @inline(__always) static func apply(_ v: SIMD8<Double>) -> SIMD8<Double> { SIMD8(v[7], v[6], v[5], v[4], v[3], v[2], v[1], v[0]) }
}
