import Foundation
import NumericKit
@testable import SpinChains
@testable import Studies
import XCTest

/// The window path (middle eigenvectors only) against the full-vector path on the same
/// realizations; the dsyrk product of a diagonal operator against the general product; the
/// per-stage timings of a run.
final class EigenvectorWindowTests: XCTestCase {
    func xxz(_ length: Int, _ w: Double) -> EDProblem {
        var p = EDProblem(model: .xxz, length: length, disorderStrength: w)
        p.magnetization = .sector(0)
        return p
    }

    let windowObservables: [ExactObservable] = [.levelStatistics, .matrixElements, .criterion, .entanglement]

    /// Every value of a record by the window path equals the full path's to 1e-10 (absolute,
    /// the values are O(1)), for two disorder strengths (the criterion's window reaches past
    /// the middle third at weak disorder) and two sizes.
    func testWindowRecordsEqualFullVectorRecords() throws {
        for (length, w) in [(10, 0.5), (12, 3.0)] {
            let window = ExactRealization(problem: xxz(length, w), observables: windowObservables, seed: 5)
            var full = window
            full.eigenvectors = .all
            XCTAssertTrue(window.usesEigenvectorWindow)
            XCTAssertFalse(full.usesEigenvectorWindow)
            for k in 0..<2 {
                let a = try window.record(realization: k), b = try full.record(realization: k)
                XCTAssertEqual(Set(a.values.keys), Set(b.values.keys))
                for (key, values) in a.values {
                    let reference = b.values[key]!
                    XCTAssertEqual(values.count, reference.count, key)
                    for (x, y) in zip(values, reference) { XCTAssertEqual(x, y, accuracy: 1e-10, "\(key) L=\(length) W=\(w)") }
                }
                XCTAssertNotNil(a.stageSeconds?["eigensolver"])
                XCTAssertNotNil(a.stageSeconds?["entanglement"])
            }
            // The window holds fewer vectors than the block but covers the criterion's partners.
            let fields = window.problem.drawFields(seed: 5, realization: 0)
            let energies = try window.problem.sectorSpectra(fields: fields)[0]
            let range = window.vectorWindow(energies: energies)
            let middle = middleWindow(count: energies.count, fraction: 1.0 / 3)
            XCTAssertLessThan(range.count, energies.count)
            XCTAssertTrue(range.lowerBound <= middle.lowerBound && range.upperBound >= middle.upperBound)
            if range.lowerBound > 0 { XCTAssertGreaterThan(energies[middle.lowerBound] - energies[range.lowerBound - 1], 0.25) }
        }
    }

    /// Spectral, Czz and fidelity need every eigenvector, and so does the entanglement with a probe.
    func testWindowPathOnlyForWindowObservables() {
        XCTAssertFalse(ExactRealization(problem: xxz(8, 1), observables: [.levelStatistics], seed: 1).usesEigenvectorWindow)
        for extra in [ExactObservable.spectral, .czz, .fidelity] {
            XCTAssertFalse(ExactRealization(problem: xxz(8, 1), observables: windowObservables + [extra], seed: 1).usesEigenvectorWindow)
        }
        var probed = EDProblem(model: .xxz, length: 6, disorderStrength: 1)
        probed.probe = ProbeSpin(field: 1, couplingStrength: 1, coupling: .z)
        XCTAssertFalse(ExactRealization(problem: probed, observables: [.entanglement], seed: 1).usesEigenvectorWindow)
        XCTAssertTrue(ExactRealization(problem: probed, observables: [.criterion], seed: 1).usesEigenvectorWindow)
        XCTAssertFalse(ExactRealization(problem: EDProblem(model: .heisenbergO3, length: 5, disorderStrength: 1),
                                        observables: [.criterion], seed: 1).usesEigenvectorWindow)
    }

    /// |<a|sigma^z_0|b>|^2 by the split dsyrk product equals the general product V^T (A V) to
    /// 1e-12, and each row sums to (A^2)_aa = 1 (completeness).
    func testDiagonalOperatorProductEqualsGeneralProduct() throws {
        let p = xxz(10, 1)
        let states = try p.eigenstates(fields: p.drawFields(seed: 2, realization: 0))
        let block = states.blocks[0]
        let string = PauliString(.z, at: 0)
        let fast = try block.vectors.squaredMatrixElements(of: string, basis: block.basis)
        guard case let .real(v) = block.vectors else { return XCTFail("xxz vectors are real") }
        let d = v.rows
        let av = Matrix<Double>(rows: d, columns: d, entry: { i, j in (block.basis.state(at: i) & 1 == 0 ? 1.0 : -1.0) * v[i, j] })
        let general = try matrixProduct(v, .transpose, av, .none)
        for j in 0..<d {
            var row = 0.0
            for i in 0..<d {
                XCTAssertEqual(fast[i, j], general[i, j] * general[i, j], accuracy: 1e-12)
                row += fast[i, j]
            }
            XCTAssertEqual(row, 1, accuracy: 1e-10)
        }
    }

    /// Allocation-free entropies equal the per-state path column by column (1e-12).
    func testEntropiesOfColumnsEqualPerStateEntropies() throws {
        let p = xxz(10, 2)
        let states = try p.eigenstates(fields: p.drawFields(seed: 4, realization: 0))
        let block = states.blocks[0]
        for sites in [Array(0..<5), [0, 1], [3]] {
            let cut = Bipartition(basis: block.basis, subsystemSites: sites)
            let columns = 80..<140
            let fast = try cut.entropies(ofColumns: columns, in: block.vectors)
            for (k, a) in columns.enumerated() { XCTAssertEqual(fast[k], try cut.entropy(ofColumn: a, in: block.vectors), accuracy: 1e-12) }
        }
    }

    /// summary.json lists the mean seconds of each stage (build, eigensolver, products, every
    /// observable) and the I/O time; the stages add up to no more than a realization's time.
    func testSummaryHasStageTimings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stage-timings-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let job = ExactRealization(problem: xxz(8, 1), observables: ExactObservable.allCases, seed: 1)
        var run = ExactNumericsRun(realization: job, realizations: 3, directory: directory, commandLine: "test")
        run.quiet = true
        run.workers = 1
        let (_, timing) = try run.executeTimed()
        let names = timing.stageSeconds.map(\.name)
        XCTAssertEqual(Array(names.prefix(3)), [Stage.build, Stage.eigensolver, Stage.products])
        for observable in ExactObservable.allCases { XCTAssertTrue(names.contains(observable.rawValue), observable.rawValue) }
        let mean = timing.realizationSeconds.reduce(0, +) / Double(timing.realizationSeconds.count)
        XCTAssertLessThanOrEqual(timing.stageSeconds.reduce(0) { $0 + $1.seconds }, mean * 1.001 + 1e-4)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json"))) as! [String: Any]
        let timings = summary["timings"] as! [String: Any]
        let stages = timings["stage_seconds_mean"] as! [String: Double]
        XCTAssertEqual(Set(stages.keys), Set(names))
        XCTAssertGreaterThanOrEqual(timings["io_seconds"] as! Double, 0)
    }
}
