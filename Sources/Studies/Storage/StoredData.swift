import Foundation

/// The project's stored runs, `data/` of the repository (the cached typicality runs of
/// `data/dynamics` and `data/drift_typicality`, the l-bit and tail-exponent tables), found from
/// wherever a command runs:
///
/// 1. `RESONANCE_DATA_DIR`, when set;
/// 2. `data` in the working directory, when it holds the marker folder (the usual case: the
///    report and the audit run from the repository; the path stays relative, so the commands
///    and captions that name it read the same on every machine);
/// 3. `data` beside an ancestor of the running executable (`.build/<configuration>/resonance`
///    lies two levels below the repository), absolute;
/// 4. else `data` in the working directory (a run that computes the missing runs creates it).
public enum StoredData {
    /// The folder every stored table is looked up in.
    public static var directory: URL {
        resolve(environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executableURL)
    }

    /// `name` (a file or folder of `data/`) in `directory`.
    public static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    /// The folder whose presence marks a `data` directory of this project.
    static let marker = "drift_typicality"

    /// `directory` for the given environment and executable (a pure function of them and of
    /// what exists on disk).
    static func resolve(environment: [String: String], executable: URL?, workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL {
        if let given = environment["RESONANCE_DATA_DIR"], !given.isEmpty { return URL(fileURLWithPath: given) }
        func holdsMarker(_ folder: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + marker, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if holdsMarker(workingDirectory + "/data") { return URL(fileURLWithPath: "data") }
        if let executable {
            var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            while folder.path != "/" && !folder.path.isEmpty {
                if holdsMarker(folder.appendingPathComponent("data").path) { return folder.appendingPathComponent("data") }
                folder = folder.deletingLastPathComponent()
            }
        }
        return URL(fileURLWithPath: "data")
    }
}
