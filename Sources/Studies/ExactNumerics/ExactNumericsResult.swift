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

    /// The average of one quantity over realizations (nil: not computed in this run).
    public subscript(_ quantity: ExactQuantity) -> DisorderAverage.Statistic? { average[quantity.rawValue] }

    /// Mean and standard error of a one-number quantity.
    public func scalar(_ quantity: ExactQuantity) -> (mean: Double, error: Double)? {
        guard let s = self[quantity], !s.mean.isEmpty else { return nil }
        return (s.mean[0], s.standardError[0])
    }

    /// Mean and standard error of a one-number quantity the run was asked to compute; an error
    /// naming it if the run lacks it.
    public func required(_ quantity: ExactQuantity) throws -> (mean: Double, error: Double) {
        guard let value = scalar(quantity) else {
            throw NumericalError(quantity: quantity.rawValue, detail: "not among the averages of this run (observables \(observables.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }

    /// `[S(omega)]` at the centres of the `|omega|` bins, with its standard error.
    public var spectralCurve: (omega: [Double], density: [Double], error: [Double])? {
        guard let s = self[.spectralDensity] else { return nil }
        return (settings.frequencyBins(for: problem).centers, s.mean, s.standardError)
    }

    /// `[S(omega)]` against `|omega|` (bin centre and edges).
    public var spectralTable: ColumnTable? {
        guard let curve = spectralCurve else { return nil }
        let edges = settings.frequencyBins(for: problem).edges
        return ColumnTable(columns: [("omega", curve.omega), ("S", curve.density), ("S_err", curve.error),
                                     ("omega_lower", Array(edges.dropLast())), ("omega_upper", Array(edges.dropFirst()))])
    }

    /// `[Czz(t)]`.
    public var correlatorTable: ColumnTable? {
        guard let c = self[.czz] else { return nil }
        return ColumnTable(columns: [("t", settings.times(for: problem)), ("czz", c.mean), ("czz_err", c.standardError)])
    }

    /// `varrho(|V|) = [rho] p(|V|)` at the centres of the `|V|` bins, with `p` and their standard errors.
    public var matrixElementCurve: (v: [Double], probability: [Double], probabilityError: [Double], varrho: [Double], varrhoError: [Double])? {
        guard let p = self[.matrixElementProbability] else { return nil }
        let rho = scalar(.matrixElementDensityOfStates)?.mean ?? .nan
        return (settings.matrixElementBins.centers, p.mean, p.standardError, p.mean.map { $0 * rho }, p.standardError.map { $0 * rho })
    }

    /// `p(|V|)` and `varrho(|V|) = [rho] p`.
    public var matrixElementTable: ColumnTable? {
        guard let c = matrixElementCurve else { return nil }
        return ColumnTable(columns: [("v", c.v), ("probability", c.probability), ("probability_err", c.probabilityError),
                                     ("varrho", c.varrho), ("varrho_err", c.varrhoError)])
    }

    /// The density of `ln chi`.
    public var fidelityTable: ColumnTable? {
        guard let f = self[.fidelityLogChiDensity] else { return nil }
        return ColumnTable(columns: [("ln_chi", settings.logSusceptibilityBins.centers), ("density", f.mean),
                                     ("density_err", f.standardError)])
    }

    /// The density of the probe entropy `S_P` over eigenstates.
    public var probeEntropyTable: ColumnTable? {
        guard let f = self[.entropyProbeDensity] else { return nil }
        return ColumnTable(columns: [("S_P", settings.probeEntropyBins.centers), ("density", f.mean),
                                     ("density_err", f.standardError)])
    }

    /// The median of `|V|` from the averaged histogram (pairs below the bins count below).
    public var matrixElementMedian: Double? {
        guard let p = self[.matrixElementProbability] else { return nil }
        let bins = settings.matrixElementBins
        var cumulative = scalar(.matrixElementOutside)?.mean ?? 0
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
        guard let p = self[.matrixElementProbability], let median = matrixElementMedian else { return nil }
        let bins = settings.matrixElementBins
        let errors = zip(p.standardError, p.count).map { $1 >= 3 ? $0 : .nan }
        return MatrixElementDistribution.smallValueExponent(centers: bins.centers, density: p.mean, errors: errors,
                                                            range: 0...median)
    }

    /// Scalar results for summaries: name, mean and standard error.
    public var scalars: [(name: String, mean: Double, error: Double)] {
        var out: [(String, Double, Double)] = []
        let summarized: [ExactQuantity] = [.meanRatio, .spectralDiagonalWeight, .spectralBelowRange, .spectralAboveRange, .czzInfiniteTime,
                                            .criterionRhoVbar, .fidelityMeanLogChi, .entropyHalfChain, .entropySmallSubsystem,
                                            .entropyProbe, .probeMagnetization, .matrixElementDensityOfStates,
                                            .windowTargetEnergy, .windowSpread, .windowMaxResidual, .windowSeconds]
        for quantity in summarized {
            if let s = scalar(quantity) { out.append((quantity.rawValue, s.mean, s.error)) }
        }
        if let fit = smallValueExponent {
            out.append(("matrix_element_small_v_exponent", fit.exponent, fit.error))
            out.append(("theta0", fit.exponent + 2, fit.error))
        }
        return out
    }

    /// The largest `|integral S + diagonal - (1/D) tr A^2|` over realizations' means (sum rule).
    public var sumRuleResidual: Double? {
        self[.spectralSumRuleResidual].map { abs($0.mean[0]) }
    }
}
