import ComplexModule
import NumericKit
import XCTest
@testable import SpinChains

/// The rows a rank generates equal the dense matrix's rows, split anywhere.
final class SparseRowsTests: XCTestCase {
    func check(_ problem: EDProblem, fields: DisorderFields, complex: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let basis = try problem.windowBasis()
        let hamiltonian = try problem.hamiltonianOperator(fields: fields)
        let dense = hamiltonian.denseMatrix(in: basis)
        let d = basis.dimension
        // Three uneven pieces, as three ranks would own them.
        let cuts = [0, d / 3, d / 3 + 1, d]
        for piece in 0..<3 {
            let rows = hamiltonian.sparseRows(in: basis, rows: cuts[piece]..<cuts[piece + 1], complex: complex)
            XCTAssertEqual(rows.rowStart, cuts[piece], file: file, line: line)
            XCTAssertEqual(rows.rowEnd, cuts[piece + 1], file: file, line: line)
            for (local, i) in (cuts[piece]..<cuts[piece + 1]).enumerated() {
                let range = Int(rows.rowOffsets[local])..<Int(rows.rowOffsets[local + 1])
                let columns = range.map { Int(rows.columns[$0]) }
                XCTAssertEqual(columns, columns.sorted(), file: file, line: line)
                XCTAssertEqual(Set(columns).count, columns.count, file: file, line: line)
                XCTAssertTrue(columns.contains(i), "diagonal missing in row \(i)", file: file, line: line)
                var row = [Complex<Double>](repeating: .zero, count: d)
                for k in range {
                    let j = Int(rows.columns[k])
                    row[j] = complex ? Complex(rows.values[2 * k], rows.values[2 * k + 1]) : Complex(rows.values[k], 0)
                }
                for j in 0..<d {
                    XCTAssertEqual(row[j].real, dense[i, j].real, accuracy: 1e-15, file: file, line: line)
                    XCTAssertEqual(row[j].imaginary, dense[i, j].imaginary, accuracy: 1e-15, file: file, line: line)
                }
            }
        }
    }

    func testXXZSectorRowsEqualDenseRows() throws {
        var problem = EDProblem(model: .xxz, length: 8, disorderStrength: 2)
        problem.magnetization = .sector(0)
        try check(problem, fields: problem.drawFields(seed: 3, realization: 0), complex: false)
        problem.boundary = .open
        problem.magnetization = .sector(1)
        try check(problem, fields: problem.drawFields(seed: 3, realization: 1), complex: false)
    }

    func testXXZWithProbeRowsEqualDenseRows() throws {
        var problem = EDProblem(model: .xxz, length: 6, disorderStrength: 2)
        problem.magnetization = .fullSpace
        problem.probe = problem.defaultProbe
        XCTAssertTrue(problem.hasRealHamiltonian)
        try check(problem, fields: problem.drawFields(seed: 4, realization: 0), complex: false)
        problem.probe = ProbeSpin(field: 1.3, couplingStrength: 0.7, coupling: .y)
        XCTAssertFalse(problem.hasRealHamiltonian)
        try check(problem, fields: problem.drawFields(seed: 4, realization: 0), complex: true)
    }

    func testHeisenbergO3RowsEqualDenseRows() throws {
        var problem = EDProblem(model: .heisenbergO3, length: 6, disorderStrength: 2)
        XCTAssertFalse(problem.hasRealHamiltonian)
        try check(problem, fields: problem.drawFields(seed: 5, realization: 0), complex: true)
        problem.probe = problem.defaultProbe
        try check(problem, fields: problem.drawFields(seed: 5, realization: 0), complex: true)
    }

    func testFloquetModelsHaveNoSparseWindow() {
        let problem = EDProblem(model: .floquetO3, length: 6, disorderStrength: 2)
        XCTAssertNotNil(problem.sparseWindowUnsupportedReason)
        XCTAssertThrowsError(try problem.windowBasis())
    }

    /// The result file round-trips exactly (real and complex vectors).
    func testResultEncodingRoundTrips() throws {
        let v = Matrix<Double>(rows: 3, columns: 2, elements: [0.1, -0.2, 1e-300, .pi, 7, -0])
        let result = SparseWindowResult(minimumEnergy: -3, maximumEnergy: 4, targetEnergy: 0.5, energies: [0.1, 0.2], residuals: [1e-15, 2e-15],
                                        vectors: .real(v), dimension: 3, ranks: 2, matrixNonzeros: 9, estimatedFactorBytes: 1e6,
                                        factorBytes: 2e6, peakResidentBytesMax: 3e6, peakResidentBytesSum: 5e6, secondsBounds: 0.1,
                                        secondsAnalysis: 0.2, secondsFactorization: 0.25, secondsSolve: 0.3, secondsVectors: 0.35,
                                        secondsAssembly: 0.4)
        let back = try SparseWindowResult(encoded: result.encoded())
        XCTAssertEqual([back.secondsBounds, back.secondsAnalysis, back.secondsFactorization, back.secondsSolve, back.secondsVectors,
                        back.secondsAssembly], [0.1, 0.2, 0.25, 0.3, 0.35, 0.4])
        XCTAssertEqual(back.energies, result.energies)
        XCTAssertEqual(back.residuals, result.residuals)
        guard case let .real(w)? = back.vectors else { return XCTFail("vectors lost") }
        XCTAssertEqual(w.elements, v.elements)
        XCTAssertEqual(back.ranks, 2)
        let c = Matrix<Complex<Double>>(rows: 2, columns: 1, elements: [Complex(1, -2), Complex(0.5, 3)])
        var complex = result
        complex.dimension = 2
        complex.energies = [0.3]
        complex.residuals = [0]
        complex.vectors = .complex(c)
        guard case let .complex(z)? = try SparseWindowResult(encoded: complex.encoded()).vectors else { return XCTFail("vectors lost") }
        XCTAssertEqual(z.elements, c.elements)
        XCTAssertThrowsError(try SparseWindowResult(encoded: result.encoded().dropLast(8)))
    }
}
