import Foundation
import NumericKit
import SpinChains

/// The averages of a dynamics run: `[C(t)]` with its standard error over realizations (which
/// holds the states' spread) and the typicality bound `1/sqrt(R N (D + 1))`, and `[S(omega)]`.
public struct DynamicsResult: Sendable {
    public var times: [Double]
    public var correlator: [Double]
    public var correlatorError: [Double]
    /// `1/sqrt(R N_realizations (D + 1))` (projected estimator: `D/2` for `D`): the D^(-1/2)
    /// error of typicality alone.
    public var typicalityError: Double
    public var estimator: TypicalityEstimator
    public var frequencies: [Double]
    public var spectralFunction: [Double]
    public var spectralFunctionError: [Double]
    /// The width to which `S` is resolved (kernel polynomial: `sqrt(2) pi a / N` with the mean `a`;
    /// Floquet: `pi / (N T)`), nil without `S`.
    public var resolution: Double?
    public var realizationCount: Int
    public var productsPerRealization: Double
    public var seconds: [Double]

    init(run: DynamicsRun, records: [RealizationRecord]) {
        let average = DisorderAverage(records: records)
        times = run.times
        correlator = average[.correlator]?.mean ?? []
        realizationCount = records.count
        let single = records.count == 1 ? records[0].values[.correlatorStateError] : nil
        correlatorError = single ?? average[.correlator]?.standardError ?? []
        estimator = run.dynamics.estimator
        typicalityError = estimator.errorBound(dimension: run.dynamics.dimension, samples: run.states * max(records.count, 1))
        frequencies = run.hasSpectralFunction ? run.frequencies : []
        spectralFunction = average[.spectralFunction]?.mean ?? []
        spectralFunctionError = average[.spectralFunction]?.standardError ?? []
        let halfWidth = (average[.spectralInterval]?.mean).map { ($0[1] - $0[0]) / 2 } ?? .nan
        if run.hasSpectralFunction {
            resolution = run.problem.model.isFloquet ? Double.pi / (Double(run.fourierPeriods) * run.problem.period)
                : 2.0.squareRoot() * Double.pi * halfWidth / Double(run.dynamics.kernelOrder)
        }
        productsPerRealization = average[.operatorProducts]?.mean.first ?? 0
        seconds = records.map(\.seconds)
    }

    public var correlatorTable: ColumnTable {
        ColumnTable(columns: [("t", times), ("czz", correlator), ("czz_err", correlatorError),
                              ("typicality_err", Array(repeating: typicalityError, count: times.count))])
    }

    public var spectralTable: ColumnTable? {
        guard !frequencies.isEmpty else { return nil }
        return ColumnTable(columns: [("omega", frequencies), ("S", spectralFunction), ("S_err", spectralFunctionError)])
    }

    /// czz.csv, spectral_function.csv and summary.json (with `extra` entries, e.g. a merge's sources, at its end).
    func write(to store: RunStore, manifest: [(String, JSONValue)], commandLine: String, extra: [(String, JSONValue)] = []) throws {
        var parameters = manifest.filter { $0.0 != "estimator" }
            + [("realizations", .integer(realizationCount)), ("estimator", .string(estimator.rawValue)), ("typicality_error", .number(typicalityError))]
        if let resolution { parameters.append(("S_resolution", .number(resolution))) }
        let metadata = OutputMetadata(parameters: parameters, commandLine: commandLine)
        try store.write(OutputRenderer.curve(correlatorTable, metadata: metadata, format: .csv), to: "czz.csv")
        if let table = spectralTable {
            try store.write(OutputRenderer.curve(table, metadata: metadata, format: .csv), to: "spectral_function.csv")
        }
        let summary = JSONValue.object([
            ("parameters", .object(manifest)),
            ("realizations", .integer(realizationCount)),
            ("estimator", .string(estimator.rawValue)),
            ("typicality_error", .number(typicalityError)),
            ("S_resolution", resolution.map { .number($0) } ?? .null),
            ("products_per_realization", .number(productsPerRealization)),
            ("realization_seconds_mean", .number(seconds.isEmpty ? .nan : seconds.reduce(0, +) / Double(seconds.count))),
            ("command_line", .string(commandLine)),
            ("version", .string(ResonanceKitVersion.string)),
        ] + extra)
        try store.write(summary.serialized() + "\n", to: "summary.json")
    }
}
