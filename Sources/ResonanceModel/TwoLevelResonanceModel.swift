import Foundation

/// The discrete RM's shells with each resonance treated as an exact two-level problem instead of
/// the all-or-nothing rule (30): the quantitative account of what the RM's resonance rule leaves out.
///
/// A partner with element `V` and quasi-energy detuning `Delta` (uniform on the circle of
/// circumference `Omega`, as in (41)) hybridises with the reference state as the two-level problem
/// `[[Delta/2, V], [V, -Delta/2]]`: the eigenstates have `<sigma^z_P> = Delta/sqrt(Delta^2 + 4V^2)`
/// and the probe oscillates at `omega = sqrt(Delta^2 + 4V^2)`, with weight `4V^2/omega^2`. Every
/// partner contributes, resonant (`|Delta| < |V|`) or not. Averaged over `Delta`, per partner:
///
///     memory lost      l(V) = (4|V|/Omega) arctan(Omega/(4|V|))      (-> 2 pi |V|/Omega: pi times the RM's 2|V|/Omega)
///     hybridised       h(V) = min(1, 4|V|/(sqrt(3) Omega))            (|<sigma^z_P>| < 1/2: 2/sqrt(3) times the RM's)
///     [S] weight in [a, b], one sign:  (2|V|/Omega) [arccos(2|V|/w_hi) - arccos(2|V|/w_lo)],
///                      w_lo = max(a, 2|V|), w_hi = min(b, sqrt(Omega^2/4 + 4V^2))
///
/// Partners are independent: `[Czz] = prod_s (1 - E l_s)^(N_s)`, hybridised fraction
/// `1 - prod_s (1 - E h_s)^(N_s)`; the spectral weight is the first order `sum_s N_s E[...]`, valid
/// where resonances are dilute (`1 - [Czz] << 1`, large Lambda). The same shells as the discrete
/// RM, so the ratio of the two isolates the resonance rule.
public struct TwoLevelResonanceModel: Sendable {
    public let shells: [ResonanceShell]
    public let driveFrequency: Double

    public init(_ model: DiscreteResonanceModel) {
        shells = model.shells
        driveFrequency = model.driveFrequency
    }

    /// l(V): the infinite-time memory lost to one partner, averaged over the detuning.
    public func memoryLoss(element v: Double) -> Double {
        let x = abs(v)
        return x == 0 ? 0 : (4 * x / driveFrequency) * atan(driveFrequency / (4 * x))
    }

    /// h(V): the probability that one partner leaves |<sigma^z_P>| < 1/2.
    public func hybridization(element v: Double) -> Double { min(1, 4 * abs(v) / (3.squareRoot() * driveFrequency)) }

    /// The spectral weight of one partner in `a < omega < b` (one sign of omega).
    public func spectralWeight(element v: Double, from a: Double, to b: Double) -> Double {
        let x = abs(v)
        let low = max(a, 2 * x), high = min(b, (driveFrequency * driveFrequency / 4 + 4 * x * x).squareRoot())
        guard high > low, x > 0 else { return 0 }
        return (2 * x / driveFrequency) * (acos(min(1, 2 * x / high)) - acos(min(1, 2 * x / low)))
    }

    /// `[Czz] = prod_s (1 - E l_s)^(N_s)`.
    public var infiniteTimeMemory: Double {
        exp(shells.reduce(0) { $0 + $1.partnerCount * log1p(-$1.expectation { memoryLoss(element: $0) }) })
    }

    /// `1 - prod_s (1 - E h_s)^(N_s)`.
    public var hybridizedFraction: Double {
        -expm1(shells.reduce(0) { $0 + $1.partnerCount * log1p(-$1.expectation { hybridization(element: $0) }) })
    }

    /// `integral_a^b [S] d omega` (one sign), first order in the partners.
    public func spectralWeight(from a: Double, to b: Double) -> Double {
        shells.reduce(0) { $0 + $1.partnerCount * $1.expectation { spectralWeight(element: $0, from: a, to: b) } }
    }
}
