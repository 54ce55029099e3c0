import Foundation

/// With `RESONANCE_WORKER_STAGES` in the environment, the worker prints one stderr line per
/// stage (wall and CPU seconds since the previous mark; the CPU time is less sensitive to the
/// load of other processes). The C solver marks its own stages the same way.
struct WorkerStageClock {
    let on = ProcessInfo.processInfo.environment["RESONANCE_WORKER_STAGES"] != nil
    private var wall = 0.0, cpu = 0.0

    init() { (wall, cpu) = Self.now() }

    static func now() -> (wall: Double, cpu: Double) {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        let wall = Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec)
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return (wall, Double(t.tv_sec) + 1e-9 * Double(t.tv_nsec))
    }

    mutating func mark(_ stage: String) {
        guard on else { return }
        let (w, c) = Self.now()
        let name = stage.padding(toLength: 24, withPad: " ", startingAt: 0)
        FileHandle.standardError.write(Data(String(format: "stage %@ wall %8.4f s  cpu %8.4f s\n", name, w - wall, c - cpu).utf8))
        (wall, cpu) = (w, c)
    }
}
