import Foundation
import NumericKit

/// The approximate drift (117), (D1): W_delta(L) ~ W_c exp(-l_delta/(L + a)), with the paper's
/// offset a = 1. On the thermal side far from the crossover (L >> |xi|) it follows from (D3) with
/// the erfi asymptote (D5) and a slowly varying l_delta (D7).
///
/// Shape facts used by App. D (for a > 0, l_delta > 0): the curve has a single inflection at
/// L + a = l_delta/2, is convex below and concave above, and stays approximately linear (the cubic
/// Taylor term about the inflection no larger than the linear one) for L + a <~ l_delta (1/2 + sqrt(3/4)).
public struct ExponentialDriftForm: Sendable, Equatable {
    public var criticalDisorder: Double
    /// l_delta.
    public var scale: Double
    /// a: the offset in L + a (1 in (117)).
    public var offset: Double

    public init(criticalDisorder: Double = 10, scale: Double, offset: Double = 1) {
        self.criticalDisorder = criticalDisorder
        self.scale = scale
        self.offset = offset
    }

    /// W_c exp(-l_delta/(L + a)).
    public func disorder(length: Double) -> Double { criticalDisorder * exp(-scale / (length + offset)) }

    /// dW/dL = W l_delta/(L + a)^2.
    public func slope(length: Double) -> Double {
        let u = length + offset
        return disorder(length: length) * scale / (u * u)
    }

    /// The inflection point L = l_delta/2 - a (App. D).
    public var inflectionLength: Double { 0.5 * scale - offset }

    /// The end of the approximately linear range, L = l_delta (1/2 + sqrt(3/4)) - a (App. D).
    public var linearRangeEnd: Double { scale * (0.5 + 0.75.squareRoot()) - offset }
}

/// The thermal-side asymptotics of the drift (App. D).
public enum DriftAsymptotics {
    /// (D5): Erfi(sqrt x) = exp(x)/sqrt(pi x) (1 + O(1/x)); here the leading term.
    public static func erfiLeadingAsymptote(squareRootArgument s: Double) -> Double {
        exp(s * s) / (s * Double.pi.squareRoot())
    }

    /// (D5) with its next term: exp(x)/sqrt(pi x) (1 + 1/(2x)).
    public static func erfiAsymptote(squareRootArgument s: Double) -> Double {
        erfiLeadingAsymptote(squareRootArgument: s) * (1 + 1 / (2 * s * s))
    }

    /// 1/|xi(W_delta)| from (D3) with (D5) substituted and Lambda(W) = (W/W_c)^2 Lambda(W_c):
    /// with y = 1/|xi| = ln(W_c/W_delta), the condition |ln delta| = |xi| exp(L/(2|xi|))/sqrt(2 Lambda(W) L)
    /// becomes y (L + 2)/2 = ln(|ln delta| y sqrt(2 Lambda(W_c) L)), i.e. the form (117) with offset
    /// a = 2 (not 1) and l_delta = 2 ln(|ln delta| y sqrt(2 Lambda(W_c) L)) depending weakly on L
    /// (D6, D7). Returns the larger root y (the branch with L/|xi| large, where (D5) applies), or nil
    /// if there is none (then the crossover is not in the asymptotic regime).
    public static func inverseCorrelationLength(threshold delta: Double, length: Double,
                                                criticalResonanceLength lambdaC: Double) -> Double? {
        let c = log(abs(log(delta)) * (2 * lambdaC * length).squareRoot())
        let phi = { (y: Double) -> Double in 0.5 * y * (length + 2) - log(y) - c }
        let yMin = 2 / (length + 2)
        guard phi(yMin) < 0 else { return nil }
        var upper = 2 * yMin
        while phi(upper) < 0 { upper *= 2 }
        return try? BrentRoot(absoluteTolerance: 1e-15).solve(phi, in: yMin, upper).root
    }

    /// W_delta(L) from `inverseCorrelationLength(threshold:length:criticalResonanceLength:)`.
    public static func crossoverDisorder(threshold delta: Double, length: Double,
                                         crossover: DisorderCrossover) -> Double? {
        let lambdaC = crossover.resonanceLength(disorder: crossover.criticalDisorder)
        return inverseCorrelationLength(threshold: delta, length: length, criticalResonanceLength: lambdaC)
            .map { crossover.criticalDisorder * exp(-$0) }
    }

    /// The local l_delta(L) = (L + a) ln(W_c/W_delta(L)) that makes (117) exact at this L.
    public static func localScale(crossoverDisorder w: Double, length: Double, criticalDisorder wc: Double,
                                  offset: Double = 1) -> Double {
        (length + offset) * log(wc / w)
    }
}
