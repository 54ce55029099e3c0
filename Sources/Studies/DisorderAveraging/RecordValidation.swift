import Foundation

/// What every record of a run must hold: each key with its number of values (from the run's
/// observables and settings, see `ExactRealization.recordShape`).
public struct RecordShape: Sendable, Equatable {
    public var lengths: [String: Int]
    public init(lengths: [String: Int]) { self.lengths = lengths }
}

/// The records file read back on resume, checked line by line against the run: a readable
/// record, a realization index >= 0, exactly the expected keys with their array lengths, finite
/// values, one record per index. A line cut short by an interrupted write (the last line, with
/// no newline) is noted and removed so that its realization is recomputed; an identical repeated
/// record is noted and used once; anything else is damage, reported with line numbers and
/// refused — never used or dropped silently.
public struct RecordsFileReader {
    public struct Damaged: Error, CustomStringConvertible {
        public var path: String
        public var problems: [String]
        public var description: String {
            let shown = problems.prefix(5).joined(separator: "; ")
            let more = problems.count > 5 ? "; and \(problems.count - 5) more" : ""
            return "\(path) has damaged records (\(shown)\(more)); repair or remove these lines, or use another --out"
        }
    }

    public struct Contents {
        public var records: [RealizationRecord]
        /// Things repaired or worth knowing (torn last line removed, identical duplicates).
        public var notes: [String]
        /// Byte length of the intact part (shorter than the file when the last line was torn).
        public var intactLength: Int
    }

    public var shape: RecordShape?

    public init(shape: RecordShape?) { self.shape = shape }

    public func read(_ data: Data, path: String) throws -> Contents {
        var records: [RealizationRecord] = []
        var notes: [String] = []
        var problems: [String] = []
        var firstLine: [Int: (line: Int, record: RealizationRecord)] = [:]
        let decoder = JSONDecoder()
        let bytes = [UInt8](data)
        var start = 0
        var lineNumber = 0
        var intactLength = bytes.count
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = Data(bytes[start..<end])
            let isLast = end >= bytes.count
            defer { start = end + 1 }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            guard let record = try? decoder.decode(RealizationRecord.self, from: line) else {
                if isLast {
                    notes.append("line \(lineNumber) of \(path) was cut short by an interrupted write; it is removed and its realization recomputed")
                    intactLength = start
                } else {
                    problems.append("line \(lineNumber): not a readable record")
                }
                continue
            }
            let lineProblems = check(record)
            if !lineProblems.isEmpty {
                problems += lineProblems.map { "line \(lineNumber): \($0)" }
                continue
            }
            if let earlier = firstLine[record.realization] {
                if earlier.record.values == record.values {
                    notes.append("lines \(earlier.line) and \(lineNumber) of \(path) both hold realization \(record.realization) with identical values; it is counted once")
                } else {
                    problems.append("lines \(earlier.line) and \(lineNumber) hold realization \(record.realization) with different values")
                }
                continue
            }
            firstLine[record.realization] = (lineNumber, record)
            records.append(record)
        }
        guard problems.isEmpty else { throw Damaged(path: path, problems: problems) }
        return Contents(records: records, notes: notes, intactLength: intactLength)
    }

    /// The problems of one record (empty when it is sound).
    func check(_ record: RealizationRecord) -> [String] {
        var problems: [String] = []
        if record.realization < 0 { problems.append("realization \(record.realization) is negative") }
        if let shape {
            for key in shape.lengths.keys.sorted() where record.values[key] == nil {
                problems.append("realization \(record.realization) lacks \"\(key)\"")
            }
            for key in record.values.keys.sorted() {
                guard let expected = shape.lengths[key] else {
                    problems.append("realization \(record.realization) has the unexpected key \"\(key)\"")
                    continue
                }
                let count = record.values[key]?.count ?? 0
                if count != expected {
                    problems.append("realization \(record.realization): \"\(key)\" has \(count) values, expected \(expected)")
                }
            }
        }
        for (key, values) in record.values.sorted(by: { $0.key < $1.key }) {
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                problems.append("realization \(record.realization): \"\(key)\"[\(bad)] is not finite")
            }
        }
        return problems
    }
}
