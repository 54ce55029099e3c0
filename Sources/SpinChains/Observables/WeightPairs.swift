import NumericKit

/// The pairs of a window's eigenstates whose weights `|A_ab|^2` the window observables read: the
/// pairs within an energy difference (the criterion's partners, `|E_a - E_b| <= delta/2`,
/// eq. (131)) and the pairs across the matrix-element distribution's two windows (eq. (97)).
/// `SpectralWeights(operator:windows:pairs:)` computes only those.
public struct WeightPairs: Sendable, Equatable {
    /// Pairs with `|E_a - E_b|` at most this (nil: none).
    public var energyDifference: Double?
    /// The two windows of the matrix-element distribution (nil: none).
    public var matrixElementWindows: MatrixElementDistribution.Windows?

    public init(energyDifference: Double? = nil, matrixElementWindows: MatrixElementDistribution.Windows? = nil) {
        self.energyDifference = energyDifference
        self.matrixElementWindows = matrixElementWindows
    }

    /// Columns per tile of the band around the diagonal.
    static let tileWidth = 64

    /// The rectangles (indices relative to `held`, the window's first state at 0) that cover
    /// every asked-for pair `(a, b)` with `a <= b` in a block of ascending `energies`: the band
    /// as column tiles, each with the rows from the first state within `energyDifference` below
    /// the tile's first state to the tile's last, and the matrix-element windows' cross block.
    /// The band's lower edge is widened by a relative 1e-9 so that rounding in the readers'
    /// `|E_b - E_a| <= delta/2` cannot ask for a pair outside it.
    public func rectangles(energies: [Double], held: Range<Int>) -> [MatrixRectangle] {
        var result: [MatrixRectangle] = []
        if let width = energyDifference, !held.isEmpty {
            var first = held.lowerBound
            for start in stride(from: held.lowerBound, to: held.upperBound, by: Self.tileWidth) {
                let end = min(start + Self.tileWidth, held.upperBound)
                let floor = energies[start] - width - 1e-9 * (abs(energies[start]) + width)
                while first < start && energies[first] < floor { first += 1 }
                result.append(MatrixRectangle(rows: (first - held.lowerBound)..<(end - held.lowerBound),
                                              columns: (start - held.lowerBound)..<(end - held.lowerBound)))
            }
        }
        if let windows = matrixElementWindows, energies.count >= 4 {
            let (a, b) = windows.ranges(count: energies.count)
            let rows = a.clamped(to: held), columns = b.clamped(to: held)
            if !rows.isEmpty && !columns.isEmpty {
                result.append(MatrixRectangle(rows: (rows.lowerBound - held.lowerBound)..<(rows.upperBound - held.lowerBound),
                                              columns: (columns.lowerBound - held.lowerBound)..<(columns.upperBound - held.lowerBound)))
            }
        }
        return result
    }
}
