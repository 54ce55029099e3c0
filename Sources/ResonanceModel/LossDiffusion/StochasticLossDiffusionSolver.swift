import Dispatch
import Foundation
import NumericKit

/// Stochastic solver of the loss-diffusion equation (86), (C1), as in App. C: f(e, r) is the mean
/// over random walks e(r), with Gaussian increments of variance 2 W^2 dr, each carrying the weight
/// exp(-integral q(e(r'), r') dr') (Feynman-Kac). Then
///
///     F(r) = E[w(r)],   p(r) = E[w(r) q(e(r), r)],
///
/// with one-standard-error bars from the sample variance.
///
/// Discretization: steps uniform in eta = sqrt(r - r_onset) (size `etaStep`, so that the
/// 1/sqrt(r) onset of q is integrated with bounded error), the loss integral by the midpoint rule
/// in eta with the walker at the mean of its end points; bias O(etaStep^2). Point sinks
/// gamma delta(e - e_s) are integrated exactly per step: given the end points a, b of a step of
/// duration t, a Brownian bridge (D = W^2) has E[exp(-gamma L)] =
/// 1 - (gamma/2) sqrt(pi t/D) erfcx((A + gamma t)/sqrt(4 D t)) exp(-(A^2 - B^2)/(4 D t)),
/// A = |a - e_s| + |b - e_s|, B = b - a, L the local time at e_s; p for a sink uses the one-step
/// heat kernel from the previous grid point.
///
/// Parallelism and reproducibility: trajectories are grouped in fixed blocks; block k draws from
/// `Xoshiro256StarStar(seed:, stream: k)`, and block sums are merged in block order, so results
/// are bit-identical for any thread count.
public struct StochasticLossDiffusionSolver: Sendable {
    public var trajectories: Int
    public var seed: UInt64
    public var etaStep: Double
    public var threads: Int
    public var blockSize: Int

    public init(trajectories: Int = 100_000, seed: UInt64 = 1, etaStep: Double = 0.02,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = 2048) {
        self.trajectories = trajectories
        self.seed = seed
        self.etaStep = etaStep
        self.threads = max(1, threads)
        self.blockSize = max(1, blockSize)
    }

    /// Step tables shared by every trajectory.
    struct Schedule {
        var standardDeviation: [Double]   // of the e increment
        var duration: [Double]            // dr of the step
        var midRange: [Double]
        var lossWeight: [Double]          // 2 eta_mid d eta: integral of q dr = lossWeight * q(e_mid, r_mid)
        var amplitude: [Double], centre: [Double], inversePrecision: [Double]  // Gaussian fast path
        var outputsAfter: [[Int]]         // output slots after step k - 1 (index 0: before any step)
        var outputRanges: [Double]        // sorted output ranges (slots)
        var initialSpread: Double
    }

    public func solve(_ problem: LossDiffusionProblem, ranges: [Double]) throws -> LossDiffusionSolution {
        try ResonanceModelError.require(trajectories >= 2, "trajectories", Double(trajectories), ">= 2")
        try ResonanceModelError.require(etaStep > 0 && etaStep.isFinite, "eta step", etaStep, "> 0")
        try ResonanceModelError.require(ranges.allSatisfy { $0.isFinite && $0 >= problem.lossRate.onsetRange },
                                        "ranges", ranges.min() ?? 0, ">= the onset of the loss (0)")
        let order = ranges.indices.sorted { ranges[$0] < ranges[$1] }
        let schedule = makeSchedule(problem, sortedRanges: order.map { ranges[$0] })
        let outputs = order.count
        let blocks = (trajectories + blockSize - 1) / blockSize
        let store = BlockStore(blocks: blocks)
        let workers = min(threads, blocks)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var b = worker
            while b < blocks {
                let count = min(blockSize, trajectories - b * blockSize)
                store.set(b, runBlock(problem, schedule, block: b, count: count, outputs: outputs))
                b += workers
            }
        }
        var sums = [Double](repeating: 0, count: 4 * outputs)
        for b in 0..<blocks { for i in sums.indices { sums[i] += store.get(b)[i] } }
        let n = Double(trajectories)
        var solution = LossDiffusionSolution(
            ranges: ranges, unresonatedFraction: .init(repeating: 0, count: outputs),
            strongestResonanceDensity: .init(repeating: 0, count: outputs),
            unresonatedFractionError: .init(repeating: 0, count: outputs),
            strongestResonanceDensityError: .init(repeating: 0, count: outputs),
            resolution: trajectories, steps: schedule.duration.count)
        for (slot, original) in order.enumerated() {
            let meanF = sums[4 * slot] / n, meanP = sums[4 * slot + 2] / n
            solution.unresonatedFraction[original] = meanF
            solution.strongestResonanceDensity[original] = meanP
            solution.unresonatedFractionError[original] = (max(sums[4 * slot + 1] / n - meanF * meanF, 0) / (n - 1)).squareRoot()
            solution.strongestResonanceDensityError[original] = (max(sums[4 * slot + 3] / n - meanP * meanP, 0) / (n - 1)).squareRoot()
        }
        return solution
    }

    func makeSchedule(_ problem: LossDiffusionProblem, sortedRanges: [Double]) -> Schedule {
        let onset = problem.lossRate.onsetRange, w = problem.disorder
        let gaussian = problem.lossRate as? GaussianLossRate
        var s = Schedule(standardDeviation: [], duration: [], midRange: [], lossWeight: [], amplitude: [], centre: [],
                         inversePrecision: [], outputsAfter: [[]], outputRanges: sortedRanges,
                         initialSpread: problem.diffusionWidth(atRange: onset))
        var eta = 0.0
        for (slot, r) in sortedRanges.enumerated() {
            let target = (r - onset).squareRoot()
            let substeps = target > eta ? Int((( target - eta) / etaStep).rounded(.up)) : 0
            if substeps == 0 { s.outputsAfter[s.outputsAfter.count - 1].append(slot); continue }
            let d = (target - eta) / Double(substeps)
            for j in 0..<substeps {
                let a = eta + Double(j) * d, b = j == substeps - 1 ? target : a + d, m = (a + b) / 2
                let dr = b * b - a * a, rm = onset + m * m
                s.duration.append(dr)
                s.standardDeviation.append(w * (2 * dr).squareRoot())
                s.midRange.append(rm)
                s.lossWeight.append(2 * m * (b - a))
                if let g = gaussian {
                    s.amplitude.append(g.amplitude(rm))
                    s.centre.append(g.centre(rm))
                    let v = g.variance(rm)
                    s.inversePrecision.append(v == .infinity ? 0 : 1 / (2 * v))
                }
                s.outputsAfter.append(j == substeps - 1 ? [slot] : [])
            }
            eta = target
        }
        return s
    }

    /// Sums (F, F^2, p, p^2) per output for one block of trajectories.
    func runBlock(_ problem: LossDiffusionProblem, _ s: Schedule, block: Int, count: Int, outputs: Int) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(block))
        var sums = [Double](repeating: 0, count: 4 * outputs)
        let rate = problem.lossRate
        let gaussian = !s.amplitude.isEmpty
        let hasSinks = !rate.pointSinks(range: s.outputRanges.last ?? 0).isEmpty
        let d = problem.disorder * problem.disorder
        var spare: Double? = nil
        @inline(__always) func normal() -> Double {
            if let z = spare { spare = nil; return z }
            while true {
                let u = 2 * rng.nextUnitInterval() - 1, v = 2 * rng.nextUnitInterval() - 1
                let q = u * u + v * v
                if q > 0 && q < 1 {
                    let f = (-2 * log(q) / q).squareRoot()
                    spare = v * f
                    return u * f
                }
            }
        }
        func record(_ slot: Int, _ e: Double, _ logWeight: Double, _ previousE: Double, _ previousLogWeight: Double, _ lastDuration: Double) {
            let weight = exp(-logWeight), r = s.outputRanges[slot]
            var p = weight * rate.rate(energy: e, range: r)
            if hasSinks, lastDuration > 0 {
                let wPrev = exp(-previousLogWeight), variance = 2 * d * lastDuration
                for sink in rate.pointSinks(range: r) {
                    let x = sink.energy - previousE
                    p += sink.weight * wPrev * exp(-x * x / (2 * variance)) / (2 * Double.pi * variance).squareRoot()
                }
            }
            sums[4 * slot] += weight
            sums[4 * slot + 1] += weight * weight
            sums[4 * slot + 2] += p
            sums[4 * slot + 3] += p * p
        }
        let steps = s.duration.count
        let boundaries = (1...max(steps, 1)).filter { $0 <= steps && !s.outputsAfter[$0].isEmpty }
        let fast = gaussian && !hasSinks
        // Fast path (Gaussian rate, no sinks): per-step constants in flat buffers, normals in pairs.
        let coefficient = fast ? s.lossWeight.indices.map { s.lossWeight[$0] * s.amplitude[$0] } : []
        for _ in 0..<count {
            var e = problem.initialEnergy + s.initialSpread * normal()
            var logWeight = 0.0
            var previousE = e, previousLogWeight = 0.0, lastDuration = 0.0
            for slot in s.outputsAfter[0] { record(slot, e, logWeight, previousE, previousLogWeight, lastDuration) }
            var k = 0
            for boundary in boundaries {
                if fast {
                    s.standardDeviation.withUnsafeBufferPointer { sd in
                    s.centre.withUnsafeBufferPointer { centre in
                    s.inversePrecision.withUnsafeBufferPointer { precision in
                    coefficient.withUnsafeBufferPointer { c in
                        var i = k
                        while i < boundary {
                            var u = 0.0, v = 0.0, q = 0.0
                            repeat {
                                u = 2 * rng.nextUnitInterval() - 1
                                v = 2 * rng.nextUnitInterval() - 1
                                q = u * u + v * v
                            } while q >= 1 || q == 0
                            let f = (-2 * log(q) / q).squareRoot()
                            var next = e + sd[i] * u * f
                            var x = (e + next) / 2 - centre[i]
                            logWeight += c[i] * exp(-x * x * precision[i])
                            e = next
                            i += 1
                            if i < boundary {
                                next = e + sd[i] * v * f
                                x = (e + next) / 2 - centre[i]
                                logWeight += c[i] * exp(-x * x * precision[i])
                                e = next
                                i += 1
                            }
                        }
                    } } } }
                    lastDuration = s.duration[boundary - 1]
                } else {
                    for i in k..<boundary {
                        previousE = e
                        previousLogWeight = logWeight
                        let next = e + s.standardDeviation[i] * normal()
                        let mid = (e + next) / 2
                        if gaussian {
                            let x = mid - s.centre[i]
                            logWeight += s.lossWeight[i] * s.amplitude[i] * exp(-x * x * s.inversePrecision[i])
                        } else {
                            logWeight += s.lossWeight[i] * rate.rate(energy: mid, range: s.midRange[i])
                        }
                        if hasSinks {
                            let t = s.duration[i]
                            for sink in rate.pointSinks(range: s.midRange[i]) {
                                let a = abs(e - sink.energy) + abs(next - sink.energy), b = next - e
                                let scale = (4 * d * t).squareRoot()
                                let survival = 1 - 0.5 * sink.weight * (Double.pi * t / d).squareRoot()
                                    * ErrorFunctions.erfcx((a + sink.weight * t) / scale) * exp(-(a * a - b * b) / (scale * scale))
                                logWeight -= log(max(survival, .leastNormalMagnitude))
                            }
                        }
                        lastDuration = s.duration[i]
                        e = next
                    }
                }
                k = boundary
                for slot in s.outputsAfter[boundary] { record(slot, e, logWeight, previousE, previousLogWeight, lastDuration) }
            }
        }
        return sums
    }
}

/// Per-block results written from worker threads (each slot by one worker only).
private final class BlockStore: @unchecked Sendable {
    private var results: [[Double]]
    private let lock = NSLock()
    init(blocks: Int) { results = Array(repeating: [], count: blocks) }
    func set(_ block: Int, _ value: [Double]) { lock.lock(); results[block] = value; lock.unlock() }
    func get(_ block: Int) -> [Double] { lock.lock(); defer { lock.unlock() }; return results[block] }
}
