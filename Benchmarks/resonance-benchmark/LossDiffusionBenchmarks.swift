import Foundation
import ResonanceModel

/// Timings of the loss-diffusion solvers: the PDE to r/Lambda = 100 at Lambda = 30 with accuracy
/// 1e-4 (target: < 10 s), its accuracy against (C17) and F1 (91), and the random-walk throughput
/// in path-steps per second per core (target: >= 3e7).
func runLossDiffusionBenchmarks() {
    do {
        let lambda = 30.0
        let ranges = (0...40).map { 0.01 * lambda * pow(1e4, Double($0) / 40) }  // r/Lambda from 0.01 to 100
        var solution: LossDiffusionSolution?
        let t = try seconds { solution = try LossDiffusionSolver(tolerance: 1e-4).solve(.critical(resonanceLength: lambda), ranges: ranges) }
        let s = solution!
        let worst = zip(s.unresonatedFraction, s.unresonatedFractionError).map { $1 / $0 }.max()!
        print(String(format: "loss-diffusion PDE, critical (C3), Lambda = 30, r/Lambda <= 100, tol 1e-4: %.3f s (cells %d, steps %d, max est. rel. error %.2e, F(3000) = %.6e)",
                     t, s.resolution, s.steps, worst, s.unresonatedFraction.last!))

        let gamma = 0.5
        let exact = DeltaSinkSolution(strength: gamma, disorder: 1)
        let deltaRanges = [0.1, 1, 10, 100, 1000, 3000]
        var delta: LossDiffusionSolution?
        let td = try seconds { delta = try LossDiffusionSolver(tolerance: 1e-4).solve(.deltaSink(strength: gamma), ranges: deltaRanges) }
        let deltaError = deltaRanges.indices.map { abs(delta!.unresonatedFraction[$0] / exact.unresonatedFraction(atRange: deltaRanges[$0]) - 1) }.max()!
        print(String(format: "loss-diffusion PDE, delta sink (C7), gamma = 0.5, r <= 3000: %.3f s, max rel. error vs (C17) %.2e", td, deltaError))

        let p = try ResonanceParameters(inverseCorrelationLength: 0, resonanceLength: lambda, length: 6000)
        var blind: LossDiffusionSolution?
        let tb = try seconds { blind = try LossDiffusionSolver(tolerance: 1e-4).solve(.energyBlind(p), ranges: ranges) }
        let model = HamiltonianResonanceModel(p)
        let blindError = ranges.indices.map { abs(blind!.unresonatedFraction[$0] / model.unresonatedFraction(atRange: ranges[$0]) - 1) }.max()!
        print(String(format: "loss-diffusion PDE, energy-blind (89), Lambda = 30, r <= 3000: %.3f s, max rel. error vs F1 (91) %.2e", tb, blindError))

        let cores = ProcessInfo.processInfo.activeProcessorCount
        for threads in [1, cores] {
            let walker = StochasticLossDiffusionSolver(trajectories: 200_000, seed: 1, etaStep: 0.05, threads: threads)
            var result: LossDiffusionSolution?
            let ts = try seconds { result = try walker.solve(.critical(resonanceLength: lambda), ranges: [30, 300, 3000]) }
            let pathSteps = Double(walker.trajectories * result!.steps)
            print(String(format: "random walks, critical (C3), %d trajectories x %d steps, %d thread(s): %.3f s, %.3e path-steps/s/core; F(3000) = %.4e +- %.1e (PDE %.4e)",
                         walker.trajectories, result!.steps, threads, ts, pathSteps / ts / Double(threads),
                         result!.unresonatedFraction[2], result!.unresonatedFractionError[2], s.unresonatedFraction.last!))
        }
    } catch {
        print("loss-diffusion benchmark failed: \(error)")
    }
}
