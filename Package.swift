// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ResonanceKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ResonanceKit", targets: ["NumericKit", "ResonanceModel", "SpinChains", "Studies"]),
        .executable(name: "resonance", targets: ["resonance"]),
        .executable(name: "resonance-benchmark", targets: ["resonance-benchmark"]),
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
        .target(name: "SpinChains", dependencies: ["NumericKit"]),
        // Runs, files, figures, the report.
        .target(name: "Studies", dependencies: ["NumericKit", "ResonanceModel", "SpinChains", "CMPI", "CHDF5"]),
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
        .testTarget(name: "SpinChainsTests", dependencies: ["SpinChains", "NumericKit"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "ResonanceModel"]),
        .testTarget(name: "resonanceTests", dependencies: ["ResonanceModel", "Studies", "SpinChains"]),
    ]
)
