import Foundation
import SpinChains

/// How a run computes its eigenpairs when it does not diagonalise densely: the window settings
/// and the engine that runs the worker.
public struct SparseWindowPlan: Sendable {
    public var settings: SparseWindowSettings
    public var engine: SparseWindowEngine

    public init(settings: SparseWindowSettings, engine: SparseWindowEngine) {
        self.settings = settings
        self.engine = engine
    }

    /// Observables defined on an energy window (the rest need the whole spectrum).
    public static let windowObservables: Set<ExactObservable> = [.levelStatistics, .spectral, .czz, .matrixElements, .entanglement]
}

extension ExactRealization {
    /// Realization `k` on the window of `plan.settings.levels` eigenpairs nearest the target
    /// energy density: `<r>` from all N levels; entanglement, `S_P` and the probe magnetization
    /// over the N eigenstates; `|<a|A|b>|^2` for a, b in the window, so that `S(omega)` (weights
    /// `1/N`) is the window's estimate, complete for `|omega|` well below the window's spread
    /// (`window_spread`, recorded); `[Czz]` at infinite time from the window's diagonal elements
    /// `(1/N) sum_a |A_aa|^2`; `varrho(v)` with the two windows placed inside the window.
    func windowRecord(realization k: Int, fields drawn: DisorderFields, plan: SparseWindowPlan,
                      spectrum: inout RealizationSpectrum) throws -> RealizationRecord {
        var settings = plan.settings
        settings.wantVectors = observables.contains { $0.needsEigenvectors }
        guard let window = try plan.engine.solve(problem: problem, fields: drawn, settings: settings) else {
            return RealizationRecord(realization: k, values: [:])
        }
        var values: [String: [Double]] = [
            ExactQuantity.windowTargetEnergy.rawValue: [window.targetEnergy],
            ExactQuantity.windowSpread.rawValue: [window.spread],
            ExactQuantity.windowMaxResidual.rawValue: [window.maximumResidual],
            ExactQuantity.windowSeconds.rawValue: [window.seconds],
        ]
        spectrum.windowEigenvalues = window.energies
        if settings.wantVectors {
            try addObservables(of: try window.eigenstates(basis: try problem.windowBasis()), fraction: 1, to: &values, spectrum: &spectrum)
        } else {
            var statistics = LevelStatistics()
            statistics.add(sortedEnergies: window.energies, period: nil, fraction: 1)
            values[.meanRatio] = [statistics.meanRatio]
            values[.ratioCount] = [Double(statistics.ratioCount)]
        }
        return RealizationRecord(realization: k, values: values)
    }
}
