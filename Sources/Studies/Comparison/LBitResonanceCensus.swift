import Foundation
import NumericKit
import SpinChains

/// A brute-force census of the RM's resonances in realizations of the synthetic l-bit model: for
/// every reference state `|epsilon_a, sigma>` (both probe states) and every partner `|epsilon_b, -sigma>`
/// with `V_ba != 0`, the resonance condition (30), `min_n |epsilon_a - epsilon_b + sigma h + n Omega| < |V_ba|`,
/// is applied to the drawn quasi-energies and matrix elements; the probe's frequency is the largest
/// resonant `|V_ba|` (35). No ensemble law is assumed, so the census tests the discrete RM's
/// partner counts, element law and product rule independently.
///
/// Per realization (averaged with standard errors over realizations):
/// - `unresonated`: the fraction of reference states with no resonance (`F`);
/// - `resonant_at_range`: for each `r = 0..L/2`, the fraction with a resonant partner at range `r` (`q_r`);
/// - `no_stronger`: for each frequency in `frequencies`, the fraction whose largest resonant `|V|`
///   is at most that frequency, or that have none (`G(w)`).
public struct LBitResonanceCensus: Sendable {
    public var length = 4
    public var driveFrequency = 2 * Double.pi
    public var coupling = 1.0
    public var localizationLength = 1.0
    public var probeField = 1.0
    public var realizations = 200
    public var seed: UInt64 = 7
    public var frequencies: [Double] = [0.01, 0.03, 0.1, 0.3, 1]

    public init() {}

    public func problem() -> EDProblem {
        var problem = EDProblem(model: .lbit, length: length, disorderStrength: probeField)
        problem.localizationLength = localizationLength
        problem.driveFrequency = driveFrequency
        problem.interaction = coupling
        problem.probe = problem.defaultProbe
        return problem
    }

    /// The census of one realization.
    public func record(realization k: Int) -> RealizationRecord {
        let model = problem().lbitModel(seed: seed, realization: UInt64(k))
        let v = model.couplingOperator
        let d = 1 << length, half = length / 2, omega = driveFrequency
        var unresonated = 0.0
        var atRange = [Double](repeating: 0, count: half + 1)
        var noStronger = [Double](repeating: 0, count: frequencies.count)
        for a in 0..<d {
            for sigma in [-1.0, 1.0] {
                var strongest = 0.0
                var resonantRanges = Set<Int>()
                for b in 0..<d where b != a {
                    let element = abs(v[b, a])
                    guard element > 0 else { continue }
                    let detuning = model.quasiEnergies[a] - model.quasiEnergies[b] + sigma * model.probeField
                    let wrapped = detuning - omega * (detuning / omega).rounded()
                    guard abs(wrapped) < element else { continue }
                    strongest = max(strongest, element)
                    resonantRanges.insert(Self.range(a ^ b, length: length))
                }
                if strongest == 0 { unresonated += 1 }
                for r in resonantRanges { atRange[r] += 1 }
                for (i, w) in frequencies.enumerated() where strongest <= w { noStronger[i] += 1 }
            }
        }
        let states = Double(2 * d)
        return RealizationRecord(realization: k, values: [
            "unresonated": [unresonated / states],
            "resonant_at_range": atRange.map { $0 / states },
            "no_stronger": noStronger.map { $0 / states },
        ])
    }

    /// The range (10) of a pair differing on the bits of `flips`: the largest `|n|`, `n = bit - L/2`.
    static func range(_ flips: Int, length: Int) -> Int {
        var r = 0
        for bit in 0..<length where flips & (1 << bit) != 0 { r = max(r, abs(bit - length / 2)) }
        return r
    }

    public func run(workers: Int? = nil) throws -> DisorderAverage {
        let census = self
        return try ComparisonSampling.average(count: realizations, workers: workers) { census.record(realization: $0) }
    }
}
