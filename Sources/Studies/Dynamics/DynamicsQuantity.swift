/// The quantities a dynamics realization record holds (`DynamicsRun.realization`), one case per
/// array: `DynamicsResult` reads its averages by case, so a misspelt name is a compile error. The
/// raw value is the quantity's name on disk (`realizations.jsonl` of the run directories under
/// `data/dynamics` and `data/drift_typicality`), kept so that stored runs still read and resume.
public enum DynamicsQuantity: String, CaseIterable, Sendable {
    /// `C(t)` on the time grid, averaged over the realization's random states, and its standard
    /// error over those states.
    case correlator = "czz"
    case correlatorStateError = "czz_state_error"
    /// The spectral interval `[a_min, a_max]` of the kernel polynomial expansion (zeros for Floquet).
    case spectralInterval = "interval"
    /// The number of operator products the realization took.
    case operatorProducts = "products"
    /// `S(omega)` on the frequency grid, averaged over the realization's random states.
    case spectralFunction = "S"
}

extension Dictionary where Key == String {
    /// The entry of a dynamics quantity in a record's values (or its record shape).
    subscript(_ quantity: DynamicsQuantity) -> Value? {
        get { self[quantity.rawValue] }
        set { self[quantity.rawValue] = newValue }
    }
}

extension DisorderAverage {
    /// The average of a dynamics quantity over realizations (nil: not in the records).
    subscript(_ quantity: DynamicsQuantity) -> Statistic? { self[quantity.rawValue] }
}
