import XCTest
@testable import SpinChains

final class BasisTests: XCTestCase {
    func testCombinadicRankAndUnrankAreInverseAndOrdered() {
        let combinadic = Combinadic(bits: 10)
        XCTAssertEqual(combinadic.choose(10, 5), 252)
        XCTAssertEqual(combinadic.choose(10, 11), 0)
        for k in 0...10 {
            let states = (0..<1024).filter { $0.nonzeroBitCount == k }.map(UInt64.init)
            for (i, s) in states.enumerated() {
                XCTAssertEqual(combinadic.rank(s), i)
                XCTAssertEqual(combinadic.unrank(i, setBits: k), s)
            }
        }
    }

    func testGospersHackEnumeratesInOrder() {
        var s: UInt64 = 0b111
        var seen = [s]
        while seen.count < 35 { s = nextStateWithSamePopulation(s); seen.append(s) }
        XCTAssertEqual(seen, (0..<128).filter { $0.nonzeroBitCount == 3 }.map(UInt64.init))
    }

    func testSectorIndexingWithAndWithoutProbe() {
        for l in [1, 4, 7, 12] {
            for down in 0...l {
                for probe in [false, true] {
                    let sector = MagnetizationSector(chainLength: l, downSpins: down, withProbe: probe)
                    var seen = Set<UInt64>()
                    for i in 0..<sector.dimension {
                        let s = sector.state(at: i)
                        XCTAssertEqual(sector.index(of: s), i)
                        XCTAssertEqual((s & ((1 << UInt64(l)) - 1)).nonzeroBitCount, down)
                        seen.insert(s)
                    }
                    XCTAssertEqual(seen.count, sector.dimension)
                    // States outside the sector are refused.
                    if down < l { XCTAssertNil(sector.index(of: sector.state(at: 0) | (1 << UInt64(l - 1)) | 1)) }
                }
            }
        }
        XCTAssertEqual(MagnetizationSector(chainLength: 14, totalSz: 0)?.dimension, 3432)
        XCTAssertEqual(MagnetizationSector(chainLength: 5, totalSz: 0.5)?.downSpins, 2)
        XCTAssertNil(MagnetizationSector(chainLength: 4, totalSz: 0.5))
        XCTAssertNil(MagnetizationSector(chainLength: 4, totalSz: 3))
    }

    func testPauliStringPhasesFollowTheTextbookMatrices() {
        // sigma^y |0> = i |1>, sigma^y |1> = -i |0>, sigma^z |1> = -|1>.
        let y = PauliString(.y, at: 0)
        XCTAssertTrue(y.phase(on: 0) == (0, 1))
        XCTAssertTrue(y.phase(on: 1) == (0, -1))
        XCTAssertTrue(PauliString(.z, at: 0).phase(on: 1) == (-1, 0))
        // sigma^y_0 sigma^y_1 |00> = (i)(i) |11> = -|11>.
        XCTAssertTrue(PauliString(.y, at: 0, 1).phase(on: 0) == (-1, 0))
        XCTAssertEqual(PauliString(.y, at: 0, 1).flipMask, 0b11)
    }
}
