/// The models' default parameters, stated once: `EDProblem` starts from them and the command line
/// shows and uses them.
extension EDProblem {
    /// `J`, the interaction strength.
    public static let defaultInteraction = 1.0
    /// The earlier name of `defaultInteraction`.
    @available(*, deprecated, renamed: "defaultInteraction")
    public static var defaultCoupling: Double { defaultInteraction }
    /// `Delta` of the xxz chain (the isotropic point, as in Luitz, Laflorencie and Alet).
    public static let defaultAnisotropy = 1.0
    /// How the O(3) field vectors are drawn.
    public static let defaultFieldDistribution = FieldDistribution.gaussian
    /// The probe's coupling `V = J sigma^a_0 sigma^x_P`: `a = x`.
    public static let defaultProbeCoupling = Pauli.x

    /// The xxz states diagonalised when no sector is chosen: `S^z = 0` (even `L`) or `1/2` (odd `L`);
    /// the full space when a probe couples through `sigma^x` or `sigma^y`, which breaks `S^z`
    /// conservation (`probeCoupling` nil: no probe).
    public static func defaultMagnetization(length: Int, probeCoupling: Pauli?) -> MagnetizationChoice {
        if let coupling = probeCoupling, coupling != .z { return .fullSpace }
        return .sector(length % 2 == 0 ? 0 : 0.5)
    }
}
