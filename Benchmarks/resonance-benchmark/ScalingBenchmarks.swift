import Foundation
import NumericKit

// `resonance-benchmark scaling [--L 12] [--realizations 16] [--repeats 3] [--ranks 1,2]`
// Strong scaling of `ed run` over MPI ranks: the built `resonance` (beside this executable) is
// started by `mpirun -n P` for each P on one problem (xxz, S^z = 0, W = 3, every observable), one
// worker and one BLAS thread per rank, in a fresh directory per repeat. Prints the median wall
// time per P, the speed-up T1/TP and the efficiency T1/(P TP) measured in the same run, the
// realizations per hour per core of P = 1, and whether every P wrote byte-identical CSVs. The CPU
// seconds of all ranks (getrusage of the finished children) give a second efficiency,
// CPU(1)/CPU(P), that shows the cost of distribution even on a shared, loaded machine.

private func option(_ name: String, in arguments: [String]) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

/// User plus system CPU seconds of every finished child process (and their children) so far.
private func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The CPU model from /proc/cpuinfo (Linux).
func cpuModel() -> String {
    let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line.map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

func runScalingBenchmark(arguments: [String]) throws {
    let length = option("--L", in: arguments).flatMap(Int.init) ?? 12
    let realizations = option("--realizations", in: arguments).flatMap(Int.init) ?? 16
    let repeats = option("--repeats", in: arguments).flatMap(Int.init) ?? 3
    let ranks = (option("--ranks", in: arguments) ?? "1,2").split(separator: ",").compactMap { Int($0) }
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let resonance = folder.appendingPathComponent("resonance")
    guard FileManager.default.isExecutableFile(atPath: resonance.path) else {
        print("# scaling: build `resonance` first (swift build -c release --product resonance)")
        return
    }
    let mpirun = "/usr/bin/mpirun"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scaling-\(UUID())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    print("# Strong scaling of ed run over MPI ranks; CPU: \(cpuModel()); cores: \(ProcessInfo.processInfo.activeProcessorCount); "
          + "OpenBLAS \(BLASRuntime.configuration), kernel \(BLASRuntime.coreName)")
    print("# xxz L = \(length), S^z = 0, W = 3, every observable, \(realizations) realizations, 1 worker x 1 BLAS thread per rank; median of \(repeats)")
    var medians: [Int: Double] = [:]
    var cpuMedians: [Int: Double] = [:]
    var outputs: [Int: [String: Data]] = [:]
    for p in ranks {
        var times: [Double] = [], cpu: [Double] = []
        for repeatIndex in 0..<repeats {
            let out = scratch.appendingPathComponent("P\(p)-\(repeatIndex)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: mpirun)
            process.arguments = ["--allow-run-as-root", "--oversubscribe", "-n", String(p), resonance.path,
                                 "ed", "run", "--model", "xxz", "--L", String(length), "--W", "3", "--realizations", String(realizations),
                                 "--seed", "1", "--observables", "all", "--workers", "1", "--blas-threads", "1", "--quiet", "--out", out.path]
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OMPI_") && !$0.key.hasPrefix("PMIX_") }
            process.standardOutput = FileHandle.nullDevice
            let cpuBefore = childrenCPUSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            cpu.append(childrenCPUSeconds() - cpuBefore)
            guard process.terminationStatus == 0 else { print("# scaling: mpirun -n \(p) failed"); return }
            times.append(elapsed)
            if repeatIndex == 0 {
                let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") }
                outputs[p] = try Dictionary(uniqueKeysWithValues: names.map { name in
                    // The recorded --out differs between repeats; compare from the header row on.
                    let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                    let body = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
                    return (name, Data(body.joined(separator: "\n").utf8))
                })
            }
        }
        medians[p] = median(times)
        cpuMedians[p] = median(cpu)
        print(String(format: "ranks %2d  wall %8.2f s (median; runs: %@)  CPU %8.2f s (median, all ranks)", p, median(times),
                     times.map { String(format: "%.2f", $0) }.joined(separator: ", "), median(cpu)))
    }
    guard let base = medians[ranks.first ?? 1], let baseRanks = ranks.first else { return }
    for p in ranks.dropFirst() {
        let tp = medians[p]!
        let speedup = base / tp
        print(String(format: "ranks %d vs %d: speed-up %.3f, efficiency %.3f; CPU-time efficiency %.3f", p, baseRanks, speedup,
                     speedup * Double(baseRanks) / Double(p), cpuMedians[baseRanks]! / cpuMedians[p]!))
    }
    print(String(format: "realizations per hour per core (ranks %d): %.0f by wall time, %.0f by CPU time", baseRanks,
                 Double(realizations) / base * 3600 / Double(baseRanks), Double(realizations) / cpuMedians[baseRanks]! * 3600))
    print("load average at the end: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").trimmingCharacters(in: .whitespacesAndNewlines))
    let identical = ranks.allSatisfy { outputs[$0] == outputs[baseRanks] }
    print("CSV bodies identical across ranks: \(identical ? "yes" : "NO")")
}
