import Foundation
import NumericKit

// resonance-benchmark [rm] [diffusion] [ed] [ed-drivers] [observables] [scaling] [shift-invert] [dynamics] [--repeats N]
// [ED options, see EDBenchmarks.swift; shift-invert options, see ShiftInvertBenchmarks.swift]
// Timings are medians; ratios are measured in the same run; the OpenBLAS kernel is printed first.
let arguments = Array(CommandLine.arguments.dropFirst())
let repeats = arguments.firstIndex(of: "--repeats").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 5
let knownGroups = ["rm", "diffusion", "ed", "ed-drivers", "observables", "scaling", "shift-invert", "dynamics"]
/// The options that take no value.
let flags: Set<String> = ["--quick", "--report-cases", "--drivers", "--drivers-only", "--window-only", "--large", "--options-only", "--help", "-h"]
/// Whether the word at `index` is the value of the option before it.
func isOptionValue(_ index: Int) -> Bool { index > 0 && arguments[index - 1].hasPrefix("--") && !flags.contains(arguments[index - 1]) }
// A group is a bare word that is not the value of an option.
let groups = arguments.enumerated().filter { index, word in knownGroups.contains(word) && !isOptionValue(index) }.map(\.element)
let usage = """
    USAGE: resonance-benchmark [<group> ...] [<options>]   (no group: rm)

    Groups and their options (timings are medians, ratios measured in the same run):
      rm                 the resonance model's closed forms and integrals   [--repeats N]
      diffusion          the loss-diffusion solver
      ed                 dense exact diagonalization against numpy/scipy
                         [--quick] [--repeats N] [--realizations N] [--threads 1,2] [--python P] [--case NAME]
      ed-drivers         the LAPACK drivers against each other   [--quick]
      observables        all observables, the window paths and <r> only, against numpy and the bare LAPACK floor
                         [--quick] [--realizations N] [--report-cases] [--drivers | --drivers-only | --window-only]
      scaling            realizations per hour over processes and ranks
                         [--L 12] [--realizations 16] [--repeats 3] [--ranks 1,2]
      shift-invert       the PETSc/SLEPc shift-invert engine
                         [--large] [--quick] [--repeats N] [--options CASES] [--options-only]
      dynamics           matrix-free and PETSc typicality updates, seconds per state per unit Jt
                         [--sizes 16,18,20,22] [--petsc-sizes 16,18,20] [--check-jt 10]
                         [--block-shifts 10,12,14] [--split-block-shifts 8,9,10,11,12]
    """
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
// A bare word that is neither a group nor an option's value is a typo: refused, naming the groups.
let unknown = arguments.enumerated().filter { index, word in !word.hasPrefix("-") && !knownGroups.contains(word) && !isOptionValue(index) }
    .map(\.element)
/// Every option the groups read (`--help` lists them by group).
let knownOptions: Set<String> = flags.union(["--repeats", "--realizations", "--threads", "--python", "--case", "--L", "--ranks",
                                             "--options", "--sizes", "--petsc-sizes", "--check-jt", "--block-shifts", "--split-block-shifts"])
if let option = arguments.enumerated().first(where: { index, word in word.hasPrefix("-") && !knownOptions.contains(word) && !isOptionValue(index) })?.element {
    FileHandle.standardError.write(Data("resonance-benchmark: unknown option '\(option)' (--help lists the options of each group)\n".utf8))
    exit(2)
}
if let word = unknown.first {
    FileHandle.standardError.write(Data("resonance-benchmark: unknown group '\(word)'; groups: \(knownGroups.joined(separator: ", ")) (--help lists their options)\n".utf8))
    exit(2)
}
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
