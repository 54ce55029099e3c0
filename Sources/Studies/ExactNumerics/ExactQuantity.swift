/// The quantities an exact-numerics realization record holds (`ExactRealization.record`), one case
/// per array: a study reads its averages by case (`ExactNumericsResult.scalar(_:)`, `subscript`),
/// so a misspelt name is a compile error. The raw value is the quantity's name on disk
/// (`realizations.jsonl`, the averages' CSV/JSON columns), kept so that existing run directories
/// and cached data still read.
public enum ExactQuantity: String, CaseIterable, Sendable {
    /// `<r>` of the realization and the number of ratios it averages.
    case meanRatio = "r_mean"
    case ratioCount = "r_count"
    /// `S(omega)` on the `|omega|` bins, its delta weight, the weights off the bins' range, and the
    /// sum-rule residual `integral S + diagonal - (1/D) tr A^2`.
    case spectralDensity = "spectral_density"
    case spectralDiagonalWeight = "spectral_diagonal_weight"
    case spectralBelowRange = "spectral_below_range"
    case spectralAboveRange = "spectral_above_range"
    case spectralSumRuleResidual = "spectral_sum_rule_residual"
    /// `Czz(t)` on the time grid and its infinite-time value.
    case czz = "czz"
    case czzInfiniteTime = "czz_infinite_time"
    /// `p(|V|)`, the mid-spectrum density of states `rho`, and the fractions below and above the bins.
    case matrixElementProbability = "matrix_element_probability"
    case matrixElementDensityOfStates = "matrix_element_density_of_states"
    case matrixElementOutside = "matrix_element_outside"
    /// The mean over mid-spectrum states of `rho vbar`.
    case criterionRhoVbar = "criterion_rho_vbar"
    /// `[ln chi]` and the density of `ln chi`.
    case fidelityMeanLogChi = "fidelity_mean_log_chi"
    case fidelityLogChiDensity = "fidelity_log_chi_density"
    /// Mean entropies; the probe entropy's histogram; the probe's mean magnetization.
    case entropyHalfChain = "entropy_half_chain"
    case entropySmallSubsystem = "entropy_small_subsystem"
    case entropyProbe = "entropy_probe"
    case entropyProbeDensity = "entropy_probe_density"
    case probeMagnetization = "probe_magnetization"
    /// With a sparse window: target energy, spread, largest residual, seconds.
    case windowTargetEnergy = "window_target_energy"
    case windowSpread = "window_spread"
    case windowMaxResidual = "window_max_residual"
    case windowSeconds = "window_seconds"
}

extension Dictionary where Key == String {
    /// The entry of an exact-numerics quantity in a record's values (or its record shape).
    subscript(_ quantity: ExactQuantity) -> Value? {
        get { self[quantity.rawValue] }
        set { self[quantity.rawValue] = newValue }
    }
}
