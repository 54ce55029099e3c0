import Foundation
import NumericKit
import ResonanceModel

/// Claims about the density of resonances: scale-free resonances at the transition (115) and the
/// typical fidelity susceptibility (126).
public enum ResonanceDensityClaims {
    /// The names of the measurements of these claims (their keys in claims.json), stated once:
    /// `measure` records and `judge` reads them through these constants.
    enum Name {
        static let floquetMaxRelativeDeviation = MeasurementName("floquet_max_relative_deviation")
        static let hamiltonianLoglogSlope = MeasurementName("hamiltonian_loglog_slope")
        static let hamiltonianQSqrt4LambdaR = MeasurementName("hamiltonian_q_sqrt_4_Lambda_r")
        static let hamiltonianQSqrtRLambda = MeasurementName("hamiltonian_q_sqrt_r_Lambda")
        static let slopeInvxi0 = MeasurementName("slope_invxi_0")
        static let slopeLiteralUpperLimitL = MeasurementName("slope_literal_upper_limit_L")
        static let twoLn2 = MeasurementName("two_ln2")
    }

    // MARK: Scale-free resonances

    static let scaleFreeLambda = 30.0
    static let scaleFreeRanges = grid(from: 1, to: 40, points: 40, logarithmic: true)

    public static let scaleFreeResonances = Claim(
        identifier: "scale-free-resonances",
        title: "Scale-free resonances at the transition",
        statement: "In regions I and II q(r) is scale invariant: q -> 1/Lambda (Floquet) and 1/sqrt(r Lambda) (Hamiltonian, as printed in (115)).",
        paperLocation: "Sec. I; (41), (42), (82), (89), (115)",
        test: "At 1/xi = +-1e-9, Lambda = 30, r = 1..40: Floquet q = 2 v(r) rho(r) from (38), (40) against 1/Lambda; Hamiltonian q(e_down, r) of (82): log-log slope against r, and its normalization q sqrt(4 Lambda r) ((89)) and q sqrt(r Lambda) (printed (115)).",
        estimatedCost: 0.02, relatedCommand: nil,
        measure: measureScaleFree, judge: judgeScaleFree)

    static func measureScaleFree() throws -> Measurements {
        var m = Measurements(parameters: [("inv_xi", .array([.number(1e-9), .number(-1e-9)])), ("Lambda", .number(scaleFreeLambda)), ("r", .string("1..40"))])
        var floquetDeviation = 0.0, slopes = [Double](), norm89 = [Double](), norm115 = [Double]()
        for invXi in [1e-9, -1e-9] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: scaleFreeLambda, length: 2 * scaleFreeRanges.last!)
            let floquet = FloquetResonanceModel(p), hamiltonian = HamiltonianResonanceModel(p)
            for r in scaleFreeRanges {
                let q = 2 * floquet.matrixElement(atRange: r) * floquet.densityOfStates(atRange: r)
                floquetDeviation = max(floquetDeviation, abs(q * scaleFreeLambda - 1))
            }
            let eDown = -hamiltonian.disorder / 2
            let q = scaleFreeRanges.map { hamiltonian.resonanceProbability(energy: eDown, range: $0, partnerEnergy: eDown) }
            slopes.append(try LinearLeastSquares.line(x: scaleFreeRanges.map(log), y: q.map(log)).slope)
            norm89 += zip(q, scaleFreeRanges).map { $0 * (4 * scaleFreeLambda * $1).squareRoot() }
            norm115 += zip(q, scaleFreeRanges).map { $0 * (scaleFreeLambda * $1).squareRoot() }
        }
        m.append(Name.floquetMaxRelativeDeviation, floquetDeviation, "max |2 v rho Lambda - 1|")
        m.append(Name.hamiltonianLoglogSlope, slopes.max(by: { abs($0 + 0.5) < abs($1 + 0.5) })!, "d ln q/d ln r (worst of both signs of 1/xi)")
        m.append(Name.hamiltonianQSqrt4LambdaR, norm89.max(by: { abs($0 - 1) < abs($1 - 1) })!, "(89) normalization, worst point")
        m.append(Name.hamiltonianQSqrtRLambda, norm115.max(by: { abs($0 - 1) < abs($1 - 1) })!, "printed (115) normalization, worst point")
        return m
    }

    /// Power laws (slope 0 and -1/2 to 1e-6, deviations from 1e-9 in 1/xi); normalizations to 1e-6.
    public static func judgeScaleFree(_ m: Measurements) throws -> Assessment {
        let shape = [Criterion.below("floquet_max_relative_deviation", try m[Name.floquetMaxRelativeDeviation], 1e-6),
                     Criterion.within("hamiltonian_loglog_slope", try m[Name.hamiltonianLoglogSlope], -0.5, tolerance: 1e-6)]
        return Assessment.decide(
            claim: shape + [Criterion.within("hamiltonian_q_sqrt_r_Lambda", try m[Name.hamiltonianQSqrtRLambda], 1, tolerance: 1e-6)],
            corrected: shape + [Criterion.within("hamiltonian_q_sqrt_4_Lambda_r", try m[Name.hamiltonianQSqrt4LambdaR], 1, tolerance: 1e-6)],
            confirmed: "q(r) is scale free with the printed normalizations.",
            correction: "q(r) is scale free (1/Lambda, and r^(-1/2) for the Hamiltonian RM), but the Hamiltonian normalization is 1/sqrt(4 Lambda r) as in (89), not the printed 1/sqrt(r Lambda) of (115) (measured q sqrt(r Lambda) = \(Measurements.format(try m[Name.hamiltonianQSqrtRLambda]))).",
            failure: "q(r) is not scale free at the transition.")
    }

    // MARK: [log chi]

    static let fidelityLambda = FiniteSizePredictionsStudy.Config().fidelityResonanceLength
    static let fidelityLengths = FiniteSizePredictionsStudy.Config().fidelityFitLengths

    public static let fidelitySusceptibility = Claim(
        identifier: "log-chi-two-ln2",
        title: "[log chi] ~ 2 L ln 2 (maximal chaos)",
        statement: "[log chi] = integral_0^L s(r) ln(|U|^2 rho(r)^2) dr = L (2 ln 2 + O(Lambda/L)) in regions I/II.",
        paperLocation: "Sec. V H, (123)-(126)",
        test: "Slope of [log chi] (126) against L = 160..400 for the Floquet RM, Lambda = 20, 1/xi = 0 and +-0.001 (|xi| = 1000 > L/2: regions I/II), with ranges up to L/2 (FiniteSizePredictionsStudy.fidelityFit), and with the upper limit L taken literally (ranges up to L).",
        estimatedCost: 0.3, relatedCommand: "resonance rm fidelity --summary",
        measure: measureFidelity, judge: judgeFidelity)

    static func measureFidelity() throws -> Measurements {
        var m = Measurements(parameters: [("Lambda", .number(fidelityLambda)), ("L", .string("160..400")), ("inv_xi", .array([.number(0), .number(0.001), .number(-0.001)]))])
        var config = FiniteSizePredictionsStudy.Config()
        config.fidelityFitInverseCorrelationLengths = [0.0, 0.001, -0.001]
        config.parts = [.fidelityFits]
        for fit in try FiniteSizePredictionsStudy.run(config).fidelityFits {
            m.append(MeasurementName("slope_invxi_\(Measurements.format(fit.inverseCorrelationLength))"), fit.fit.slope, "ranges up to L/2")
        }
        // The upper limit L of (126) read literally: a model whose largest range is L.
        let literal = try fidelityLengths.map { length in
            FidelitySusceptibility(FloquetResonanceModel(try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: fidelityLambda,
                                                                                 length: 2 * length))).meanLogSusceptibility()
        }
        m.append(Name.slopeLiteralUpperLimitL, try LinearLeastSquares.line(x: fidelityLengths, y: literal).slope, "ranges up to L, 1/xi = 0")
        m.append(Name.twoLn2, 2 * M_LN2)
        return m
    }

    /// Slope 2 ln 2 to 0.01 at 1/xi = 0 (the O(Lambda/L) term of (126) is constant in L there), and
    /// to 0.05 at 1/xi = +-0.001, where L/(2|xi|) <= 0.2 bends the curve.
    public static func judgeFidelity(_ m: Measurements) throws -> Assessment {
        let halfRange = try [("0", 0.01), ("0.001", 0.05), ("-0.001", 0.05)].map {
            Criterion.within("slope_invxi_\($0.0)", try m[MeasurementName("slope_invxi_\($0.0)")], 2 * M_LN2, tolerance: $0.1, expectedName: "2 ln 2")
        }
        return Assessment.decide(
            claim: [Criterion.within("slope_literal_upper_limit_L", try m[Name.slopeLiteralUpperLimitL], 2 * M_LN2, tolerance: 0.01, expectedName: "2 ln 2")],
            corrected: halfRange,
            confirmed: "[log chi] grows as 2 ln 2 L with (126) as printed.",
            correction: "[log chi] grows as 2 ln 2 L (slope \(Measurements.format(try m[Name.slopeInvxi0]))) only with ranges up to L/2; the printed upper limit L gives slope \(Measurements.format(try m[Name.slopeLiteralUpperLimitL])) (4 ln 2).",
            failure: "[log chi] does not grow as 2 ln 2 L.")
    }
}
