import Foundation
import NumericKit

/// Do the local resonances of a typical eigenstate overlap? (Sec. IV B, Fig. 7.)
///
/// A local perturbation at every site n of a long chain gives site n a resonance with probability
/// 1 - F(R) (R the largest range allowed), and the range r_n of its strongest (shortest-range)
/// resonance has density p(r)/(1 - F(R)) (46), (88). The resonance rearranges the l-bits within
/// r_n of n, the patch [n - r_n, n + r_n]; two resonances overlap when their patches intersect,
/// |n - m| <= r_n + r_m. Sites are independent. The RM predicts a density ~ xi/Lambda of patches of
/// size ~ xi, hence overlap once xi^2 >~ Lambda; for the Floquet RM at xi << Lambda the mean number
/// of partners per resonance is ~ 4 xi^2/Lambda.
///
/// `sample` is the Monte Carlo; `expectedOverlapFraction` the same quantity by quadrature,
/// P(overlap | r) = 1 - prod_{d >= 1} (1 - G(d - r))^2 with G(x) = F(max(x, 0)) - F(R) the probability
/// that a given other site has a resonance of range >= x.
public struct ResonanceOverlap<Model: ResonanceStatistics>: Sendable {
    public let model: Model

    public init(_ model: Model) { self.model = model }

    /// The largest range R = L/2 of the model's parameters.
    public var maximumRange: Double { model.parameters.maximumRange }

    /// 1 - F(R): the probability that a site has a resonance.
    public var resonanceDensity: Double { -expm1(model.logUnresonatedFraction(atRange: maximumRange)) }

    /// The range of the strongest resonance for a uniform deviate u in (0, 1): nil (no resonance)
    /// if u <= F(R), else the r with F(r) = u (inverse-transform sampling, Brent's method on ln F).
    public func range(uniform u: Double) -> Double? {
        let logU = log(u), logFR = model.logUnresonatedFraction(atRange: maximumRange)
        guard logU > logFR else { return nil }
        let f = { (r: Double) -> Double in self.model.logUnresonatedFraction(atRange: r) - logU }
        return (try? BrentRoot(absoluteTolerance: 1e-10).solve(f, in: 0, maximumRange).root) ?? maximumRange
    }

    /// The statistics of one Monte Carlo chain.
    public struct Sample: Sendable, Equatable {
        public var sites: Int
        public var resonances: Int
        /// Resonances per site.
        public var density: Double
        /// Mean range of the resonances.
        public var meanRange: Double
        /// Fraction of resonances whose patch intersects another's.
        public var overlapFraction: Double
        /// Mean number of other patches each resonance's patch intersects.
        public var meanPartners: Double
        /// Largest cluster of mutually connected patches, in resonances.
        public var largestCluster: Int
    }

    /// Places resonances on an open chain of `sites` sites with a seeded Xoshiro256** generator.
    public func sample(sites: Int, seed: UInt64) -> Sample {
        var generator = Xoshiro256StarStar(seed: seed)
        var centres = [Int](), ranges = [Double]()
        for n in 0..<sites {
            if let r = range(uniform: 1 - generator.nextUnitInterval()) {
                centres.append(n)
                ranges.append(r)
            }
        }
        let count = centres.count
        var partners = Array(repeating: 0, count: count)
        let reach = Int((2 * maximumRange).rounded(.up))
        // Union-find over intersecting patches for the cluster sizes.
        var parent = Array(0..<count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in 0..<count {
            var j = i + 1
            while j < count, centres[j] - centres[i] <= reach {
                if Double(centres[j] - centres[i]) <= ranges[i] + ranges[j] {
                    partners[i] += 1
                    partners[j] += 1
                    let a = root(i), b = root(j)
                    if a != b { parent[a] = b }
                }
                j += 1
            }
        }
        var clusterSizes = [Int: Int]()
        for i in 0..<count { clusterSizes[root(i), default: 0] += 1 }
        return Sample(sites: sites, resonances: count, density: Double(count) / Double(sites),
                      meanRange: count > 0 ? ranges.reduce(0, +) / Double(count) : 0,
                      overlapFraction: count > 0 ? Double(partners.filter { $0 > 0 }.count) / Double(count) : 0,
                      meanPartners: count > 0 ? Double(partners.reduce(0, +)) / Double(count) : 0,
                      largestCluster: clusterSizes.values.max() ?? 0)
    }

    /// G(x) = F(max(x, 0)) - F(R): probability that a site has a resonance of range >= x.
    func tailProbability(_ x: Double) -> Double {
        guard x < maximumRange else { return 0 }
        return model.unresonatedFraction(atRange: max(x, 0)) - model.unresonatedFraction(atRange: maximumRange)
    }

    /// The fraction of resonances that overlap another on an infinite chain, by quadrature over the
    /// range of the resonance (see the type's comment).
    public func expectedOverlapFraction() -> Double {
        let density = resonanceDensity
        guard density > 0 else { return 0 }
        let noOverlap = { (r: Double) -> Double in
            var logProduct = 0.0
            var d = 1
            while Double(d) - r < self.maximumRange {
                logProduct += 2 * log1p(-self.tailProbability(Double(d) - r))
                d += 1
            }
            return exp(logProduct)
        }
        let quadrature = GaussKronrod(absoluteTolerance: 1e-10, relativeTolerance: 1e-8)
        // The integrand p(r) (1 - noOverlap) has kinks at integer r; split there.
        var total = 0.0, a = 0.0
        while a < maximumRange {
            let b = min(a + 1, maximumRange)
            total += quadrature.integrate({ r in
                self.model.strongestResonanceDensity(atRange: r) * (1 - noOverlap(r))
            }, from: a, to: b).value
            a = b
        }
        return total / density
    }

    /// The mean number of partners per resonance on an infinite chain:
    /// E[sum_{d >= 1} 2 G(d - r)] over the resonance's range r.
    public func expectedPartners() -> Double {
        let density = resonanceDensity
        guard density > 0 else { return 0 }
        let quadrature = GaussKronrod(absoluteTolerance: 1e-10, relativeTolerance: 1e-9)
        var total = 0.0, a = 0.0
        while a < maximumRange {
            let b = min(a + 1, maximumRange)
            total += quadrature.integrate({ r in
                var sum = 0.0
                var d = 1
                while Double(d) - r < self.maximumRange { sum += 2 * self.tailProbability(Double(d) - r); d += 1 }
                return self.model.strongestResonanceDensity(atRange: r) * sum
            }, from: a, to: b).value
            a = b
        }
        return total / density
    }
}
