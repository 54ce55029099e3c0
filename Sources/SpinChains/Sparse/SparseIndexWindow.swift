/// The eigenpairs a spectrum-slicing worker returns (real symmetric Hamiltonians): at least every
/// one whose index in the ascending spectrum lies in `indices`, every one within `lowerPad` below
/// the first of them and `upperPad` above the last, and (where the spectrum has one) at least one
/// more beyond each of those, so that a caller can see where an energy window around the edges
/// ends. The worker places the interval's ends by a model of the density of states (H's first
/// four moments), `spare` states beyond the window and its pads, slices it, and checks by the
/// inertias at its ends that the window is inside, slicing further where it is not
/// (`sparse_slice_impl.inc`); more spares: fewer such extensions, more eigenpairs.
public struct SparseIndexWindow: Sendable, Equatable, Codable {
    public var lowerIndex: Int
    public var upperIndex: Int
    public var lowerPad: Double
    public var upperPad: Double
    public var spare: Int
    /// Krylov-Schur's `nev` at each shift of the slicing (measured at xxz L = 14: 100).
    public var statesPerShift: Int

    public init(indices: Range<Int>, lowerPad: Double = 0, upperPad: Double = 0, spare: Int, statesPerShift: Int = 100) {
        lowerIndex = indices.lowerBound
        upperIndex = indices.upperBound
        self.lowerPad = lowerPad
        self.upperPad = upperPad
        self.spare = spare
        self.statesPerShift = statesPerShift
    }

    public var indices: Range<Int> { lowerIndex..<upperIndex }

    /// The default spare states of a block of dimension `d`: `max(8, d / 150)` (at D = 3432, 22;
    /// measured at xxz L = 14: the interval had to grow in 1 of 26 realizations at W = 1 and in
    /// 2 of 20 at W = 5).
    public static func defaultSpare(dimension d: Int) -> Int { max(8, d / 150) }
}
