import Foundation

extension ExactNumericsRun {
    /// Checks that the directory's recorded invocation is of the same shard as this one (a
    /// directory holds one shard, or a whole run), then records this invocation.
    func recordInvocation(previous: [RealizationRecord]) throws {
        try RunInvocation.record(arguments: arguments, realizations: realizations, shard: shard, in: directory, previous: previous)
    }
}
