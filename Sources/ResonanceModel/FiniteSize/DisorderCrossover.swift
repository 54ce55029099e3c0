import Foundation
import NumericKit

/// The disorder parametrization of Fig. 9 and App. D for the Hamiltonian RM:
/// 1/xi = ln(W/W_c) (D4) and Lambda(W) = pi (zeta_c W/(4J))^2 (83), i.e. Lambda(W) = (W/W_c)^2 Lambda(W_c).
///
/// The infinite-time memory is [Czz] = F1(L/2) (91) and the probe entanglement [S_P] = ln 2 (1 - [Czz])
/// (120). F1 is evaluated from (91) as written for every W > 0: for W < W_c/4 (1/xi < -2 ln 2) the
/// matrix elements v(r) of (77) would grow with range and `ResonanceParameters` rejects the point,
/// but the energy-blind F1 depends on 1/xi and Lambda only and is continued there (App. D does the
/// same; at L <~ 4 the drift W_delta(L) lies in that range).
public struct DisorderCrossover: Sendable, Equatable {
    /// W_c: the disorder at which 1/xi = 0. Fig. 9: 10.
    public var criticalDisorder: Double
    /// J: the interaction, sets Lambda(W) through (83). Fig. 9: 1.
    public var interaction: Double

    public init(criticalDisorder: Double = 10, interaction: Double = 1) {
        self.criticalDisorder = criticalDisorder
        self.interaction = interaction
    }

    /// 1/xi = ln(W/W_c), (D4), for any W > 0.
    public func inverseCorrelationLength(disorder w: Double) -> Double {
        DisorderParametrization.inverseCorrelationLength(disorder: w, criticalDisorder: criticalDisorder)
    }

    /// Lambda(W) = pi (zeta_c W/(4J))^2, (83), for any W > 0.
    public func resonanceLength(disorder w: Double) -> Double {
        DisorderParametrization.resonanceLength(disorder: w, interaction: interaction)
    }

    /// The RM parameters at (W, L); throws for W <= W_c/4 (outside `ResonanceParameters`' domain).
    public func parameters(disorder w: Double, length: Double) throws -> ResonanceParameters {
        try ResonanceParameters(inverseCorrelationLength: inverseCorrelationLength(disorder: w),
                                resonanceLength: resonanceLength(disorder: w), interaction: interaction,
                                length: length, disorder: w)
    }

    /// ln [Czz] = ln F1(L/2), eq. (91): the Hamiltonian RM's own ln F1
    /// (`HamiltonianResonanceModel.logUnresonatedFraction(range:inverseCorrelationLength:resonanceLength:)`),
    /// valid for every W > 0 and L >= 0.
    public func logMemory(disorder w: Double, length: Double) -> Double {
        HamiltonianResonanceModel.logUnresonatedFraction(range: 0.5 * length,
                                                         inverseCorrelationLength: inverseCorrelationLength(disorder: w),
                                                         resonanceLength: resonanceLength(disorder: w))
    }

    /// [Czz] = F1(L/2), eqs. (48), (91).
    public func memory(disorder w: Double, length: Double) -> Double { exp(logMemory(disorder: w, length: length)) }

    /// [S_P] = ln 2 (1 - [Czz]), eq. (120), computed as -ln 2 expm1(ln [Czz]) (accurate deep in the
    /// localised side, where [S_P] is small).
    public func probeEntanglement(disorder w: Double, length: Double) -> Double {
        -M_LN2 * expm1(logMemory(disorder: w, length: length))
    }

    /// The L -> infinity limit of [S_P] (Fig. 9, dashed): ln 2 for W <= W_c (F1 -> 0 on the thermal
    /// side and at the transition, where F1 = exp(-sqrt(r/Lambda))); for W > W_c, F1(infinity) =
    /// exp(-sqrt(pi xi/(4 Lambda))) from the erf branch of (91). Continuous at W_c.
    public func probeEntanglementLimit(disorder w: Double) -> Double {
        let invXi = inverseCorrelationLength(disorder: w)
        guard invXi > 0 else { return M_LN2 }
        return -M_LN2 * expm1(-(Double.pi / (4 * invXi * resonanceLength(disorder: w))).squareRoot())
    }

    /// W_delta(L): the disorder at which [Czz](W_delta) = delta, eq. (116), (D2), by Brent's method on
    /// the exact ln F1 (91) in the variable 1/xi = ln(W/W_c). ln F1(L/2) increases monotonically
    /// with W (both 1/xi and Lambda(W) grow), from -infinity at W -> 0 to 0 at W -> infinity, so the
    /// root is unique for 0 < delta < 1. Returned with its residual ln[Czz] - ln delta.
    public func crossoverDisorder(threshold delta: Double, length: Double) throws -> BrentRoot.Result {
        try ResonanceModelError.require(delta > 0 && delta < 1, "delta", delta, "0 < delta < 1")
        try ResonanceModelError.require(length.isFinite && length > 0, "L", length, "0 < L < infinity")
        let target = log(delta)
        let f = { (u: Double) -> Double in
            self.logMemory(disorder: self.criticalDisorder * exp(u), length: length) - target
        }
        let solution = try BrentRoot(absoluteTolerance: 1e-15).solve(f, expandingFrom: -1, 0.5, within: -60, 60)
        return BrentRoot.Result(root: criticalDisorder * exp(solution.root), residual: solution.residual,
                                iterations: solution.iterations, bracketWidth: solution.bracketWidth)
    }

    /// L* = 2 Lambda(W_c) ln^2 delta: the length at which W_delta(L) = W_c, since [Czz](W_c) =
    /// exp(-sqrt(L/(2 Lambda))) (114). For L > L* the crossover lies on the localised side.
    public func criticalCrossingLength(threshold delta: Double) -> Double {
        2 * resonanceLength(disorder: criticalDisorder) * log(delta) * log(delta)
    }

    /// lim_{L -> infinity} W_delta(L) > W_c: the W at which the localised-side limit
    /// F1(infinity) = exp(-sqrt(pi xi/(4 Lambda(W)))) equals delta (Brent's method in 1/xi > 0).
    public func crossoverDisorderLimit(threshold delta: Double) throws -> Double {
        try ResonanceModelError.require(delta > 0 && delta < 1, "delta", delta, "0 < delta < 1")
        let target = abs(log(delta))
        let f = { (u: Double) -> Double in
            (Double.pi / (4 * u * self.resonanceLength(disorder: self.criticalDisorder * exp(u)))).squareRoot() - target
        }
        let u = try BrentRoot(absoluteTolerance: 1e-300).solve(f, expandingFrom: 1e-6, 1e-3, within: 1e-300, 60).root
        return criticalDisorder * exp(u)
    }
}
