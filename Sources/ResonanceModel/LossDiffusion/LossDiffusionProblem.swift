import Foundation
import NumericKit

/// The loss-diffusion equation (86), (C1):
///
///     df/dr = W^2 d^2f/de^2 - q(e, r) f,    f(e, initialRange) = delta(e - initialEnergy),
///
/// with F(r) = integral f de (87) the unresonated fraction and p(r) = -dF/dr = integral q f de (88).
/// f is the density, in local energy e, of reference states with no resonance up to range r.
/// Free diffusion from the delta has width sigma(r) = W sqrt(2 (r - initialRange)); with the
/// paper's initialRange = -1/2 this is s_e(r) = W sqrt(2r + 1) (67).
public struct LossDiffusionProblem: Sendable {
    /// W: the diffusion constant is W^2.
    public let disorder: Double
    /// e at the initial delta (sigma h/2 in (84)).
    public let initialEnergy: Double
    /// The range of the initial delta (-1/2 in (84), 0 in (C7)).
    public let initialRange: Double
    public let lossRate: any LossRate

    public init(disorder: Double, initialEnergy: Double, initialRange: Double, lossRate: any LossRate) throws {
        try ResonanceModelError.require(disorder.isFinite && disorder > 0, "W", disorder, "0 < W < infinity")
        try ResonanceModelError.require(initialEnergy.isFinite, "initial energy", initialEnergy, "finite")
        try ResonanceModelError.require(initialRange <= lossRate.onsetRange, "initial range", initialRange,
                                        "<= the onset of the loss")
        self.disorder = disorder
        self.initialEnergy = initialEnergy
        self.initialRange = initialRange
        self.lossRate = lossRate
    }

    /// Width of free diffusion from the initial delta: W sqrt(2 (r - initialRange)).
    public func diffusionWidth(atRange r: Double) -> Double {
        disorder * (2 * max(r - initialRange, 0)).squareRoot()
    }
}

// MARK: - The cases of Sec. III and App. B, C

extension LossDiffusionProblem {
    /// Energy-blind q(r) = exp(-r/xi)/sqrt(4 Lambda r) (89): the solution is F1 (91) exactly.
    /// Initial condition delta(e - W/2) at r = -1/2; the e-profile plays no role.
    public static func energyBlind(_ parameters: ResonanceParameters, disorder w: Double = 1) throws -> LossDiffusionProblem {
        let invXi = parameters.inverseCorrelationLength, lambda = parameters.resonanceLength
        let rate = GaussianLossRate(amplitude: { r in exp(-r * invXi) / (4 * lambda * r).squareRoot() },
                                    centre: { _ in 0 }, variance: { _ in .infinity })
        return try LossDiffusionProblem(disorder: w, initialEnergy: w / 2, initialRange: -0.5, lossRate: rate)
    }

    /// Energy-resolved q(e, r) = exp(-r/xi - (e - e_down)^2/(4 W^2 r))/sqrt(4 Lambda r) (82) for the
    /// up state: initial energy +h/2, partner energy e_down = -h/2 (80); h = W by default.
    public static func energyResolved(_ model: HamiltonianResonanceModel, probeField h: Double? = nil) throws -> LossDiffusionProblem {
        let w = model.disorder, field = h ?? w
        let invXi = model.parameters.inverseCorrelationLength, lambda = model.parameters.resonanceLength
        let rate = GaussianLossRate(amplitude: { r in exp(-r * invXi) / (4 * lambda * r).squareRoot() },
                                    centre: { _ in -field / 2 }, variance: { r in 2 * w * w * r })
        return try LossDiffusionProblem(disorder: w, initialEnergy: field / 2, initialRange: -0.5, lossRate: rate)
    }

    /// The critical problem (C2), (C3): q(e, r) = exp(-(e + W/2)^2/(2 s_e(r)^2))/sqrt(4 Lambda r),
    /// s_e(r) = W sqrt(2r + 1), f(e, -1/2) = delta(e - W/2). F(r) depends on Lambda alone (W scales out).
    public static func critical(resonanceLength lambda: Double, disorder w: Double = 1) throws -> LossDiffusionProblem {
        try ResonanceModelError.require(lambda.isFinite && lambda > 0, "Lambda", lambda, "0 < Lambda < infinity")
        let rate = GaussianLossRate(amplitude: { r in 1 / (4 * lambda * r).squareRoot() },
                                    centre: { _ in -w / 2 }, variance: { r in w * w * (2 * r + 1) })
        return try LossDiffusionProblem(disorder: w, initialEnergy: w / 2, initialRange: -0.5, lossRate: rate)
    }

    /// Energy-dependent matrix elements (B3)-(B5), (C5):
    /// q(e, r) = exp(-r/xi - e^2/(zeta_c r mu^2) - (e + W/2)^2/(2 s_e^2))/sqrt(4 Lambda r), 0 < mu < 1.
    /// The product of the two Gaussians is one Gaussian (precision a = a1 + a2, a1 = 2/(zeta_c r mu^2),
    /// a2 = 1/s_e^2), so cell averages stay exact where the first factor is narrower than the grid.
    public static func energyDependent(resonanceLength lambda: Double, disorder w: Double = 1,
                                       energyDensityScale mu: Double, inverseCorrelationLength invXi: Double = 0) throws -> LossDiffusionProblem {
        try ResonanceModelError.require(lambda.isFinite && lambda > 0, "Lambda", lambda, "0 < Lambda < infinity")
        try ResonanceModelError.require(mu.isFinite && mu > 0, "mu", mu, "0 < mu (the paper takes mu < 1)")
        let zc = criticalLocalizationLength, offset = w / 2
        @Sendable func precisions(_ r: Double) -> (Double, Double) {
            (2 / (zc * r * mu * mu), 1 / (w * w * (2 * r + 1)))
        }
        let rate = GaussianLossRate(
            amplitude: { r in
                let (a1, a2) = precisions(r)
                // exp(-a1 e^2/2 - a2 (e + W/2)^2/2) = exp(-(a1 a2/(a1 + a2)) (W/2)^2/2) exp(-a (e - c)^2/2)
                return exp(-r * invXi - a1 * a2 / (a1 + a2) * offset * offset / 2) / (4 * lambda * r).squareRoot()
            },
            centre: { r in let (a1, a2) = precisions(r); return -a2 * offset / (a1 + a2) },
            variance: { r in let (a1, a2) = precisions(r); return 1 / (a1 + a2) })
        return try LossDiffusionProblem(disorder: w, initialEnergy: w / 2, initialRange: -0.5, lossRate: rate)
    }

    /// (C7): df/dr = W^2 f'' - gamma delta(e) f, f(e, 0) = delta(e). Exact solution `DeltaSinkSolution`.
    public static func deltaSink(strength gamma: Double, disorder w: Double = 1) throws -> LossDiffusionProblem {
        try ResonanceModelError.require(gamma.isFinite && gamma > 0, "gamma", gamma, "0 < gamma < infinity")
        return try LossDiffusionProblem(disorder: w, initialEnergy: 0, initialRange: 0,
                                        lossRate: DeltaSinkLossRate(strength: gamma))
    }
}
