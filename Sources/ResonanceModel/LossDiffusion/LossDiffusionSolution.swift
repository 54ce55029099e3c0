/// The unresonated fraction F(r) (87) and the density of the strongest resonance p(r) = -dF/dr (88)
/// at a list of ranges, from either solver, with error estimates, and optional profiles f(e, r).
public struct LossDiffusionSolution: Sendable, Codable {
    public var ranges: [Double]
    /// F(r) = integral f de.
    public var unresonatedFraction: [Double]
    /// p(r) = integral q f de = -dF/dr.
    public var strongestResonanceDensity: [Double]
    /// Estimated absolute error of F: PDE: grid-refinement difference; stochastic: one standard error.
    public var unresonatedFractionError: [Double]
    /// Estimated absolute error of p (same meaning).
    public var strongestResonanceDensityError: [Double]
    /// Profiles f(e, r) at the requested ranges (PDE only).
    public var profiles: [LossDiffusionProfile]
    /// Solver diagnostics: cells of the finest energy grid (PDE) or trajectories (stochastic), and
    /// accepted range steps (PDE) or steps per trajectory (stochastic).
    public var resolution: Int
    public var steps: Int

    public init(ranges: [Double], unresonatedFraction: [Double], strongestResonanceDensity: [Double],
                unresonatedFractionError: [Double], strongestResonanceDensityError: [Double],
                profiles: [LossDiffusionProfile] = [], resolution: Int, steps: Int) {
        self.ranges = ranges
        self.unresonatedFraction = unresonatedFraction
        self.strongestResonanceDensity = strongestResonanceDensity
        self.unresonatedFractionError = unresonatedFractionError
        self.strongestResonanceDensityError = strongestResonanceDensityError
        self.profiles = profiles
        self.resolution = resolution
        self.steps = steps
    }
}

/// f(e, r) at one range on the solver's energy grid; `diffusionWidth` is W sqrt(2(r - r_0)), which
/// is s_e(r) (67) for the paper's initial range r_0 = -1/2.
public struct LossDiffusionProfile: Sendable, Codable {
    public var range: Double
    public var diffusionWidth: Double
    public var energies: [Double]
    public var density: [Double]

    public init(range: Double, diffusionWidth: Double, energies: [Double], density: [Double]) {
        self.range = range
        self.diffusionWidth = diffusionWidth
        self.energies = energies
        self.density = density
    }
}
