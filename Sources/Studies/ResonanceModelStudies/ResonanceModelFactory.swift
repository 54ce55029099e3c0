import ResonanceModel

/// The model of a setting, as an existential for code that handles both.
public func resonanceModel(_ setting: ResonanceSetting, _ parameters: ResonanceParameters) -> any ResonanceStatistics {
    switch setting {
    case .floquet: return FloquetResonanceModel(parameters)
    case .hamiltonian: return HamiltonianResonanceModel(parameters)
    }
}

/// [Czz(t)] of any model (opens the existential for the generic correlator).
public func probeCorrelator(_ model: any ResonanceStatistics, time t: Double) -> Double {
    func evaluate<M: ResonanceStatistics>(_ m: M) -> Double { ProbeCorrelator(m).value(time: t) }
    return evaluate(model)
}

/// The closed forms (53) (Floquet) or (93) (Hamiltonian) of [S(omega)].
public func spectralFunctionClosedForm(_ model: any ResonanceStatistics, omega: Double) -> Double {
    switch model {
    case let floquet as FloquetResonanceModel: return floquet.spectralFunctionClosedForm(omega: omega)
    case let hamiltonian as HamiltonianResonanceModel: return hamiltonian.spectralFunctionClosedForm(omega: omega)
    default: return model.spectralFunction(omega: omega)
    }
}
