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

