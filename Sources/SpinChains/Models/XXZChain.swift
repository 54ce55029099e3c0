/// The random-field XXZ chain (docs/exact-numerics.md, `xxz`; Luitz, Laflorencie & Alet, PRB 91, 081103 (2015)):
///
///     H = J sum_n (S^x_n S^x_{n+1} + S^y_n S^y_{n+1} + Delta S^z_n S^z_{n+1}) + sum_n h_n S^z_n
///
/// with `S = sigma/2` (convention `.spin`) or `S -> sigma` (convention `.pauli`), fields `h_n`
/// uniform in `[-W, W]` in either convention. Conserves total `S^z`; the matrix is real.
public struct XXZChain: Sendable {
    public var interaction: Double
    public var anisotropy: Double
    /// `h_n`, one per site, in the Hamiltonian's own convention.
    public var fields: [Double]
    public var boundary: ChainBoundary
    public var convention: SpinConvention

    public init(interaction: Double = 1, anisotropy: Double = 1, fields: [Double],
                boundary: ChainBoundary = .periodic, convention: SpinConvention = .spin) {
        self.interaction = interaction
        self.anisotropy = anisotropy
        self.fields = fields
        self.boundary = boundary
        self.convention = convention
    }

    public var length: Int { fields.count }

    /// `H` as a sum of Pauli strings on sites 0..L-1.
    public var hamiltonian: SpinOperator {
        let s = convention.operatorScale
        var h = SpinOperator()
        for (i, j) in boundary.bonds(length: length) {
            h.add(interaction * s * s, PauliString(.x, at: i, j))
            h.add(interaction * s * s, PauliString(.y, at: i, j))
            h.add(interaction * anisotropy * s * s, PauliString(.z, at: i, j))
        }
        for (n, field) in fields.enumerated() { h.add(field * s, PauliString(.z, at: n)) }
        return h
    }
}

/// `xxz` in the model catalog: real symmetric blocks, one per `S^z` sector (`EDProblem.magnetization`).
public struct XXZChainModel: ChainModel {
    public let name = "xxz"
    public let summary = "H = J sum (SxSx + SySy + Delta SzSz) + sum h_n Sz_n, S = sigma/2 (sigma with --pauli), h_n uniform in [-W, W]; one S^z sector (--sector)"
    public let structure = ModelStructure.realSymmetricBlocks
    public let disorder = ModelDisorder.longitudinalFields
    public var hasMagnetizationSectors: Bool { true }

    public func blockDimensions(of problem: EDProblem) -> [Int] {
        let length = problem.length
        let probeFactor = problem.probe == nil ? 1 : 2
        let combinadic = Combinadic(bits: length)
        switch problem.magnetization {
        case let .sector(sz):
            let down = Int((Double(length) / 2 - sz).rounded())
            return [combinadic.choose(length, down) * probeFactor]
        case .allSectors:
            return (0...length).map { combinadic.choose(length, $0) * probeFactor }
        case .fullSpace:
            return [(1 << length) * probeFactor]
        }
    }

    public func bases(of problem: EDProblem) throws -> [any SpinBasis] {
        let length = problem.length
        let withProbe = problem.probe != nil
        if withProbe, problem.magnetization != .fullSpace, problem.probe?.conservesChainMagnetization != true {
            throw EDProblem.ProblemError.unsupported("S^z sectors with a probe need a sigma^z coupling; use the full space")
        }
        switch problem.magnetization {
        case let .sector(sz):
            guard let sector = MagnetizationSector(chainLength: length, totalSz: sz, withProbe: withProbe) else {
                throw EDProblem.ProblemError.unsupported("no S^z = \(sz) sector for L = \(length)")
            }
            return [sector]
        case .allSectors:
            return (0...length).map { MagnetizationSector(chainLength: length, downSpins: $0, withProbe: withProbe) }
        case .fullSpace:
            return [FullBasis(siteCount: length + (withProbe ? 1 : 0))]
        }
    }

    public func hamiltonian(of problem: EDProblem, fields: DisorderFields) throws -> SpinOperator {
        let chain = XXZChain(interaction: problem.interaction, anisotropy: problem.anisotropy,
                             fields: try problem.longitudinalFields(fields),
                             boundary: problem.boundary, convention: problem.convention)
        return problem.probe.map { chain.hamiltonian + $0.terms(chainLength: problem.length) } ?? chain.hamiltonian
    }
}

extension EDModelKind {
    public static let xxz = EDModelKind(XXZChainModel())
}
