import Foundation
import NumericKit
import XCTest
@testable import SpinChains

final class DisorderTests: XCTestCase {
    /// Published outputs of the reference implementations (Vigna, prng.di.unimi.it): SplitMix64
    /// from state 0, and xoshiro256** from state (1, 2, 3, 4).
    func testGeneratorsReproduceReferenceOutputs() {
        var split = SplitMix64(state: 0)
        XCTAssertEqual(split.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(split.next(), 0x6E78_9E6A_A1B9_65F4)
        var xoshiro = Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual((0..<4).map { _ in xoshiro.next() }, [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    func testRealizationsDependOnSeedAndIndexOnly() {
        let problem = EDProblem(model: .xxz, length: 10, disorderStrength: 3)
        let a = problem.drawFields(seed: 42, realization: 7)
        let b = problem.drawFields(seed: 42, realization: 7)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, problem.drawFields(seed: 42, realization: 8))
        XCTAssertNotEqual(a, problem.drawFields(seed: 43, realization: 7))
        XCTAssertTrue(a.longitudinal!.allSatisfy { abs($0) <= 3 })
    }

    func testFieldVectorsHaveUnitMeanSquare() {
        for distribution in FieldDistribution.allCases {
            var g = disorderGenerator(seed: 1, realization: 0)
            let v = drawFieldVectors(length: 20000, distribution: distribution, using: &g)
            let meanSquare = v.reduce(0) { $0 + ($1 * $1).sum() } / Double(v.count)
            let mean = v.reduce(SIMD3<Double>(repeating: 0), +) / Double(v.count)
            XCTAssertEqual(meanSquare, 1, accuracy: distribution == .sphere ? 1e-12 : 0.03)
            XCTAssertLessThan((mean * mean).sum().squareRoot(), 0.03)
        }
    }

    func testFieldsFileRoundTripAndIgnoresExtraKeys() throws {
        let fields = DisorderFields(longitudinal: [0.1, -2.5, 1e-17], vectors: [SIMD3(1, 2, 3)])
        XCTAssertEqual(try DisorderFields(json: try fields.json()), fields)
        // Bit-for-bit round trip of many random numbers (a realization must be rebuildable exactly).
        let problem = EDProblem(model: .heisenbergO3, length: 200, disorderStrength: 1)
        let drawn = problem.drawFields(seed: 3, realization: 4)
        XCTAssertEqual(try DisorderFields(json: try drawn.json()), drawn)
        let text = #"{"h": [1, 2.5], "comment": "x", "v": [[0, 0, 1]]}"#
        let parsed = try DisorderFields(json: Data(text.utf8))
        XCTAssertEqual(parsed.longitudinal, [1, 2.5])
        XCTAssertEqual(parsed.vectors, [SIMD3(0, 0, 1)])
        XCTAssertThrowsError(try DisorderFields(json: Data(#"{"v": [[1, 2]]}"#.utf8)))
        XCTAssertThrowsError(try DisorderFields(json: Data("[1]".utf8)))
    }

    func testProblemRefusesMismatchedFields() {
        let problem = EDProblem(model: .xxz, length: 4, disorderStrength: 1)
        XCTAssertThrowsError(try problem.spectrum(fields: DisorderFields(longitudinal: [1, 2])))
        XCTAssertThrowsError(try problem.spectrum(fields: DisorderFields(vectors: [SIMD3(0, 0, 1)])))
    }
}
