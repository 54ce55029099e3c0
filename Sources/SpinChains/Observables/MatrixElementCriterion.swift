/// The stability criterion `rho vbar` measured on eigenstates (paper eqs. (129)-(131)):
///
///     rho vbar = integral_0^inf v varrho(v) dv ~ (1/delta) sum_{b != a, |E_b - E_a| <= delta/2} |V_ba|
///
/// for each mid-spectrum state `a` (the middle `fraction` of each block by index), with `delta`
/// an energy window (Floquet: folded quasi-energy differences). The mean over states is the
/// realization's value. Thermal chains: grows like `2^(L/2)` (the sum covers `rho delta` states
/// with `|V| ~ rho^(-1/2)`); localised chains: saturates.
public struct MatrixElementCriterion: Sendable {
    public var meanValue: Double
    public var stateCount: Int

    public init(_ weights: SpectralWeights, strength: Double, window delta: Double, fraction: Double = 1.0 / 3) {
        precondition(delta > 0, "the criterion's energy window must be positive")
        var sum = 0.0, count = 0
        let scale = Double(weights.dimension)
        for block in weights.blocks {
            let e = block.energies
            let states = middleWindow(count: e.count, fraction: fraction)
            let held = block.held, m = block.weights.rows
            // Every partner b within delta/2 of a mid-spectrum state must be held (a window's
            // vectors are chosen so; see `ExactRealization`).
            precondition(block.isComplete || states.isEmpty || (held.contains(states.lowerBound) && held.contains(states.upperBound - 1)
                && (held.lowerBound == 0 || e[states.lowerBound] - e[held.lowerBound - 1] > delta / 2)
                && (held.upperBound == e.count || e[held.upperBound] - e[states.upperBound - 1] > delta / 2)),
                "the criterion's window of eigenvectors misses partners within delta/2")
            for a in states {
                var local = 0.0
                block.weights.elements.withUnsafeBufferPointer { w in
                    let column = (a - block.offset) * m   // w is symmetric: column a holds |V_ba|^2
                    for b in held where b != a {
                        if abs(foldedFrequency(e[b] - e[a], period: weights.period)) <= delta / 2 {
                            local += (scale * w[column + b - block.offset]).squareRoot()
                        }
                    }
                }
                sum += abs(strength) * local / delta
                count += 1
            }
        }
        meanValue = count > 0 ? sum / Double(count) : .nan
        stateCount = count
    }
}
