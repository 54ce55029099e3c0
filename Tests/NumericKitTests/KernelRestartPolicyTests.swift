import NumericKit
import XCTest

/// The restart decision on synthetic CPUs: the trap (generic kernel on AVX-512), a fitting kernel,
/// and the user's own choice, which is never overridden.
final class KernelRestartPolicyTests: XCTestCase {
    let avx512 = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq\n"
    let avx2 = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n"

    func testGenericKernelOnAVX512IsRestartedWithSkylakeX() {
        let diagnosis = KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512)
        XCTAssertFalse(diagnosis.isAdequate)
        XCTAssertEqual(diagnosis.restartCoreType(environment: [:]), "SkylakeX")
        XCTAssertEqual(KernelDiagnosis(coreName: "Nehalem", cpuinfo: avx2).restartCoreType(environment: [:]), "Haswell")
    }

    func testUserChoiceAndOptOutAreRespected() {
        let userSet = KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512, coreTypeOverride: "Prescott")
        XCTAssertNil(userSet.restartCoreType(environment: ["OPENBLAS_CORETYPE": "Prescott"]))
        let generic = KernelDiagnosis(coreName: "Prescott", cpuinfo: avx512)
        XCTAssertNil(generic.restartCoreType(environment: ["OPENBLAS_CORETYPE": ""]))
        XCTAssertNil(generic.restartCoreType(environment: [KernelDiagnosis.keepKernelVariable: "1"]))
    }

    func testFittingKernelIsLeftAlone() {
        XCTAssertNil(KernelDiagnosis(coreName: "SkylakeX", cpuinfo: avx512).restartCoreType(environment: [:]))
        XCTAssertNil(KernelDiagnosis(coreName: "Haswell", cpuinfo: avx2).restartCoreType(environment: [:]))
        XCTAssertNil(KernelDiagnosis(coreName: "Cooperlake", cpuinfo: avx512).restartCoreType(environment: [:]))
    }
}
