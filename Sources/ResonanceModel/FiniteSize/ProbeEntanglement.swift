import Foundation

extension ResonanceStatistics {
    /// The probe-spin entanglement entropy averaged over eigenstates, eq. (120):
    /// [S_P] = ln 2 (1 - [Czz]), [Czz] = F(L/2). A resonant (cat) state carries ln 2, an unresonated
    /// one none. Evaluated as -ln 2 expm1(ln F(L/2)), accurate where [S_P] is small.
    public var probeEntanglement: Double {
        -M_LN2 * expm1(logUnresonatedFraction(atRange: parameters.maximumRange))
    }
}
