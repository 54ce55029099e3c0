import Foundation

/// The finite-size regime map of Fig. 1 over the plane (1/zeta, L) at fixed Lambda, or over
/// (W/W_c, L) with the disorder parametrization (D4), (83). Each point is classified by
/// `ResonanceScales.classify` with explicit `RegimeThresholds`; the boundaries are returned as
/// curves so that a figure can draw them.
public struct RegimeMap: Sendable {
    public var thresholds: RegimeThresholds

    public init(thresholds: RegimeThresholds = RegimeThresholds()) { self.thresholds = thresholds }

    /// One classified point.
    public struct Point: Sendable, Equatable {
        /// The abscissa: 1/zeta or W/W_c.
        public var abscissa: Double
        public var length: Double
        public var inverseCorrelationLength: Double
        public var resonanceLength: Double
        public var regime: ResonanceRegime
    }

    /// Classification at fixed Lambda over 1/zeta (1/xi = 1/zeta - ln 2, (39)). Points with
    /// 1/zeta <= -ln 2 (outside the RM's domain) are skipped.
    public func classify(inverseLocalizationLengths: [Double], lengths: [Double], resonanceLength lambda: Double) -> [Point] {
        var points = [Point]()
        for length in lengths {
            for inverseZeta in inverseLocalizationLengths {
                let invXi = inverseZeta - 1 / criticalLocalizationLength
                guard let p = try? ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: lambda, length: length)
                else { continue }
                points.append(Point(abscissa: inverseZeta, length: length, inverseCorrelationLength: invXi,
                                    resonanceLength: lambda, regime: ResonanceScales.classify(p, thresholds: thresholds)))
            }
        }
        return points
    }

    /// Classification over W/W_c with 1/xi = ln(W/W_c) and Lambda(W) from (83). Points with
    /// W <= W_c/4 are skipped.
    public func classify(disorderRatios: [Double], lengths: [Double], crossover: DisorderCrossover) -> [Point] {
        var points = [Point]()
        for length in lengths {
            for ratio in disorderRatios {
                let w = ratio * crossover.criticalDisorder
                guard let p = try? crossover.parameters(disorder: w, length: length) else { continue }
                points.append(Point(abscissa: ratio, length: length, inverseCorrelationLength: p.inverseCorrelationLength,
                                    resonanceLength: p.resonanceLength, regime: ResonanceScales.classify(p, thresholds: thresholds)))
            }
        }
        return points
    }

    /// The line |xi| = L/2 in the (1/zeta, L) plane: 1/zeta = 1/zeta_c +- 2/L (thermal side -, localised +).
    public static func correlationLengthLine(length: Double, thermalSide: Bool) -> Double {
        1 / criticalLocalizationLength + (thermalSide ? -2 : 2) / length
    }

    /// The line |xi| = L/2 in the (W/W_c, L) plane: W/W_c = exp(+-2/L).
    public static func correlationLengthDisorderLine(length: Double, thermalSide: Bool) -> Double {
        exp((thermalSide ? -2 : 2) / length)
    }

    /// The region I/II boundary L = regionBoundary * Lambda.
    public func regionBoundaryLength(resonanceLength lambda: Double) -> Double { thresholds.regionBoundary * lambda }

    /// The short-chain self-consistency line L = 2 consistency sqrt(Lambda) (105), where L/2 reaches
    /// the overlap scale of (95).
    public func selfConsistentLength(resonanceLength lambda: Double) -> Double {
        2 * thresholds.consistency * lambda.squareRoot()
    }

    /// The boundary of the inconsistent region on the xi side: |xi| = consistency sqrt(Lambda), i.e.
    /// 1/zeta = 1/zeta_c +- 1/(consistency sqrt(Lambda)) (for L/2 above it).
    public func inconsistentInverseLocalizationLengths(resonanceLength lambda: Double) -> (thermal: Double, localised: Double) {
        let d = 1 / (thresholds.consistency * lambda.squareRoot())
        return (1 / criticalLocalizationLength - d, 1 / criticalLocalizationLength + d)
    }
}
