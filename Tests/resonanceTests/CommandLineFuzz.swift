import Foundation

/// A seeded generator of invalid argument vectors for every subcommand of the executable, found
/// from its own description (`--experimental-dump-help`), so options added later are fuzzed too.
///
/// Each vector is a cheap valid base for its command (or, for a command without one here, its
/// required options with placeholder values), some other options with values drawn from the
/// fuzz pools (NaN, infinities, 0, -1, 1e308, 1e-308, huge integers, non-numbers, bad lists, bad
/// paths), and one option (or positional argument) given a value no command may accept — so
/// every vector is invalid input and must fail fast, with one line on standard error.
struct CommandLineFuzz {
    struct Argument {
        var name: String?          // long name without "--"; nil for positionals
        var isFlag: Bool
        var isOptional: Bool
        var values: [String]?      // enumerated values
        var abstract: String
        /// Paths: files or directories named in the help.
        var isPath: Bool { let a = abstract.lowercased(); return a.contains("file") || a.contains("directory") }
    }

    struct Command {
        var path: [String]
        var arguments: [Argument]
    }

    struct Vector {
        var command: [String]
        var arguments: [String]
        /// What was made invalid (for the report): the category and the option.
        var category: String
    }

    /// Values no option accepts (numbers, lists, names alike).
    static let invalidValues = ["nan", "inf", "-inf", "NaN", "abc", "", "1e400", "-1e400", "0x1g", "1,,2", "1;2", " ", "1e", "+-1", ",", "1,abc"]
    /// Paths no command can read or write.
    static let invalidPaths = ["", "/dev/null/x", "/dev/null/x/y.json"]
    /// Values for the other options: anything, valid or not.
    static let anyValues = ["nan", "inf", "-inf", "0", "-1", "1e308", "1e-308", "9223372036854775807", "99999999999999999999",
                            "abc", "", "1,abc", "-0.5", "2", "0.5", "1,2", "-1e-308", "4.5", "1e30"]
    static let anyPaths = ["out.txt", "sub/dir/f.json", "", "/dev/null/x", "fields.json", "."]

    /// Cheap valid invocations; the invalid value is added on top.
    static let bases: [String: [String]] = [
        "rm scales": ["--model", "floquet", "--inv-xi", "0", "--Lambda", "10"],
        "rm curve": ["--model", "floquet", "--inv-xi", "0", "--Lambda", "10", "--quantity", "czz", "--from", "1", "--to", "10", "--points", "3"],
        "rm drift": ["--to", "10"],
        "rm entropy": ["--points", "3", "--lengths", "10"],
        "rm regimes": ["--points", "3", "--L-max", "4"],
        "rm thouless": ["--points", "3", "--lengths", "10"],
        "rm fidelity": ["--points", "3"],
        "rm diffusion": ["--case", "blind", "--points", "2"],
        "rm generalized": ["--varrho", "varrho.csv", "--points", "3"],
        "ed spectrum": ["--model", "xxz", "--L", "8", "--W", "1", "--seed", "1"],
        "ed run": ["--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--realizations", "2", "--out", "runs/x"],
        "ed dynamics": ["--model", "heisenberg-o3", "--L", "4", "--W", "1", "--times", "0,1", "--out", "runs/d"],
        "ed scan": ["--model", "xxz", "--L", "8", "--W", "1", "--seed", "1", "--realizations", "2", "--out", "runs/s"],
        "ed study": ["luitz", "--L", "8", "--W", "1", "--realizations", "2", "--out", "runs/st"],
        "compare lbit": ["--length", "4", "--realizations", "2"],
        "compare generalized": ["--length", "4", "--realizations", "2"],
        "compare inverse-frequency": ["--lengths", "8", "--realizations", "8:2"],
        "compare drift": ["--lengths", "6", "--realizations", "6:2"],
        "compare criterion": ["--lengths", "8", "--realizations", "8:2"],
        "report": ["--audit-budget", "0", "--output", "rep"],
        "audit": ["--budget", "1", "--output", "aud"],
    ]

    /// Files every vector's folder starts with (valid inputs for the options that read files).
    static let fixtures: [String: String] = [
        "fields.json": "{\"h\": [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8]}\n",
        "varrho.csv": "v,varrho\n0.001,10\n0.01,5\n0.1,1\n1,0.1\n",
    ]

    var commands: [Command]

    /// The leaf commands of the executable's help description (the `help` command excluded).
    init(dumpHelp data: Data) throws {
        guard let root = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["command"] as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var found: [Command] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty, !path.isEmpty, path != ["help"] {
                let arguments = (command["arguments"] as? [[String: Any]] ?? []).compactMap { item -> Argument? in
                    let kind = item["kind"] as? String ?? ""
                    let names = (item["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }
                    let name = names.first?["name"] as? String
                    if ["help", "version", "experimental-dump-help"].contains(name ?? "") { return nil }
                    if kind != "positional" && name == nil { return nil }
                    return Argument(name: kind == "positional" ? nil : name, isFlag: kind == "flag",
                                    isOptional: item["isOptional"] as? Bool ?? true,
                                    values: item["allValues"] as? [String], abstract: item["abstract"] as? String ?? "")
                }
                found.append(Command(path: path, arguments: arguments))
            }
            for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
        }
        walk(root, [])
        commands = found
    }

    /// The `index`-th vector of the sequence with `seed` (vectors cycle through the commands).
    func vector(_ index: Int, seed: UInt64) -> Vector {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let command = commands[index % commands.count]
        var base = Self.bases[command.path.joined(separator: " ")] ?? placeholderBase(command)
        let options = command.arguments.filter { $0.name != nil && !$0.isFlag }
        let positional = command.arguments.first { $0.name == nil }
        var extras: [String] = []
        var category: String
        var invalid: [String]
        let roll = random.next() % 20
        if roll == 0 {
            category = "unknown option or stray argument"
            invalid = random.pick([["--no-such-option", "1"], ["stray"], ["-x"], ["--", "stray"], ["--" + (options.first?.name ?? "L")]])
        } else if let positional, roll == 1 || options.isEmpty {
            category = "bad positional argument"
            let value = random.pick(Self.invalidValues)
            if base.first.map({ !$0.hasPrefix("-") }) ?? false { base[0] = value } else { base.insert(value, at: 0) }
            invalid = []
            _ = positional
        } else {
            let target = random.pick(options)
            let name = "--" + target.name!
            base = Self.removing(name, from: base)
            let value: String
            if target.values != nil {
                category = "bad choice"
                value = random.pick(["bogus", "", "nan", "1"])
            } else if target.isPath {
                category = "bad path"
                value = random.pick(Self.invalidPaths)
            } else {
                let v = random.pick(Self.invalidValues)
                value = v
                category = v.contains(",") || v.contains(";") ? "bad list" : (Double(v) == nil ? "not a number" : "non-finite number")
            }
            invalid = random.next() % 2 == 0 ? [name, value] : [name + "=" + value]
            let others = command.arguments.filter { $0.name != nil && $0.name != target.name }
            for _ in 0..<Int(random.next() % 4) {
                guard !others.isEmpty else { break }
                let other = random.pick(others)
                if other.isFlag { extras.append("--" + other.name!); continue }
                let pool = other.values.map { $0 + ["bogus"] } ?? (other.isPath ? Self.anyPaths : Self.anyValues)
                extras += ["--" + other.name!, random.pick(pool)]
            }
        }
        return Vector(command: command.path, arguments: command.path + base + extras + invalid, category: category)
    }

    func placeholderBase(_ command: Command) -> [String] {
        command.arguments.filter { !$0.isOptional && !$0.isFlag }.flatMap { argument -> [String] in
            let value = argument.values?.first ?? (argument.isPath ? "out" : "1")
            return argument.name.map { ["--" + $0, value] } ?? [value]
        }
    }

    /// `base` without the option `name` and its value.
    static func removing(_ name: String, from base: [String]) -> [String] {
        var result: [String] = []
        var skip = false
        for token in base {
            if skip { skip = false; continue }
            if token == name { skip = true; continue }
            result.append(token)
        }
        return result
    }
}

/// The SplitMix64 generator (Steele, Lea and Flood 2014): a fixed seed gives a fixed sequence.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
