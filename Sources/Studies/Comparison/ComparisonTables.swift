import Foundation
import ResonanceModel

/// The comparisons' results as column tables (one row per point), for the terminal, CSV files and
/// the report's data.
public enum ComparisonTables {
    /// Pads `values` with NaN to `count` rows (curves whose bins share their lower edge and
    /// density but end at different frequencies, e.g. Omega/2 for several Omega).
    static func padded(_ values: [Double], to count: Int) -> [Double] {
        values + [Double](repeating: .nan, count: max(0, count - values.count))
    }

    public static func lbitSummary(_ points: [LBitComparison.Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("zeta", points.map(\.localizationLength)), ("Omega", points.map(\.driveFrequency)),
            ("inv_xi", points.map(\.inverseCorrelationLength)), ("Lambda", points.map(\.resonanceLength)),
            ("czz_ed", points.map(\.exactMemory.mean)), ("czz_ed_err", points.map(\.exactMemory.error)),
            ("czz_rm", points.map(\.modelMemory)), ("czz_rel_diff", points.map(\.memoryRelativeDifference)),
            ("S_rms_log_ratio", points.map(\.spectralAgreement.rmsLogRatio)),
            ("S_mean_rel_diff", points.map(\.spectralAgreement.meanRelativeDifference)),
            ("S_bins", points.map { Double($0.spectralAgreement.points) }),
            ("czz_t_rms_log_ratio", points.map(\.correlatorAgreement.rmsLogRatio)),
            ("hybridized_ed", points.map(\.hybridizedFraction.mean)), ("hybridized_ed_err", points.map(\.hybridizedFraction.error)),
            ("resonant_rm", points.map(\.modelResonantFraction)),
            ("L", points.map { Double($0.length) }), ("realizations", points.map { Double($0.realizations) }),
            ("czz_drm", points.map(\.discreteMemory)),
            ("S_weight_ed", points.map(\.exactWindowWeight.mean)), ("S_weight_ed_err", points.map(\.exactWindowWeight.error)),
            ("S_weight_drm", points.map(\.discreteWindowWeight)), ("S_weight_rm", points.map(\.modelWindowWeight)),
            ("ratio_S_weight", points.map(\.spectralWeightRatio.mean)), ("ratio_S_weight_err", points.map(\.spectralWeightRatio.error)),
            ("ratio_czz", points.map(\.memoryRatio.mean)), ("ratio_czz_err", points.map(\.memoryRatio.error)),
            ("ratio_loss", points.map(\.memoryLossRatio.mean)), ("ratio_loss_err", points.map(\.memoryLossRatio.error)),
            ("ratio_hybridized", points.map(\.hybridizedRatio.mean)), ("ratio_hybridized_err", points.map(\.hybridizedRatio.error)),
            ("S_drm_rms_log_ratio", points.map(\.discreteSpectralAgreement.rmsLogRatio)),
            ("S_drm_reduced_chi2", points.map(\.discreteSpectralAgreement.reducedChiSquared)),
            ("czz_t_drm_rms_log_ratio", points.map(\.discreteCorrelatorAgreement.rmsLogRatio)),
            ("czz_2l", points.map(\.twoLevelMemory)), ("hybridized_2l", points.map(\.twoLevelHybridized)), ("S_weight_2l", points.map(\.twoLevelWindowWeight)),
            ("ratio_2l_S_weight", points.map(\.twoLevelSpectralWeightRatio.mean)), ("ratio_2l_S_weight_err", points.map(\.twoLevelSpectralWeightRatio.error)),
            ("ratio_2l_loss", points.map(\.twoLevelMemoryLossRatio.mean)), ("ratio_2l_loss_err", points.map(\.twoLevelMemoryLossRatio.error)),
            ("ratio_2l_hybridized", points.map(\.twoLevelHybridizedRatio.mean)), ("ratio_2l_hybridized_err", points.map(\.twoLevelHybridizedRatio.error)),
        ])
    }

    /// [S] of each point, ED and RM, side by side (columns suffixed by the point index).
    public static func lbitSpectra(_ points: [LBitComparison.Point]) -> ColumnTable {
        let omega = points.map(\.omega).max { $0.count < $1.count } ?? []
        var columns: [(name: String, values: [Double])] = [("omega", omega)]
        for (i, p) in points.enumerated() {
            columns += [("S_ed_\(i)", padded(p.exactSpectral, to: omega.count)), ("S_ed_\(i)_err", padded(p.exactSpectralError, to: omega.count)),
                        ("S_rm_\(i)", padded(p.modelSpectral, to: omega.count)), ("S_drm_\(i)", padded(p.discreteSpectral, to: omega.count)),
                        ("S_2l_\(i)", padded(p.twoLevelSpectral, to: omega.count))]
        }
        return ColumnTable(columns: columns)
    }

    public static func lbitCorrelators(_ points: [LBitComparison.Point]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("t", points.first?.times ?? [])]
        for (i, p) in points.enumerated() {
            columns += [("czz_ed_\(i)", p.exactCorrelator), ("czz_ed_\(i)_err", p.exactCorrelatorError), ("czz_rm_\(i)", p.modelCorrelator), ("czz_drm_\(i)", p.discreteCorrelator)]
        }
        return ColumnTable(columns: columns)
    }

    public static func generalizedSummary(_ points: [GeneralizedComparison.Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("floquet", points.map { $0.model.isFloquet ? 1 : 0 }), ("W", points.map(\.disorder)),
            ("czz_ed", points.map(\.exactMemory.mean)), ("czz_ed_err", points.map(\.exactMemory.error)),
            ("F0_generalized", points.map(\.predictedMemory)),
            ("S_rms_log_ratio", points.map(\.agreement.rmsLogRatio)), ("S_mean_rel_diff", points.map(\.agreement.meanRelativeDifference)),
            ("S_bins", points.map { Double($0.agreement.points) }),
            ("theta", points.map { $0.theta?.value ?? .nan }), ("theta_err", points.map { $0.theta?.error ?? .nan }),
            ("theta0", points.map { $0.theta0?.value ?? .nan }), ("theta0_err", points.map { $0.theta0?.error ?? .nan }),
            ("inv_xi_from_theta0", points.map(\.inverseCorrelationLength)),
            ("Lambda_implied", points.map { $0.impliedResonanceLength ?? .nan }), ("Lambda_default", points.map(\.defaultResonanceLength)),
        ])
    }

    public static func generalizedSpectra(_ points: [GeneralizedComparison.Point]) -> ColumnTable {
        let omega = points.map(\.omega).max { $0.count < $1.count } ?? []
        var columns: [(name: String, values: [Double])] = [("omega", omega)]
        for (i, p) in points.enumerated() {
            columns += [("S_ed_\(i)", padded(p.exactSpectral, to: omega.count)), ("S_ed_\(i)_err", padded(p.exactSpectralError, to: omega.count)),
                        ("S_gen_\(i)", padded(p.predictedSpectral, to: omega.count))]
        }
        return ColumnTable(columns: columns)
    }

    public static func inverseFrequencySummary(_ points: [InverseFrequencyAnalysis.Point]) -> ColumnTable {
        ColumnTable(columns: [
            ("L", points.map { Double($0.length) }), ("W", points.map(\.disorder)), ("realizations", points.map { Double($0.realizations) }),
            ("decades_one_over_omega", points.map { $0.inverseFrequency?.decades ?? 0 }),
            ("omega_low_one_over_omega", points.map { $0.inverseFrequency?.lowerFrequency ?? .nan }),
            ("omega_high_one_over_omega", points.map { $0.inverseFrequency?.upperFrequency ?? .nan }),
            ("decades_log_111", points.map { $0.logarithmic?.decades ?? 0 }),
            ("omega_low_log_111", points.map { $0.logarithmic?.lowerFrequency ?? .nan }),
            ("omega_high_log_111", points.map { $0.logarithmic?.upperFrequency ?? .nan }),
            ("slope_log_111", points.map { $0.logarithmicCoefficients?.slope ?? .nan }),
        ])
    }

    public static func inverseFrequencyCurves(_ points: [InverseFrequencyAnalysis.Point]) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = []
        for (i, p) in points.enumerated() {
            // Only omega < J, where the fits are made.
            let keep = p.omega.map { $0 < 1 }
            columns += [("x_\(i)", p.x), ("y_\(i)", zip(p.y, keep).map { $1 && $0.isFinite ? $0 : .nan }),
                        ("y_\(i)_err", zip(p.yError, keep).map { $1 && $0.isFinite ? $0 : .nan })]
        }
        return ColumnTable(columns: columns)
    }

    public static func driftSummary(_ r: CrossoverDriftComparison.Result) -> ColumnTable {
        ColumnTable(columns: [
            ("L", r.lengths.map(Double.init)), ("W_delta_ed", r.crossover), ("W_delta_ed_err", r.crossoverError),
            ("W_delta_rm", r.modelCrossover),
            ("W_delta_linear", r.lengths.map { l in r.linearFit.map { $0.intercept + $0.slope * Double(l) } ?? .nan }),
        ])
    }

    public static func driftMemory(_ r: CrossoverDriftComparison.Result) -> ColumnTable {
        var columns: [(name: String, values: [Double])] = [("W", r.disorders)]
        for (i, l) in r.lengths.enumerated() {
            columns += [("czz_L\(l)", r.memory[i]), ("czz_L\(l)_err", r.memoryError[i])]
        }
        return ColumnTable(columns: columns)
    }

    public static func criterionSummary(_ r: CriterionComparison.Result) -> ColumnTable {
        ColumnTable(columns: [
            ("L", r.lengths.map(Double.init)),
            ("rho_vbar_thermal", r.rhoVbar[0].map(\.mean)), ("rho_vbar_thermal_err", r.rhoVbar[0].map(\.error)),
            ("rho_vbar_localized", r.rhoVbar[1].map(\.mean)), ("rho_vbar_localized_err", r.rhoVbar[1].map(\.error)),
            ("r_thermal", r.ratio[0].map(\.mean)), ("r_thermal_err", r.ratio[0].map(\.error)),
            ("r_localized", r.ratio[1].map(\.mean)), ("r_localized_err", r.ratio[1].map(\.error)),
            ("separation_rho_vbar", [.nan] + r.criterionSeparation.map(\.mean)),
            ("separation_rho_vbar_err", [.nan] + r.criterionSeparation.map(\.error)),
            ("separation_r", r.ratioSeparation.map(\.mean)), ("separation_r_err", r.ratioSeparation.map(\.error)),
        ])
    }
}
