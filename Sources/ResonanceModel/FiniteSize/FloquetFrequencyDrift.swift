import Foundation
import NumericKit

/// The Floquet analogue of the drift (end of Sec. V E): at fixed disorder (fixed 1/xi), the drive
/// frequency Omega_delta(L) at which [Czz] = F(L/2) = delta, eq. (45) with Lambda = zeta_c Omega/(8J) (43).
/// Above Omega_delta the chain looks localised ([Czz] > delta).
///
/// Since ln F(r) = -(r/Lambda) h(r/xi), h(x) = (1 - e^-x)/x, the root is explicit:
/// Lambda_delta = (L/2) h(L/(2 xi))/|ln delta|. It is linear in L for L << |xi| (h ~ 1), grows like
/// exp(L/(2|xi|)) on the thermal side and saturates at xi/|ln delta| on the localised side.
public struct FloquetFrequencyDrift: Sendable, Equatable {
    /// 1/xi (fixed by the disorder).
    public var inverseCorrelationLength: Double
    public var interaction: Double

    public init(inverseCorrelationLength: Double, interaction: Double = 1) {
        self.inverseCorrelationLength = inverseCorrelationLength
        self.interaction = interaction
    }

    /// Lambda_delta(L), closed form.
    public func crossoverResonanceLength(threshold delta: Double, length: Double) -> Double {
        let r = 0.5 * length
        return exp(log(r) + RelativeExponential.logarithm(r * inverseCorrelationLength)) / abs(log(delta))
    }

    /// Lambda_delta(L) by Brent's method on ln F(L/2) - ln delta in ln Lambda (independent of the closed form).
    public func crossoverResonanceLengthByRootFinding(threshold delta: Double, length: Double) throws -> Double {
        let target = log(delta), r = 0.5 * length, invXi = inverseCorrelationLength
        let f = { (s: Double) -> Double in
            let lambda = exp(s), x = r * invXi
            let logF = x < -30 ? -exp(log(r / lambda) + RelativeExponential.logarithm(x))
                : -(r / lambda) * RelativeExponential.value(x)
            return logF - target
        }
        return exp(try BrentRoot(absoluteTolerance: 1e-14).solve(f, expandingFrom: 0, 1, within: -700, 700).root)
    }

    /// Omega_delta(L) = 8 J Lambda_delta/zeta_c, from (43).
    public func crossoverDriveFrequency(threshold delta: Double, length: Double) -> Double {
        ResonanceParameters.driveFrequency(resonanceLength: crossoverResonanceLength(threshold: delta, length: length),
                                           interaction: interaction)
    }

    /// [S_P] = ln 2 (1 - F(L/2)) (120) of the Floquet RM at drive frequency Omega.
    public func probeEntanglement(driveFrequency omega: Double, length: Double) -> Double {
        let lambda = criticalLocalizationLength * omega / (8 * interaction)
        let r = 0.5 * length, x = r * inverseCorrelationLength
        let logF = x < -30 ? -exp(log(r / lambda) + RelativeExponential.logarithm(x))
            : -(r / lambda) * RelativeExponential.value(x)
        return -M_LN2 * expm1(logF)
    }
}
