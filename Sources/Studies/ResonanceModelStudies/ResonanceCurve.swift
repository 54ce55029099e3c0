import Dispatch
import Foundation
import ResonanceModel

/// The curves `resonance rm curve` computes.
public enum ResonanceQuantity: String, CaseIterable, Sendable {
    /// q(r) (42), (89).
    case q = "q"
    /// F(r) (45), (91).
    case unresonatedFraction = "F"
    /// p(r) (46), (88).
    case strongestResonance = "p"
    /// [Czz(t)] (47), (92).
    case correlator = "czz"
    /// [S(omega)] (52) with the closed form (53)/(93) beside it.
    case spectralFunction = "S"
    /// Light-cone front r(t) (50) and the crude [Czz(t)] ~ F(r(t)) (49).
    case lightCone = "lightcone"

    /// Name of the abscissa: r for q/F/p, t for czz/lightcone, omega for S.
    public var abscissa: String {
        switch self {
        case .q, .unresonatedFraction, .strongestResonance: return "r"
        case .correlator, .lightCone: return "t"
        case .spectralFunction: return "omega"
        }
    }
}

/// Evenly or logarithmically spaced points from `a` to `b` inclusive.
public func grid(from a: Double, to b: Double, points n: Int, logarithmic: Bool) -> [Double] {
    guard n > 1 else { return [a] }
    return (0..<n).map { i in
        let f = Double(i) / Double(n - 1)
        return logarithmic ? exp(log(a) + f * (log(b) - log(a))) : a + f * (b - a)
    }
}

/// `points` evenly (or logarithmically) spaced points over `range`, both ends included.
public func grid(_ range: ClosedRange<Double>, points n: Int, logarithmic: Bool = false) -> [Double] {
    grid(from: range.lowerBound, to: range.upperBound, points: n, logarithmic: logarithmic)
}

/// Computes f at every x, on all cores, preserving order (results do not depend on the split).
public func parallelMap(_ xs: [Double], _ f: @Sendable (Double) -> Double) -> [Double] {
    let n = xs.count
    guard n > 64 else { return xs.map(f) }
    let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, n)
    let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
    defer { results.deallocate() }
    nonisolated(unsafe) let out = results
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = c * n / chunks, hi = (c + 1) * n / chunks
        for i in lo..<hi { out[i] = f(xs[i]) }
    }
    return Array(results)
}

/// `body(0..<count)` on all cores, results in order; the first error (by index) is rethrown.
/// For a handful of independent, expensive computations (e.g. PDE solves).
public func concurrentResults<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    let slots = ResultSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, Result { try body(i) }) }
    return try slots.values.map { try $0!.get() }
}

/// One result per index, filled from several threads.
private final class ResultSlots<T>: @unchecked Sendable {
    private(set) var values: [Result<T, Error>?]
    private let lock = NSLock()
    init(_ n: Int) { values = Array(repeating: nil, count: n) }
    func set(_ i: Int, _ value: Result<T, Error>) { lock.lock(); values[i] = value; lock.unlock() }
}

/// One RM curve as columns: the abscissa, the quantity, and companions (logarithms where the
/// value underflows, the closed form beside the quadrature, the light-cone estimate).
public func resonanceCurve(_ model: any ResonanceStatistics, quantity: ResonanceQuantity, abscissa xs: [Double]) -> ColumnTable {
    switch quantity {
    case .q:
        return ColumnTable(columns: [("r", xs), ("q", xs.map { model.resonanceProbability(atRange: $0) })])
    case .unresonatedFraction:
        let logs = xs.map { model.logUnresonatedFraction(atRange: $0) }
        return ColumnTable(columns: [("r", xs), ("F", logs.map(exp)), ("ln_F", logs)])
    case .strongestResonance:
        let logs = xs.map { model.logStrongestResonanceDensity(atRange: $0) }
        return ColumnTable(columns: [("r", xs), ("p", logs.map(exp)), ("ln_p", logs)])
    case .correlator:
        let values = parallelMap(xs) { probeCorrelator(model, time: $0) }
        return ColumnTable(columns: [("t", xs), ("czz", values),
                                     ("czz_inf", Array(repeating: model.infiniteTimeMemory, count: xs.count)),
                                     ("czz_lightcone", xs.map { model.lightConeCorrelator(time: $0) })])
    case .spectralFunction:
        let logs = xs.map { model.logSpectralFunction(omega: $0) }
        return ColumnTable(columns: [("omega", xs), ("S", logs.map(exp)), ("ln_S", logs),
                                     ("S_closed_form", xs.map { spectralFunctionClosedForm(model, omega: $0) })])
    case .lightCone:
        return ColumnTable(columns: [("t", xs), ("r_front", xs.map { model.lightConeRange(time: $0) }),
                                     ("czz_lightcone", xs.map { model.lightConeCorrelator(time: $0) })])
    }
}
