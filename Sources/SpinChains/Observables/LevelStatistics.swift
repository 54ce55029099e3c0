/// The mean ratio of consecutive level spacings (Oganesyan and Huse, PRB 75, 155111 (2007)):
///
///     r_n = min(d_n, d_{n+1}) / max(d_n, d_{n+1}),   d_n = E_{n+1} - E_n,
///
/// over the sorted eigenvalues of one symmetry sector (never a mixture of sectors, whose levels
/// do not repel). Hamiltonians: the ratios whose three levels lie in the middle `fraction` of the
/// sector's spectrum by index (default the middle third). Floquet: quasi-energies live on a
/// circle of circumference `Omega`, so all `D` spacings (including the one across
/// `+-Omega/2`) and all `D` ratios count; no window. References: Poisson `2 ln 2 - 1 = 0.3863`,
/// GOE `0.5307`, GUE/CUE `0.5996` (Atas et al., PRL 110, 084101 (2013)).
///
/// Results of several sectors merge by adding sums and counts; a ratio 0/0 (two exactly
/// degenerate spacings) is skipped.
public struct LevelStatistics: Sendable, Equatable {
    /// `sum r_n`.
    public var ratioSum: Double = 0
    /// The number of ratios.
    public var ratioCount: Int = 0

    public init() {}

    public static let poissonMeanRatio = 2 * 0.6931471805599453 - 1
    public static let orthogonalMeanRatio = 0.5307
    public static let unitaryMeanRatio = 0.5996

    /// The ratios of a Hamiltonian sector's sorted `energies`, window by index.
    public static func ratios(sortedEnergies energies: [Double], fraction: Double = 1.0 / 3) -> [Double] {
        let d = energies.count
        guard d >= 3 else { return [] }
        let window = middleWindow(count: d, fraction: fraction)
        var ratios: [Double] = []
        // Ratio n uses levels n, n+1, n+2.
        let first = window.lowerBound, last = max(window.lowerBound, window.upperBound - 3)
        guard window.count >= 3 else { return [] }
        ratios.reserveCapacity(last - first + 1)
        for n in first...last {
            let a = energies[n + 1] - energies[n], b = energies[n + 2] - energies[n + 1]
            let larger = max(a, b)
            if larger > 0 { ratios.append(min(a, b) / larger) }
        }
        return ratios
    }

    /// The ratios of sorted quasi-energies in `(-Omega/2, Omega/2]` on the circle.
    public static func circularRatios(sortedQuasiEnergies energies: [Double], driveFrequency: Double) -> [Double] {
        let d = energies.count
        guard d >= 2 else { return [] }
        var gaps = (0..<(d - 1)).map { energies[$0 + 1] - energies[$0] }
        gaps.append(energies[0] + driveFrequency - energies[d - 1])
        var ratios: [Double] = []
        ratios.reserveCapacity(d)
        for n in 0..<d {
            let a = gaps[n], b = gaps[(n + 1) % d]
            let larger = max(a, b)
            if larger > 0 { ratios.append(min(a, b) / larger) }
        }
        return ratios
    }

    /// Accumulates one sector (Floquet when `period` is given).
    public mutating func add(sortedEnergies energies: [Double], period: Double?, fraction: Double = 1.0 / 3) {
        let ratios = period.map { Self.circularRatios(sortedQuasiEnergies: energies, driveFrequency: 2 * Double.pi / $0) }
            ?? Self.ratios(sortedEnergies: energies, fraction: fraction)
        ratioSum += ratios.reduce(0, +)
        ratioCount += ratios.count
    }

    /// The sectors of a realization, each on its own.
    public init(_ eigenstates: Eigenstates, fraction: Double = 1.0 / 3) {
        for block in eigenstates.blocks { add(sortedEnergies: block.energies, period: eigenstates.period, fraction: fraction) }
    }

    /// `<r>` (NaN without ratios).
    public var meanRatio: Double { ratioCount > 0 ? ratioSum / Double(ratioCount) : .nan }

    public static func + (lhs: LevelStatistics, rhs: LevelStatistics) -> LevelStatistics {
        var sum = lhs
        sum.ratioSum += rhs.ratioSum
        sum.ratioCount += rhs.ratioCount
        return sum
    }
}

/// The indices of the middle `fraction` of `count` states: `[floor(c (1 - f)/2), ... )` with
/// `round(c f)` states (at least one).
public func middleWindow(count: Int, fraction: Double) -> Range<Int> {
    let width = min(count, max(1, Int((Double(count) * fraction).rounded())))
    let start = (count - width) / 2
    return start..<(start + width)
}
