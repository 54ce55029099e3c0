import ArgumentParser
import Foundation
import Studies

/// An `ed run` or `ed scan` as recorded in a run directory's `invocation.json`, parsed again so
/// that a merge or an export rebuilds the run's plan with the code that ran it.
enum RecordedCommand {
    case run(EDRun)
    case scan(EDScan)

    struct Unreadable: Error, CustomStringConvertible { var description: String }

    /// The recorded arguments of a run or scan directory.
    static func invocation(in directory: URL) throws -> RunInvocation {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Unreadable(description: "\(directory.path): not a directory")
        }
        do {
            guard let invocation = try RunInvocation.read(from: directory) else {
                throw Unreadable(description: "\(directory.path): not a run of `resonance ed run` or `ed scan` (no \(RunInvocation.fileName))")
            }
            return invocation
        } catch let error as Unreadable { throw error } catch {
            throw Unreadable(description: "\(directory.path)/\(RunInvocation.fileName) is unreadable: \(error)")
        }
    }

    init(arguments: [String]) throws {
        guard arguments.count >= 2, arguments[0] == "ed" else {
            throw Unreadable(description: "recorded command is not `ed run` or `ed scan`: \(arguments.prefix(2).joined(separator: " "))")
        }
        let rest = Array(arguments.dropFirst(2))
        do {
            switch arguments[1] {
            case "run": self = .run(try EDRun.parse(rest))
            case "scan": self = .scan(try EDScan.parse(rest))
            default: throw Unreadable(description: "recorded command is not `ed run` or `ed scan`: ed \(arguments[1])")
            }
        } catch let error as Unreadable { throw error } catch {
            throw Unreadable(description: "recorded command no longer parses: \(EDRun.message(for: error))")
        }
    }

    var kind: String {
        switch self {
        case .run: return "ed run"
        case .scan: return "ed scan"
        }
    }

    /// The plans of the command's runs in `directory`: one for `ed run` (name nil), one per point
    /// (named by its sub-directory) for `ed scan`.
    func plans(directory: URL, arguments: [String]) throws -> [(name: String?, plan: ExactNumericsRun)] {
        switch self {
        case .run(let command):
            let problem = try command.point.problem()
            return [(nil, try command.runOptions.plan(problem: problem, directory: directory, arguments: arguments))]
        case .scan(let command):
            return try command.points().map { problem in
                let name = ExactNumericsScan.pointName(problem)
                return (name, try command.runOptions.plan(problem: problem, directory: directory.appendingPathComponent(name),
                                                          arguments: arguments))
            }
        }
    }

    /// `arguments` with `option`'s value replaced by `value` (nil: the option removed; added at
    /// the end if absent and `value` is given).
    static func replacing(_ option: String, with value: String?, in arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        var replaced = false
        while index < arguments.count {
            let argument = arguments[index]
            if argument == option {
                index += 2
            } else if argument.hasPrefix(option + "=") {
                index += 1
            } else {
                out.append(argument)
                index += 1
                continue
            }
            if let value, !replaced { out += [option, value] }
            replaced = true
        }
        if !replaced, let value { out += [option, value] }
        return out
    }
}
