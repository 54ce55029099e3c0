/// The spectral function of a local operator `A` at infinite temperature (spec "Observables";
/// paper eqs. (20), (52)):
///
///     S(omega) = (1/D) sum_{a,b} |A_ab|^2 delta(omega - (E_b - E_a)),
///     integral S d omega = (1/D) tr A^2   (= 1 for a Pauli string),
///
/// split into the `omega = 0` delta function (the diagonal weight `(1/D) sum_a |A_aa|^2`, equal
/// to the infinite-time memory `[Czz]` for a non-degenerate spectrum) and the rest, a density
/// reported on log-spaced `|omega|` bins. `S` of a Hermitian `A` at infinite temperature is even
/// in `omega`; `density[k]` is `S` averaged over `omega` in bin `k` and over both signs, so that
/// `sum_k 2 width_k density[k] + belowRangeWeight + aboveRangeWeight + diagonalWeight`
/// equals `(1/D) tr A^2` exactly (the convention of the RM's `[S(omega)]`). Floquet models: the
/// differences are quasi-energy differences folded into `(-Omega/2, Omega/2]`.
///
/// Merges across realizations by averaging `density` and the weights element by element.
public struct BinnedSpectralFunction: Sendable {
    public var bins: LogarithmicBins
    /// Off-diagonal weight per bin (both signs of `omega`).
    public var binWeights: [Double]
    public var diagonalWeight: Double
    /// Off-diagonal weight with `|omega|` below the first bin (including exactly degenerate pairs).
    public var belowRangeWeight: Double
    /// Off-diagonal weight with `|omega|` above the last bin.
    public var aboveRangeWeight: Double

    /// Bins the weights in one pass over the `D (D - 1) / 2` pairs `a < b` of each block (the
    /// weights and `|omega|` are symmetric in `a`, `b`, so each pair counts twice; the weights of
    /// a general product are symmetric to rounding).
    public init(_ weights: SpectralWeights, bins: LogarithmicBins) {
        self.bins = bins
        var binWeights = [Double](repeating: 0, count: bins.count)
        var diagonal = 0.0, below = 0.0, above = 0.0
        let period = weights.period
        for block in weights.blocks {
            precondition(block.isComplete, "the spectral function needs every eigenstate of the block")
            let e = block.energies
            let d = e.count
            block.weights.elements.withUnsafeBufferPointer { w in
                for b in 0..<d {
                    let column = b * d
                    diagonal += w[column + b]
                    for a in 0..<b {
                        let weight = 2 * w[column + a]
                        let omega = abs(foldedFrequency(e[b] - e[a], period: period))
                        let k = bins.index(of: omega)
                        if k < 0 { below += weight } else if k >= bins.count { above += weight } else { binWeights[k] += weight }
                    }
                }
            }
        }
        self.binWeights = binWeights
        self.diagonalWeight = diagonal
        self.belowRangeWeight = below
        self.aboveRangeWeight = above
    }

    /// `S(omega)` averaged over each bin (per unit `omega`, one sign).
    public var density: [Double] {
        zip(binWeights, bins.widths).map { $0 / (2 * $1) }
    }

    /// `integral S d omega` over both signs, the delta function included.
    public var totalWeight: Double {
        binWeights.reduce(0, +) + diagonalWeight + belowRangeWeight + aboveRangeWeight
    }
}
