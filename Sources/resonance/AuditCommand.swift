import ArgumentParser
import Foundation
import Studies

/// `resonance audit`: runs the claims ledger within a time budget and writes claims.html and
/// claims.json.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the paper's claims: measured numbers and a verdict per claim (claims.html, claims.json).",
        discussion: """
        Each claim declares an estimated cost; checks run cheapest first while their cost fits in what \
        is left of --budget, and the rest are listed as 'not run: budget'. Verdicts (confirmed, \
        confirmed with correction, not confirmed, outside our reach) are decided by comparing the \
        measured numbers with the criteria stated in each check. --claim ID reruns single checks \
        (ignoring the budget); --list prints the ledger.
        """
    )

    @Option(help: "Time budget in seconds, in (0, 1e6].")
    var budget: Double = 120

    @Option(help: "Directory for claims.html and claims.json (default: audit).")
    var out: String?

    /// `--output`, the earlier name of `--out` (hidden: `--output` names a file elsewhere).
    @Option(name: .customLong("output"), help: ArgumentHelp("Earlier name of --out: the output directory.", visibility: .hidden))
    var legacyOutput: String?

    /// The directory and the option that named it.
    var directory: (path: String, option: String) { legacyOutput.map { ($0, "--output") } ?? (out ?? "audit", "--out") }

    @Option(name: .customLong("claim"), help: "Run only these claims (comma list of identifiers), regardless of the budget.")
    var claims: String?

    @Flag(help: "List the claims with their estimated cost and exit.")
    var list = false

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        try NumericOption.positive("--budget", atMost: 1e6).check(budget)
        if legacyOutput != nil && out != nil {
            throw ValidationError("--output is the earlier name of --out: give one of them")
        }
        try OutputDirectory.check(directory.path, option: directory.option)
        _ = try selectedClaims()
    }

    /// The claims of --claim (every element a known identifier; an empty list is refused), or nil for all.
    func selectedClaims() throws -> [Claim]? {
        guard let claims else { return nil }
        let identifiers = claims.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = identifiers.firstIndex(of: "") {
            throw ValidationError("--claim: element \(empty + 1) is empty; give claim identifiers separated by commas (see --list)")
        }
        do { return try ClaimsLedger.select(identifiers) } catch { throw ValidationError("--claim: \(error)") }
    }

    func run() throws { try writing(into: directory.path, option: directory.option) { try runInDirectory() } }

    func runInDirectory() throws {
        if list {
            let lines = ClaimsLedger.claims.map {
                $0.identifier.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%7.2f s  ", $0.estimatedCost) + $0.title + "\n"
            }
            try StandardOutput.write(lines.joined())
            return
        }
        let selected: [Claim]
        var runner = AuditRunner(budget: budget)
        if let chosen = try selectedClaims() {
            selected = chosen
            runner.budget = .infinity
        } else {
            selected = ClaimsLedger.claims
        }
        let outcomes = runner.run(selected) { outcome in
            guard !quiet else { return }
            let line = outcome.claim.identifier.padding(toLength: 34, withPad: " ", startingAt: 0) + outcome.verdictLabel
                + String(format: " (%.2f s)\n", outcome.seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let directory = URL(fileURLWithPath: self.directory.path)
        do {
            try AuditWriter(budget: budget, commandLine: recordedCommandLine()).write(outcomes, to: directory)
        } catch {
            throw FileError(option: self.directory.option, path: self.directory.path, detail: "cannot write it (\(describeFileError(error)))")
        }
        let ran = outcomes.filter { $0.status == .ran }.count
        try StandardOutput.write("\(ran) of \(outcomes.count) claims checked; wrote \(directory.appendingPathComponent("claims.html").path) and claims.json\n")
    }
}
