import NumericKit
import XCTest
@testable import SpinChains

/// The model catalog: each model's declared shape (dimensions, Floquet or not, its disorder)
/// against what its builder produces, and a model defined outside the package going through the
/// same diagonalization as the catalog's.
final class ModelCatalogTests: XCTestCase {
    /// A problem of each catalog model at `length` sites, with the parameters its options require.
    func problem(_ model: EDModelKind, length: Int, probe: Bool) -> EDProblem {
        var problem = EDProblem(model: model, length: length, disorderStrength: 1.5)
        problem.driveFrequency = 5
        problem.localizationLength = 1.2
        if probe || model.definition.alwaysHasProbe { problem.probe = problem.defaultProbe }
        if model.definition.hasMagnetizationSectors {
            problem.magnetization = EDProblem.defaultMagnetization(length: length, probeCoupling: problem.probe?.coupling)
        }
        return problem
    }

    func testCatalogNamesAreUniqueAndRoundTrip() {
        let names = EDModelKind.allCases.map(\.rawValue)
        XCTAssertEqual(Set(names).count, names.count)
        for model in EDModelKind.allCases { XCTAssertEqual(EDModelKind(rawValue: model.rawValue), model) }
        XCTAssertNil(EDModelKind(rawValue: "no-such-model"))
        XCTAssertEqual(EDModelKind.names(where: \.isFloquet), "floquet-o3 and lbit")
        XCTAssertEqual(EDModelKind.names { !$0.isFloquet }, "xxz and heisenberg-o3")
    }

    /// The declared block dimensions are the number of levels the builder returns; a Hamiltonian's
    /// levels sum to its trace (every Pauli string but the identity is traceless, and the models
    /// have no identity term) over the whole space; Floquet quasi-energies lie in (-Omega/2, Omega/2].
    func testDeclaredShapeMatchesTheBuilder() throws {
        for model in EDModelKind.allCases {
            for probe in [false, true] {
                let p = problem(model, length: 4, probe: probe)
                let fields = p.drawFields(seed: 3, realization: 1)
                if model.definition.disorder != .drawnFromSeed { XCTAssertNoThrow(try p.check(fields: fields), model.rawValue) }
                let levels = try p.spectrum(fields: fields, seed: 3, realization: 1)
                XCTAssertEqual(levels.count, p.blockDimensions.reduce(0, +), "\(model) probe \(probe)")
                if model.isFloquet {
                    XCTAssertThrowsError(try p.hamiltonianOperator(fields: fields))
                    XCTAssertNotNil(p.sparseWindowUnsupportedReason)
                    for e in levels { XCTAssertTrue(e > -p.driveFrequency / 2 - 1e-12 && e <= p.driveFrequency / 2 + 1e-12, "\(model)") }
                } else if levels.count == 1 << (p.length + (p.probe == nil ? 0 : 1)) {
                    // Whole space (a single S^z sector is not traceless: its Sz Sz terms do not cancel).
                    XCTAssertEqual(levels.reduce(0, +), 0, accuracy: 1e-9 * Double(levels.count), "trace of \(model)")
                    XCTAssertNil(p.sparseWindowUnsupportedReason)
                } else {
                    XCTAssertTrue(model.definition.hasMagnetizationSectors, "\(model): only sectors are part of the space")
                    XCTAssertNil(p.sparseWindowUnsupportedReason)
                }
            }
        }
    }

    /// A model in one file: `sum_n h_n sigma^z_n`, fields uniform in [-W, W]. It needs no entry in
    /// the package to be diagonalised; its levels are the sums `sum_n +-h_n`.
    struct FieldOnlyModel: ChainModel {
        let name = "field-only"
        let summary = "H = sum_n h_n sigma^z_n"
        let structure = ModelStructure.hermitian
        let disorder = ModelDisorder.longitudinalFields

        func hamiltonian(of problem: EDProblem, fields: DisorderFields) throws -> SpinOperator {
            var h = SpinOperator()
            for (n, field) in try problem.longitudinalFields(fields).enumerated() { h.add(field, PauliString(.z, at: n)) }
            return h
        }
    }

    func testAModelDefinedInOneTypeIsDiagonalized() throws {
        let model = EDModelKind(FieldOnlyModel())
        let p = EDProblem(model: model, length: 5, disorderStrength: 2)
        let fields = p.drawFields(seed: 9, realization: 0)
        let h = try XCTUnwrap(fields.longitudinal)
        let expected = (0..<(1 << 5)).map { state in
            h.indices.reduce(0.0) { sum, n in sum + (state >> n & 1 == 0 ? h[n] : -h[n]) }
        }.sorted()
        let levels = try p.spectrum(fields: fields)
        XCTAssertEqual(levels.count, expected.count)
        for (a, b) in zip(levels, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(p.blockDimensions, [32])
        XCTAssertThrowsError(try p.check(fields: DisorderFields(vectors: [])))
    }
}
