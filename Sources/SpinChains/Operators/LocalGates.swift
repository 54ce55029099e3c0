import ComplexModule
import NumericKit
import RealModule

/// A 2x2 single-site unitary `[[g00, g01], [g10, g11]]` in the basis (bit 0, bit 1) = (up, down).
public struct SingleSiteGate: Sendable, Equatable {
    public var g00, g01, g10, g11: Complex<Double>

    public init(g00: Complex<Double>, g01: Complex<Double>, g10: Complex<Double>, g11: Complex<Double>) {
        (self.g00, self.g01, self.g10, self.g11) = (g00, g01, g10, g11)
    }

    /// `exp(-i theta n . sigma) = cos(|theta n|) - i sin(|theta n|) (n/|n|) . sigma` for a real
    /// vector `theta * n` (the precession of one spin in a field).
    public static func rotation(angle theta: Double, axis n: SIMD3<Double>) -> SingleSiteGate {
        let length = (n * n).sum().squareRoot()
        let phi = theta * length
        let c = Double.cos(phi)
        let s = length == 0 ? 0 : Double.sin(phi) / length
        // -i s (nx sigma^x + ny sigma^y + nz sigma^z), textbook matrices.
        return SingleSiteGate(
            g00: Complex(c, -s * n.z), g01: Complex(-s * n.y, -s * n.x),
            g10: Complex(s * n.y, -s * n.x), g11: Complex(c, s * n.z))
    }
}

/// `M <- M (1 (x) g (x) 1)` with `g` on `site`: mixes the column pairs that differ in that bit.
/// O(D^2) per site; columns are contiguous in column-major storage.
public func applyFromRight(_ gate: SingleSiteGate, site: Int, to matrix: inout Matrix<Complex<Double>>) {
    let rows = matrix.rows
    let bit = 1 << site
    precondition(bit < matrix.columns, "site outside the matrix")
    matrix.elements.withUnsafeMutableBufferPointer { m in
        for j0 in 0..<matrix.columns where j0 & bit == 0 {
            let a = j0 * rows, b = (j0 | bit) * rows
            for i in 0..<rows {
                let x = m[a + i], y = m[b + i]
                m[a + i] = x * gate.g00 + y * gate.g10
                m[b + i] = x * gate.g01 + y * gate.g11
            }
        }
    }
}

/// `M <- exp(-i theta P) M = (cos theta - i sin theta P) M` for a Pauli string `P` (`P^2 = 1`),
/// with rows indexed by the states of a full basis. O(D^2).
public func applyRotationFromLeft(_ string: PauliString, angle theta: Double, to matrix: inout Matrix<Complex<Double>>) {
    let rows = matrix.rows
    let c = Double.cos(theta), s = Double.sin(theta)
    // (P M)[k ^ flip, j] = phase(k) M[k, j]; the pair (k, k ^ flip) is updated together.
    let flip = Int(string.flipMask)
    precondition(flip != 0, "a diagonal string needs no pairing; use a phase instead")
    let highest = 1 << (Int.bitWidth - 1 - flip.leadingZeroBitCount)
    var pairs: [(Int, Int, Complex<Double>, Complex<Double>)] = []
    for k in 0..<rows where k & highest == 0 {
        let l = k ^ flip
        let (pr, pi) = string.phase(on: UInt64(k))
        let (qr, qi) = string.phase(on: UInt64(l))
        // -i sin(theta) * phase
        pairs.append((k, l, Complex(s * pi, -s * pr), Complex(s * qi, -s * qr)))
    }
    matrix.elements.withUnsafeMutableBufferPointer { m in
        for j in 0..<matrix.columns {
            let column = j * rows
            for (k, l, fromK, fromL) in pairs {
                let x = m[column + k], y = m[column + l]
                // new[l] = c y + (-i s phase(k)) x,  new[k] = c x + (-i s phase(l)) y
                m[column + l] = c * y + fromK * x
                m[column + k] = c * x + fromL * y
            }
        }
    }
}
