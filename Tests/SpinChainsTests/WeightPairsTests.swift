import NumericKit
@testable import SpinChains
import XCTest

/// The rectangles of `WeightPairs` against a brute-force list of the pairs the window observables read.
final class WeightPairsTests: XCTestCase {
    /// Every pair `a <= b` of held states with `|E_b - E_a| <= w`, and every pair across the
    /// matrix-element windows, lies in some rectangle (or its mirror); the band holds no
    /// column of states below the window; the rectangles cover far fewer entries than the window.
    func testRectanglesCoverEveryPairTheObservablesRead() {
        var generator = SplitMix64(state: 11)
        let d = 900
        var energies = (0..<d).map { _ in Double(generator.next() % 1_000_000) / 1e5 - 5 }
        energies.sort()
        let windows = MatrixElementDistribution.Windows()
        for (held, width) in [(250..<700, 0.1), (0..<d, 0.05), (300..<600, 0.0), (400..<500, 0.4)] {
            let pairs = WeightPairs(energyDifference: width, matrixElementWindows: windows)
            let rectangles = pairs.rectangles(energies: energies, held: held)
            var covered = Set<Int>()
            for r in rectangles {
                XCTAssertTrue(r.rows.lowerBound >= 0 && r.rows.upperBound <= held.count)
                XCTAssertTrue(r.columns.lowerBound >= 0 && r.columns.upperBound <= held.count)
                for i in r.rows { for j in r.columns { covered.insert(i * d + j); covered.insert(j * d + i) } }
            }
            for a in held {
                for b in held where b >= a && abs(energies[b] - energies[a]) <= width {
                    XCTAssertTrue(covered.contains((a - held.lowerBound) * d + (b - held.lowerBound)), "pair \(a), \(b) in \(held)")
                }
            }
            let (first, second) = windows.ranges(count: d)
            for a in first.clamped(to: held) {
                for b in second.clamped(to: held) {
                    XCTAssertTrue(covered.contains((a - held.lowerBound) * d + (b - held.lowerBound)), "cross pair \(a), \(b)")
                }
            }
            if width <= 0.1 { XCTAssertLessThan(covered.count, held.count * held.count / 2, "\(held) \(width)") }
        }
        XCTAssertTrue(WeightPairs().rectangles(energies: energies, held: 0..<d).isEmpty)
    }
}
