import Foundation

/// Runs the checks of a ledger within a time budget.
///
/// Checks run cheapest first (ties in ledger order), each only if its estimated cost fits in what
/// is left of the budget. What is used is the larger of the clock time spent and the estimated
/// costs of the checks already run: a check that overran its estimate costs the later ones, and
/// one that ran faster does not make the selection depend on the machine's speed. Outcomes come
/// back in ledger order.
public struct AuditRunner: Sendable {
    /// Seconds available.
    public var budget: Double
    /// Seconds since an arbitrary origin.
    public var clock: @Sendable () -> Double

    public init(budget: Double, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) {
        self.budget = budget
        self.clock = clock
    }

    /// Runs `claims`; `progress` is called after each claim is run or skipped.
    public func run(_ claims: [Claim], progress: ((ClaimOutcome) -> Void)? = nil) -> [ClaimOutcome] {
        let order = claims.indices.sorted { (claims[$0].estimatedCost, $0) < (claims[$1].estimatedCost, $1) }
        var outcomes = [ClaimOutcome?](repeating: nil, count: claims.count)
        let start = clock()
        var planned = 0.0
        for index in order {
            let claim = claims[index]
            let remaining = budget - max(clock() - start, planned)
            let outcome: ClaimOutcome
            if claim.estimatedCost > remaining {
                outcome = ClaimOutcome(claim: claim, status: .notRunBudget)
            } else {
                outcome = Self.check(claim, clock: clock)
                planned += claim.estimatedCost
            }
            outcomes[index] = outcome
            progress?(outcome)
        }
        return outcomes.map { $0! }
    }

    /// Runs one check regardless of the budget.
    public static func check(_ claim: Claim, clock: @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) -> ClaimOutcome {
        let begin = clock()
        let measurements: Measurements
        do { measurements = try claim.measure() } catch {
            return ClaimOutcome(claim: claim, status: .failed("\(error)"), seconds: clock() - begin)
        }
        do {
            let assessment = try claim.judge(measurements)
            return ClaimOutcome(claim: claim, status: .ran, measurements: measurements, assessment: assessment,
                                seconds: clock() - begin)
        } catch {
            // A verdict that reads a name the check did not measure: failed, with the numbers kept.
            return ClaimOutcome(claim: claim, status: .failed("\(error)"), measurements: measurements, seconds: clock() - begin)
        }
    }
}
