import Foundation

/// The fidelity susceptibility of eigenstates to a local perturbation `U` (paper eq. (123)):
///
///     chi_a = sum_{b != a} |<b|U|a>|^2 / (E_b - E_a)^2
///
/// (Floquet: folded quasi-energy differences) for the mid-spectrum states `a` (the middle
/// `fraction` of each block by index). Reported as the samples' `ln chi`, their histogram on
/// uniform bins (a probability density in `ln chi`) and the mean `[ln chi]`, which the RM predicts
/// grows like `2 ln 2 L` near the crossover (eq. (126)). Exactly degenerate pairs are skipped.
public struct FidelitySusceptibilities: Sendable {
    public var logSusceptibilities: [Double]

    public init(_ weights: SpectralWeights, strength: Double, fraction: Double = 1.0 / 3) {
        var samples: [Double] = []
        let scale = Double(weights.dimension) * strength * strength
        for block in weights.blocks {
            precondition(block.isComplete, "the fidelity susceptibility needs every eigenstate of the block")
            let e = block.energies
            let window = middleWindow(count: e.count, fraction: fraction)
            samples.reserveCapacity(samples.count + window.count)
            e.withUnsafeBufferPointer { e in
                block.weights.elements.withUnsafeBufferPointer { w in
                    for a in window {
                        var chi = 0.0
                        let column = a * e.count, ea = e[a]
                        for b in 0..<e.count where b != a {
                            let omega = foldedFrequency(e[b] - ea, period: weights.period)
                            if omega != 0 { chi += w[column + b] / (omega * omega) }
                        }
                        samples.append(log(scale * chi))
                    }
                }
            }
        }
        logSusceptibilities = samples
    }

    /// `[ln chi]` over the states (NaN without states).
    public var meanLogSusceptibility: Double {
        let finite = logSusceptibilities.filter(\.isFinite)
        return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
    }

    /// The probability density of `ln chi` on `bins` (samples outside the bins count in the
    /// normalization but in no bin).
    public func histogram(_ bins: LinearBins) -> [Double] {
        var counts = [Double](repeating: 0, count: bins.count)
        for x in logSusceptibilities where x.isFinite {
            let k = bins.index(of: x)
            if k >= 0 && k < bins.count { counts[k] += 1 }
        }
        let norm = Double(max(1, logSusceptibilities.count)) * bins.width
        return counts.map { $0 / norm }
    }
}
