import ArgumentParser
import Dispatch
import Foundation
import Studies
#if canImport(Glibc)
import Glibc
#endif

/// Option names with British spelling that earlier versions used, and the names that replace
/// them. They are still accepted (scripts keep working) but the help and the error messages show
/// only the American names: the parser never sees the old ones.
let britishOptionAliases = ["--realisations": "--realizations", "--localised-w": "--localized-w"]

/// `--realisations 8` and `--realisations=8` as `--realizations 8` and `--realizations=8`
/// (see `britishOptionAliases`); anything else unchanged.
func americanOptionName(_ argument: String) -> String {
    let name = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
    guard let american = britishOptionAliases[String(name)] else { return argument }
    return american + argument.dropFirst(name.count)
}

/// The arguments as the parser should see them: a negative number after an option name
/// (`--Delta -0.5`, `--sector -1`, `--W -inf`) is that option's value, written `--Delta=-0.5`,
/// so every numeric option accepts negative values without `=` (the parser would otherwise read
/// `-0.5` as a short flag); option names in British spelling are replaced by the American ones
/// (`britishOptionAliases`).
func normalizedArguments(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var index = 0
    var afterTerminator = false
    while index < arguments.count {
        let argument = afterTerminator ? arguments[index] : americanOptionName(arguments[index])
        if argument == "--" { afterTerminator = true }
        if !afterTerminator, argument.hasPrefix("--"), argument.count > 2, !argument.contains("="),
           index + 1 < arguments.count, looksLikeNegativeNumber(arguments[index + 1]) {
            result.append(argument + "=" + arguments[index + 1])
            index += 2
            continue
        }
        result.append(argument)
        index += 1
    }
    return result
}

/// `-1`, `-0.5`, `-.5`, `-1e3`, `-inf`, `-nan`, and lists starting with one (`-1,2`).
func looksLikeNegativeNumber(_ text: String) -> Bool {
    guard text.hasPrefix("-"), text.count > 1 else { return false }
    let rest = text.dropFirst()
    if let first = rest.first, first.isASCII, first.isNumber || first == "." { return true }
    let head = rest.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
    return ["inf", "infinity", "nan"].contains(head)
}

/// One line for any error that ends a command: the parser's message for input errors, the path
/// and reason for file errors, never an NSError dump or a multi-line trace.
func errorLine(_ error: Error, command: ParsableCommand.Type) -> String {
    let text: String
    switch error {
    case let error as OutputFile.OutputFileError: text = error.description
    case let error as InputError: text = error.description
    case let error as NumericalError: text = error.description
    case let error as FileError: text = error.description
    case let error as EncodingError:
        if case let .invalidValue(value, context) = error {
            text = "cannot write a result: the value \(value) at \(context.codingPath.map(\.stringValue).joined(separator: ".")) is not a finite number"
        } else { text = "cannot encode a result" }
    case let error as DecodingError: text = describeDecodingError(error)
    default:
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain {
            text = describeFileError(error)
        } else {
            text = command.message(for: error)
        }
    }
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    return lines.first ?? "failed"
}

func describeDecodingError(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return keys.isEmpty ? "the top level" : keys
    }
    switch error {
    case let .typeMismatch(type, context): return "\(path(context)): expected \(type)"
    case let .valueNotFound(type, context): return "\(path(context)): missing \(type)"
    case let .keyNotFound(key, context): return "\(path(context)): missing key \"\(key.stringValue)\""
    case let .dataCorrupted(context): return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "unreadable data"
    }
}

/// On SIGINT or SIGTERM, removes the scratch folders of the running command, then ends the
/// process with the same signal (so the shell sees the usual status).
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for code in [SIGINT, SIGTERM] {
            signal(code, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: code, queue: .global())
            source.setEventHandler {
                ScratchDirectories.removeAll()
                signal(code, SIG_DFL)
                kill(getpid(), code)   // not raise(): dispatch threads block signals
            }
            source.resume()
            sources.append(source)
        }
    }
}
