import ComplexModule
import NumericKit
import RealModule
@testable import SpinChains
import XCTest

/// <r> against random-matrix theory (Atas et al., PRL 110, 084101 (2013): GOE 0.5307, GUE/CUE
/// 0.5996, Poisson 2 ln 2 - 1 = 0.3863) and the models' limits. Tolerances are about four
/// standard errors of the sample (the spread of single ratios is ~0.25-0.29).
final class ObservablesLevelStatisticsTests: XCTestCase {
    var generator = Xoshiro256StarStar(seed: 20240601)

    func testRandomMatrixValues() throws {
        let d = 400, samples = 8
        var goe = LevelStatistics(), gue = LevelStatistics(), cue = LevelStatistics(), poisson = LevelStatistics()
        for _ in 0..<samples {
            let real = Matrix<Double>(rows: d, columns: d) { _, _ in generator.nextGaussian() }
            let symmetric = Matrix<Double>(rows: d, columns: d) { i, j in real[i, j] + real[j, i] }
            goe.add(sortedEnergies: try symmetricEigenvalues(symmetric), period: nil)
            let complex = Matrix<Complex<Double>>(rows: d, columns: d) { _, _ in Complex(generator.nextGaussian(), generator.nextGaussian()) }
            let hermitian = Matrix<Complex<Double>>(rows: d, columns: d) { i, j in complex[i, j] + complex[j, i].conjugate }
            gue.add(sortedEnergies: try hermitianEigenvalues(hermitian), period: nil)
            // Haar unitary: Gram-Schmidt of a complex Ginibre matrix (column phases are then Haar too).
            let u = haarUnitary(160)
            cue.add(sortedEnergies: try quasiEnergies(u, period: 1), period: 1)
            poisson.add(sortedEnergies: (0..<d).map { _ in generator.nextUniform(in: 0, 1) }.sorted(), period: nil)
        }
        // 8 x 133 ratios for the Hamiltonian ensembles (sigma ~ 0.008), 8 x 160 for CUE (sigma ~ 0.007).
        XCTAssertEqual(goe.meanRatio, LevelStatistics.orthogonalMeanRatio, accuracy: 0.025)
        XCTAssertEqual(gue.meanRatio, LevelStatistics.unitaryMeanRatio, accuracy: 0.025)
        XCTAssertEqual(cue.meanRatio, LevelStatistics.unitaryMeanRatio, accuracy: 0.025)
        XCTAssertEqual(poisson.meanRatio, 2 * log(2.0) - 1, accuracy: 0.03)
        // And the ensembles are told apart.
        XCTAssertLessThan(goe.meanRatio, gue.meanRatio)
        // A long Poisson sequence: sigma ~ 0.29/sqrt(6667) = 0.0036.
        let long = LevelStatistics.ratios(sortedEnergies: (0..<20000).map { _ in generator.nextUniform(in: 0, 1) }.sorted())
        XCTAssertEqual(long.reduce(0, +) / Double(long.count), 2 * log(2.0) - 1, accuracy: 0.015)
    }

    /// Weak disorder: xxz (real, time-reversal symmetric) ~ GOE, heisenberg-o3 (complex) ~ GUE,
    /// floquet-o3 ~ CUE; strong disorder ~ Poisson.
    func testModelsApproachTheirEnsembles() throws {
        func meanRatio(_ p: EDProblem, realizations: Int) throws -> Double {
            var statistics = LevelStatistics()
            for k in 0..<realizations {
                for block in try p.sectorSpectra(fields: p.drawFields(seed: 9, realization: UInt64(k))) {
                    statistics.add(sortedEnergies: block, period: p.model.isFloquet ? p.period : nil)
                }
            }
            return statistics.meanRatio
        }
        var xxz = EDProblem(model: .xxz, length: 12, disorderStrength: 0.6)
        xxz.magnetization = .sector(0)
        XCTAssertEqual(try meanRatio(xxz, realizations: 3), LevelStatistics.orthogonalMeanRatio, accuracy: 0.02)
        let heisenberg = EDProblem(model: .heisenbergO3, length: 9, disorderStrength: 1)
        XCTAssertEqual(try meanRatio(heisenberg, realizations: 2), LevelStatistics.unitaryMeanRatio, accuracy: 0.02)
        var floquet = EDProblem(model: .floquetO3, length: 8, disorderStrength: 1)
        floquet.driveFrequency = 4
        XCTAssertEqual(try meanRatio(floquet, realizations: 3), LevelStatistics.unitaryMeanRatio, accuracy: 0.02)
        var localized = EDProblem(model: .xxz, length: 10, disorderStrength: 25)
        localized.magnetization = .sector(0)
        XCTAssertEqual(try meanRatio(localized, realizations: 10), LevelStatistics.poissonMeanRatio, accuracy: 0.03)
        // Sector resolution: pooling all sectors of a clean-ish chain into one list would fake Poisson.
        var all = xxz
        all.length = 10
        all.magnetization = .allSectors
        XCTAssertGreaterThan(try meanRatio(all, realizations: 2), 0.5)
    }

    func haarUnitary(_ d: Int) -> Matrix<Complex<Double>> {
        var q = Matrix<Complex<Double>>(rows: d, columns: d) { _, _ in Complex(generator.nextGaussian(), generator.nextGaussian()) }
        for j in 0..<d {
            for k in 0..<j {
                var overlap = Complex<Double>.zero
                for i in 0..<d { overlap = overlap + q[i, k].conjugate * q[i, j] }
                for i in 0..<d { q[i, j] = q[i, j] - q[i, k] * overlap }
            }
            var norm = 0.0
            for i in 0..<d { norm += q[i, j].lengthSquared }
            let scale = 1 / norm.squareRoot()
            for i in 0..<d { q[i, j] = q[i, j] * Complex(scale, 0) }
        }
        return q
    }
}
