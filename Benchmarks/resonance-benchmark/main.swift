import Foundation
import NumericKit

// resonance-benchmark [rm] [diffusion] [ed] [ed-drivers] [observables] [scaling] [shift-invert] [dynamics] [--repeats N]
// [ED options, see EDBenchmarks.swift; shift-invert options, see ShiftInvertBenchmarks.swift]
// Timings are medians; ratios are measured in the same run; the OpenBLAS kernel is printed first.
let arguments = Array(CommandLine.arguments.dropFirst())
let repeats = arguments.firstIndex(of: "--repeats").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 5
let knownGroups = ["rm", "diffusion", "ed", "ed-drivers", "observables", "scaling", "shift-invert", "dynamics"]
// A group is a bare word that is not the value of an option.
let groups = arguments.enumerated().filter { index, word in
    knownGroups.contains(word) && (index == 0 || !arguments[index - 1].hasPrefix("--"))
}.map(\.element)
let selected = groups.isEmpty ? ["rm"] : groups

print("# ResonanceKit benchmark; OpenBLAS kernel: \(BLASRuntime.coreName) (\(BLASRuntime.kernelDiagnosis())); cores: \(ProcessInfo.processInfo.activeProcessorCount)")
if selected.contains("rm") { try runResonanceModelBenchmarks(repeats: repeats) }
if selected.contains("diffusion") { runLossDiffusionBenchmarks() }
if selected.contains("ed") { try runEDBenchmarks(arguments: arguments) }
if selected.contains("ed-drivers") { try runEDDriverComparison(arguments: arguments) }
if selected.contains("observables") { try runObservablesBenchmarks(arguments: arguments) }
if selected.contains("scaling") { try runScalingBenchmark(arguments: arguments) }
if selected.contains("shift-invert") { try runShiftInvertBenchmarks(arguments: arguments) }
if selected.contains("dynamics") { try runDynamicsBenchmarks(arguments: arguments) }
