import Foundation

/// Runs gnuplot (Debian `gnuplot-nox`) on a script; the one place the report touches the plotter.
public enum Gnuplot {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Path of the gnuplot executable, or nil when it is not installed.
    public static var executable: String? {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map { "\($0)/gnuplot" } + ["/usr/bin/gnuplot"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `script` with the working directory `directory`.
    public static func run(script: String, in directory: URL) throws {
        guard let path = executable else {
            throw Failure(message: "gnuplot not found: install it (Debian: apt-get install gnuplot-nox; `make deps` does this)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.currentDirectoryURL = directory
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "gnuplot failed (status \(process.terminationStatus)): "
                          + (String(data: messages, encoding: .utf8) ?? ""))
        }
    }

    /// The common preamble: CSV input, a readable font, a grid.
    static let style = """
    set datafile separator comma
    set datafile missing "nan"
    set key autotitle columnhead
    set key noenhanced
    set grid lc rgb "#dddddd"
    set key top right
    set linetype 1 lc rgb "#1b6ca8" lw 2
    set linetype 2 lc rgb "#d1495b" lw 2
    set linetype 3 lc rgb "#2e8b57" lw 2
    set linetype 4 lc rgb "#edae49" lw 2
    set linetype 5 lc rgb "#6a4c93" lw 2
    set linetype 6 lc rgb "#00798c" lw 2
    set linetype 7 lc rgb "#444444" lw 2
    set linetype 8 lc rgb "#b5651d" lw 2

    """

    /// A script that draws `body` twice: PNG (for the page) and SVG (for print).
    static func script(body: String, name: String) -> String {
        style + """
        set terminal pngcairo size 900,620 enhanced font "DejaVu Sans,12"
        set output "\(name).png"
        \(body)
        set terminal svg size 900,620 enhanced font "DejaVu Sans,12" background rgb "white"
        set output "\(name).svg"
        replot
        unset output

        """
    }
}
