import ComplexModule
import NumericKit
import RealModule
@testable import SpinChains
import XCTest

/// Entanglement entropies against exact values: product states 0, a Bell pair ln 2, random states
/// Page's value; the sector-aware blocks against the plain full-basis computation.
final class ObservablesEntanglementTests: XCTestCase {
    func column(_ amplitudes: [Complex<Double>]) -> EigenvectorMatrix {
        .complex(Matrix(rows: amplitudes.count, columns: 1, elements: amplitudes))
    }

    func testProductAndBellStates() throws {
        let basis = FullBasis(siteCount: 4)
        // |0110>: a product state.
        var product = [Complex<Double>](repeating: .zero, count: 16)
        product[0b0110] = .one
        for sites in [[0], [0, 1], [1, 3]] {
            XCTAssertEqual(try Bipartition(basis: basis, subsystemSites: sites).entropy(ofColumn: 0, in: column(product)), 0, accuracy: 1e-14)
        }
        // A Bell pair between sites 0 and 2 ((|00> + i|11>)/sqrt 2), sites 1, 3 up.
        var bell = [Complex<Double>](repeating: .zero, count: 16)
        bell[0] = Complex(0.5.squareRoot(), 0)
        bell[0b0101] = Complex(0, 0.5.squareRoot())
        let ln2 = log(2.0)
        XCTAssertEqual(try Bipartition(basis: basis, subsystemSites: [0]).entropy(ofColumn: 0, in: column(bell)), ln2, accuracy: 1e-14)
        XCTAssertEqual(try Bipartition(basis: basis, subsystemSites: [0, 1]).entropy(ofColumn: 0, in: column(bell)), ln2, accuracy: 1e-14)
        XCTAssertEqual(try Bipartition(basis: basis, subsystemSites: [0, 2]).entropy(ofColumn: 0, in: column(bell)), 0, accuracy: 1e-14)
        // In an S^z sector: (|0101> - |1010>)/sqrt 2 (two down spins), cut {0, 1}.
        let sector = MagnetizationSector(chainLength: 4, downSpins: 2)
        var singlet = [Double](repeating: 0, count: sector.dimension)
        singlet[sector.index(of: 0b0101)!] = 0.5.squareRoot()
        singlet[sector.index(of: 0b1010)!] = -0.5.squareRoot()
        let vectors = EigenvectorMatrix.real(Matrix(rows: sector.dimension, columns: 1, elements: singlet))
        XCTAssertEqual(try Bipartition(basis: sector, subsystemSites: [0, 1]).entropy(ofColumn: 0, in: vectors), ln2, accuracy: 1e-14)
    }

    /// Random states: Page's mean, sum_{k=n+1}^{mn} 1/k - (m-1)/(2n) (~ ln m - m/(2n)).
    func testRandomStateApproachesPage() throws {
        var generator = Xoshiro256StarStar(seed: 77)
        let basis = FullBasis(siteCount: 10)
        var sum = 0.0
        let samples = 5
        for _ in 0..<samples {
            var psi = (0..<1024).map { _ in Complex(generator.nextGaussian(), generator.nextGaussian()) }
            let norm = psi.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
            psi = psi.map { $0 * Complex(1 / norm, 0) }
            sum += try Bipartition(basis: basis, subsystemSites: Array(0..<5)).entropy(ofColumn: 0, in: column(psi))
        }
        let page = pageEntropy(subsystemDimension: 32, complementDimension: 32)
        XCTAssertEqual(page, log(32.0) - 0.5, accuracy: 0.02)
        // Fluctuations of S about Page's value are O(1/D): 5 samples agree to 1e-2.
        XCTAssertEqual(sum / Double(samples), page, accuracy: 0.01)
    }

    /// Sector blocks give the same entropy as the state embedded in the full basis.
    func testSectorAwareEqualsFullBasis() throws {
        var p = EDProblem(model: .xxz, length: 8, disorderStrength: 1)
        p.magnetization = .sector(0)
        let states = try p.eigenstates(fields: p.drawFields(seed: 1, realization: 0))
        let block = states.blocks[0]
        guard case let .real(v) = block.vectors else { return XCTFail("xxz vectors should be real") }
        let full = FullBasis(siteCount: 8)
        for a in [0, 17, 35, 69] {
            var embedded = [Complex<Double>](repeating: .zero, count: 256)
            for i in 0..<block.dimension { embedded[Int(block.basis.state(at: i))] = Complex(v[i, a], 0) }
            for sites in [[0, 1, 2, 3], [0], [0, 1], [2, 5, 6]] {
                let sectorAware = try Bipartition(basis: block.basis, subsystemSites: sites).entropy(ofColumn: a, in: block.vectors)
                let plain = try Bipartition(basis: full, subsystemSites: sites).entropy(ofColumn: 0, in: column(embedded))
                XCTAssertEqual(sectorAware, plain, accuracy: 1e-11)
            }
        }
    }

    /// The probe entropy of a decoupled probe is 0; [S_P] <= ln 2.
    func testProbeEntropy() throws {
        var p = EDProblem(model: .heisenbergO3, length: 4, disorderStrength: 1)
        p.probe = ProbeSpin(field: 1, couplingStrength: 0)
        let decoupled = try EigenstateEntanglement(try p.eigenstates(fields: p.drawFields(seed: 2, realization: 0)),
                                                   chainLength: 4, hasProbe: true)
        XCTAssertEqual(decoupled.probe.max()!, 0, accuracy: 1e-10)
        p.probe = p.defaultProbe
        let coupled = try EigenstateEntanglement(try p.eigenstates(fields: p.drawFields(seed: 2, realization: 0)),
                                                 chainLength: 4, hasProbe: true)
        XCTAssertEqual(coupled.probe.count, 32)
        XCTAssertLessThanOrEqual(coupled.probe.max()!, log(2.0) + 1e-12)
        XCTAssertGreaterThan(coupled.meanProbe, 0.1)
    }
}
