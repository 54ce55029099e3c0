import Foundation

/// The one-screen summary that opens the report: the headline figures as thumbnails linking to
/// their sections, a compact claims table (claim, verdict badge, the number that decides it, a
/// link to its details on claims.html), and which runs were reused from the report's run store.
public struct ReportSummary: Sendable {
    /// Identifiers of the headline figures, in order (those the report lacks are left out).
    public var headline: [String]
    public var claims: [ClaimOutcome]
    /// The runs the report asked of its run store.
    public var runs: [ReportRunUse]
    /// Which report this is and what `--full` adds, in one sentence.
    public var scope: String
    /// The same in full (sizes, stored data), for the list of runs.
    public var scopeDetails = ""
    /// Seconds the report took.
    public var seconds: Double

    public init(headline: [String], claims: [ClaimOutcome], runs: [ReportRunUse], scope: String, seconds: Double) {
        self.headline = headline
        self.claims = claims
        self.runs = runs
        self.scope = scope
        self.seconds = seconds
    }

    /// "12 of 40 runs reused (... realizations read back), 28 computed (... realizations)".
    public var runsSentence: String {
        Self.runsSentence(runs)
    }

    public static func runsSentence(_ runs: [ReportRunUse]) -> String {
        guard !runs.isEmpty else { return "no stored runs used" }
        let reused = runs.filter(\.isReused).count
        let computed = runs.reduce(0) { $0 + $1.computed }
        let read = runs.reduce(0) { $0 + $1.reused }
        return "\(reused) of \(runs.count) runs reused from the run store (\(read) realizations read back), "
            + "\(runs.count - reused) computed or extended (\(computed) realizations computed)"
    }

    /// The summary's HTML (a `<section>`), given the figures of the report (for thumbnails).
    func html(figures: [ReportFigure]) -> String {
        var body = "<section id=\"summary\" class=\"summary\">\n<h2>At a glance</h2>\n"
        body += "<p class=\"scope\">\(Self.escape(scope)) Runs: \(Self.escape(runsSentence)) "
            + "(<a href=\"#runs\">list</a>); \(String(format: "%.0f", seconds)) s.</p>\n"
        let byIdentifier = Dictionary(figures.map { ($0.identifier, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = headline.compactMap { byIdentifier[$0] }
        if !shown.isEmpty {
            body += "<div class=\"thumbs\">\n"
            for figure in shown {
                body += "<a class=\"thumb\" href=\"#\(figure.identifier)\"><img src=\"figures/\(figure.identifier).png\" "
                    + "alt=\"\(Self.escape(figure.title))\"><span>\(Self.escape(figure.title))</span></a>\n"
            }
            body += "</div>\n"
        }
        if !claims.isEmpty {
            body += "<table class=\"claims\"><tr><th>claim</th><th>verdict</th><th>deciding number</th><th></th></tr>\n"
            for outcome in claims {
                let id = outcome.claim.identifier
                let decisive = outcome.decidingNumber
                // The number, marked with whether its criterion holds (the criterion on hover); the
                // criterion itself where it names no number.
                let number = decisive.map { d in
                    let mark = "<span class=\"\(d.criterion.holds ? "holds" : "fails")\">\(d.criterion.holds ? "&#10003;" : "&#10007;")</span>"
                    guard let m = d.measurement else { return "\(mark) <span class=\"criterion\">\(Self.escape(d.criterion.description))</span>" }
                    return "<span title=\"\(Self.escape(d.criterion.description))\">\(mark) <code>\(Self.escape(m.name)) = \(Self.escape(Measurements.format(m.value)))</code></span>"
                } ?? "<span class=\"criterion\">\(Self.escape(outcome.assessment?.reason ?? outcome.status.label))</span>"
                body += "<tr><td>\(Self.escape(outcome.claim.title))</td>"
                    + "<td><span class=\"badge \(Self.badgeClass(outcome))\">\(Self.escape(Self.badgeLabel(outcome)))</span></td>"
                    + "<td>\(number)</td><td><a href=\"claims.html#\(id)\">details</a></td></tr>\n"
            }
            body += "</table>\n"
        }
        return body + "</section>\n"
    }

    /// The runs table (label, directory, realizations reused and computed, seconds).
    func runsTable() -> ReportTable {
        ReportTable(title: "Runs of this report (\(runsSentence))", header: ["run", "store", "realizations reused", "computed", "seconds"],
                    rows: runs.map { [$0.label, $0.directory.isEmpty ? "-" : "runs/" + $0.directory, String($0.reused), String($0.computed),
                                      String(format: "%.1f", $0.seconds)] })
    }

    static func badgeLabel(_ outcome: ClaimOutcome) -> String {
        switch outcome.status {
        case .ran: return outcome.assessment?.verdict.rawValue ?? "-"
        case .notRunBudget: return "not run"
        case .failed: return "failed"
        }
    }

    static func badgeClass(_ outcome: ClaimOutcome) -> String {
        guard outcome.status == .ran, let verdict = outcome.assessment?.verdict else { return "not-run" }
        return String(verdict.rawValue.map { $0.isLetter ? $0 : "-" })
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension ClaimOutcome {
    /// The criterion that decided the verdict and the measured number it is about: the first
    /// criterion when every one holds (confirmed), else the first that fails (the reason for
    /// "not confirmed", or for needing the correction). The number is the measurement whose name
    /// the criterion mentions (the longest such name); nil when no criterion was stated.
    public var decidingNumber: (criterion: Criterion, measurement: Measurement?)? {
        guard status == .ran, let criteria = assessment?.criteria, let first = criteria.first else { return nil }
        let criterion = criteria.first { !$0.holds } ?? first
        let mentioned = measurements.values.filter { Self.mentions(criterion.description, $0.name) }
        return (criterion, mentioned.max { $0.name.count < $1.name.count })
    }

    /// Whether `text` contains `name` as a whole identifier (not inside a longer one).
    static func mentions(_ text: String, _ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        let isIdentifier = { (c: Character) in c.isLetter || c.isNumber || c == "_" || c == "." }
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: name, range: search) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before.map(isIdentifier) ?? false), !(after.map { isIdentifier($0) && $0 != "." } ?? false) { return true }
            search = found.upperBound..<text.endIndex
        }
        return false
    }
}
