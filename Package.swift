// swift-tools-version:6.0
import Foundation
import PackageDescription

// Debian's PETSc/SLEPc 3.18 come in a real and a complex build that export the same symbols: the
// sparse window solver is compiled once against each, and each copy lives in its own worker
// executable (resonance-sparse-real, resonance-sparse-complex) that `resonance` runs.
let petscDirectory = "/usr/lib/petscdir/petsc3.18/x86_64-linux-gnu-"
let slepcDirectory = "/usr/lib/slepcdir/slepc3.18/x86_64-linux-gnu-"
let mpiIncludes = ["-I/usr/lib/x86_64-linux-gnu/openmpi/include", "-I/usr/lib/x86_64-linux-gnu/openmpi/include/openmpi"]
func sparseWindowTarget(_ scalar: String, _ name: String) -> Target {
    .target(
        name: name,
        dependencies: ["CSparseWindowAPI"],
        cSettings: [.unsafeFlags(["-I\(petscDirectory)\(scalar)/include", "-I\(slepcDirectory)\(scalar)/include"] + mpiIncludes)],
        linkerSettings: [.linkedLibrary("slepc_\(scalar)"), .linkedLibrary("petsc_\(scalar)"), .linkedLibrary("mpi")]
    )
}

// The GEMM entry points of a worker executable are exported to the shared libraries it loads, so
// that they take MUMPS' calls in place of OpenBLAS' (Sources/CSparseWindowAPI/blas_forward_impl.inc).
let workerBLASForwarding = LinkerSetting.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=dgemm_",
                                                      "-Xlinker", "--export-dynamic-symbol=zgemm_"])

// The matrix-free product of `ed dynamics` (SpinChains) works on eight doubles per instruction
// where the registers allow: SpinChains is compiled for AVX-512 (`-target-cpu znver4`) on AMD
// machines that have it (Zen 4 and later run 512-bit vectors without splitting them; Intel targets
// of LLVM prefer 256 bits), else for AVX2 (`-target-cpu haswell`) when the building machine has it
// (Linux /proc/cpuinfo), else for the baseline. The variable
// RESONANCE_TARGET_CPU names another CPU (`native`, `x86-64` for the baseline).
let hostCPUFlags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
let hostHasAVX512 = hostCPUFlags.contains(" avx512f") && hostCPUFlags.contains(" avx512vl") && hostCPUFlags.contains(" avx512dq")
let spinChainsTargetCPU = ProcessInfo.processInfo.environment["RESONANCE_TARGET_CPU"]
    ?? (hostHasAVX512 && hostCPUFlags.contains("AuthenticAMD") ? "znver4"
        : hostCPUFlags.contains(" avx2") && hostCPUFlags.contains(" fma") ? "haswell" : nil)
let spinChainsSettings: [SwiftSetting] = spinChainsTargetCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? []

let package = Package(
    name: "ResonanceKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ResonanceKit", targets: ["NumericKit", "ResonanceModel", "SpinChains", "Presentation", "Studies"]),
        .executable(name: "resonance", targets: ["resonance"]),
        .executable(name: "resonance-benchmark", targets: ["resonance-benchmark"]),
        .executable(name: "resonance-sparse-real", targets: ["resonance-sparse-real"]),
        .executable(name: "resonance-sparse-complex", targets: ["resonance-sparse-complex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C boundary: system libraries from Debian (libopenblas-dev, liblapacke-dev, libcerf-dev).
        .systemLibrary(name: "CLapack", path: "Sources/CLapack"),
        .systemLibrary(name: "CCerf", path: "Sources/CCerf"),
        // Distributed runs and bulk data: Open MPI (libopenmpi-dev) and serial HDF5 (libhdf5-dev).
        .systemLibrary(name: "CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c"),
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5-serial"),

        // Numbers (named NumericKit: swift-numerics already owns the module name Numerics): special functions, quadrature, roots, ODEs, linear algebra. No physics.
        .target(
            name: "NumericKit",
            dependencies: [
                "CLapack", "CCerf",
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        // The theory: the resonance model as pure functions and value types.
        .target(
            name: "ResonanceModel",
            dependencies: [
                "NumericKit",
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        // Exact numerics: bases, models, diagonalisation, observables.
        .target(name: "SpinChains", dependencies: ["NumericKit"], swiftSettings: spinChainsSettings),
        // Presentation: figures described by data and their one gnuplot writer, the report page,
        // the claims-ledger writer and the output files (CSV/JSON documents, atomic writes). It
        // knows no physics and no study: it draws and writes what it is given.
        .target(name: "Presentation"),
        // Studies: runs, disorder averages, the comparisons, the report's sections and the audit.
        .target(name: "Studies", dependencies: ["NumericKit", "ResonanceModel", "SpinChains", "Presentation", "CMPI", "CHDF5"]),
        // The sparse engine: a header-only API target (shift-invert window, spectrum slicing of an
        // index window, distributed Chebyshev propagation), its two implementations, the worker
        // logic (rows per rank from the basis, job and result files) and the two workers.
        .target(name: "CSparseWindowAPI", exclude: ["sparse_window_impl.inc", "sparse_slice_impl.inc", "sparse_propagation_impl.inc",
                                                    "blas_forward_impl.inc"]),
        sparseWindowTarget("real", "CSparseWindowReal"),
        sparseWindowTarget("complex", "CSparseWindowComplex"),
        .target(name: "SparseWorker", dependencies: ["SpinChains", "NumericKit", "CSparseWindowAPI",
                                             .product(name: "ComplexModule", package: "swift-numerics")]),
        // The workers export their dgemm_/zgemm_ (blas_forward_impl.inc) so that MUMPS' calls resolve there.
        .executableTarget(name: "resonance-sparse-real", dependencies: ["SparseWorker", "CSparseWindowReal"],
                          linkerSettings: [workerBLASForwarding]),
        .executableTarget(name: "resonance-sparse-complex", dependencies: ["SparseWorker", "CSparseWindowComplex"],
                          linkerSettings: [workerBLASForwarding]),
        .executableTarget(
            name: "resonance",
            dependencies: [
                "Studies", "ResonanceModel", "SpinChains", "NumericKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "resonance-benchmark",
            dependencies: ["Studies", "ResonanceModel", "SpinChains", "NumericKit"],
            path: "Benchmarks/resonance-benchmark"
        ),

        .testTarget(
            name: "NumericKitTests",
            dependencies: [
                "NumericKit",
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ],
            resources: [.copy("Reference")]
        ),
        .testTarget(name: "ResonanceModelTests", dependencies: ["ResonanceModel", "NumericKit"], resources: [.copy("Reference")]),
        .testTarget(name: "SpinChainsTests", dependencies: ["SpinChains", "NumericKit",
                                                     .product(name: "ComplexModule", package: "swift-numerics")]),
        .testTarget(name: "StudiesTests", dependencies: ["Presentation", "Studies", "ResonanceModel", "SpinChains", "NumericKit",
                                                   .product(name: "ComplexModule", package: "swift-numerics")]),
        .testTarget(name: "resonanceTests", dependencies: ["ResonanceModel", "Studies", "SpinChains"]),
    ]
)
