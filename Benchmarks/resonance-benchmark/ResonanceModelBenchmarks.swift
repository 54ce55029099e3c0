import Foundation
import ResonanceModel
import Studies

/// Median wall time of `repeats` runs of `work` (after one warm-up run), in seconds.
func medianTime(repeats: Int, _ work: () throws -> Void) rethrows -> Double {
    try work()
    var times = [Double]()
    for _ in 0..<repeats { times.append(try seconds(work)) }
    times.sort()
    return times[times.count / 2]
}

/// The analytic RM: 1e4-point [S(omega)] and [Czz(t)] curves, and the full `resonance report`
/// section of the RM (data, gnuplot figures, index.html).
func runResonanceModelBenchmarks(repeats: Int) throws {
    print("## Resonance model (median of \(repeats); target: each 1e4-point curve < 1 s)")
    let points = 10_000
    for setting in ResonanceSetting.allCases {
        for invXi in [-0.2, 0.0, 0.3] {
            let p = try ResonanceParameters(inverseCorrelationLength: invXi, resonanceLength: 10, length: 60)
            let model = resonanceModel(setting, p)
            let omegas = grid(from: 1e-20, to: 0.999, points: points, logarithmic: true)
            let times = grid(from: 0.1, to: 1e12, points: points, logarithmic: true)
            let s = medianTime(repeats: repeats) { _ = resonanceCurve(model, quantity: .spectralFunction, abscissa: omegas) }
            let c = medianTime(repeats: repeats) { _ = resonanceCurve(model, quantity: .correlator, abscissa: times) }
            print(String(format: "%-12@ 1/xi=%5.2f  S(omega) 1e4 pts: %8.4f s   Czz(t) 1e4 pts (t = 0.1..1e12): %8.4f s",
                         setting.rawValue, invXi, s, c))
        }
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("resonance-benchmark-report")
    // The whole report takes minutes: one timed run per section, no warm-up.
    let writer = ReportWriter(directory: directory, title: "benchmark", commandLine: "resonance-benchmark")
    var sections = [ReportSection]()
    var report = 0.0
    for entry in ReportContents.sections {
        let start = DispatchTime.now().uptimeNanoseconds
        let section = try entry.build("resonance-benchmark")
        try writer.writeFigures(of: section)
        sections.append(section)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        report += seconds
        print(String(format: "report section %-16@ %8.2f s", entry.name as NSString, seconds))
    }
    try writer.writeIndex(sections: sections)
    print(String(format: "resonance report (all sections, with gnuplot, without the claims audit): %.2f s", report))
    try? FileManager.default.removeItem(at: directory)
}
