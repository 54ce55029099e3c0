import Foundation
import SpinChains

/// The disorder averages of a run with the tables of each observable. Every averaged curve
/// carries its standard error over realizations (`_err` columns).
public struct ExactNumericsResult: Sendable {
    public var problem: EDProblem
    public var settings: ExactObservableSettings
    public var observables: [ExactObservable]
    public var average: DisorderAverage

    public init(problem: EDProblem, settings: ExactObservableSettings, observables: [ExactObservable],
                records: [RealizationRecord]) {
        self.problem = problem
        self.settings = settings
        self.observables = observables
        self.average = DisorderAverage(records: records)
    }

    public var realizationCount: Int { average.realizations.count }

    /// Mean and standard error of a one-number entry.
    public func scalar(_ name: String) -> (mean: Double, error: Double)? {
        guard let s = average[name], !s.mean.isEmpty else { return nil }
        return (s.mean[0], s.standardError[0])
    }

    /// `scalar(name)`, or an error naming the entry and the run when its records lack it (a run
    /// read back from a store written by other code), never a crash.
    public func requiredScalar(_ name: String) throws -> (mean: Double, error: Double) {
        guard let value = scalar(name) else { throw missing(name) }
        return value
    }

    /// `table` (one of this result's tables, nil when its records lack the entry behind it), or
    /// an error naming the `entry` and the run.
    public func required(_ table: ColumnTable?, _ entry: String) throws -> ColumnTable {
        guard let table else { throw missing(entry) }
        return table
    }

    func missing(_ name: String) -> InputError {
        InputError(parameter: name, detail: "not in the records of the run \(problem.model.rawValue) L=\(problem.length) W=\(JSONValue.format(problem.disorderStrength)); remove its run directory to recompute it")
    }

    /// `[S(omega)]` against `|omega|` (bin centre and edges).
    public var spectralTable: ColumnTable? {
        guard let s = average["spectral_density"] else { return nil }
        let bins = settings.frequencyBins(for: problem)
        let edges = bins.edges
        return ColumnTable(columns: [("omega", bins.centers), ("S", s.mean), ("S_err", s.standardError),
                                     ("omega_lower", Array(edges.dropLast())), ("omega_upper", Array(edges.dropFirst()))])
    }

    /// `[Czz(t)]`.
    public var correlatorTable: ColumnTable? {
        guard let c = average["czz"] else { return nil }
        return ColumnTable(columns: [("t", settings.times(for: problem)), ("czz", c.mean), ("czz_err", c.standardError)])
    }

    /// `p(|V|)` and `varrho(|V|) = [rho] p`.
    public var matrixElementTable: ColumnTable? {
        guard let p = average["matrix_element_probability"] else { return nil }
        let rho = scalar("matrix_element_density_of_states")?.mean ?? .nan
        return ColumnTable(columns: [("v", settings.matrixElementBins.centers), ("probability", p.mean),
                                     ("probability_err", p.standardError), ("varrho", p.mean.map { $0 * rho }),
                                     ("varrho_err", p.standardError.map { $0 * rho })])
    }

    /// The density of `ln chi`.
    public var fidelityTable: ColumnTable? {
        guard let f = average["fidelity_log_chi_density"] else { return nil }
        return ColumnTable(columns: [("ln_chi", settings.logSusceptibilityBins.centers), ("density", f.mean),
                                     ("density_err", f.standardError)])
    }

    /// The density of the probe entropy `S_P` over eigenstates.
    public var probeEntropyTable: ColumnTable? {
        guard let f = average["entropy_probe_density"] else { return nil }
        return ColumnTable(columns: [("S_P", settings.probeEntropyBins.centers), ("density", f.mean),
                                     ("density_err", f.standardError)])
    }

    /// The median of `|V|` from the averaged histogram (pairs below the bins count below).
    public var matrixElementMedian: Double? {
        guard let p = average["matrix_element_probability"] else { return nil }
        let bins = settings.matrixElementBins
        var cumulative = scalar("matrix_element_outside")?.mean ?? 0
        for (k, width) in bins.widths.enumerated() {
            cumulative += p.mean[k] * width
            if cumulative >= 0.5 { return bins.edge(k + 1) }
        }
        return nil
    }

    /// The small-`v` exponent `-2 + theta0` of `varrho(v)` and its error: a weighted fit of
    /// `ln p` against `ln v` over the bins below the median `|V|` (the small-`v` side of the
    /// distribution) that are populated in at least three realizations.
    public var smallValueExponent: (exponent: Double, error: Double)? {
        guard let p = average["matrix_element_probability"], let median = matrixElementMedian else { return nil }
        let bins = settings.matrixElementBins
        let errors = zip(p.standardError, p.count).map { $1 >= 3 ? $0 : .nan }
        return MatrixElementDistribution.smallValueExponent(centers: bins.centers, density: p.mean, errors: errors,
                                                            range: 0...median)
    }

    /// Scalar results for summaries: name, mean and standard error.
    public var scalars: [(name: String, mean: Double, error: Double)] {
        var out: [(String, Double, Double)] = []
        for name in ["r_mean", "spectral_diagonal_weight", "spectral_below_range", "spectral_above_range", "czz_infinite_time",
                     "criterion_rho_vbar", "fidelity_mean_log_chi", "entropy_half_chain", "entropy_small_subsystem",
                     "entropy_probe", "probe_magnetization", "matrix_element_density_of_states",
                     "window_target_energy", "window_spread", "window_max_residual", "window_seconds"] {
            if let s = scalar(name) { out.append((name, s.mean, s.error)) }
        }
        if let fit = smallValueExponent {
            out.append(("matrix_element_small_v_exponent", fit.exponent, fit.error))
            out.append(("theta0", fit.exponent + 2, fit.error))
        }
        return out
    }

    /// The largest `|integral S + diagonal - (1/D) tr A^2|` over realizations' means (sum rule).
    public var sumRuleResidual: Double? {
        average["spectral_sum_rule_residual"].map { abs($0.mean[0]) }
    }
}
