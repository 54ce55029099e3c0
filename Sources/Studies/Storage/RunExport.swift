import Foundation

/// A whole run in one HDF5 file (`resonance ed export DIR --format hdf5`).
///
/// Layout (every number IEEE 64-bit little-endian):
///
/// ```
/// /                                   attributes: every run parameter (as in manifest.json; numbers as
///                                     float64 or int64, other values as JSON text), seed (uint64),
///                                     realizations (int64), command_line, version
/// /results/<name>                     float64 [2]: mean and standard error of each scalar result of
///                                     summary.json (r_mean, theta0, ...)
/// /averages/<name>/mean               float64 [width]: the disorder average of each recorded quantity
/// /averages/<name>/standard_error     float64 [width]: its standard error over realizations
/// /averages/<name>/count              int64 [width]: finite samples per element
/// /realizations/index                 int64 [N]: the realization indices k, ascending
/// /realizations/seconds               float64 [N]: compute time of each realization
/// /realizations/<name>                float64 [N] for a one-number quantity, [N, width] for a curve or
///                                     histogram: each realization's values (NaN where absent)
/// ```
///
/// A scan (one run per point) is written with one such tree per point under `/<point>/` (e.g.
/// `/L12_W3/results/r_mean`), the point's parameters as that group's attributes.
public enum RunExport {
    /// Writes one run under `group` ("/" for a file holding one run).
    public static func write(_ result: ExactNumericsResult, records: [RealizationRecord], manifest: [(String, JSONValue)],
                             seed: UInt64, commandLine: String, to file: HDF5File, group: String = "/") throws {
        let root = group == "/" ? "" : group
        try file.createGroup(group)
        for (key, value) in manifest { try file.setAttribute(key, SpectrumArchive.attribute(value), on: group) }
        try file.setAttribute("seed", .unsigned(seed), on: group)
        try file.setAttribute("realizations", .integer(Int64(result.realizationCount)), on: group)
        try file.setAttribute("command_line", .string(commandLine), on: group)
        try file.setAttribute("version", .string(ResonanceKitVersion.string), on: group)
        for scalar in result.scalars { try file.write([scalar.mean, scalar.error], to: root + "/results/" + scalar.name) }
        for (name, statistic) in result.average.statistics.sorted(by: { $0.key < $1.key }) {
            try file.write(statistic.mean, to: root + "/averages/\(name)/mean")
            try file.write(statistic.standardError, to: root + "/averages/\(name)/standard_error")
            try file.write(statistic.count.map(Int64.init), to: root + "/averages/\(name)/count")
        }
        let sorted = records.sorted { $0.realization < $1.realization }
        try file.write(sorted.map { Int64($0.realization) }, to: root + "/realizations/index")
        try file.write(sorted.map(\.seconds), to: root + "/realizations/seconds")
        let names = Set(sorted.flatMap { $0.values.keys }).sorted()
        for name in names {
            let width = sorted.map { $0.values[name]?.count ?? 0 }.max() ?? 0
            var values = [Double]()
            values.reserveCapacity(sorted.count * width)
            for record in sorted {
                let row = record.values[name] ?? []
                values += row + [Double](repeating: .nan, count: width - row.count)
            }
            try file.write(values, shape: width == 1 ? [sorted.count] : [sorted.count, width], to: root + "/realizations/" + name)
        }
    }
}
