import Foundation

/// The Thouless frequency of the RM's thermal side, eq. (122):
/// omega_Th = D/L^2 = omega_xi xi^2/L^2 ~ J (xi/L)^2 exp(-2|xi|/zeta_c), with the diffusion constant
/// D = omega_xi xi^2 and omega_xi = v(|xi|) (59) taken with its large-|xi| form J exp(-2|xi|/zeta_c)
/// (O(1) factors dropped, as in the paper). Meaningful on the thermal side, 1/xi < 0 with |xi| < L.
///
/// With 1/xi = ln(W/W_c) (D4), ln omega_Th is locally linear in W, the form (121)
/// omega_Th ~ exp(-c W/J), with the local rate c(W) = -J d ln omega_Th/dW given below.
public enum ThoulessFrequency {
    /// omega_Th(xi, L), eq. (122).
    public static func value(correlationLength xi: Double, length: Double, interaction j: Double = 1) -> Double {
        let a = abs(xi)
        return j * (a / length) * (a / length) * exp(-2 * a / criticalLocalizationLength)
    }

    /// omega_Th at disorder W with 1/xi = ln(W/W_c) (thermal side W < W_c).
    public static func value(disorder w: Double, criticalDisorder wc: Double, length: Double,
                             interaction j: Double = 1) -> Double {
        value(correlationLength: 1 / DisorderParametrization.inverseCorrelationLength(disorder: w, criticalDisorder: wc),
              length: length, interaction: j)
    }

    /// The thermal window of the fits of (121): 1 <= |xi| <= L/2 with 1/xi = ln(W/W_c) (D4), that is
    /// W_c/e <= W <= W_c exp(-2/L). Empty (nil) for L <= 2, where no |xi| lies in [1, L/2].
    public static func thermalWindow(criticalDisorder wc: Double, length: Double) -> ClosedRange<Double>? {
        let lower = wc * exp(-1), upper = wc * exp(-2 / length)
        return lower < upper ? lower...upper : nil
    }

    /// The window around the crossover W_delta(L) (116): W_delta +- 10 %, kept below W_c (at most
    /// 0.999 W_c, where omega_Th is defined). Nil when W_delta lies too far above W_c for a window.
    public static func crossoverWindow(crossoverDisorder wDelta: Double, criticalDisorder wc: Double) -> ClosedRange<Double>? {
        let lower = 0.9 * wDelta, upper = min(1.1 * wDelta, 0.999 * wc)
        return lower < upper ? lower...upper : nil
    }

    /// The local exponential rate c(W) = -J d ln omega_Th/dW for W < W_c, with |xi| = 1/ln(W_c/W):
    /// d|xi|/dW = xi^2/W, so c = J (2 |xi|^2/W)(1/zeta_c - 1/|xi|) = 2J (|xi|^2 ln 2 - |xi|)/W.
    public static func exponentialRate(disorder w: Double, criticalDisorder wc: Double, interaction j: Double = 1) -> Double {
        let a = 1 / log(wc / w)
        return 2 * j * (a * a / criticalLocalizationLength - a) / w
    }
}
