import Foundation
import SpinChains

/// The observables an exact-numerics run can compute, by their command-line names.
public enum ExactObservable: String, CaseIterable, Sendable, Comparable {
    case levelStatistics = "r"
    case spectral
    case czz
    case matrixElements = "matrix-elements"
    case criterion
    case fidelity
    case entanglement

    /// Whether the observable needs eigenvectors (all but `<r>`).
    public var needsEigenvectors: Bool { self != .levelStatistics }

    /// Whether the observable lives in the middle of each block's spectrum, so that the
    /// eigenvectors of a middle window suffice (`<r>`: eigenvalues only; the matrix elements
    /// between two mid-spectrum windows; `rho vbar` of mid-spectrum states; the entanglement of
    /// mid-spectrum states, without a probe). The spectral function, `Czz(t)` and the fidelity
    /// susceptibility are infinite-temperature sums over every eigenstate (all eigenvectors).
    public var isWindowObservable: Bool { [.levelStatistics, .matrixElements, .criterion, .entanglement].contains(self) }

    /// The `--observables` help: which observables need every eigenvector.
    public static var eigenvectorNeeds: String {
        "r needs eigenvalues only; matrix-elements, criterion and entanglement (without a probe) need only the eigenvectors of the middle of each sector's spectrum (computed alone when all requested observables are of this kind: xxz); spectral, czz, fidelity, and entanglement with a probe (S_P and the probe magnetization average every eigenstate) need all eigenvectors"
    }

    public static func < (lhs: ExactObservable, rhs: ExactObservable) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma-separated list ("r,spectral,czz"); "all" selects every observable.
    public static func parseList(_ text: String) throws -> [ExactObservable] {
        if text.lowercased() == "all" { return allCases }
        var result = Set<ExactObservable>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let kind = ExactObservable(rawValue: item) else {
                throw ExactNumericsError.badObservable(item)
            }
            result.insert(kind)
        }
        guard !result.isEmpty else { throw ExactNumericsError.badObservable(text) }
        return result.sorted()
    }
}

/// Which eigenvectors a realization computes.
public enum EigenvectorSelection: String, Sendable {
    /// A middle window when every selected observable is a window observable, else all.
    case automatic
    /// Always all eigenvectors.
    case all
}

public enum ExactNumericsError: Error, CustomStringConvertible {
    case badObservable(String)
    case badOperator(String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .badObservable(name):
            return "unknown observable '\(name)'; allowed: \(ExactObservable.allCases.map(\.rawValue).joined(separator: ", ")) or all"
        case let .badOperator(text): return "cannot read the operator '\(text)': expected x, y or z and a site 0...L-1 or P (the probe), e.g. z0, x0, zP"
        case let .invalid(what): return what
        }
    }
}

/// The parameters of the observables (every one fixed before the run, so that histograms of all
/// realizations share their bins). Energies and frequencies in the model's units (`J = 1`).
public struct ExactObservableSettings: Sendable, Equatable {
    /// The middle fraction of each sector's spectrum (by index) used by `<r>` and by every
    /// mid-spectrum observable (criterion, fidelity, half-chain entanglement).
    public var spectralFraction = 1.0 / 3
    /// `|omega|` bins of `S(omega)`; nil: `[1e-5, 1e2)` for Hamiltonians, `[1e-5 Omega, Omega/2)`
    /// for Floquet models, 6 bins per decade.
    public var frequencyBins: LogarithmicBins?
    /// Times of `Czz(t)`; nil: `t = 0` and 8 per decade from 0.1 to 1e4 (Hamiltonian), `0` and
    /// integer periods on a log grid up to 1e5 (Floquet).
    public var correlatorTimes: [Double]?
    public var matrixElementWindows = MatrixElementDistribution.Windows()
    /// `|V|` bins: 1e-10 to 10, 4 per decade.
    public var matrixElementBins = LogarithmicBins(lower: 1e-10, upper: 10, binsPerDecade: 4)
    /// `delta` of `rho vbar` (energy units; Floquet: quasi-energy).
    public var criterionWindow = 0.5
    /// Bins of `ln chi`.
    public var logSusceptibilityBins = LinearBins(lower: -10, upper: 70, count: 80)
    /// Bins of the probe entropy `S_P` on `[0, ln 2]`.
    public var probeEntropyBins = LinearBins(lower: 0, upper: 0.6931471805599453 * (1 + 1e-12), count: 20)
    /// `ell` of the small-subsystem entropy (sites `0..<ell`).
    public var smallSubsystemSize = 2
    /// The operator `A` of `S(omega)` and `Czz(t)`; nil: `sigma^z_P` with a probe, else `sigma^z_0`.
    public var spectralOperator: String?
    /// The perturbation `V = strength * string` of the matrix elements, criterion and fidelity;
    /// nil: `sigma^z_0` for models that conserve `S^z` (xxz), the probe's chain coupling `sigma^a_0` otherwise.
    public var perturbation: String?
    /// Its strength; nil: `J`.
    public var perturbationStrength: Double?

    public init() {}

    public func frequencyBins(for problem: EDProblem) -> LogarithmicBins {
        if let frequencyBins { return frequencyBins }
        if problem.model.isFloquet {
            return LogarithmicBins(lower: 1e-5 * problem.driveFrequency, upper: problem.driveFrequency / 2 * (1 + 1e-12),
                                   binsPerDecade: 6)
        }
        return LogarithmicBins(lower: 1e-5, upper: 1e2, binsPerDecade: 6)
    }

    public func times(for problem: EDProblem) -> [Double] {
        if let correlatorTimes { return correlatorTimes }
        if problem.model.isFloquet { return [0] + SpinAutocorrelation.integerPeriods(upTo: 1e5, perDecade: 8) }
        return [0] + SpinAutocorrelation.logarithmicTimes(from: 0.1, to: 1e4, perDecade: 8)
    }

    public func spectralString(for problem: EDProblem) throws -> PauliString {
        if let spectralOperator { return try parsePauliString(spectralOperator, chainLength: problem.length, hasProbe: problem.probe != nil) }
        return PauliString(.z, at: problem.probe == nil ? 0 : problem.length)
    }

    public func perturbationString(for problem: EDProblem) throws -> PauliString {
        if let perturbation { return try parsePauliString(perturbation, chainLength: problem.length, hasProbe: problem.probe != nil) }
        if problem.model.definition.hasMagnetizationSectors { return PauliString(.z, at: 0) }
        return PauliString((problem.probe ?? problem.defaultProbe).coupling, at: 0)
    }

    /// The manifest entries (what defines the numbers of a run).
    public func manifest(for problem: EDProblem) throws -> [(String, JSONValue)] {
        let omega = frequencyBins(for: problem)
        return [
            ("spectral_fraction", .number(spectralFraction)),
            ("frequency_bins", .object([("lower", .number(omega.lower)), ("per_decade", .integer(omega.binsPerDecade)),
                                        ("count", .integer(omega.count))])),
            ("czz_times", .array(times(for: problem).map { .number($0) })),
            ("matrix_element_windows", .object([("first_center", .number(matrixElementWindows.firstCenter)),
                                                ("second_center", .number(matrixElementWindows.secondCenter)),
                                                ("width", .number(matrixElementWindows.width))])),
            ("matrix_element_bins", .object([("lower", .number(matrixElementBins.lower)),
                                             ("per_decade", .integer(matrixElementBins.binsPerDecade)),
                                             ("count", .integer(matrixElementBins.count))])),
            ("criterion_window", .number(criterionWindow)),
            ("log_chi_bins", .object([("lower", .number(logSusceptibilityBins.lower)), ("upper", .number(logSusceptibilityBins.upper)),
                                      ("count", .integer(logSusceptibilityBins.count))])),
            ("small_subsystem_size", .integer(smallSubsystemSize)),
            ("spectral_operator", .string(describe(try spectralString(for: problem), chainLength: problem.length))),
            ("perturbation", .string(describe(try perturbationString(for: problem), chainLength: problem.length))),
            ("perturbation_strength", .number(perturbationStrength ?? problem.interaction)),
        ]
    }
}

/// Reads a single-site Pauli matrix written as `<x|y|z><site>`, the site a number `0..<L` or `P`
/// (the probe, site `L`, only when there is one); e.g. `z0`, `xP`.
public func parsePauliString(_ text: String, chainLength: Int, hasProbe: Bool = true) throws -> PauliString {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard let first = trimmed.first, let pauli = Pauli(rawValue: String(first)) else {
        throw ExactNumericsError.badOperator(text)
    }
    let siteText = trimmed.dropFirst()
    let site: Int
    if siteText == "p" {
        guard hasProbe else { throw ExactNumericsError.invalid("the operator '\(text)' acts on the probe, but there is none (add --probe)") }
        site = chainLength
    } else {
        guard let n = Int(siteText), n >= 0, n < chainLength else { throw ExactNumericsError.badOperator(text) }
        site = n
    }
    return PauliString(pauli, at: site)
}

/// `sigma^z_0`, `sigma^x_P`, ...: the name of a single-site string.
func describe(_ string: PauliString, chainLength: Int) -> String {
    let pairs: [(UInt64, String)] = [(string.xSites, "x"), (string.ySites, "y"), (string.zSites, "z")]
    return pairs.flatMap { mask, name -> [String] in
        (0..<64).filter { mask & (UInt64(1) << UInt64($0)) != 0 }.map { "sigma^\(name)_\($0 == chainLength ? "P" : String($0))" }
    }.joined(separator: " ")
}
