import Foundation
import NumericKit

/// The discrete Floquet resonance model: the RM of Sec. II with its sums over integer ranges kept
/// as sums, the exact number of partners `N_r` of each range and the exact law of their matrix
/// elements, instead of the continuum density of states (40) and the single value v(r) (38).
///
/// Rules (the RM's own, Sec. II B): a reference state resonates with a partner when the
/// quasi-energy detuning, uniform on the circle of circumference `Omega`, is within `|V|` ((30);
/// probability `min(1, 2|V|/Omega)`, (41)); partners resonate independently; the probe then
/// oscillates at the largest resonant `|V|` ((34), (35)). Hence, with `pi_s(w)` the probability that
/// one partner of shell `s` resonates through `|V| > w` (`ResonanceShell.resonantTail`),
///
///     G(w) = prod_s (1 - pi_s(w))^(N_s)        P(no resonance stronger than w)
///     q_r  = 1 - (1 - pi_r(0))^(N_r)           (41) without its first-order expansion
///     F    = G(0) = [Czz]                      (45), (48)
///     [S(omega)] = (1/2) dG/dw at w = |omega|  (52), plus F delta(omega)
///     [Czz(t)] = F + integral_0^inf cos(w t) dG(w)   (47)
///
/// `dG` has atoms where an element takes a single value (the range-0 element of the l-bit model is
/// exactly `J`). `G` is exact for independent partners; `exp(-integral 2 v varrho)` of the
/// generalised RM (100) is its first order in `v/Omega`. Frequencies and times in the units of
/// `J` and `Omega` (t = n T for stroboscopic times).
public struct DiscreteResonanceModel: Sendable {
    public let shells: [ResonanceShell]
    public let driveFrequency: Double

    public init(shells: [ResonanceShell], driveFrequency: Double) throws {
        try ResonanceModelError.require(driveFrequency.isFinite && driveFrequency > 0, "Omega", driveFrequency, "0 < Omega < infinity")
        for shell in shells {
            try ResonanceModelError.require(shell.partnerCount.isFinite && shell.partnerCount >= 0, "N_r", shell.partnerCount, ">= 0 and finite")
            switch shell.law {
            case .fixed(let v):
                try ResonanceModelError.require(v.isFinite && v > 0, "v", v, "0 < v < infinity")
            case .sphereCoordinate(let r, let n):
                try ResonanceModelError.require(r.isFinite && r > 0, "R", r, "0 < R < infinity")
                try ResonanceModelError.require(n.isFinite && n >= 1, "n", n, ">= 1 and finite")
            }
        }
        self.shells = shells
        self.driveFrequency = driveFrequency
    }

    // MARK: Resonance statistics

    /// `ln(1 - pi_s(w))^(N_s)` of one shell.
    func logShellFactor(_ shell: ResonanceShell, above w: Double) -> Double {
        let p = shell.resonantTail(above: w, driveFrequency: driveFrequency)
        return p >= 1 ? -.infinity : shell.partnerCount * log1p(-p)
    }

    /// `ln G(w)`: the log-probability that no partner resonates through an element larger than `w`.
    public func logNoStrongerResonance(than w: Double) -> Double {
        shells.reduce(0) { $0 + logShellFactor($1, above: w) }
    }

    /// `G(w)`.
    public func noStrongerResonance(than w: Double) -> Double { exp(logNoStrongerResonance(than: w)) }

    /// `q_r`: the probability that at least one partner of the shells at range `r` resonates.
    public func resonanceProbability(atRange r: Double) -> Double {
        -expm1(shells.filter { $0.range == r }.reduce(0) { $0 + logShellFactor($1, above: 0) })
    }

    /// `F(r)`: the probability that no partner at range `<= r` resonates (45).
    public func unresonatedFraction(throughRange r: Double) -> Double {
        exp(shells.filter { $0.range <= r }.reduce(0) { $0 + logShellFactor($1, above: 0) })
    }

    /// `p_r = F(r - 1) q_r`: the probability that the nearest resonance is at range `r` (46).
    public func nearestResonanceProbability(atRange r: Double) -> Double {
        exp(shells.filter { $0.range < r }.reduce(0) { $0 + logShellFactor($1, above: 0) }) * resonanceProbability(atRange: r)
    }

    /// `[Czz] = F = G(0)` (48).
    public var infiniteTimeMemory: Double { noStrongerResonance(than: 0) }

    /// The continuous part of `dG/dw`: `G(w) sum_s N_s (-d pi_s/dw)/(1 - pi_s(w))`.
    public func strongestResonanceDensity(at w: Double) -> Double {
        guard w > 0 else { return 0 }
        var rate = 0.0
        for shell in shells where !shell.isFixed {
            let tail = shell.resonantTail(above: w, driveFrequency: driveFrequency)
            guard tail < 1 else { continue }
            rate += shell.partnerCount * shell.resonantDensity(at: w, driveFrequency: driveFrequency) / (1 - tail)
        }
        return rate == 0 ? 0 : rate * noStrongerResonance(than: w)
    }

    /// The atoms of `dG`: frequency and weight `G(v) - G(v^-) = G(v) (1 - prod (1 - pi_s(0))^(N_s))`
    /// of each fixed element `v` (product over the fixed shells with that `v`), ascending; one sweep
    /// over the fixed shells sorted by `v`, so thousands of shells cost `O(n log n)`.
    public var atoms: [(frequency: Double, weight: Double)] {
        let fixed = shells.filter { $0.isFixed && $0.partnerCount > 0 }
            .map { ($0.largestElement, logShellFactor($0, above: 0)) }.sorted { $0.0 > $1.0 }
        let continuous = shells.filter { !$0.isFixed }
        var result: [(frequency: Double, weight: Double)] = []
        var stronger = 0.0  // sum of the log factors of fixed shells with larger v
        var i = 0
        while i < fixed.count {
            let v = fixed[i].0
            var own = 0.0
            while i < fixed.count && fixed[i].0 == v { own += fixed[i].1; i += 1 }
            let logG = stronger + continuous.reduce(0) { $0 + logShellFactor($1, above: v) }
            result.append((v, exp(logG) * -expm1(own)))
            stronger += own
        }
        return result.reversed()
    }

    /// The continuous part of `[S(omega)]` = (1/2) dG/dw at `w = |omega|` (52), (102).
    public func spectralFunction(omega: Double) -> Double { strongestResonanceDensity(at: abs(omega)) / 2 }

    /// `integral_a^b [S] d omega` over `0 < a < b` (one sign of omega, atoms included):
    /// `(G(b) - G(a))/2`, exact, so bin averages need no quadrature.
    public func spectralWeight(from a: Double, to b: Double) -> Double {
        (noStrongerResonance(than: b) - noStrongerResonance(than: a)) / 2
    }

    /// The mean of `[S]` over the `|omega|` bin `[a, b]`, as a binned exact spectral function measures it.
    public func spectralBinAverage(from a: Double, to b: Double) -> Double { spectralWeight(from: a, to: b) / (b - a) }

    // MARK: Correlator

    /// `[Czz(t)] = F + integral cos(w t) dG(w)` (47): atoms summed, the continuous part by
    /// Gauss-Kronrod on pieces bounded by the shells' support edges and by at most pi of phase.
    public func correlator(time t: Double) -> Double {
        var value = infiniteTimeMemory
        for atom in atoms { value += atom.weight * cos(atom.frequency * t) }
        var edges = shells.filter { !$0.isFixed }.map(\.largestElement)
        guard let top = edges.max() else { return value }
        edges += atoms.map(\.frequency).filter { $0 < top }
        edges.append(0)
        edges = Array(Set(edges)).sorted()
        let quadrature = GaussKronrod(absoluteTolerance: 1e-14, relativeTolerance: 1e-10)
        for i in 0..<(edges.count - 1) {
            let a = edges[i], b = edges[i + 1]
            let pieces = max(1, Int((abs(t) * (b - a) / Double.pi).rounded(.up)))
            let h = (b - a) / Double(pieces)
            for k in 0..<pieces {
                let lo = a + Double(k) * h, hi = k == pieces - 1 ? b : lo + h
                value += quadrature.integrate({ w in self.strongestResonanceDensity(at: w) * cos(w * t) }, from: lo, to: hi).value
            }
        }
        return value
    }
}
