import Foundation
import SpinChains

/// One exact-numerics job: a model, the observables and their settings, and the run's seed.
/// `record(realization:)` turns realization `k` (disorder drawn from `(seed, k)` alone) into its
/// reduced results, named arrays that average element by element over realizations:
///
/// | name | content |
/// |---|---|
/// | `r_mean`, `r_count` | `<r>` of the realization (sectors pooled after resolving), number of ratios |
/// | `spectral_density` | `S(omega)` on the `|omega|` bins (see `BinnedSpectralFunction`) |
/// | `spectral_diagonal_weight`, `spectral_below_range`, `spectral_above_range` | the delta weight and the off-range weights |
/// | `spectral_sum_rule_residual` | `integral S + diagonal - (1/D) tr A^2` |
/// | `czz` | `Czz(t)` on the time grid |
/// | `matrix_element_probability`, `matrix_element_density_of_states`, `matrix_element_outside` | `p(|V|)`, `rho`, fractions below/above |
/// | `criterion_rho_vbar` | mean over mid-spectrum states of `rho vbar` |
/// | `fidelity_mean_log_chi`, `fidelity_log_chi_density` | `[ln chi]` and the density of `ln chi` |
/// | `entropy_half_chain`, `entropy_small_subsystem`, `entropy_probe`, `entropy_probe_density` | mean entropies; `S_P` histogram |
/// | `probe_magnetization` | mean `<a| sigma^z_P |a>` (with the probe's entropy) |
/// | `window_*` | with a sparse window: target energy, spread, largest residual, seconds (see `windowRecord`) |
public struct ExactRealization: Sendable {
    public var problem: EDProblem
    public var observables: [ExactObservable]
    public var settings: ExactObservableSettings
    public var seed: UInt64
    /// Given fields replace the random draw (every realization then uses them).
    public var fields: DisorderFields?
    /// Set: the observables are computed on the window of eigenpairs a sparse engine returns
    /// (see `record(realization:)` and `windowRecord`), not on the full spectrum.
    public var window: SparseWindowPlan?
    /// `.automatic`: only a middle window of eigenvectors when every selected observable lives
    /// there (`usesEigenvectorWindow`); `.all`: always every eigenvector (the full-vector path).
    public var eigenvectors: EigenvectorSelection = .automatic
    /// Dense or sliced eigenvectors of that window (`WindowSolver`), and the worker that slices.
    public var windowSolver: WindowSolver = .auto
    public var windowEngine = SparseWindowEngine.slicing

    public init(problem: EDProblem, observables: [ExactObservable], settings: ExactObservableSettings = .init(),
                seed: UInt64, fields: DisorderFields? = nil) {
        self.problem = problem
        self.observables = observables
        self.settings = settings
        self.seed = seed
        self.fields = fields
    }

    public func fields(realization k: Int) -> DisorderFields {
        fields ?? problem.drawFields(seed: seed, realization: UInt64(k))
    }

    /// The keys of every record of this job and their number of values (checked on resume).
    public func recordShape() -> RecordShape {
        let selected = Set(observables)
        var lengths: [String: Int] = [:]
        if selected.contains(.levelStatistics) { lengths[.meanRatio] = 1; lengths[.ratioCount] = 1 }
        if selected.contains(.spectral) {
            lengths[.spectralDensity] = settings.frequencyBins(for: problem).count
            for key: ExactQuantity in [.spectralDiagonalWeight, .spectralBelowRange, .spectralAboveRange, .spectralSumRuleResidual] {
                lengths[key] = 1
            }
        }
        if selected.contains(.czz) { lengths[.czz] = settings.times(for: problem).count; lengths[.czzInfiniteTime] = 1 }
        if selected.contains(.matrixElements) {
            lengths[.matrixElementProbability] = settings.matrixElementBins.count
            lengths[.matrixElementDensityOfStates] = 1
            lengths[.matrixElementOutside] = 2
        }
        if selected.contains(.criterion) { lengths[.criterionRhoVbar] = 1 }
        if selected.contains(.fidelity) {
            lengths[.fidelityMeanLogChi] = 1
            lengths[.fidelityLogChiDensity] = settings.logSusceptibilityBins.count
        }
        if selected.contains(.entanglement) {
            lengths[.entropyHalfChain] = 1
            lengths[.entropySmallSubsystem] = 1
            if problem.probe != nil {
                lengths[.entropyProbe] = 1
                lengths[.entropyProbeDensity] = settings.probeEntropyBins.count
                lengths[.probeMagnetization] = 1
            }
        }
        if window != nil {
            let windowQuantities: [ExactQuantity] = [.windowTargetEnergy, .windowSpread, .windowMaxResidual, .windowSeconds]
            for key in windowQuantities { lengths[key] = 1 }
            if !selected.contains(where: \.needsEigenvectors) {
                let kept = Set((windowQuantities + [.meanRatio, .ratioCount]).map(\.rawValue))
                lengths = lengths.filter { kept.contains($0.key) }
            }
        }
        return RecordShape(lengths: lengths)
    }

    public func record(realization k: Int) throws -> RealizationRecord {
        var spectrum = RealizationSpectrum(realization: k)
        return try record(realization: k, spectrum: &spectrum)
    }

    /// Whether realization records compute only a middle window of eigenvectors per block: every
    /// selected observable needing vectors is a window observable (`ExactObservable.isWindowObservable`;
    /// the entanglement only without a probe, whose entropy averages every eigenstate), the model
    /// is real symmetric (xxz) and `eigenvectors` is `.automatic`.
    public var usesEigenvectorWindow: Bool {
        let selected = Set(observables)
        return window == nil && eigenvectors == .automatic && problem.supportsEigenstateWindows
            && selected.contains(where: \.needsEigenvectors) && selected.allSatisfy(\.isWindowObservable)
            && !(selected.contains(.entanglement) && problem.probe != nil)
    }

    /// The eigenvectors a block's window must hold, from its sorted `energies`: the middle
    /// `spectralFraction` (criterion, entanglement), the two matrix-element windows, and every
    /// partner within `delta/2` of a mid-spectrum state (criterion).
    public func vectorWindow(energies e: [Double]) -> Range<Int> {
        let selected = Set(observables)
        let d = e.count
        var lower = d, upper = 0
        func include(_ r: Range<Int>) {
            if !r.isEmpty { lower = min(lower, r.lowerBound); upper = max(upper, r.upperBound) }
        }
        let middle = middleWindow(count: d, fraction: settings.spectralFraction)
        if selected.contains(.criterion) || selected.contains(.entanglement) { include(middle) }
        if selected.contains(.matrixElements) && d >= 4 {
            let (first, second) = settings.matrixElementWindows.ranges(count: d)
            include(first); include(second)
        }
        if selected.contains(.criterion) && !middle.isEmpty {
            let half = settings.criterionWindow / 2
            while lower > 0 && e[middle.lowerBound] - e[lower - 1] <= half { lower -= 1 }
            while upper < d && e[upper] - e[middle.upperBound - 1] <= half { upper += 1 }
        }
        return lower < upper ? lower..<upper : 0..<0
    }

    /// The record of realization `k`, and its eigenvalues (with the per-state entanglement of the
    /// middle window when that is computed) in `spectrum`. The record carries the wall time of
    /// each stage (`stageSeconds`).
    public func record(realization k: Int, spectrum: inout RealizationSpectrum) throws -> RealizationRecord {
        let drawn = fields(realization: k)
        if let window { return try windowRecord(realization: k, fields: drawn, plan: window, spectrum: &spectrum) }
        var values: [String: [Double]] = [:]
        let stages = StageTimes()
        let selected = Set(observables)
        var solver: WindowSolver?
        if usesEigenvectorWindow {
            let windows: [EigenstateWindow]
            (windows, solver) = try eigenstateWindows(fields: drawn, stages: stages)
            spectrum.blocks = windows.map { $0.energies.filter { !$0.isNaN } }
            try addWindowObservables(of: windows, to: &values, spectrum: &spectrum, stages: stages)
        } else if !selected.contains(where: \.needsEigenvectors) {
            let blocks = try problem.sectorSpectra(fields: drawn, seed: seed, realization: UInt64(k), stages: stages)
            spectrum.blocks = blocks
            stages.measure(ExactObservable.levelStatistics.rawValue) { addLevelStatistics(blocks, to: &values) }
        } else {
            let states = try problem.eigenstates(fields: drawn, seed: seed, realization: UInt64(k), stages: stages)
            spectrum.blocks = states.blocks.map(\.energies)
            try addObservables(of: states, fraction: settings.spectralFraction, to: &values, spectrum: &spectrum, stages: stages)
        }
        return RealizationRecord(realization: k, values: values, stageSeconds: stages.dictionary, windowSolver: solver?.rawValue)
    }

    /// `r_mean`, `r_count` of sector spectra (each sector on its own; Floquet: on the circle).
    func addLevelStatistics(_ blocks: [[Double]], to values: inout [String: [Double]]) {
        var statistics = LevelStatistics()
        for block in blocks {
            statistics.add(sortedEnergies: block, period: problem.model.isFloquet ? problem.period : nil,
                           fraction: settings.spectralFraction)
        }
        values[.meanRatio] = [statistics.meanRatio]
        values[.ratioCount] = [Double(statistics.ratioCount)]
    }

    /// The window observables from each block's eigenvalues and middle eigenvectors; the same
    /// numbers as `addObservables` on all eigenstates (to the rounding of the eigensolvers).
    func addWindowObservables(of windows: [EigenstateWindow], to values: inout [String: [Double]],
                              spectrum: inout RealizationSpectrum, stages: StageTimes) throws {
        let selected = Set(observables)
        if selected.contains(.levelStatistics) {
            stages.measure(ExactObservable.levelStatistics.rawValue) { addLevelStatistics(windows.map(\.energies), to: &values) }
        }
        if !selected.isDisjoint(with: [.matrixElements, .criterion]) {
            let string = try settings.perturbationString(for: problem)
            let pairs = WeightPairs(energyDifference: selected.contains(.criterion) ? settings.criterionWindow / 2 : nil,
                                    matrixElementWindows: selected.contains(.matrixElements) ? settings.matrixElementWindows : nil)
            let weights = try stages.measure(Stage.products) { try SpectralWeights(operator: string, windows: windows, pairs: pairs) }
            try addPerturbationObservables(weights, fraction: settings.spectralFraction, to: &values, stages: stages)
        }
        if selected.contains(.entanglement) {
            let entanglement = try stages.measure(ExactObservable.entanglement.rawValue) {
                try EigenstateEntanglement(windows: windows, chainLength: problem.length,
                                           smallSubsystemSize: settings.smallSubsystemSize, fraction: settings.spectralFraction)
            }
            spectrum.windowEigenvalues = windows.flatMap { Array($0.energies[middleWindow(count: $0.dimension, fraction: settings.spectralFraction)]) }
            addEntanglement(entanglement, magnetizations: nil, to: &values, spectrum: &spectrum)
        }
    }

    /// The matrix-element distribution, `rho vbar` and the fidelity susceptibility (those selected)
    /// from the weights of the perturbation's string.
    func addPerturbationObservables(_ weights: SpectralWeights, fraction: Double, to values: inout [String: [Double]],
                                    stages: StageTimes) throws {
        let selected = Set(observables)
        let strength = settings.perturbationStrength ?? problem.interaction
        if selected.contains(.matrixElements) {
            let m = stages.measure(ExactObservable.matrixElements.rawValue) {
                MatrixElementDistribution(weights, strength: strength, windows: settings.matrixElementWindows,
                                          bins: settings.matrixElementBins)
            }
            values[.matrixElementProbability] = m.probabilityDensity
            values[.matrixElementDensityOfStates] = [m.densityOfStates]
            values[.matrixElementOutside] = [m.belowRangeFraction, m.aboveRangeFraction]
        }
        if selected.contains(.criterion) {
            values[.criterionRhoVbar] = [stages.measure(ExactObservable.criterion.rawValue) {
                MatrixElementCriterion(weights, strength: strength, window: settings.criterionWindow, fraction: fraction).meanValue
            }]
        }
        if selected.contains(.fidelity) {
            let chi = stages.measure(ExactObservable.fidelity.rawValue) {
                FidelitySusceptibilities(weights, strength: strength, fraction: fraction)
            }
            values[.fidelityMeanLogChi] = [chi.meanLogSusceptibility]
            values[.fidelityLogChiDensity] = chi.histogram(settings.logSusceptibilityBins)
        }
    }

    /// The entropies' means (and the probe's histogram and magnetization when there is a probe),
    /// and the per-state entropies of the middle window into `spectrum`.
    func addEntanglement(_ entanglement: EigenstateEntanglement, magnetizations: [Double]?, to values: inout [String: [Double]],
                         spectrum: inout RealizationSpectrum) {
        spectrum.windowPerState = [(ExactQuantity.entropyHalfChain.rawValue, entanglement.halfChain),
                                   (ExactQuantity.entropySmallSubsystem.rawValue, entanglement.smallSubsystem)]
        values[.entropyHalfChain] = [entanglement.meanHalfChain]
        values[.entropySmallSubsystem] = [entanglement.meanSmallSubsystem]
        guard problem.probe != nil, let magnetizations else { return }
        spectrum.perState.append((ExactQuantity.entropyProbe.rawValue, entanglement.probe))
        values[.entropyProbe] = [entanglement.meanProbe]
        let bins = settings.probeEntropyBins
        var counts = [Double](repeating: 0, count: bins.count)
        for s in entanglement.probe { counts[min(max(bins.index(of: s), 0), bins.count - 1)] += 1 }
        values[.entropyProbeDensity] = counts.map { $0 / (Double(entanglement.probe.count) * bins.width) }
        values[.probeMagnetization] = [magnetizations.reduce(0, +) / Double(max(magnetizations.count, 1))]
    }

    /// The selected observables of `states` (all eigenstates, or a window of them with
    /// `fraction` 1) into `values`; the window's eigenvalues and per-state entropies into `spectrum`.
    func addObservables(of states: Eigenstates, fraction: Double, to values: inout [String: [Double]],
                        spectrum: inout RealizationSpectrum, stages: StageTimes = StageTimes()) throws {
        let selected = Set(observables)
        if selected.contains(.levelStatistics) {
            let statistics = stages.measure(ExactObservable.levelStatistics.rawValue) { LevelStatistics(states, fraction: fraction) }
            values[.meanRatio] = [statistics.meanRatio]
            values[.ratioCount] = [Double(statistics.ratioCount)]
        }
        // One BLAS product per distinct operator: xxz uses sigma^z_0 for both by default.
        let spectralString = try settings.spectralString(for: problem)
        var spectralWeights: SpectralWeights?
        if selected.contains(.spectral) || selected.contains(.czz) {
            let weights = try stages.measure(Stage.products) { try SpectralWeights(operator: spectralString, eigenstates: states) }
            spectralWeights = weights
            if selected.contains(.spectral) {
                let s = stages.measure(ExactObservable.spectral.rawValue) {
                    BinnedSpectralFunction(weights, bins: settings.frequencyBins(for: problem))
                }
                values[.spectralDensity] = s.density
                values[.spectralDiagonalWeight] = [s.diagonalWeight]
                values[.spectralBelowRange] = [s.belowRangeWeight]
                values[.spectralAboveRange] = [s.aboveRangeWeight]
                values[.spectralSumRuleResidual] = [s.totalWeight - weights.totalWeight]
            }
            if selected.contains(.czz) {
                values[.czz] = try stages.measure(ExactObservable.czz.rawValue) {
                    try SpinAutocorrelation(weights, times: settings.times(for: problem)).values
                }
                values[.czzInfiniteTime] = [weights.diagonalWeight]
            }
        }
        if !selected.isDisjoint(with: [.matrixElements, .criterion, .fidelity]) {
            let string = try settings.perturbationString(for: problem)
            let weights = try string == spectralString && spectralWeights != nil ? spectralWeights!
                : stages.measure(Stage.products) { try SpectralWeights(operator: string, eigenstates: states) }
            try addPerturbationObservables(weights, fraction: fraction, to: &values, stages: stages)
        }
        if selected.contains(.entanglement) {
            let entanglement = try stages.measure(ExactObservable.entanglement.rawValue) {
                try EigenstateEntanglement(states, chainLength: problem.length, hasProbe: problem.probe != nil,
                                           smallSubsystemSize: settings.smallSubsystemSize, fraction: fraction)
            }
            spectrum.windowEigenvalues = states.blocks.flatMap { Array($0.energies[middleWindow(count: $0.dimension, fraction: fraction)]) }
            let magnetizations = problem.probe == nil ? nil : stages.measure(ExactObservable.entanglement.rawValue) {
                probeMagnetizations(states, probeSite: problem.length)
            }
            addEntanglement(entanglement, magnetizations: magnetizations, to: &values, spectrum: &spectrum)
        }
    }
}
