import ComplexModule
import NumericKit
import RealModule
import XCTest

/// The index-range eigensolver against the full-vector driver (a second LAPACK path), the
/// `?syrk`/`?herk` Gram difference against the general product, and the Gram spectra against
/// the trace sum rule and a second eigensolver.
final class EigenwindowTests: XCTestCase {
    /// A reproducible symmetric matrix with entries in [-1, 1].
    func symmetric(_ n: Int, seed: UInt64) -> Matrix<Double> {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        var a = Matrix<Double>.zeros(rows: n, columns: n)
        for j in 0..<n { for i in j..<n { let x = next(); a[i, j] = x; a[j, i] = x } }
        return a
    }

    /// Window vectors equal the full driver's columns up to sign (|<v_full|v_window>| = 1 to
    /// 1e-10), all eigenvalues agree to 1e-12, residuals ||A v - lambda v|| <= 1e-10.
    func testWindowMatchesFullDiagonalizationRestrictedToTheWindow() throws {
        let n = 120
        let a = symmetric(n, seed: 7)
        let full = try symmetricEigensystem(a)
        var seen: [Double] = []
        let window = try symmetricEigenwindow(a) { values in seen = values; return 40..<85 }
        XCTAssertEqual(window.window, 40..<85)
        XCTAssertEqual(seen, window.values)
        XCTAssertEqual(window.vectors.rows, n)
        XCTAssertEqual(window.vectors.columns, 45)
        for (x, y) in zip(window.values, full.values) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        for k in 0..<45 {
            let j = 40 + k
            var overlap = 0.0, residual = 0.0
            for i in 0..<n { overlap += window.vectors[i, k] * full.vectors[i, j] }
            for i in 0..<n {
                var av = 0.0
                for l in 0..<n { av += a[i, l] * window.vectors[l, k] }
                residual += (av - window.values[j] * window.vectors[i, k]) * (av - window.values[j] * window.vectors[i, k])
            }
            XCTAssertEqual(abs(overlap), 1, accuracy: 1e-10)
            XCTAssertLessThan(residual.squareRoot(), 1e-10)
        }
        let empty = try symmetricEigenwindow(a) { _ in 0..<0 }
        XCTAssertEqual(empty.vectors.columns, 0)
        XCTAssertEqual(empty.values.count, n)
    }

    /// p^T p - q^T q by dsyrk equals the general products (dgemm) to 1e-12, and is exactly symmetric.
    func testGramDifferenceEqualsGeneralProduct() throws {
        let v = symmetric(50, seed: 3)
        let p = Matrix<Double>(rows: 20, columns: 50, entry: { i, j in v[i, j] })
        let q = Matrix<Double>(rows: 30, columns: 50, entry: { i, j in v[20 + i, j] })
        let fast = try gramDifference(p, q)
        let plus = try matrixProduct(p, .transpose, p, .none), minus = try matrixProduct(q, .transpose, q, .none)
        for j in 0..<50 {
            for i in 0..<50 {
                XCTAssertEqual(fast[i, j], plus[i, j] - minus[i, j], accuracy: 1e-12)
                XCTAssertEqual(fast[i, j], fast[j, i])
            }
        }
        let pc = Matrix<Complex<Double>>(rows: 20, columns: 50, entry: { i, j in Complex(v[i, j], v[j, 49 - i]) })
        let qc = Matrix<Complex<Double>>(rows: 30, columns: 50, entry: { i, j in Complex(v[20 + i, j], -v[j, i]) })
        let fastComplex = try gramDifference(pc, qc)
        let plusC = try matrixProduct(pc, .adjoint, pc, .none), minusC = try matrixProduct(qc, .adjoint, qc, .none)
        for j in 0..<50 {
            for i in 0..<50 { XCTAssertLessThan((fastComplex[i, j] - (plusC[i, j] - minusC[i, j])).length, 1e-12) }
        }
    }

    /// p^T p - q^T q on rectangles equals the general products (dgemm) there and at the mirror
    /// images to 1e-12; every other entry is NaN; a rectangle outside the matrix is refused.
    func testPartialGramDifferenceOnRectangles() throws {
        let v = symmetric(40, seed: 4)
        let p = Matrix<Double>(rows: 15, columns: 40, entry: { i, j in v[i, j] })
        let q = Matrix<Double>(rows: 25, columns: 40, entry: { i, j in v[15 + i, j] })
        let rectangles = [MatrixRectangle(rows: 0..<10, columns: 0..<10), MatrixRectangle(rows: 3..<20, columns: 10..<17),
                          MatrixRectangle(rows: 30..<35, columns: 21..<28)]
        let partial = try partialGramDifference(p, q, rectangles: rectangles)
        let plus = try matrixProduct(p, .transpose, p, .none), minus = try matrixProduct(q, .transpose, q, .none)
        func asked(_ i: Int, _ j: Int) -> Bool {
            rectangles.contains { ($0.rows.contains(i) && $0.columns.contains(j)) || ($0.rows.contains(j) && $0.columns.contains(i)) }
        }
        var askedCount = 0
        for j in 0..<40 {
            for i in 0..<40 {
                if asked(i, j) {
                    askedCount += 1
                    XCTAssertEqual(partial[i, j], plus[i, j] - minus[i, j], accuracy: 1e-12, "\(i), \(j)")
                } else {
                    XCTAssertTrue(partial[i, j].isNaN, "\(i), \(j) was not asked for")
                }
            }
        }
        // 10 x 10 tile; 17 x 7 and its mirror, sharing the 7 x 7 square of rows and columns 10..<17; 5 x 7 twice.
        XCTAssertEqual(askedCount, 100 + (2 * 17 * 7 - 7 * 7) + 2 * 5 * 7)
        XCTAssertThrowsError(try partialGramDifference(p, q, rectangles: [MatrixRectangle(rows: 0..<41, columns: 0..<1)]))
    }

    /// The Gram spectrum of psi sums to ||psi||_F^2 (trace) and equals dsyevd of the dgemm Gram matrix.
    func testGramSpectrumWorkspace() throws {
        let v = symmetric(12, seed: 11)
        var workspace = GramSpectrumWorkspace(largestSide: 7)
        for (rows, columns) in [(1, 9), (2, 5), (7, 3), (5, 12), (6, 6)] {
            let psi = Matrix<Double>(rows: rows, columns: columns, entry: { i, j in v[i, j] })
            let values = try psi.elements.withUnsafeBufferPointer { p in
                try workspace.withSpectrum(of: p.baseAddress!, rows: rows, columns: columns) { Array($0) }
            }
            XCTAssertEqual(values.count, min(rows, columns))
            XCTAssertEqual(values.reduce(0, +), psi.elements.reduce(0) { $0 + $1 * $1 }, accuracy: 1e-12)
            let gram = rows <= columns ? try matrixProduct(psi, .none, psi, .transpose) : try matrixProduct(psi, .transpose, psi, .none)
            let reference = try symmetricEigenvalues(gram, driver: .divideAndConquer)
            for (x, y) in zip(values.sorted(), reference) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        }
    }
}
