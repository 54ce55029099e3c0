import Foundation

/// Claims that need disorder-averaged exact numerics (Sec. V, Fig. 10). The audit lists them with
/// their paper location; their checks report "outside our reach" until the exact-numerics
/// observables are wired into the ledger.
public enum ExactNumericsClaims {
    static let reason = "needs the exact-numerics observables (disorder-averaged ED runs), which the audit does not run yet"

    static func placeholder(identifier: String, title: String, statement: String, paperLocation: String, test: String) -> Claim {
        Claim(identifier: identifier, title: title, statement: statement, paperLocation: paperLocation, test: test,
              estimatedCost: 0, relatedCommand: "resonance ed run --help",
              measure: { Measurements() }, judge: judgePlaceholder)
    }

    public static func judgePlaceholder(_ m: Measurements) -> Assessment {
        Assessment(.outsideReach, reason)
    }

    public static let subthermalEntanglement = placeholder(
        identifier: "ed-subthermal-entanglement",
        title: "Sub-thermal entanglement of small subsystems",
        statement: "Small subsystems have sub-thermal eigenstate entanglement in region I; [S_P] = ln 2 (1 - [Czz]) (120).",
        paperLocation: "abstract; Sec. I; Sec. V D, (120)",
        test: "Would compare the ED entanglement of small subsystems and of the probe with ln 2 (1 - [Czz]) at matched W, L.")

    public static let matrixElementCriterion = placeholder(
        identifier: "ed-rho-vbar-criterion",
        title: "The rho vbar criterion separates the phases earlier than <r>",
        statement: "rho vbar = integral v varrho(v) dv grows as 2^(L/2) on the thermal side and stays constant in the MBL phase (129)-(131), and separates the phases at smaller L than the level-spacing ratio <r>.",
        paperLocation: "Sec. V J, (128)-(131)",
        test: "Would measure rho vbar and <r> against W for several L from ED and compare the L at which each separates the phases.")

    public static let exactInverseFrequency = placeholder(
        identifier: "ed-apparent-one-over-omega",
        title: "Apparent 1/omega in exact numerics",
        statement: "The disorder-averaged spectral function of the probe spin from ED shows the apparent 1/omega of the RM near the crossover.",
        paperLocation: "Fig. 10; Sec. V",
        test: "Would fit the effective exponent of the ED [S(omega)] over omega_H < omega < J near W_delta(L).")

    public static let exactDrift = placeholder(
        identifier: "ed-drift-czz",
        title: "Drift of W_delta(L) from exact [Czz]",
        statement: "The crossover W_delta(L) defined by the ED [Czz] = delta drifts with L as the RM predicts (116), (117).",
        paperLocation: "Sec. V E, (116), (117); Fig. 9",
        test: "Would root-find [Czz](W_delta) = delta on ED data for several L and compare with the RM's W_delta(L).")
}
