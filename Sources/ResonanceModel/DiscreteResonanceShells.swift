import Foundation

extension DiscreteResonanceModel {
    /// The discrete RM of the synthetic l-bit model (Sec. II A): `L` l-bits `n = -L/2 .. L/2-1`,
    /// the probe on `n = 0`, `V = sum_r V_r` with `V_r` a Gaussian real symmetric matrix on the
    /// l-bits `|n| <= r` whose elements all flip an l-bit at distance `r` (range exactly `r`,
    /// (10)), rescaled to the norm (13) `|V_r|^2 = tr(V_r^2)/2^L = J^2 exp(-2r/zeta)`.
    ///
    /// Range `r` acts on `k = min(2r + 1, L)` l-bits (`m = 2^k` local states); its far l-bits are
    /// `-r` and, for `r < L/2`, `+r` (the chain has no `+L/2`). A reference state has
    /// `N_r = m (1 - 2^-f)` partners (`f` far l-bits): `N_0 = 1`, `N_r = (3/2) 4^r` (36) for
    /// `0 < r < L/2`, and `N_(L/2) = 2^(L-1)`. The `n = m N_r/2` independent elements share the
    /// Frobenius norm `sum x^2 = m J^2 exp(-2r/zeta)/2`, so each is `R u` with `u` a coordinate of a
    /// uniform point on the unit sphere in `n` dimensions, `R = J exp(-r/zeta) sqrt(m/2)` (variance
    /// `R^2/n = J^2 exp(-2r/zeta)/N_r`: the `v(r)^2` of (37) without (38)'s dropped `sqrt(3/2)`).
    public static func syntheticLBit(length: Int, driveFrequency: Double, coupling: Double,
                                     localizationLength zeta: Double) throws -> DiscreteResonanceModel {
        try ResonanceModelError.require(length >= 2 && length % 2 == 0 && length <= 40, "L", Double(length), "even, 2...40")
        try ResonanceModelError.require(coupling.isFinite && coupling > 0, "J", coupling, "0 < J < infinity")
        try ResonanceModelError.require(zeta.isFinite && zeta > 0, "zeta", zeta, "0 < zeta < infinity")
        let half = length / 2
        let shells = (0...half).map { r -> ResonanceShell in
            let k = min(half + r, length - 1) - (half - r) + 1
            let far = (r > 0 && half + r <= length - 1) ? 2 : 1
            let m = pow(2, Double(k))
            let partners = m * (1 - pow(2, -Double(far)))
            let radius = coupling * exp(-Double(r) / zeta) * (m / 2).squareRoot()
            return ResonanceShell(range: Double(r), partnerCount: partners,
                                  law: .sphereCoordinate(radius: radius, dimension: m * partners / 2))
        }
        return try DiscreteResonanceModel(shells: shells, driveFrequency: driveFrequency)
    }

    /// The continuum Floquet RM cut into shells of width `step` (midpoints `r_i`): `N_i = Omega rho(r_i) step`
    /// partners (40) with the single element `v(r_i)` (38). As `step -> 0` and `J/Omega -> 0` this
    /// discrete model becomes the continuum RM: `ln G(0) = ln F(L/2) (1 + O(J/Omega)) + O(step^2)`,
    /// since `-N ln(1 - 2v/Omega) = 2 v rho step (1 + v/Omega + ...)`.
    public static func continuumShells(of model: FloquetResonanceModel, step: Double) throws -> DiscreteResonanceModel {
        let p = model.parameters
        try ResonanceModelError.require(step.isFinite && step > 0 && step <= p.maximumRange, "step", step, "0 < step <= L/2")
        let omega = ResonanceParameters.driveFrequency(resonanceLength: p.resonanceLength, interaction: p.interaction)
        let count = Int((p.maximumRange / step).rounded(.up))
        let width = p.maximumRange / Double(count)
        let shells = (0..<count).map { i -> ResonanceShell in
            let r = (Double(i) + 0.5) * width
            return ResonanceShell(range: r, partnerCount: omega * model.densityOfStates(atRange: r) * width,
                                  law: .fixed(model.matrixElement(atRange: r)))
        }
        return try DiscreteResonanceModel(shells: shells, driveFrequency: omega)
    }
}
