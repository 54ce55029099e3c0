import Foundation

/// The regimes of the finite-size RM phase diagram (Fig. 1, Sec. IV).
public enum ResonanceRegime: String, Sendable, Codable, CaseIterable {
    /// 0 < xi < L/2: resonances rare at the scale of the system.
    case localised = "rm-mbl"
    /// |xi| >~ L/2 and L << Lambda: scale-free resonances that remain rare.
    case regionI = "region-I"
    /// |xi| >~ L/2 and L >> Lambda.
    case regionII = "region-II"
    /// xi < 0 and |xi| < L/2.
    case thermal = "thermal"
    /// min(L/2, |xi|) >~ sqrt(Lambda): resonances overlap and the RM is not self-consistent (95).
    case inconsistent = "inconsistent"
}

/// Thresholds that turn the paper's "<<" and ">~" into sharp lines. They are choices, made
/// explicit: the defaults put each boundary where the two sides of the inequality are equal.
public struct RegimeThresholds: Sendable, Equatable {
    /// Inconsistent when min(L/2, |xi|) > consistency * sqrt(Lambda) (95). Default 1.
    public var consistency: Double = 1
    /// Region I/II boundary at L = regionBoundary * Lambda. Default 1.
    public var regionBoundary: Double = 1
    public init(consistency: Double = 1, regionBoundary: Double = 1) {
        self.consistency = consistency
        self.regionBoundary = regionBoundary
    }
}

/// Every derived scale of the RM for one parameter set, in one value (what `resonance rm scales`
/// prints). Frequencies are angular, in the units of J.
public struct ResonanceScales: Sendable, Equatable {
    public var setting: ResonanceSetting
    public var parameters: ResonanceParameters
    /// theta0 (51).
    public var decayExponent: Double
    /// theta_c (57): zeta_c/(2 Lambda) (Floquet); 0+ (Hamiltonian).
    public var criticalExponent: Double
    /// omega_c = v(L/2) (54).
    public var cutoffFrequency: Double
    /// omega_H: Omega 2^-L (55) (Floquet); sqrt(2 pi L) W 2^-L (Hamiltonian).
    public var heisenbergFrequency: Double
    /// omega_xi = v(|xi|) = J exp(-1/|theta0|) (59); 0 at the transition.
    public var correlationFrequency: Double
    /// omega_th = max(v(sqrt(Lambda)), v(|xi|)) (96): above it the RM holds at any L.
    public var thresholdFrequency: Double
    /// [Czz] = F(L/2) (48).
    public var infiniteTimeMemory: Double
    /// Drive frequency Omega (Floquet, from (43)) or nil.
    public var driveFrequency: Double?
    /// Disorder W (Hamiltonian: given, or from (83)) or nil.
    public var disorder: Double?
    public var regime: ResonanceRegime

    public init(_ model: some ResonanceStatistics, thresholds: RegimeThresholds = RegimeThresholds()) {
        let p = model.parameters
        setting = model.setting
        parameters = p
        decayExponent = p.decayExponent
        switch model.setting {
        case .floquet:
            criticalExponent = criticalLocalizationLength / (2 * p.resonanceLength)
            driveFrequency = ResonanceParameters.driveFrequency(resonanceLength: p.resonanceLength, interaction: p.interaction)
            heisenbergFrequency = driveFrequency! * pow(2, -p.length)
            disorder = p.disorder
        case .hamiltonian:
            criticalExponent = 0
            driveFrequency = nil
            let w = p.disorder ?? ResonanceParameters.disorder(resonanceLength: p.resonanceLength, interaction: p.interaction)
            disorder = w
            heisenbergFrequency = (2 * Double.pi * p.length).squareRoot() * w * pow(2, -p.length)
        }
        cutoffFrequency = model.matrixElement(atRange: p.maximumRange)
        let absXi = abs(p.correlationLength)
        correlationFrequency = model.matrixElement(atRange: absXi)
        thresholdFrequency = max(model.matrixElement(atRange: p.resonanceLength.squareRoot()), correlationFrequency)
        infiniteTimeMemory = model.infiniteTimeMemory
        regime = Self.classify(p, thresholds: thresholds)
    }

    /// The regime of Fig. 1 for these parameters (see `ResonanceRegime`).
    public static func classify(_ p: ResonanceParameters, thresholds: RegimeThresholds = RegimeThresholds()) -> ResonanceRegime {
        let half = p.maximumRange
        let absXi = abs(p.correlationLength)
        if min(half, absXi) > thresholds.consistency * p.resonanceLength.squareRoot() { return .inconsistent }
        if absXi < half { return p.inverseCorrelationLength > 0 ? .localised : .thermal }
        return p.length < thresholds.regionBoundary * p.resonanceLength ? .regionI : .regionII
    }
}
