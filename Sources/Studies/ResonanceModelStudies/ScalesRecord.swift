import ResonanceModel

/// The derived scales as named fields (snake_case keys), in the order they are printed.
/// xi is null (JSON) or inf (CSV/table) at the transition.
public func scalesRecord(_ scales: ResonanceScales) -> [(String, JSONValue)] {
    let p = scales.parameters
    var fields: [(String, JSONValue)] = [
        ("model", .string(scales.setting.rawValue)),
        ("inv_xi", .number(p.inverseCorrelationLength)),
        ("xi", .number(p.correlationLength)),
        ("zeta", .number(p.localizationLength)),
        ("zeta_c", .number(criticalLocalizationLength)),
        ("theta0", .number(scales.decayExponent)),
        ("theta_c", .number(scales.criticalExponent)),
        ("Lambda", .number(p.resonanceLength)),
        ("J", .number(p.interaction)),
        ("L", .number(p.length)),
    ]
    if let omega = scales.driveFrequency { fields.append(("Omega", .number(omega))) }
    if let w = scales.disorder { fields.append(("W", .number(w))) }
    fields += [
        ("omega_c", .number(scales.cutoffFrequency)),
        ("omega_H", .number(scales.heisenbergFrequency)),
        ("omega_xi", .number(scales.correlationFrequency)),
        ("omega_th", .number(scales.thresholdFrequency)),
        ("czz_inf", .number(scales.infiniteTimeMemory)),
        ("regime", .string(scales.regime.rawValue)),
    ]
    return fields
}

/// The parameters block written beside every RM result.
public func parameterRecord(_ setting: ResonanceSetting, _ p: ResonanceParameters) -> [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = [
        ("model", .string(setting.rawValue)),
        ("inv_xi", .number(p.inverseCorrelationLength)),
        ("xi", .number(p.correlationLength)),
        ("zeta", .number(p.localizationLength)),
        ("zeta_c", .number(criticalLocalizationLength)),
        ("theta0", .number(p.decayExponent)),
        ("Lambda", .number(p.resonanceLength)),
        ("J", .number(p.interaction)),
        ("L", .number(p.length)),
    ]
    if let w = p.disorder { fields.append(("W", .number(w))) }
    return fields
}
