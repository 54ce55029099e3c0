import Foundation
import NumericKit

/// Deterministic solver of the loss-diffusion equation (86), (C1), (C2), (C7).
///
/// Method. In the co-moving variable x = (e - e_0)/sigma(r), g = sigma f, where
/// sigma(r) = W sqrt(2(r - r_0)) is the width of free diffusion from the initial delta, the equation
/// becomes
///
///     dg/dr = (W^2/sigma^2) d/dx (dg/dx + x g) - q(e_0 + sigma x, r) g,
///
/// an Ornstein-Uhlenbeck relaxation towards the standard normal plus the loss. The delta initial
/// condition is then the smooth normal profile, exact up to the onset of q (r = 0), and the grid
/// widens with s_e(r) by construction. Space: `OrnsteinUhlenbeckGrid` (finite volumes,
/// Scharfetter-Gummel fluxes: the normal profile is the exact discrete equilibrium, mass conserved),
/// x in [-halfWidth, halfWidth], loss by exact cell averages of q and point sinks on the nodes.
/// Range: the variable eta = sqrt(r - r_onset), which removes the 1/sqrt(r) singularity of q at the
/// onset; TR-BDF2 (L-stable, second order: no oscillation from the stiff start or the point sink)
/// with step doubling (local error estimate (y_h/2 - y_h)/3 on the profile, F and p) and adaptive
/// steps that land on every output range.
/// Energy-grid error: the solve is repeated on a grid twice as fine until F and p of the two grids
/// agree within the tolerance; the difference is returned as the error estimate.
///
/// Outputs: F(r) = integral f de (87) and p(r) = integral q f de = -dF/dr (88), computed from the
/// profile (p is the exact derivative of the discrete F), and profiles f(e, r) on request.
public struct LossDiffusionSolver: Sendable {
    /// Relative accuracy target for F and p.
    public var tolerance: Double
    /// Half width of the x-grid (units of sigma(r)).
    public var halfWidth: Double
    /// Cells of the first energy grid (even: a node at x = 0).
    public var initialCells: Int
    /// Largest grid tried.
    public var maximumCells: Int
    /// Local range-step tolerance, relative to `tolerance`.
    public var rangeToleranceFactor: Double

    public init(tolerance: Double = 1e-4, halfWidth: Double = 10, initialCells: Int = 160,
                maximumCells: Int = 40960, rangeToleranceFactor: Double = 0.002) {
        self.tolerance = tolerance
        self.halfWidth = halfWidth
        self.initialCells = initialCells + initialCells % 2
        self.maximumCells = maximumCells
        self.rangeToleranceFactor = rangeToleranceFactor
    }

    /// Solves to the tolerance in energy and range. `ranges` need not be sorted.
    public func solve(_ problem: LossDiffusionProblem, ranges: [Double],
                      profileRanges: [Double] = []) throws -> LossDiffusionSolution {
        try ResonanceModelError.require(ranges.allSatisfy { $0.isFinite && $0 >= problem.initialRange },
                                        "ranges", ranges.min() ?? 0, ">= the initial range, finite")
        var cells = initialCells
        var coarse = solve(problem, ranges: ranges, cells: cells, profileRanges: profileRanges)
        while true {
            let fine = solve(problem, ranges: ranges, cells: 2 * cells, profileRanges: profileRanges)
            var worst = 0.0
            var result = fine
            for i in ranges.indices {
                let dF = abs(fine.unresonatedFraction[i] - coarse.unresonatedFraction[i])
                let dP = abs(fine.strongestResonanceDensity[i] - coarse.strongestResonanceDensity[i])
                result.unresonatedFractionError[i] = dF + fine.unresonatedFractionError[i]
                result.strongestResonanceDensityError[i] = dP + fine.strongestResonanceDensityError[i]
                worst = max(worst, dF / max(fine.unresonatedFraction[i], .leastNormalMagnitude),
                            dP / max(fine.strongestResonanceDensity[i], .leastNormalMagnitude))
            }
            cells *= 2
            if worst <= tolerance || 2 * cells > maximumCells { return result }
            coarse = fine
        }
    }

    /// One solve on a grid of `cells` cells, with adaptive range steps. The error fields hold the
    /// summed local range-step error estimates only.
    public func solve(_ problem: LossDiffusionProblem, ranges: [Double], cells: Int,
                      profileRanges: [Double] = []) -> LossDiffusionSolution {
        let grid = OrnsteinUhlenbeckGrid(cells: cells + cells % 2, halfWidth: halfWidth)
        var stepper = LossDiffusionStepper(problem: problem, grid: grid,
                              tolerance: tolerance * rangeToleranceFactor)
        // Outputs in eta, sorted, with their original positions.
        struct Target { var eta: Double; var index: Int; var profile: Bool }
        let onset = problem.lossRate.onsetRange
        var targets = ranges.enumerated().map { Target(eta: (max($0.element - onset, 0)).squareRoot(), index: $0.offset, profile: false) }
        targets += profileRanges.enumerated().map { Target(eta: (max($0.element - onset, 0)).squareRoot(), index: $0.offset, profile: true) }
        targets.sort { $0.eta < $1.eta }

        let n = ranges.count
        var solution = LossDiffusionSolution(
            ranges: ranges, unresonatedFraction: .init(repeating: 1, count: n),
            strongestResonanceDensity: .init(repeating: 0, count: n),
            unresonatedFractionError: .init(repeating: 0, count: n),
            strongestResonanceDensityError: .init(repeating: 0, count: n),
            profiles: [], resolution: grid.cells, steps: 0)
        var profiles = [LossDiffusionProfile?](repeating: nil, count: profileRanges.count)

        for target in targets {
            let isBeforeOnset = (target.profile ? profileRanges[target.index] : ranges[target.index]) <= onset
            if !isBeforeOnset { stepper.advance(to: target.eta) }
            if target.profile {
                let r = profileRanges[target.index]
                profiles[target.index] = isBeforeOnset ? freeProfile(problem, grid: grid, range: r)
                    : stepper.profile(range: r)
            } else if !isBeforeOnset {
                let i = target.index
                solution.unresonatedFraction[i] = stepper.mass
                solution.strongestResonanceDensity[i] = stepper.lossRate
                solution.unresonatedFractionError[i] = stepper.accumulatedRelativeMassError * stepper.mass
                solution.strongestResonanceDensityError[i] = stepper.accumulatedRelativeMassError * stepper.lossRate
            }
        }
        solution.profiles = profiles.compactMap { $0 }
        solution.steps = stepper.acceptedSteps
        return solution
    }

    private func freeProfile(_ problem: LossDiffusionProblem, grid: OrnsteinUhlenbeckGrid, range r: Double) -> LossDiffusionProfile {
        let sigma = problem.diffusionWidth(atRange: r)
        let g = grid.equilibrium
        return LossDiffusionProfile(range: r, diffusionWidth: sigma,
                                    energies: grid.nodes.map { problem.initialEnergy + sigma * $0 },
                                    density: g.map { $0 / sigma })
    }
}
