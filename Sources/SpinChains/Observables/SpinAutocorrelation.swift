import Foundation
import NumericKit

/// The infinite-temperature autocorrelation of a local operator (paper eqs. (21), (47)):
///
///     Czz(t) = (1/D) tr(A(t) A) = (1/D) sum_{a,b} |A_ab|^2 cos((E_a - E_b) t),   Czz(0) = (1/D) tr A^2,
///
/// computed from the spectral weights, not by time stepping. Per block it is
/// `c^T W c + s^T W s` with `c_a = cos(E_a t)`, `s_a = sin(E_a t)`: one BLAS product of the
/// weight matrix with the `D x 2 n_t` matrix of all cosines and sines. Floquet models: times are
/// integer numbers of periods, where quasi-energy folding leaves the phases unchanged.
public struct SpinAutocorrelation: Sendable {
    /// Times (Hamiltonian: units of `1/J`; Floquet: periods).
    public var times: [Double]
    public var values: [Double]

    /// `Czz` at `times` (for a Floquet model each time is a number of periods, rounded).
    public init(_ weights: SpectralWeights, times: [Double]) throws {
        let physical = times.map { t in weights.period.map { t.rounded() * $0 } ?? t }
        var values = [Double](repeating: 0, count: times.count)
        let n = times.count
        for block in weights.blocks {
            precondition(block.isComplete, "Czz needs every eigenstate of the block")
            let d = block.energies.count
            var phases = Matrix<Double>.zeros(rows: d, columns: 2 * n)
            for (k, t) in physical.enumerated() {
                for a in 0..<d {
                    phases[a, k] = cos(block.energies[a] * t)
                    phases[a, n + k] = sin(block.energies[a] * t)
                }
            }
            let product = try matrixProduct(block.weights, .none, phases, .none)
            for k in 0..<n {
                var sum = 0.0
                for a in 0..<d { sum += phases[a, k] * product[a, k] + phases[a, n + k] * product[a, n + k] }
                values[k] += sum
            }
        }
        self.times = times
        self.values = values
    }

    /// `n` points per decade from `lower` to `upper` (inclusive up to rounding).
    public static func logarithmicTimes(from lower: Double, to upper: Double, perDecade n: Int) -> [Double] {
        let count = Int((log10(upper / lower) * Double(n)).rounded()) + 1
        return (0..<count).map { lower * pow(10, Double($0) / Double(n)) }
    }

    /// Distinct integers of a log grid from 1 to `upper` periods.
    public static func integerPeriods(upTo upper: Double, perDecade n: Int) -> [Double] {
        var seen = Set<Double>()
        return logarithmicTimes(from: 1, to: upper, perDecade: n).map { $0.rounded() }.filter { seen.insert($0).inserted }
    }
}
