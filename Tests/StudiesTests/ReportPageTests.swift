import Foundation
import XCTest
@testable import Presentation
@testable import Studies

/// The report's index page: the summary that opens it, and the page as a browser renders it.
final class ReportPageTests: XCTestCase {
    static func claim(_ id: String, _ title: String, measured: [Studies.Measurement], criteria: [Criterion], verdict: Verdict) -> ClaimOutcome {
        let claim = Claim(identifier: id, title: title, statement: "s", paperLocation: "(1)", test: "t", estimatedCost: 0,
                          measure: { Measurements() }, judge: { _ in Assessment(verdict, "") })
        return ClaimOutcome(claim: claim, status: .ran, measurements: Measurements(measured),
                            assessment: Assessment(verdict, "reason of \(id)", criteria: criteria))
    }

    static let outcomes: [ClaimOutcome] = [
        claim("nu-one", "nu equals one", measured: [Studies.Measurement(MeasurementName("nu"), 1.0004), Studies.Measurement(MeasurementName("nu_direct"), 0.9991), Studies.Measurement(MeasurementName("other_list"), 7)],
              criteria: [Criterion("|nu_direct - 1| < 0.01", true), Criterion("|nu - 1| < 0.01", true)], verdict: .confirmed),
        claim("factor-two", "factor two", measured: [Studies.Measurement(MeasurementName("ratio"), 1.98), Studies.Measurement(MeasurementName("ratio_corrected"), 0.99)],
              criteria: [Criterion("|ratio - 1| < 0.05", false), Criterion("|ratio_corrected - 1| < 0.05", true)], verdict: .confirmedWithCorrection),
        claim("power-law", "power law", measured: [Studies.Measurement(MeasurementName("slope"), -1.2)],
              criteria: [Criterion("no number here", true), Criterion("slope > -1", false)], verdict: .notConfirmed),
    ]

    static func figure(_ id: String) -> ReportFigure {
        ReportFigure(identifier: id, title: "Figure \(id)", claim: "c", caption: "caption", parameters: "p",
                     data: [ReportData(fileName: "\(id).csv", table: ColumnTable(columns: [("x", [1, 2, 3]), ("y", [1, 4, 9])]),
                                       metadata: OutputMetadata(parameters: [], commandLine: "test"))],
                     plot: "plot \"\(id).csv\" using 1:2 with lines title \"y\"")
    }

    static let runs: [RunCache.Use] = [RunCache.Use(label: "xxz-L8-W1", directory: "xxz-L8-W1-0123456789abcdef", reused: 8, computed: 0, seconds: 0.1),
                       RunCache.Use(label: "xxz-L10-W1", directory: "xxz-L10-W1-fedcba9876543210", reused: 2, computed: 4, seconds: 2)]

    /// The deciding criterion is the first when all hold, else the first that fails; its number is
    /// the measurement the criterion names as a whole identifier (nu_direct, not nu).
    func testDecidingNumber() throws {
        let confirmed = try XCTUnwrap(Self.outcomes[0].decidingNumber)
        XCTAssertEqual(confirmed.criterion.description, "|nu_direct - 1| < 0.01")
        XCTAssertEqual(confirmed.measurement?.name, "nu_direct")
        let corrected = try XCTUnwrap(Self.outcomes[1].decidingNumber)
        XCTAssertEqual(corrected.measurement?.name, "ratio")
        XCTAssertFalse(corrected.criterion.holds)
        let failed = try XCTUnwrap(Self.outcomes[2].decidingNumber)
        XCTAssertEqual(failed.criterion.description, "slope > -1")
        XCTAssertEqual(failed.measurement?.value, -1.2)
        XCTAssertTrue(ClaimOutcome.mentions("x_0.2 < 1", "x_0.2"))
        XCTAssertFalse(ClaimOutcome.mentions("x_0.25 < 1", "x_0.2"))
        XCTAssertFalse(ClaimOutcome.mentions("nu_direct < 1", "nu"))
    }

    /// The summary comes before the first section: thumbnails of the headline figures (those
    /// present) linking to their figures, one claims row per claim with its badge and a link to
    /// claims.html, and the runs; the non-deciding measured values stay off the page.
    func testSummaryOpensThePage() throws {
        let section = ReportSection(title: "Section one", introduction: "intro", figures: [Self.figure("alpha"), Self.figure("beta")])
        let summary = ReportSummary(headline: ["beta", "missing", "alpha"], claims: Self.outcomes, runs: Self.runs,
                                    scope: "Standard report.", seconds: 12)
        let html = ReportWriter(directory: URL(fileURLWithPath: "/nonexistent"), title: "T", commandLine: "test")
            .html(sections: [section], summary: summary)
        let summaryStart = try XCTUnwrap(html.range(of: "id=\"summary\"")).lowerBound
        let sectionStart = try XCTUnwrap(html.range(of: "id=\"section-one\"")).lowerBound
        XCTAssertLessThan(summaryStart, sectionStart)
        let summaryHTML = String(html[summaryStart..<sectionStart])
        let thumbs = summaryHTML.components(separatedBy: "class=\"thumb\" href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(thumbs, ["beta", "alpha"])
        for id in thumbs { XCTAssertTrue(html.contains("<figure id=\"\(id)\">")) }
        for outcome in Self.outcomes { XCTAssertTrue(summaryHTML.contains("href=\"claims.html#\(outcome.claim.identifier)\"")) }
        XCTAssertEqual(summaryHTML.components(separatedBy: "<span class=\"badge ").count - 1, Self.outcomes.count)
        XCTAssertTrue(summaryHTML.contains("badge confirmed-with-correction"))
        XCTAssertTrue(summaryHTML.contains("nu_direct = 0.9991"))
        XCTAssertFalse(html.contains("other_list"))
        XCTAssertTrue(summaryHTML.contains("1 of 2 runs reused"))
        XCTAssertTrue(html.contains("<h2 id=\"runs\">"))
    }

    /// Headless Chromium renders a report written by `ReportWriter` and `AuditWriter` (figures
    /// drawn by gnuplot): every image on the page loads and every link resolves to an existing
    /// file and, with a fragment, to an element with that id. `RESONANCE_REPORT_DIR` checks an
    /// existing report instead (e.g. the one `make run` wrote).
    func testRenderedPageLoadsImagesAndResolvesLinks() throws {
        guard let chromium = ReportPageCheck.chromium else { throw XCTSkip("chromium is not installed (make deps installs it)") }
        let directory: URL
        var temporary: URL?
        if let given = ProcessInfo.processInfo.environment["RESONANCE_REPORT_DIR"] {
            directory = URL(fileURLWithPath: given)
        } else {
            guard Gnuplot.executable != nil else { throw XCTSkip("gnuplot is not installed (make deps installs it)") }
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-page-\(UUID())")
            temporary = directory
            let section = ReportSection(title: "Section one", introduction: "intro", figures: [Self.figure("alpha"), Self.figure("beta")],
                                        tables: [ReportTable(title: "t", header: ["a"], rows: [["1"]])])
            let writer = ReportWriter(directory: directory, title: "T", commandLine: "test")
            try writer.writeFigures(of: section)
            try AuditWriter(budget: 1, commandLine: "test").write(Self.outcomes, to: directory)
            try writer.writeIndex(sections: [section], summary: ReportSummary(headline: ["alpha", "beta"], claims: Self.outcomes,
                                                                              runs: Self.runs, scope: "Standard report.", seconds: 1))
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let page = try ReportPageCheck(chromium: chromium).render(directory.appendingPathComponent("index.html"))
        XCTAssertFalse(page.images.isEmpty)
        XCTAssertGreaterThan(page.links.count, 10)
        for image in page.images { XCTAssertTrue(image.loaded, "image does not load: \(image.source)") }
        for link in page.links {
            XCTAssertNil(ReportPageCheck.problem(link: link, page: directory.appendingPathComponent("index.html"), ids: page.ids), link)
        }
    }

    /// A broken image and a dangling anchor are caught (the check can fail).
    func testBrokenPageIsCaught() throws {
        guard let chromium = ReportPageCheck.chromium else { throw XCTSkip("chromium is not installed (make deps installs it)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-page-broken-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "<html><body><h1 id=\"top\">x</h1><img src=\"figures/none.png\"><a href=\"#top\">ok</a><a href=\"#nowhere\">bad</a><a href=\"claims.html\">missing</a></body></html>"
            .write(to: directory.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let index = directory.appendingPathComponent("index.html")
        let page = try ReportPageCheck(chromium: chromium).render(index)
        XCTAssertEqual(page.images.map(\.loaded), [false])
        XCTAssertEqual(page.links.map { ReportPageCheck.problem(link: $0, page: index, ids: page.ids) == nil }, [true, false, false])
    }
}

/// Renders a page in headless Chromium and reports what the browser saw: each image's source and
/// whether it loaded (complete with a non-zero natural width), each link's resolved URL, and the
/// ids of the page's elements. The page is loaded in a frame of a wrapper page, whose script
/// reads the frame's document once it has loaded (images included) and prints the findings.
struct ReportPageCheck {
    struct Image: Decodable { var source: String; var loaded: Bool }
    struct Page: Decodable { var images: [Image]; var links: [String]; var ids: [String] }

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var chromium: String

    func render(_ page: URL) throws -> Page {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrapper = folder.appendingPathComponent("check.html")
        try """
        <!DOCTYPE html><html><body><iframe id="page" style="width:1200px;height:900px" src="\(page.absoluteURL.absoluteString)"></iframe>
        <pre id="result"></pre><script>
        document.getElementById('page').addEventListener('load', function () {
          var d = this.contentDocument, out = {images: [], links: [], ids: []};
          if (d) {
            d.querySelectorAll('img').forEach(function (i) { out.images.push({source: i.src, loaded: i.complete && i.naturalWidth > 0}); });
            d.querySelectorAll('a[href]').forEach(function (a) { out.links.push(a.href); });
            d.querySelectorAll('[id]').forEach(function (e) { out.ids.push(e.id); });
          }
          document.getElementById('result').textContent = 'BEGIN' + '-PAGE ' + JSON.stringify(d ? out : null) + ' END' + '-PAGE';
        });
        </script></body></html>
        """.write(to: wrapper, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                             "--virtual-time-budget=20000", "--dump-dom", wrapper.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "BEGIN-PAGE "), let end = dom.range(of: " END-PAGE", range: start.upperBound..<dom.endIndex) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "chromium printed no findings (status \(process.terminationStatus))"])
        }
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Page.self, from: Data(json.utf8))
    }

    /// Why `link` does not resolve (nil: it does): a file link must name an existing file, and a
    /// fragment an element id of the page (`ids`) or, on another page, an `id="..."` in that file.
    static func problem(link: String, page: URL, ids: [String]) -> String? {
        guard let url = URL(string: link) else { return "not a URL" }
        guard url.isFileURL else { return url.scheme == "http" || url.scheme == "https" ? nil : "unexpected scheme" }
        let path = url.path.removingPercentEncoding ?? url.path
        guard FileManager.default.fileExists(atPath: path) else { return "no file \(path)" }
        guard let fragment = url.fragment, !fragment.isEmpty else { return nil }
        if URL(fileURLWithPath: path).standardizedFileURL == page.standardizedFileURL {
            return ids.contains(fragment) ? nil : "no element #\(fragment)"
        }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.contains("id=\"\(fragment)\"") ? nil : "no element #\(fragment) in \(path)"
    }
}
