import Foundation
import XCTest
@testable import NumericKit

final class FittingTests: XCTestCase {
    /// Exact data on a line and a cubic are reproduced to rounding.
    func testExactData() throws {
        let x = (0..<12).map { Double($0) * 0.7 - 2 }
        let line = try LinearLeastSquares.line(x: x, y: x.map { 3 - 1.25 * $0 })
        XCTAssertEqual(line.intercept, 3, accuracy: 1e-13)
        XCTAssertEqual(line.slope, -1.25, accuracy: 1e-13)
        XCTAssertEqual(line.coefficientOfDetermination, 1, accuracy: 1e-13)
        let cubic = try LinearLeastSquares.fit(x: x, y: x.map { 1 + 2 * $0 - 0.5 * $0 * $0 + 0.1 * $0 * $0 * $0 },
                                               basis: [{ _ in 1 }, { $0 }, { $0 * $0 }, { $0 * $0 * $0 }])
        for (c, e) in zip(cubic.coefficients, [1, 2, -0.5, 0.1]) { XCTAssertEqual(c, e, accuracy: 1e-12) }
    }

    /// With known sigmas the slope error is the textbook sigma/sqrt(sum (x - xbar)^2), and the
    /// intercept error sigma sqrt(1/n + xbar^2/Sxx), independent of the data values.
    func testParameterErrorsWithKnownSigmas() throws {
        let x = (0..<20).map { Double($0) }, sigma = 0.3
        let y = x.map { 2 + 0.5 * $0 + (sin(7 * $0) * 0.3) }
        let fit = try LinearLeastSquares.line(x: x, y: y, sigmas: Array(repeating: sigma, count: x.count))
        let mean = x.reduce(0, +) / 20, sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        XCTAssertEqual(fit.slopeError, sigma / sxx.squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(fit.interceptError, sigma * (1 / 20 + mean * mean / sxx).squareRoot(), accuracy: 1e-14)
    }

    /// Without sigmas, errors scale with the residual scatter: s^2 = chi^2/(n - 2).
    func testParameterErrorsFromScatter() throws {
        let x = (0..<30).map { Double($0) / 3 }
        let y = x.map { 1 - $0 + 0.05 * cos(11 * $0) }
        let fit = try LinearLeastSquares.line(x: x, y: y)
        let mean = x.reduce(0, +) / 30, sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let s = (fit.chiSquared / 28).squareRoot()
        XCTAssertEqual(fit.slopeError, s / sxx.squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(fit.slope, -1, accuracy: 4 * fit.slopeError)
    }

    func testRankDeficientThrows() {
        let x = [1.0, 2, 3, 4]
        XCTAssertThrowsError(try LinearLeastSquares.fit(x: x, y: x, basis: [{ $0 }, { 2 * $0 }]))
        XCTAssertThrowsError(try LinearLeastSquares.line(x: [1], y: [1]))
    }
}
