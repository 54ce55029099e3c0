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

    @Option(help: "Time budget in seconds (> 0).")
    var budget: Double = 120

    @Option(help: "Directory for claims.html and claims.json.")
    var output: String = "audit"

    @Option(name: .customLong("claim"), help: "Run only these claims (comma list of identifiers), regardless of the budget.")
    var claims: String?

    @Flag(help: "List the claims with their estimated cost and exit.")
    var list = false

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        guard budget.isFinite, budget > 0 else { throw ValidationError("--budget must be > 0 (got \(budget))") }
    }

    func run() throws {
        if list {
            for claim in ClaimsLedger.claims {
                print(claim.identifier.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%7.2f s  ", claim.estimatedCost) + claim.title)
            }
            return
        }
        let selected: [Claim]
        var runner = AuditRunner(budget: budget)
        if let list = claims {
            do {
                selected = try ClaimsLedger.select(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } catch { throw ValidationError("--claim: \(error)") }
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
        let directory = URL(fileURLWithPath: output)
        do {
            try AuditWriter(budget: budget, commandLine: recordedCommandLine()).write(outcomes, to: directory)
        } catch {
            throw ValidationError("cannot write --output \(output): \(error.localizedDescription)")
        }
        let ran = outcomes.filter { $0.status == .ran }.count
        print("\(ran) of \(outcomes.count) claims checked; wrote \(directory.appendingPathComponent("claims.html").path) and claims.json")
    }
}
