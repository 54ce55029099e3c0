import Foundation
import NumericKit

// resonance-benchmark [rm] [diffusion] [--repeats N]: timings as medians, ratios measured in the same run.
let arguments = Array(CommandLine.arguments.dropFirst())
let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[$0 + 1]) } ?? 5
let groups = arguments.filter { !$0.hasPrefix("--") && Int($0) == nil }
let selected = groups.isEmpty ? ["rm"] : groups

print("# ResonanceKit benchmark; OpenBLAS kernel: \(BLASRuntime.coreName); cores: \(ProcessInfo.processInfo.activeProcessorCount)")
if selected.contains("rm") { try runResonanceModelBenchmarks(repeats: repeats) }
if selected.contains("diffusion") { runLossDiffusionBenchmarks() }
