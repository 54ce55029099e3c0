import Foundation
import XCTest
@testable import NumericKit

final class RootFindingTests: XCTestCase {
    /// Dottie's number: cos x = x, known to 16 digits (0.7390851332151607).
    func testTranscendentalRoot() throws {
        let result = try BrentRoot().solve({ cos($0) - $0 }, in: 0, 1)
        XCTAssertEqual(result.root, 0.7390851332151607, accuracy: 4e-16)
        XCTAssertLessThan(result.iterations, 12)
    }

    /// The roots of (x - 1)(x - 2)(x - 3), a polynomial with roots known exactly.
    func testPolynomialRoots() throws {
        let f = { (x: Double) in (x - 1) * (x - 2) * (x - 3) }
        for (a, b, expected) in [(0.0, 1.5, 1.0), (1.5, 2.7, 2.0), (2.7, 10.0, 3.0)] {
            XCTAssertEqual(try BrentRoot().solve(f, in: a, b).root, expected, accuracy: 1e-14)
        }
    }

    /// A root at a point of very flat f (x^5 crosses slowly) and a discontinuous sign change:
    /// both are found to the tolerance, the second at the jump.
    func testFlatAndDiscontinuousSignChanges() throws {
        XCTAssertEqual(try BrentRoot(absoluteTolerance: 1e-12).solve({ pow($0 - 0.3, 5) }, in: -1, 2).root, 0.3, accuracy: 1e-10)
        let step = try BrentRoot(absoluteTolerance: 1e-13).solve({ $0 < 0.25 ? -1 : 1 }, in: 0, 1)
        XCTAssertEqual(step.root, 0.25, accuracy: 1e-12)
    }

    func testUnbracketedThrows() {
        XCTAssertThrowsError(try BrentRoot().solve({ $0 * $0 + 1 }, in: -1, 1)) { error in
            guard case RootFindingError.notBracketed = error else { return XCTFail("\(error)") }
        }
    }

    /// Bracket expansion finds exp(x) = 1e6 from [0, 1] and respects the domain clamp.
    func testBracketExpansion() throws {
        let result = try BrentRoot().solve({ exp($0) - 1e6 }, expandingFrom: 0, 1)
        XCTAssertEqual(result.root, log(1e6), accuracy: 1e-13)
        XCTAssertThrowsError(try BrentRoot().solve({ exp($0) - 1e6 }, expandingFrom: 0, 1, within: -5, 5))
        // The left side is clamped at 0: expansion must go right.
        let clamped = try BrentRoot().solve({ $0 - 40 }, expandingFrom: 0, 1, within: 0, .infinity)
        XCTAssertEqual(clamped.root, 40, accuracy: 1e-12)
    }
}
