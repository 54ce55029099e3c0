import RealModule

/// `J_0(z), ..., J_{count-1}(z)` for `z >= 0` by Miller's backward recurrence
/// `J_{n-1} = (2n/z) J_n - J_{n+1}`, normalised by `J_0 + 2 sum_k J_{2k} = 1`; stable for every
/// order (the forward recurrence is not, beyond `n ~ z`). The coefficients of the Chebyshev
/// expansion `exp(-i x z) = sum_n (2 - delta_n0) (-i)^n J_n(z) T_n(x)`.
public func besselSequence(_ z: Double, count: Int) -> [Double] {
    precondition(z >= 0 && count >= 1, "needs z >= 0 and count >= 1")
    if z == 0 { return (0..<count).map { $0 == 0 ? 1 : 0 } }
    let cubeRoot: Double = Double.root(max(z, 1), 3)
    let start: Int = max(count, Int(z)) + 40 + Int(20 * cubeRoot)
    var values = [Double](repeating: 0, count: start + 2)
    values[start] = 1e-300
    for n in stride(from: start, to: 0, by: -1) {
        let factor: Double = 2 * Double(n) / z
        values[n - 1] = factor * values[n] - values[n + 1]
        if abs(values[n - 1]) > 1e250 {
            for k in (n - 1)...start { values[k] *= 1e-250 }
        }
    }
    var sum = values[0]
    for k in stride(from: 2, through: start, by: 2) { sum += 2 * values[k] }
    return (0..<count).map { values[$0] / sum }
}

/// The order at which the Chebyshev expansion of `exp(-i x z)` on `[-1, 1]` may stop: the
/// first `n > z` beyond which every `|J_n(z)|` is below `tolerance`.
public func chebyshevOrder(_ z: Double, tolerance: Double = 1e-16) -> Int {
    let cubeRoot: Double = Double.root(max(z, 1), 3)
    let guess = Int(z + 20 * cubeRoot + 40)
    let j = besselSequence(z, count: guess)
    var n = guess - 1
    while n > Int(z) + 1 && abs(j[n]) < tolerance { n -= 1 }
    return n + 1
}
