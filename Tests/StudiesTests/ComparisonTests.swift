import Foundation
import ResonanceModel
import SpinChains
import XCTest
@testable import Studies

final class ComparisonTests: XCTestCase {
    func testCurveAgreementOnSyntheticData() {
        let model = [1.0, 2.0, 4.0, 8.0]
        let exact = model.map { $0 * 1.1 }
        let agreement = CurveAgreement(exact: exact, errors: model.map { 0.1 * $0 }, model: model) { $0 != 3 }
        XCTAssertEqual(agreement.points, 3)
        XCTAssertEqual(agreement.rmsLogRatio, log(1.1), accuracy: 1e-12)
        XCTAssertEqual(agreement.meanRelativeDifference, 0.1, accuracy: 1e-12)
        XCTAssertEqual(agreement.reducedChiSquared, 1, accuracy: 1e-9)
    }

    func testBinAveragesOfInverseFrequency() {
        let bins = LogarithmicBinsForTests.make()
        let averages = ComparisonMath.binAverages({ 1 / $0 }, bins: bins, subdivisions: 64)
        for k in 0..<bins.count {
            let a = bins.edge(k), b = bins.edge(k + 1)
            XCTAssertEqual(averages[k], log(b / a) / (b - a), accuracy: 1e-3 * averages[k])
        }
    }

    func testPowerLawAndInversions() throws {
        let x = (0..<20).map { pow(10, -3 + Double($0) / 7) }
        let fit = try XCTUnwrap(ComparisonMath.powerLaw(x: x, y: x.map { 3 * pow($0, -0.7) }, errors: x.map { _ in 0 }, range: 1e-3...1))
        XCTAssertEqual(fit.exponent, -0.7, accuracy: 1e-9)
        let p = try ResonanceParameters(inverseCorrelationLength: 0.3, resonanceLength: 1, length: 8)
        XCTAssertEqual(ComparisonMath.inverseCorrelationLength(decayExponent: p.decayExponent, criticalLength: criticalLocalizationLength), 0.3, accuracy: 1e-12)
        let root = try XCTUnwrap(ComparisonMath.solveIncreasing({ $0 * $0 }, target: 2, lower: 1e-3, upper: 1e3))
        XCTAssertEqual(root, 2.squareRoot(), accuracy: 1e-9)
    }

    /// Fig. 10 on synthetic spectra: (111) is a straight line in ln x and fits every decade below J;
    /// a pure 1/omega is a horizontal line and fits every decade of its own data.
    func testInverseFrequencyFitsOnSyntheticSpectra() {
        let bins = LogarithmicBinsForTests.make()
        let omega = bins.centers, w = 2.0
        let lambda = try! ResonanceParameters.resonanceLength(disorder: w)
        let logarithmic = omega.map { 1 / ($0 * (lambda * log(1 / $0)).squareRoot()) }
        let a = InverseFrequencyAnalysis.analyse(length: 12, disorder: w, realizations: 10, omega: omega, spectral: logarithmic,
                                                 errors: logarithmic.map { 0.02 * $0 })
        let usableDecades = log10(omega.filter { $0 < 1 }.last! / omega.first!)
        XCTAssertEqual(a.logarithmic?.decades ?? 0, usableDecades, accuracy: 1e-9)
        XCTAssertLessThan(a.inverseFrequency?.decades ?? 0, 1)
        let pure = omega.map { 0.3 / $0 }
        let b = InverseFrequencyAnalysis.analyse(length: 12, disorder: w, realizations: 10, omega: omega, spectral: pure,
                                                 errors: pure.map { 0.02 * $0 })
        XCTAssertEqual(b.inverseFrequency?.decades ?? 0, usableDecades, accuracy: 1e-9)
        XCTAssertEqual(b.constant ?? 0, 1 / (0.3 * w * 0.3 * w), accuracy: 1e-9)
    }

    /// The drift fit recovers the RM it was generated from.
    func testDriftFitRecoversTheModel() {
        let rm = CrossoverDriftComparison.model(criticalDisorder: 10, criticalResonanceLength: 1e4 * pow(1e-5, 40.0 / 60))
        let lengths = [6, 8, 10, 12], disorders = (0..<40).map { pow(10, Double($0) / 20) }
        let memory = lengths.map { l in disorders.map { rm.memory(disorder: $0, length: Double(l)) } }
        let errors = memory.map { $0.map { _ in 0.01 } }
        let r = CrossoverDriftComparison.analyse(lengths: lengths, disorders: disorders, memory: memory, memoryError: errors, threshold: 0.3)
        for (w, truth) in zip(r.crossover, lengths.map { try! rm.crossoverDisorder(threshold: 0.3, length: Double($0)).root }) {
            XCTAssertEqual(w, truth, accuracy: 0.02 * truth)
        }
        XCTAssertLessThan(r.modelRmsLogRatio, 0.02)
        XCTAssertGreaterThan(r.linearFit?.slope ?? 0, 0)
    }

    func testCriterionSeparationOnSyntheticData() {
        let lengths = [8, 10, 12]
        let thermal = lengths.map { (pow(2, Double($0) / 2), 0.0) }, localised = lengths.map { _ in (0.3, 0.0) }
        let r = CriterionComparison.analyse(lengths: lengths, rhoVbar: [thermal, localised],
                                            ratio: [lengths.map { _ in (CriterionComparison.goeRatio, 0.0) },
                                                    lengths.map { _ in (CriterionComparison.poissonRatio, 0.0) }])
        XCTAssertEqual(r.criterionSeparation.map(\.mean), [1, 1])
        XCTAssertEqual(r.ratioSeparation[0].mean, 1, accuracy: 1e-12)
    }

    /// The l-bit comparison end to end at L = 4: the exact numbers are averages of bounded
    /// quantities and the RM side is the Floquet RM at (43), (39).
    func testLBitComparisonAtTinySize() throws {
        var c = LBitComparison.Config()
        c.length = 4
        c.realizations = 3
        let p = try c.run(localizationLength: 1, driveFrequency: 4 * Double.pi, workers: 1)
        XCTAssertEqual(p.resonanceLength, criticalLocalizationLength * 4 * Double.pi / 8, accuracy: 1e-12)
        XCTAssertEqual(p.inverseCorrelationLength, 1 - M_LN2, accuracy: 1e-12)
        XCTAssert((0...1).contains(p.exactMemory.mean) && (0...1).contains(p.hybridizedFraction.mean))
        XCTAssertEqual(p.exactCorrelator[0], 1, accuracy: 1e-9)
        XCTAssertEqual(p.modelCorrelator[0], 1, accuracy: 1e-6)
        XCTAssertEqual(p.modelMemory + p.modelResonantFraction, 1, accuracy: 1e-12)
        XCTAssertGreaterThan(p.spectralAgreement.points, 0)
    }

    func testClaimJudgesOnSyntheticMeasurements() throws {
        let drift = try ExactNumericsClaims.judgeDrift(Measurements([Measurement(MeasurementName("slope_in_errors"), 5), Measurement(MeasurementName("linear_reduced_chi2"), 1),
                                                                     Measurement(MeasurementName("rm_rms_log_ratio"), 0.01), Measurement(MeasurementName("linear_slope"), 0.1),
                                                                     Measurement(MeasurementName("rm_W_c"), 3.5), Measurement(MeasurementName("rm_Lambda_c"), 1)]))
        XCTAssertEqual(drift.verdict, .confirmed)
        let criterion = try ExactNumericsClaims.judgeCriterion(Measurements([Measurement(MeasurementName("thermal_growth_exponent"), 1.05),
                                                                         Measurement(MeasurementName("localized_growth_exponent"), 0.1),
                                                                         Measurement(MeasurementName("criterion_minus_ratio_in_errors"), 0.5)]))
        XCTAssertEqual(criterion.verdict, .confirmedWithCorrection)
        let exponents = ["exponent_L12_W2.5", "exponent_L12_W3.5", "exponent_L14_W2.5", "exponent_L14_W3.5"].map { Measurement(MeasurementName($0), -1.2) }
        let inverse = try ExactNumericsClaims.judgeInverseFrequency(Measurements([Measurement(MeasurementName("min_abs_exponent_plus_one"), 0.2),
                                                                                  Measurement(MeasurementName("max_abs_exponent_plus_one"), 0.4),
                                                                                  Measurement(MeasurementName("fit_window_decades"), 2)] + exponents))
        XCTAssertEqual(inverse.verdict, .notConfirmed)
        let oneW = try ExactNumericsClaims.judgeInverseFrequency(Measurements(exponents + [Measurement(MeasurementName("min_abs_exponent_plus_one"), 0.05),
                                                                           Measurement(MeasurementName("max_abs_exponent_plus_one"), 0.4),
                                                                           Measurement(MeasurementName("fit_window_decades"), 1.5)]))
        XCTAssertEqual(oneW.verdict, .confirmedWithCorrection)
        let narrow = try ExactNumericsClaims.judgeInverseFrequency(Measurements(exponents + [Measurement(MeasurementName("min_abs_exponent_plus_one"), 0.05),
                                                                             Measurement(MeasurementName("max_abs_exponent_plus_one"), 0.05),
                                                                             Measurement(MeasurementName("fit_window_decades"), 0.5)]))
        XCTAssertEqual(narrow.verdict, .notConfirmed)
        let ratios = [Measurement(MeasurementName("ratio_loss_zeta1"), 3.1), Measurement(MeasurementName("ratio_loss_zeta2.5"), 3.2)]
        let discrete = try DiscreteResonanceClaims.judge(Measurements(ratios + [Measurement(MeasurementName("worst_discrete_deviation"), 5), Measurement(MeasurementName("worst_two_level_deviation"), 0.6)]))
        XCTAssertEqual(discrete.verdict, .confirmedWithCorrection)
        XCTAssertEqual(try DiscreteResonanceClaims.judge(Measurements(ratios + [Measurement(MeasurementName("worst_discrete_deviation"), 0.5),
                                                                                 Measurement(MeasurementName("worst_two_level_deviation"), 0.6)])).verdict, .confirmed)
    }

    /// Fit windows start above the stated multiple of the level spacing: a synthetic 1/omega spectrum
    /// with a level-repulsion dip below 0.01 fits 1/omega only above it.
    func testInverseFrequencyWindowsStartAboveLevelSpacing() {
        let bins = LogarithmicBinsForTests.make()
        let omega = bins.centers
        let spectral = omega.map { $0 < 0.01 ? 100 * $0 : 1 / $0 }
        let errors = spectral.map { 0.02 * $0 }
        let restricted = InverseFrequencyAnalysis.analyse(length: 12, disorder: 1, realizations: 8, omega: omega, spectral: spectral,
                                                          errors: errors, lowestFrequency: 0.01)
        guard let window = restricted.inverseFrequency else { return XCTFail("no 1/omega window above the spacing") }
        XCTAssertGreaterThanOrEqual(window.lowerFrequency / pow(10, 0.1), 0.01 * (1 - 1e-9))
        XCTAssertEqual(window.upperFrequency, omega.filter { $0 < 1 }.max()!, accuracy: 1e-12)
    }
}

/// 5 bins per decade from 1e-4 to 10 (the Fig. 10 bins).
enum LogarithmicBinsForTests {
    static func make() -> LogarithmicBins { LogarithmicBins(lower: 1e-4, upper: 10, binsPerDecade: 5) }
}
