import Foundation
import NumericKit
import XCTest
@testable import SpinChains

/// The worker's result file: every header number comes back in its own field, and a damaged
/// header (a count that is not a whole number) is a format error, not a trap.
final class SparseWindowResultFormatTests: XCTestCase {
    func result() -> SparseWindowResult {
        SparseWindowResult(minimumEnergy: -3, maximumEnergy: 4, targetEnergy: 0.5, energies: [0.1, 0.2], residuals: [1e-15, 2e-15],
                           vectors: nil, dimension: 3, ranks: 2, matrixNonzeros: 9, estimatedFactorBytes: 1e6,
                           factorBytes: 2e6, peakResidentBytesMax: 3e6, peakResidentBytesSum: 5e6, secondsBounds: 0.1,
                           secondsAnalysis: 0.2, secondsFactorization: 0.25, secondsSolve: 0.3, secondsVectors: 0.35,
                           secondsAssembly: 0.4)
    }

    func testEveryHeaderNumberRoundTripsToItsField() throws {
        let back = try SparseWindowResult(encoded: result().encoded())
        XCTAssertEqual([back.minimumEnergy, back.maximumEnergy, back.targetEnergy, back.estimatedFactorBytes, back.factorBytes,
                        back.peakResidentBytesMax, back.peakResidentBytesSum, back.secondsBounds, back.secondsAnalysis,
                        back.secondsFactorization, back.secondsSolve, back.secondsVectors, back.secondsAssembly],
                       [-3, 4, 0.5, 1e6, 2e6, 3e6, 5e6, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4])
        XCTAssertEqual([back.dimension, back.ranks, back.matrixNonzeros], [3, 2, 9])
        XCTAssertNil(back.vectors)
    }

    func testDamagedCountsAreFormatErrors() throws {
        for (index, value) in [(1, Double.nan), (2, -1), (2, 0.5), (3, .infinity), (4, 1e300), (18, -2), (19, 7)] {
            var numbers: [Double] = result().encoded().withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
            numbers[index] = value
            let data = numbers.withUnsafeBytes { Data($0) }
            XCTAssertThrowsError(try SparseWindowResult(encoded: data), "header[\(index)] = \(value)") { error in
                XCTAssertTrue(error is SparseWindowResult.FormatError, "\(error)")
            }
        }
    }
}
