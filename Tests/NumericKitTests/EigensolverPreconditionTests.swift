import ComplexModule
import NumericKit
import XCTest

/// Requests LAPACK cannot serve are refused before the call, naming the routine.
final class EigensolverPreconditionTests: XCTestCase {
    func testNonSquareMatrixIsRefused() {
        let real = Matrix<Double>(rows: 2, columns: 3, repeating: 1)
        XCTAssertThrowsError(try symmetricEigenvalues(real)) { error in
            guard case let LinearAlgebraError.shapeMismatch(routine, _)? = error as? LinearAlgebraError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(routine, "dsyevd_2stage")
        }
        let complex = Matrix<Complex<Double>>(rows: 3, columns: 2, repeating: .zero)
        XCTAssertThrowsError(try hermitianEigensystem(complex)) { error in
            guard case let LinearAlgebraError.shapeMismatch(routine, _)? = error as? LinearAlgebraError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(routine, "zheevr")
        }
    }

    func testTwoStageDriverHasNoVectors() {
        XCTAssertThrowsError(try symmetricEigensystem(Matrix<Double>.identity(3), driver: .twoStageDivideAndConquer))
        XCTAssertThrowsError(try hermitianEigensystem(Matrix<Complex<Double>>.identity(3), driver: .twoStageDivideAndConquer))
        // Values-only is what it is for.
        XCTAssertEqual(try symmetricEigenvalues(Matrix<Double>.identity(3), driver: .twoStageDivideAndConquer), [1, 1, 1])
    }
}
