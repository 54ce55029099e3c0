import Foundation
import SpinChains

/// A fields file (`--fields`, written by `ed spectrum --write-fields`): read, parsed and checked
/// against the problem it is to be used with. Every failure is a `FileError` naming the option, the
/// path and the reason (unreadable, not the expected JSON, or fields that do not fit the problem).
public func readGivenFields(path: String, option: String = "--fields", for problem: EDProblem) throws -> DisorderFields {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw FileError(option: option, path: path, detail: fileErrorReason(error))
    }
    do {
        let given = try DisorderFields(json: data)
        try problem.check(fields: given)
        return given
    } catch let error as DisorderFields.FormatError {
        throw FileError(option: option, path: path, detail: error.detail)
    } catch let error as EDProblem.ProblemError {
        throw FileError(option: option, path: path, detail: "\(error)")
    }
}
