import Foundation
import NumericKit

/// The generalised RM (Sec. IV A) built from the aggregated density varrho(v) of off-diagonal
/// matrix elements v coupling a reference state to states per unit (quasi-)energy (97).
///
/// A state resonates through elements in [v, v + dv] with probability 2 v varrho(v) dv (the factor 2
/// follows from (41); the paper's (99)-(101) drop it). Then
///
///     F(v) = exp(-integral_v^inf 2 v' varrho(v') dv')        (100, sign corrected)
///     p(v) = dF/dv = 2 v varrho(v) F(v)                       (101)
///     [S(omega)] = p(|omega|)/2 + F(0) delta(omega)            (102)
///
/// so that integral [S] d omega over both signs = 1 - F(0) + F(0) = 1. varrho is either a function
/// on [lowerCutoff, upperCutoff] (integrated by adaptive Gauss-Kronrod in ln v) or a table (a
/// histogram read from data: values at ascending v, interpolated as a power law between nodes,
/// which is exact for the power laws of the Floquet (98) and Hamiltonian RMs, and zero outside).
public struct GeneralizedResonanceModel: Sendable {
    private enum Source: Sendable {
        case function(@Sendable (Double) -> Double)
        case table(v: [Double], rate: [Double], tail: [Double])  // rate = 2 v varrho; tail[i] = integral_{v_i}^{v_max}
    }
    private let source: Source
    /// varrho(v) = 0 below this.
    public let lowerCutoff: Double
    /// varrho(v) = 0 above this.
    public let upperCutoff: Double

    /// From an analytic varrho(v), non-negative on [lowerCutoff, upperCutoff] and zero outside.
    public init(lowerCutoff: Double, upperCutoff: Double, density: @escaping @Sendable (Double) -> Double) throws {
        try ResonanceModelError.require(lowerCutoff > 0 && lowerCutoff.isFinite, "v_min", lowerCutoff, "0 < v_min < infinity")
        try ResonanceModelError.require(upperCutoff > lowerCutoff && upperCutoff.isFinite, "v_max", upperCutoff, "v_min < v_max < infinity")
        self.lowerCutoff = lowerCutoff
        self.upperCutoff = upperCutoff
        source = .function(density)
    }

    /// From a table: ascending positive v, varrho >= 0 at each v.
    public init(matrixElements v: [Double], density varrho: [Double]) throws {
        try ResonanceModelError.require(v.count >= 2 && v.count == varrho.count, "table rows", Double(v.count), ">= 2 rows, v and varrho of equal length")
        for i in v.indices {
            try ResonanceModelError.require(v[i].isFinite && v[i] > 0 && (i == 0 || v[i] > v[i - 1]), "v", v[i], "positive, finite, strictly ascending")
            try ResonanceModelError.require(varrho[i].isFinite && varrho[i] >= 0, "varrho", varrho[i], ">= 0 and finite")
        }
        let rate = zip(v, varrho).map { 2 * $0 * $1 }
        var tail = [Double](repeating: 0, count: v.count)
        for i in stride(from: v.count - 2, through: 0, by: -1) {
            tail[i] = tail[i + 1] + Self.segmentIntegral(v[i], rate[i], v[i + 1], rate[i + 1], upTo: v[i + 1])
        }
        lowerCutoff = v[0]
        upperCutoff = v[v.count - 1]
        source = .table(v: v, rate: rate, tail: tail)
    }

    /// integral_{a}^{b} y dv for y interpolated between (a, ya) and (c, yc) as a power law (linearly
    /// when either end is zero), b in [a, c].
    private static func segmentIntegral(_ a: Double, _ ya: Double, _ c: Double, _ yc: Double, upTo b: Double) -> Double {
        if ya <= 0 || yc <= 0 {
            let yb = ya + (yc - ya) * (b - a) / (c - a)
            return (ya + yb) / 2 * (b - a)
        }
        let s = log(yc / ya) / log(c / a)
        let lb = log(b / a)
        if abs(s + 1) < 1e-12 { return ya * a * lb }
        return ya * a * expm1((s + 1) * lb) / (s + 1)
    }

    /// 2 v varrho(v): the resonance probability density in v.
    public func resonanceProbability(matrixElement v: Double) -> Double {
        guard v >= lowerCutoff, v <= upperCutoff else { return 0 }
        switch source {
        case .function(let density): return 2 * v * density(v)
        case .table(let nodes, let rate, _):
            let i = Self.segment(nodes, v)
            let a = nodes[i], c = nodes[i + 1], ya = rate[i], yc = rate[i + 1]
            if ya <= 0 || yc <= 0 { return ya + (yc - ya) * (v - a) / (c - a) }
            return ya * exp(log(yc / ya) * log(v / a) / log(c / a))
        }
    }

    private static func segment(_ nodes: [Double], _ v: Double) -> Int {
        var lo = 0, hi = nodes.count - 1
        while hi - lo > 1 { let mid = (lo + hi) / 2; if nodes[mid] <= v { lo = mid } else { hi = mid } }
        return lo
    }

    /// ln F(v) = -integral_v^inf 2 v' varrho(v') dv' (100).
    public func logUnresonatedFraction(matrixElement v: Double) -> Double {
        let lower = max(v, lowerCutoff)
        guard lower < upperCutoff else { return 0 }
        switch source {
        case .function(let density):
            let quadrature = GaussKronrod(absoluteTolerance: 1e-300, relativeTolerance: 1e-11)
            return -quadrature.integrate({ (t: Double) -> Double in let x = exp(t); return 2 * x * x * density(x) },
                                         from: log(lower), to: log(upperCutoff)).value
        case .table(let nodes, let rate, let tail):
            let i = Self.segment(nodes, lower)
            let c = nodes[i + 1]
            let partial = Self.segmentIntegral(nodes[i], rate[i], c, rate[i + 1], upTo: c)
                - Self.segmentIntegral(nodes[i], rate[i], c, rate[i + 1], upTo: lower)
            return -(tail[i + 1] + partial)
        }
    }

    /// F(v), eq. (100).
    public func unresonatedFraction(matrixElement v: Double) -> Double { exp(logUnresonatedFraction(matrixElement: v)) }

    /// p(v) = 2 v varrho(v) F(v), eq. (101): the density of the strongest resonance's matrix element.
    public func strongestResonanceDensity(matrixElement v: Double) -> Double {
        resonanceProbability(matrixElement: v) * unresonatedFraction(matrixElement: v)
    }

    /// The continuous part of [S(omega)] = p(|omega|)/2, eq. (102).
    public func spectralFunction(omega: Double) -> Double { strongestResonanceDensity(matrixElement: abs(omega)) / 2 }

    /// The weight F(0) of delta(omega) in (102): [Czz] at infinite time.
    public var zeroFrequencyWeight: Double { unresonatedFraction(matrixElement: 0) }
}
