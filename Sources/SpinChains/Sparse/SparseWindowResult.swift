import ComplexModule
import Foundation
import NumericKit

/// The eigenpairs of a sparse window computation with its diagnostics, as a worker returns them.
public struct SparseWindowResult: Sendable {
    /// Spectral bounds (Krylov-Schur) and the target `Emin + epsilon (Emax - Emin)`.
    public var minimumEnergy: Double
    public var maximumEnergy: Double
    public var targetEnergy: Double
    /// Ascending energies of the window.
    public var energies: [Double]
    /// `||H v - E v|| / ||H||_2` per level.
    public var residuals: [Double]
    /// D x N eigenvectors (column a belongs to energies[a]), if requested.
    public var vectors: EigenvectorMatrix?
    public var dimension: Int
    public var ranks: Int
    public var matrixNonzeros: Int
    /// MUMPS' analysis estimate and its actual factorization memory (bytes, all ranks; 0 for the filter).
    public var estimatedFactorBytes: Double
    public var factorBytes: Double
    /// Peak resident set of the worker processes: the largest rank and the sum over ranks.
    public var peakResidentBytesMax: Double
    public var peakResidentBytesSum: Double
    /// Seconds of the worker's phases: spectral bounds (Krylov-Schur), MUMPS analysis (ordering,
    /// symbolic factorization), numerical factorization, the shift-and-invert (or filtered)
    /// Krylov-Schur iteration, and the residuals with the gathering of the eigenvectors.
    public var secondsBounds: Double
    public var secondsAnalysis: Double
    public var secondsFactorization: Double
    public var secondsSolve: Double
    public var secondsVectors: Double
    /// Seconds to generate this rank's rows.
    public var secondsAssembly: Double
    /// Index of `energies[0]` in the ascending spectrum (spectrum slicing of an index window;
    /// 0 where unknown).
    public var firstIndex = 0

    public init(minimumEnergy: Double, maximumEnergy: Double, targetEnergy: Double, energies: [Double],
                residuals: [Double], vectors: EigenvectorMatrix?, dimension: Int, ranks: Int, matrixNonzeros: Int,
                estimatedFactorBytes: Double, factorBytes: Double, peakResidentBytesMax: Double,
                peakResidentBytesSum: Double, secondsBounds: Double, secondsAnalysis: Double,
                secondsFactorization: Double = 0, secondsSolve: Double, secondsVectors: Double = 0, secondsAssembly: Double) {
        self.minimumEnergy = minimumEnergy
        self.maximumEnergy = maximumEnergy
        self.targetEnergy = targetEnergy
        self.energies = energies
        self.residuals = residuals
        self.vectors = vectors
        self.dimension = dimension
        self.ranks = ranks
        self.matrixNonzeros = matrixNonzeros
        self.estimatedFactorBytes = estimatedFactorBytes
        self.factorBytes = factorBytes
        self.peakResidentBytesMax = peakResidentBytesMax
        self.peakResidentBytesSum = peakResidentBytesSum
        self.secondsBounds = secondsBounds
        self.secondsAnalysis = secondsAnalysis
        self.secondsFactorization = secondsFactorization
        self.secondsSolve = secondsSolve
        self.secondsVectors = secondsVectors
        self.secondsAssembly = secondsAssembly
    }

    public var maximumResidual: Double { residuals.max() ?? 0 }
    public var seconds: Double { secondsAssembly + secondsBounds + secondsAnalysis + secondsFactorization + secondsSolve + secondsVectors }

    static let magic: Double = 0x5245_534f   // "RESO"
    /// Header numbers, the vector kind included.
    static let headerCount = 20
    /// The header's numbers after the counts, in file order (then the first index, then the vector kind).
    static let headerNumbers: [any WritableKeyPath<SparseWindowResult, Double> & Sendable] = [
        \.minimumEnergy, \.maximumEnergy, \.targetEnergy, \.estimatedFactorBytes, \.factorBytes, \.peakResidentBytesMax,
        \.peakResidentBytesSum, \.secondsBounds, \.secondsAnalysis, \.secondsSolve, \.secondsAssembly,
        \.secondsFactorization, \.secondsVectors,
    ]

    /// Binary layout (native little-endian doubles, exact): magic, then the header numbers, then
    /// energies, residuals and the vectors (complex interleaved).
    public func encoded() -> Data {
        var data = Data()
        forEachPart { part in part.withUnsafeBytes { data.append(contentsOf: $0) } }
        return data
    }

    /// The parts of `encoded()` in order, each handed over without copying the vectors.
    private func forEachPart(_ body: ([Double]) throws -> Void) rethrows {
        var header: [Double] = [Self.magic, Double(dimension), Double(energies.count), Double(ranks), Double(matrixNonzeros)]
            + Self.headerNumbers.map { self[keyPath: $0] } + [Double(firstIndex)]
        switch vectors {
        case nil: header.append(0)
        case .real?: header.append(1)
        case .complex?: header.append(2)
        }
        try body(header)
        try body(energies)
        try body(residuals)
        switch vectors {
        case let .real(v)?: try body(v.elements)
        case let .complex(v)?: try body(v.elements.flatMap { [$0.real, $0.imaginary] })
        case nil: break
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `encoded()` to `url` part by part (no copy of the vectors in between).
    public func write(to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: "cannot create \(url.path): errno \(errno)") }
        defer { close(descriptor) }
        try forEachPart { part in
            try part.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { throw WriteError(description: "cannot write \(url.path): errno \(errno)") }
                    offset += written
                }
            }
        }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String { "the worker's result file is truncated or not a result file" }
    }

    public init(encoded data: Data) throws {
        self = try data.withUnsafeBytes { raw in try Self(doubles: raw.bindMemory(to: Double.self)) }
    }

    /// Decodes the doubles of a result file in place (one copy of each array).
    private init(doubles: UnsafeBufferPointer<Double>) throws {
        let h = Self.headerCount
        guard doubles.count >= h, doubles[0] == Self.magic else { throw FormatError() }
        /// A count in the header: a whole number in 0...2^31 (anything else is a damaged file, not a crash).
        func count(_ x: Double) throws -> Int {
            guard x.isFinite, x >= 0, x <= 2_147_483_648, x.rounded() == x else { throw FormatError() }
            return Int(x)
        }
        let d = try count(doubles[1]), n = try count(doubles[2]), kind = try count(doubles[h - 1])
        guard kind <= 2 else { throw FormatError() }
        let vectorCount = kind == 0 ? 0 : d * n * kind
        guard doubles.count == h + 2 * n + vectorCount else { throw FormatError() }
        self.init(minimumEnergy: 0, maximumEnergy: 0, targetEnergy: 0, energies: [], residuals: [], vectors: nil,
                  dimension: d, ranks: try count(doubles[3]), matrixNonzeros: try count(doubles[4]),
                  estimatedFactorBytes: 0, factorBytes: 0, peakResidentBytesMax: 0, peakResidentBytesSum: 0,
                  secondsBounds: 0, secondsAnalysis: 0, secondsSolve: 0, secondsAssembly: 0)
        for (offset, field) in Self.headerNumbers.enumerated() { self[keyPath: field] = doubles[5 + offset] }
        firstIndex = try count(doubles[5 + Self.headerNumbers.count])
        energies = Array(UnsafeBufferPointer(rebasing: doubles[h..<(h + n)]))
        residuals = Array(UnsafeBufferPointer(rebasing: doubles[(h + n)..<(h + 2 * n)]))
        let start = h + 2 * n
        switch kind {
        case 1: vectors = .real(Matrix(rows: d, columns: n, elements: Array(UnsafeBufferPointer(rebasing: doubles[start...]))))
        case 2:
            var elements = [Complex<Double>]()
            elements.reserveCapacity(d * n)
            var k = start
            while k < doubles.count {
                elements.append(Complex(doubles[k], doubles[k + 1]))
                k += 2
            }
            vectors = .complex(Matrix(rows: d, columns: n, elements: elements))
        default: vectors = nil
        }
    }
}

extension SparseWindowResult {
    /// The window as eigenstates of one block (N of its D eigenvectors), so that every observable
    /// of `Eigenstates` runs on it unchanged and means "within the window". Needs the vectors.
    public func eigenstates(basis: any SpinBasis) throws -> Eigenstates {
        guard let vectors else { throw EigenstateError.unsupported("the window was computed without eigenvectors") }
        guard basis.dimension == dimension else { throw EigenstateError.unsupported("the window belongs to another basis") }
        return Eigenstates(blocks: [EigenstateBlock(energies: energies, vectors: vectors, basis: basis)], period: nil)
    }

    /// `E_max - E_min` of the window's levels.
    public var spread: Double { (energies.last ?? 0) - (energies.first ?? 0) }
}
