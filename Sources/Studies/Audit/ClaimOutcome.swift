import Foundation

/// Whether a claim's check ran.
public enum ClaimStatus: Sendable, Equatable {
    case ran
    /// Skipped: its estimated cost exceeded what was left of the budget.
    case notRunBudget
    /// The check threw; the message says why.
    case failed(String)

    public var label: String {
        switch self {
        case .ran: return "ran"
        case .notRunBudget: return "not run: budget"
        case .failed: return "failed"
        }
    }
}

/// The result of one claim's check: the measured numbers and the verdict, or why there are none.
public struct ClaimOutcome: Sendable {
    public var claim: Claim
    public var status: ClaimStatus
    public var measurements: Measurements
    public var assessment: Assessment?
    /// Wall-clock seconds the check took (0 when not run).
    public var seconds: Double

    public init(claim: Claim, status: ClaimStatus, measurements: Measurements = Measurements(),
                assessment: Assessment? = nil, seconds: Double = 0) {
        self.claim = claim
        self.status = status
        self.measurements = measurements
        self.assessment = assessment
        self.seconds = seconds
    }

    /// The verdict's label, or the status when there is no verdict.
    public var verdictLabel: String {
        switch status {
        case .ran: return assessment?.verdict.rawValue ?? "-"
        case .notRunBudget: return "not run: budget (estimated \(Measurements.format(claim.estimatedCost)) s)"
        case .failed(let message): return "failed: \(message)"
        }
    }
}

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
        do {
            let measurements = try claim.measure()
            let assessment = claim.judge(measurements)
            return ClaimOutcome(claim: claim, status: .ran, measurements: measurements, assessment: assessment,
                                seconds: clock() - begin)
        } catch {
            return ClaimOutcome(claim: claim, status: .failed("\(error)"), seconds: clock() - begin)
        }
    }
}
