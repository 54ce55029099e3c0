import ComplexModule
import NumericKit
import XCTest
@testable import SpinChains

/// The late-window average of typicality `C(t)` against the dense engine: the same window of the
/// dense `C(t)` (to its typicality error), the dense infinite-time value (the diagonal ensemble)
/// within the stated bias and error, and the off-diagonal remainder as the kernel sum over pairs.
final class LateWindowAverageTests: XCTestCase {
    struct Case {
        var weights: SpectralWeights
        var dynamics: DynamicsProblem
        var fields: DisorderFields
    }

    func probeCase(length: Int, disorder: Double, seed: UInt64) throws -> Case {
        var problem = EDProblem(model: .heisenbergO3, length: length, disorderStrength: disorder)
        problem.probe = problem.defaultProbe
        let fields = problem.drawFields(seed: seed, realization: 0)
        let weights = try SpectralWeights(operator: PauliString(.z, at: length), eigenstates: problem.eigenstates(fields: fields))
        return Case(weights: weights, dynamics: DynamicsProblem(problem: problem, method: .chebyshev), fields: fields)
    }

    /// The window estimate of `states` Haar-random states (each state's estimate, then their mean).
    func typical(_ c: Case, window: LateWindowAverage, states: Int) throws -> [LateWindowAverage.Estimate] {
        var propagator = try c.dynamics.propagator(fields: c.fields)
        return try (0..<states).map { s in
            let psi = c.dynamics.randomState(seed: 11, realization: 0, index: s)
            let values = try TypicalAutocorrelation.values(state: psi, site: c.dynamics.operatorSite, times: window.times, propagator: &propagator)
            return window.estimate(values)
        }
    }

    func testTimesAreStratifiedAndIncreasing() {
        let window = LateWindowAverage(start: 100, end: 200, count: 10)
        let t = window.times
        XCTAssertEqual(t.count, 10)
        for (k, x) in t.enumerated() {
            XCTAssertGreaterThanOrEqual(x, 100 + 10 * Double(k))
            XCTAssertLessThan(x, 100 + 10 * Double(k + 1))
        }
        XCTAssertEqual(window.kernel(0), 1, accuracy: 1e-15)
        XCTAssertEqual(window.times, LateWindowAverage(start: 100, end: 200, count: 10).times)
    }

    /// A remainder decaying as 1/t: the window mean over the drift is 2 ln 2 / (4 ln(9/8)) = 2.94
    /// (closed form against the stratified sum, 4000 times), the allowance the drift figure uses.
    func testRemainderPerDriftOfAOneOverTTail() {
        let window = LateWindowAverage.upperHalf(to: 100, count: 4000)
        let e = window.estimate(window.times.map { 1 / $0 })
        XCTAssertEqual(e.value / e.drift, 2 * log(2.0) / (4 * log(9.0 / 8)), accuracy: 2e-3)
        XCTAssertEqual(e.value, 2 * log(2.0) / 100, accuracy: 1e-5)
    }

    /// L = 8 + probe (D = 512), one realization at W = 3 and W = 8, window [50, 100], 6 states.
    func testLateWindowAverageAgainstDenseDiagonalEnsemble() throws {
        let window = LateWindowAverage.upperHalf(to: 100)
        let early = LateWindowAverage(start: 0.1, end: 0.3)
        let states = 6
        for w in [3.0, 8.0] {
            let c = try probeCase(length: 8, disorder: w, seed: 5)
            let d = c.weights.dimension
            let sigma = TypicalAutocorrelation.typicalityError(dimension: d) / Double(states).squareRoot()
            let infinite = c.weights.diagonalWeight
            let dense = window.estimate(try SpinAutocorrelation(c.weights, times: window.times).values)
            // The remainder R_W = sum over pairs at E_a != E_b of w_ab K(omega_ab), computed pair by pair.
            var remainder = 0.0
            for block in c.weights.blocks {
                for a in 0..<block.energies.count {
                    for b in 0..<block.energies.count where a != b {
                        remainder += block.weights[a, b] * window.kernel(block.energies[a] - block.energies[b])
                    }
                }
            }
            XCTAssertEqual(dense.value, infinite + remainder, accuracy: 1e-10, "W = \(w)")
            let estimates = try typical(c, window: window, states: states)
            let value = estimates.map(\.value).reduce(0, +) / Double(states)
            let drift = estimates.map(\.drift).reduce(0, +) / Double(states)
            // Typicality reproduces the dense window to its D^(-1/2) error ...
            XCTAssertEqual(value, dense.value, accuracy: 4 * sigma, "W = \(w): typicality \(value), dense window \(dense.value)")
            // ... and the diagonal ensemble within the stated bias (the drift across the window) and error.
            XCTAssertEqual(value, infinite, accuracy: abs(drift) + 4 * sigma,
                           "W = \(w): window \(value), diagonal ensemble \(infinite), drift \(drift), sigma \(sigma), R_W \(remainder)")
            // The window matters: an early window differs from the late one by many error bars, and
            // typicality follows the dense engine there too.
            let denseEarly = early.estimate(try SpinAutocorrelation(c.weights, times: early.times).values).value
            XCTAssertGreaterThan(abs(denseEarly - dense.value), 8 * sigma, "W = \(w)")
            let earlyValue = try typical(c, window: early, states: states).map(\.value).reduce(0, +) / Double(states)
            XCTAssertEqual(earlyValue, denseEarly, accuracy: 4 * sigma, "W = \(w)")
            print(String(format: "late window W = %g: typicality %.4f, dense window %.4f, diagonal ensemble %.4f, R_W %.4f, drift %.4f (dense %.4f), sigma %.4f, dense sampling error %.4f",
                         w, value, dense.value, infinite, remainder, drift, dense.drift, sigma, dense.samplingError))
        }
    }
}
