import ArgumentParser
import Foundation
import Studies

/// `resonance report`: the default study. Regenerates the paper's figures from the library
/// (PNG + SVG through gnuplot, data as CSV), runs the claims ledger (claims.html, claims.json) and
/// writes `index.html`, opened by a one-screen summary. Its disorder-averaged runs are kept in
/// resumable stores under `<out>/runs/` (`RunCache`), so a second report with the same
/// parameters reads them back and only redraws.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Regenerate the paper's figures and write an HTML report (default: report/).",
        discussion: """
        The runs (exact diagonalization, disorder averages) are kept in resumable stores under \
        OUT/runs/, one directory per run named by its parameters and a hash of its manifest: \
        rerunning the report reads them back and only redraws (a few seconds); changing a \
        parameter recomputes only the runs it changes; an interrupted report resumes. Remove \
        OUT/runs/ to start afresh. The standard report costs about two CPU-minutes from \
        scratch (roughly a minute and a half on two idle cores); --full adds <r>(W) of xxz at L = 14, larger [S(omega)], rho vbar \
        and probe runs, the Fig. 10 analysis at L = 14 and the full realization counts of the \
        comparisons (about six CPU-minutes). Both read the cached typicality runs of data/dynamics and \
        data/drift_typicality; --full computes any of them that is missing (the L = 20 curve alone \
        costs about 25 CPU-minutes). One line per section on standard error with its ETA.
        """
    )

    @Option(help: "Output directory (default: report).")
    var out: String?

    /// `--output`, the earlier name of `--out` (hidden: `--output` names a file elsewhere).
    @Option(name: .customLong("output"), help: ArgumentHelp("Earlier name of --out: the output directory.", visibility: .hidden))
    var legacyOutput: String?

    /// The directory and the option that named it.
    var directory: (path: String, option: String) { legacyOutput.map { ($0, "--output") } ?? (out ?? "report", "--out") }

    @Flag(help: "Larger sizes and realization counts (about six CPU-minutes from scratch).")
    var full = false

    @Option(name: .customLong("audit-budget"), help: "Seconds for the claims ledger (`resonance audit`), 0...1e6; 0 skips it.")
    var auditBudget: Double = 120

    @Flag(help: "No progress messages.")
    var quiet = false

    func validate() throws {
        try NumericOption("--audit-budget", atLeast: 0, atMost: 1e6).check(auditBudget)
        // Checked before minutes of computing, not per section afterwards.
        if legacyOutput != nil && out != nil {
            throw ValidationError("--output is the earlier name of --out: give one of them")
        }
        try OutputDirectory.check(directory.path, option: directory.option)
    }

    func run() throws { try writing(into: directory.path, option: directory.option) { try runInDirectory() } }

    func runInDirectory() throws {
        InterruptCleanup.install()   // Ctrl-C removes scratch folders; the run store keeps every finished realization
        let directory = URL(fileURLWithPath: self.directory.path)
        // The standard report takes the l-bit points at L = 8 from the stored exact averages
        // (written by `resonance compare lbit --store-exact` with the same parameters); --full
        // recomputes them.
        let stored = StoredData.url("lbit_exact_L8.csv").relativePath
        let averages = !full && FileManager.default.isReadableFile(atPath: stored) ? try LBitExactCache.read(contentsOf: stored) : []
        // The standard report also seeds its run store from data/report_runs (the L = 14 runs of
        // the ed-apparent-one-over-omega claim, written by this report): a run found there is
        // copied in and read back, not computed. --full does not read the seed.
        let seed = full ? nil : StoredData.url("report_runs")
        let cache = RunCache(root: directory.appendingPathComponent("runs"), lbitAverages: averages, lbitSource: stored, seed: seed)
        try RunCache.$current.withValue(cache) { try report(directory: directory, cache: cache) }
    }

    private func report(directory: URL, cache: RunCache) throws {
        let scope: ReportScope = full ? .full : .standard
        let commandLine = recordedCommandLine()
        let writer = ReportWriter(directory: directory, title: "ResonanceKit report: the resonance model of MBL",
                                  commandLine: commandLine)
        var times = ReportSectionTimes(file: cache.root.appendingPathComponent("section-times.json"))
        var sections = [ReportSection]()
        var failures = [String]()
        let start = Date()
        let count = ReportContents.sections.count + (auditBudget > 0 ? 1 : 0)
        /// Runs one section: a line with its ETA before, its time and runs after.
        func timed<T>(_ index: Int, _ name: String, estimate: Double, _ body: () throws -> T) rethrows -> T {
            let begin = Date(), first = cache.uses.count
            let eta = times.eta(section: name, scope: scope, estimate: estimate, root: cache.root)
            log("[\(index)/\(count)] \(name) (ETA \(ProgressReporter.duration(eta))) ...")
            let value = try body()
            let seconds = Date().timeIntervalSince(begin)
            let uses = Array(cache.uses[first...])
            times.record(section: name, scope: scope, seconds: seconds, uses: uses)
            times.save()
            log(String(format: " done in %.1f s", seconds) + (uses.isEmpty ? "" : "; \(ReportSummary.runsSentence(uses))") + "\n")
            return value
        }
        for (index, entry) in ReportContents.sections.enumerated() {
            do {
                let section = try timed(index + 1, entry.name, estimate: entry.estimate(scope)) {
                    let section = try entry.build(commandLine, scope)
                    try writer.writeFigures(of: section)
                    return section
                }
                sections.append(section)
            } catch {
                failures.append("\(entry.name): \(error)")
                log(" FAILED: \(error)\n")
            }
        }
        var outcomes: [ClaimOutcome] = []
        if auditBudget > 0 {
            outcomes = try timed(count, "claims ledger", estimate: min(auditBudget, 60)) {
                let outcomes = AuditRunner(budget: auditBudget).run(ClaimsLedger.claims)
                try AuditWriter(budget: auditBudget, commandLine: commandLine).write(outcomes, to: directory)
                return outcomes
            }
        }
        let seconds = Date().timeIntervalSince(start)
        var summary = ReportSummary(headline: ReportContents.headline, claims: outcomes, runs: cache.uses,
                                    scope: scope.summary, seconds: seconds)
        summary.scopeDetails = scope.description
        try writer.writeIndex(sections: sections, summary: summary)
        log(String(format: "report written to %@/index.html in %.1f s; ", directory.path, seconds) + summary.runsSentence + "\n")
        if !failures.isEmpty {
            throw ValidationError("report incomplete; failed sections: " + failures.joined(separator: "; "))
        }
    }

    private func log(_ message: String) {
        if !quiet { FileHandle.standardError.write(Data(message.utf8)) }
    }
}
