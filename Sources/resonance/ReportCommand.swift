import ArgumentParser
import Foundation
import Studies

/// `resonance report`: the default study. Regenerates the paper's figures from the library
/// (PNG + SVG through gnuplot, data as CSV), runs the claims ledger (claims.html, claims.json) and
/// writes `index.html` with the claims table first.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Regenerate the paper's figures and write an HTML report (default: report/)."
    )

    @Option(help: "Output directory.")
    var output: String = "report"

    @Option(name: .customLong("audit-budget"), help: "Seconds for the claims ledger (`resonance audit`), 0...1e6; 0 skips it.")
    var auditBudget: Double = 120

    @Flag(help: "No progress messages.")
    var quiet = false

    func validate() throws {
        try NumericOption("--audit-budget", atLeast: 0, atMost: 1e6).check(auditBudget)
        // Checked before minutes of computing, not per section afterwards.
        try OutputDirectory.check(output, option: "--output")
    }

    func run() throws {
        InterruptCleanup.install()   // Ctrl-C removes the scratch runs of the exact-numerics section
        let directory = URL(fileURLWithPath: output)
        let commandLine = recordedCommandLine()
        let writer = ReportWriter(directory: directory, title: "ResonanceKit report: the resonance model of MBL",
                                  commandLine: commandLine)
        var sections = [ReportSection]()
        var failures = [String]()
        let start = Date()
        for (index, entry) in ReportContents.sections.enumerated() {
            let begin = Date()
            log("[\(index + 1)/\(ReportContents.sections.count)] \(entry.name) ...")
            do {
                let section = try entry.build(commandLine)
                try writer.writeFigures(of: section)
                sections.append(section)
                log(String(format: " done (%d figures, %.1f s)\n", section.figures.count, Date().timeIntervalSince(begin)))
            } catch {
                failures.append("\(entry.name): \(error)")
                log(" FAILED: \(error)\n")
            }
        }
        if auditBudget > 0 {
            let begin = Date()
            log("[audit] claims ledger, budget \(JSONValue.format(auditBudget)) s ...")
            let outcomes = AuditRunner(budget: auditBudget).run(ClaimsLedger.claims)
            try AuditWriter(budget: auditBudget, commandLine: commandLine).write(outcomes, to: directory)
            sections.insert(claimsReportSection(outcomes: outcomes), at: 0)
            log(String(format: " done (%.1f s)\n", Date().timeIntervalSince(begin)))
        }
        try writer.writeIndex(sections: sections)
        log(String(format: "report written to %@/index.html in %.1f s\n", directory.path, Date().timeIntervalSince(start)))
        if !failures.isEmpty {
            throw ValidationError("report incomplete; failed sections: " + failures.joined(separator: "; "))
        }
    }

    private func log(_ message: String) {
        if !quiet { FileHandle.standardError.write(Data(message.utf8)) }
    }
}
