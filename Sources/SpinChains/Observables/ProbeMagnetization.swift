/// `<a| sigma^z_P |a>` of each eigenstate held (all of a block's, or a window's): the probe's
/// magnetization, `sum_i |v_i|^2 (-1)^{b_P(i)}` with `b_P` the probe's bit (site `probeSite`).
public func probeMagnetizations(_ eigenstates: Eigenstates, probeSite: Int) -> [Double] {
    var result: [Double] = []
    let bit = UInt64(1) << UInt64(probeSite)
    for block in eigenstates.blocks {
        let d = block.basis.dimension
        let signs = (0..<d).map { block.basis.state(at: $0) & bit == 0 ? 1.0 : -1.0 }
        for a in 0..<block.dimension {
            var sum = 0.0
            switch block.vectors {
            case let .real(v): for i in 0..<d { let x = v.elements[i + a * d]; sum += signs[i] * x * x }
            case let .complex(v): for i in 0..<d { sum += signs[i] * v.elements[i + a * d].lengthSquared }
            }
            result.append(sum)
        }
    }
    return result
}
