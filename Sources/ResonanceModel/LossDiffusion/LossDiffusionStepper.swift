import Foundation
import NumericKit

/// The range-stepping core of `LossDiffusionSolver`: TR-BDF2 with step doubling for
/// dg/deta = c(eta) M g - l(eta) g, where eta = sqrt(r - r_onset), c = 2 eta W^2/sigma(r)^2,
/// l_i = 2 eta Q_i(r) and Q_i is the cell average of q on node i (plus point sinks).
struct LossDiffusionStepper {
    let problem: LossDiffusionProblem
    let grid: OrnsteinUhlenbeckGrid
    let tolerance: Double
    private(set) var eta: Double
    private(set) var profile: [Double]
    private var nominalStep: Double
    private(set) var acceptedSteps = 0
    /// Sum of the relative local error estimates of the mass (relative errors of a decaying
    /// linear solution add up).
    private(set) var accumulatedRelativeMassError = 0.0

    /// TR-BDF2 constant gamma = 2 - sqrt 2.
    private static let gamma = 2 - 2.0.squareRoot()

    /// Coefficients of the operator at one eta: OU coefficient and per-node loss in eta units.
    struct Coefficients {
        var eta: Double
        var relaxation: Double
        var loss: [Double]
    }

    init(problem: LossDiffusionProblem, grid: OrnsteinUhlenbeckGrid, tolerance: Double) {
        self.problem = problem
        self.grid = grid
        self.tolerance = tolerance
        profile = grid.equilibrium
        // The loss starts at the onset; free diffusion before it is exact (g is the normal profile).
        // If the delta sits at the onset (C7), start just after it: the loss missed there is
        // O(gamma sqrt(r_start)/W) = 1e-8 relative.
        if problem.initialRange < problem.lossRate.onsetRange {
            eta = 0
            nominalStep = 1e-3
        } else {
            eta = 1e-8
            nominalStep = 1e-8
        }
    }

    var onset: Double { problem.lossRate.onsetRange }

    func range(atEta e: Double) -> Double { onset + e * e }

    /// Per-node Q_i(r) (cell averages of q, and sinks), in units of 1/range.
    func nodeLoss(range r: Double) -> [Double] {
        let sigma = problem.diffusionWidth(atRange: r)
        let e0 = problem.initialEnergy, h = grid.spacing, x0 = -grid.halfWidth
        let rate = problem.lossRate
        let n = grid.nodes.count
        var q = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let lower = max(x0 + (Double(i) - 0.5) * h, x0), upper = min(x0 + (Double(i) + 0.5) * h, grid.halfWidth)
            q[i] = rate.cellAverage(lowerEnergy: e0 + sigma * lower, upperEnergy: e0 + sigma * upper, range: r)
        }
        for sink in rate.pointSinks(range: r) {
            let x = (sink.energy - e0) / sigma
            guard x >= x0, x <= grid.halfWidth else { continue }
            let position = (x - x0) / h
            let j = min(Int(position), n - 2), t = position - Double(j)
            // delta(e - e_s) = delta(x - x_s)/sigma, shared between the two nearest nodes (exact on a node).
            q[j] += (1 - t) * sink.weight / (sigma * grid.weights[j])
            q[j + 1] += t * sink.weight / (sigma * grid.weights[j + 1])
        }
        return q
    }

    func coefficients(atEta e: Double) -> Coefficients {
        let evaluated = max(e, 1e-100)
        let r = range(atEta: evaluated)
        let w = problem.disorder
        let sigma = problem.diffusionWidth(atRange: r)
        let relaxation = 2 * evaluated * w * w / (sigma * sigma)
        let q = nodeLoss(range: r)
        return Coefficients(eta: e, relaxation: relaxation, loss: q.map { 2 * evaluated * $0 })
    }

    /// y + a A y.
    private func explicitPart(_ y: [Double], _ coefficients: Coefficients, _ a: Double) -> [Double] {
        var my = [Double](repeating: 0, count: y.count)
        grid.generator.multiply(y, into: &my)
        var out = y
        for i in 0..<y.count { out[i] += a * (coefficients.relaxation * my[i] - coefficients.loss[i] * y[i]) }
        return out
    }

    /// Solves (I - a A) y = rhs.
    private func implicitSolve(_ rhs: [Double], _ coefficients: Coefficients, _ a: Double) -> [Double] {
        let m = grid.generator, c = a * coefficients.relaxation
        var diagonal = m.diagonal
        for i in 0..<diagonal.count { diagonal[i] = 1 - c * diagonal[i] + a * coefficients.loss[i] }
        let system = TridiagonalSystem(sub: m.sub.map { -c * $0 }, diagonal: diagonal, sup: m.sup.map { -c * $0 })
        return system.solve(rhs)
    }

    /// One TR-BDF2 step of size k from (start, y).
    private func step(_ y: [Double], from start: Coefficients, size k: Double, end: Coefficients) -> [Double] {
        let g = Self.gamma
        let middle = coefficients(atEta: start.eta + g * k)
        let y1 = implicitSolve(explicitPart(y, start, g * k / 2), middle, g * k / 2)
        let c1 = 1 / (g * (2 - g)), c0 = (1 - g) * (1 - g) / (g * (2 - g))
        var rhs = y1
        for i in 0..<y.count { rhs[i] = c1 * y1[i] - c0 * y[i] }
        return implicitSolve(rhs, end, (1 - g) / (2 - g) * k)
    }

    /// Advances to eta = target with adaptive steps.
    mutating func advance(to target: Double) {
        guard target > eta else { return }
        var start = coefficients(atEta: eta)
        while eta < target {
            var k = nominalStep
            let clamped = eta + k >= target * (1 - 1e-12)
            if clamped { k = target - eta }
            let end = coefficients(atEta: eta + k)
            let full = step(profile, from: start, size: k, end: end)
            let midpoint = coefficients(atEta: eta + k / 2)
            let half = step(step(profile, from: start, size: k / 2, end: midpoint), from: midpoint, size: k / 2, end: end)
            var massError = 0.0, lossError = 0.0, mass = 0.0, loss = 0.0, peakError = 0.0, peak = 0.0
            for i in 0..<half.count {
                let e = (half[i] - full[i]) / 3, w = grid.weights[i]
                massError += w * e
                lossError += w * end.loss[i] * e
                mass += w * half[i]
                loss += w * end.loss[i] * half[i]
                peakError = max(peakError, abs(e))
                peak = max(peak, abs(half[i]))
            }
            var error = max(abs(massError) / max(mass, .leastNormalMagnitude), peakError / max(peak, .leastNormalMagnitude))
            if loss > 0 { error = max(error, abs(lossError) / loss) }
            error /= tolerance
            let factor = min(3, max(0.2, 0.9 * pow(max(error, 1e-12), -1.0 / 3)))
            if error <= 1 || k < 1e-14 * max(eta, 1) {
                eta = clamped ? target : eta + k
                profile = half
                start = end
                acceptedSteps += 1
                accumulatedRelativeMassError += abs(massError) / max(mass, .leastNormalMagnitude)
                nominalStep = clamped ? max(nominalStep, k * factor) : k * factor
            } else {
                nominalStep = k * factor
            }
        }
    }

    /// F = integral f de = sum w_i g_i.
    var mass: Double { grid.mass(profile) }

    /// p = integral q f de = sum w_i Q_i g_i at the current range.
    var lossRate: Double {
        let q = nodeLoss(range: range(atEta: max(eta, 1e-100)))
        var total = 0.0
        for i in 0..<profile.count { total += grid.weights[i] * q[i] * profile[i] }
        return total
    }

    func profile(range r: Double) -> LossDiffusionProfile {
        let sigma = problem.diffusionWidth(atRange: r)
        return LossDiffusionProfile(range: r, diffusionWidth: sigma,
                                    energies: grid.nodes.map { problem.initialEnergy + sigma * $0 },
                                    density: profile.map { $0 / sigma })
    }
}
