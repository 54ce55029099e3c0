import ComplexModule
import RealModule
import XCTest
@testable import NumericKit

final class LinearAlgebraTests: XCTestCase {
    func testSymmetricDriversAgreeOnAKnownSpectrum() throws {
        // Tridiagonal 2,-1 matrix: eigenvalues 2 - 2 cos(k pi / (n+1)).
        let n = 9
        let a = Matrix<Double>(rows: n, columns: n) { i, j in i == j ? 2 : (abs(i - j) == 1 ? -1 : 0) }
        let exact = (1...n).map { 2 - 2 * Double.cos(Double($0) * Double.pi / Double(n + 1)) }
        for driver in SelfAdjointEigenDriver.allCases {
            XCTAssertEqual(try symmetricEigenvalues(a, driver: driver), exact, accuracy: 1e-14)
            if driver != .twoStageDivideAndConquer {
                let system = try symmetricEigensystem(a, driver: driver)
                XCTAssertEqual(system.values, exact, accuracy: 1e-14)
                // A v = lambda v for the first vector, by hand.
                for i in 0..<n {
                    var av = 0.0
                    for k in 0..<n { av += a[i, k] * system.vectors[k, 0] }
                    XCTAssertEqual(av, exact[0] * system.vectors[i, 0], accuracy: 1e-14)
                }
            }
        }
    }

    func testHermitianDriversOnPauliY() throws {
        let y = Matrix<Complex<Double>>(rows: 2, columns: 2, elements: [.zero, Complex(0, 1), Complex(0, -1), .zero])
        for driver in SelfAdjointEigenDriver.allCases {
            XCTAssertEqual(try hermitianEigenvalues(y, driver: driver), [-1, 1], accuracy: 1e-15)
        }
        let system = try hermitianEigensystem(y)
        // sigma^y (1, -i)/sqrt2 = -(1, -i)/sqrt2: the ratio of components is -i (up to phase).
        let ratio = system.vectors[1, 0] / system.vectors[0, 0]
        XCTAssertEqual(ratio.real, 0, accuracy: 1e-15)
        XCTAssertEqual(ratio.imaginary, -1, accuracy: 1e-15)
    }

    func testLapackFailuresBecomeTypedErrors() {
        let nan = Matrix<Double>(rows: 2, columns: 2, elements: [.nan, 0, 0, 1])
        XCTAssertThrowsError(try symmetricEigenvalues(nan, driver: .divideAndConquer)) { error in
            guard case let LinearAlgebraError.lapackFailure(routine, info) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(routine, "dsyevd")
            XCTAssertNotEqual(info, 0)
        }
        XCTAssertThrowsError(try symmetricEigensystem(Matrix<Double>.zeros(rows: 2, columns: 3)))
        XCTAssertThrowsError(try symmetricEigensystem(.identity(2), driver: .twoStageDivideAndConquer))
        XCTAssertThrowsError(try matrixProduct(Matrix<Double>.zeros(rows: 2, columns: 3), .none, .zeros(rows: 2, columns: 3), .none))
        XCTAssertThrowsError(try lapackDimension(Int(Int32.max) + 1, routine: "x")) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .dimensionTooLarge(routine: "x", dimension: Int(Int32.max) + 1))
        }
    }

    func testMatrixProductsAgainstNaiveSums() throws {
        var g = Xoshiro256StarStar(seed: 3)
        let a = Matrix<Double>(rows: 4, columns: 3) { _, _ in g.nextGaussian() }
        let b = Matrix<Double>(rows: 4, columns: 5) { _, _ in g.nextGaussian() }
        let c = try matrixProduct(a, .transpose, b, .none, alpha: 2)
        for i in 0..<3 { for j in 0..<5 {
            var s = 0.0
            for k in 0..<4 { s += a[k, i] * b[k, j] }
            XCTAssertEqual(c[i, j], 2 * s, accuracy: 1e-13)
        } }
        let za = Matrix<Complex<Double>>(rows: 3, columns: 3) { _, _ in Complex(g.nextGaussian(), g.nextGaussian()) }
        let zb = Matrix<Complex<Double>>(rows: 3, columns: 2) { _, _ in Complex(g.nextGaussian(), g.nextGaussian()) }
        let zc = try matrixProduct(za, .adjoint, zb, .none)
        for i in 0..<3 { for j in 0..<2 {
            var s = Complex<Double>.zero
            for k in 0..<3 { s += za[k, i].conjugate * zb[k, j] }
            XCTAssertLessThan((zc[i, j] - s).length, 1e-13)
        } }
    }

    func testSchurOfADiagonalUnitary() throws {
        let phases = [0.3, -1.2, 2.9]
        var u = Matrix<Complex<Double>>.zeros(rows: 3, columns: 3)
        for (k, p) in phases.enumerated() { u[k, k] = Complex(Double.cos(p), Double.sin(p)) }
        let schur = try schurDecomposition(u)
        let found = schur.eigenvalues.map { Double.atan2(y: $0.imaginary, x: $0.real) }.sorted()
        XCTAssertEqual(found, phases.sorted(), accuracy: 1e-15)
        XCTAssertEqual(schur.departureFromNormality, 0, accuracy: 1e-15)
        XCTAssertEqual(try schurEigenvalues(u).count, 3)
    }

    func testThreadCountIsSetAndReadBack() {
        let original = BLASRuntime.threads
        XCTAssertEqual(BLASRuntime.setThreads(1), 1)
        XCTAssertEqual(BLASRuntime.threads, 1)
        BLASRuntime.setThreads(original)
        XCTAssertFalse(BLASRuntime.coreName.isEmpty)
    }

    func testKernelDiagnosisFromCpuinfoText() {
        let avx512 = "processor\t: 0\nmodel name\t: X\nflags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq\n\nprocessor\t: 1\n"
        let avx2 = "flags\t\t: fpu sse2 avx avx2 fma\n"
        let old = "flags\t\t: fpu sse2 sse3\n"
        XCTAssertEqual(KernelDiagnosis.parseFlags(cpuinfo: avx512).contains("avx512f"), true)
        XCTAssertEqual(KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512).verdict, .slowGenericKernel(suggestedCoreType: "SkylakeX"))
        XCTAssertEqual(KernelDiagnosis(coreName: "Haswell", cpuinfo: avx512).verdict, .slowGenericKernel(suggestedCoreType: "SkylakeX"))
        XCTAssertEqual(KernelDiagnosis(coreName: "Cooperlake", cpuinfo: avx512).verdict, .adequate)
        XCTAssertEqual(KernelDiagnosis(coreName: "Nehalem", cpuinfo: avx2).verdict, .slowGenericKernel(suggestedCoreType: "Haswell"))
        XCTAssertEqual(KernelDiagnosis(coreName: "Zen", cpuinfo: avx2).verdict, .adequate)
        XCTAssertEqual(KernelDiagnosis(coreName: "Core2", cpuinfo: old).verdict, .adequate)
        XCTAssertEqual(KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512, coreTypeOverride: "Prescott").verdict,
                       .userOverride("Prescott"))
        XCTAssertTrue(KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512).description.contains("OPENBLAS_CORETYPE=SkylakeX"))
        XCTAssertEqual(KernelDiagnosis(coreName: "Prescott", cpuinfo: "").verdict, .adequate)
    }
}

func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double,
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "lengths differ", file: file, line: line)
    XCTAssertLessThanOrEqual(zip(a, b).map { abs($0 - $1) }.max() ?? 0, accuracy, file: file, line: line)
}
