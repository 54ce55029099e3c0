import RealModule

/// Why a fit failed.
public enum FittingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer data points than parameters, or mismatched lengths.
    case insufficientData(points: Int, parameters: Int)
    /// The design matrix is rank deficient (columns linearly dependent on the data).
    case singularDesign

    public var description: String {
        switch self {
        case .insufficientData(let n, let p): return "need more points than parameters (got \(n) points, \(p) parameters)"
        case .singularDesign: return "design matrix is rank deficient"
        }
    }
}

/// The result of a linear least-squares fit y ~ sum_k c_k phi_k(x).
///
/// Parameter errors: with `sigmas` given, the standard errors are sqrt(diag(C)), C = (A^T W A)^-1
/// (errors taken as known); without, they are scaled by the residual variance,
/// sqrt(diag(C) chi^2/(n - p)) (errors estimated from the scatter, as for a fit of model output
/// whose deviation from the ansatz is systematic rather than noise).
public struct LinearFit: Sendable {
    public var coefficients: [Double]
    public var standardErrors: [Double]
    /// The covariance matrix of the coefficients (row-major p x p), scaled as the standard errors.
    public var covariance: [[Double]]
    /// sum of squared (weighted) residuals.
    public var chiSquared: Double
    public var degreesOfFreedom: Int
    /// Largest |residual| (unweighted).
    public var maximumResidual: Double
    /// Root-mean-square residual (unweighted).
    public var rmsResidual: Double
    /// Coefficient of determination R^2 (unweighted).
    public var coefficientOfDetermination: Double
}

/// Linear least squares by Householder QR of the (weighted) design matrix, so that nearly
/// collinear bases lose accuracy like cond(A), not cond(A)^2 as with the normal equations.
public enum LinearLeastSquares {
    /// Fits y ~ sum_k c_k basis[k](x).
    public static func fit(x: [Double], y: [Double], sigmas: [Double]? = nil,
                           basis: [(Double) -> Double]) throws -> LinearFit {
        let n = x.count, p = basis.count
        guard y.count == n, sigmas.map({ $0.count == n }) ?? true, n >= p, p > 0 else {
            throw FittingError.insufficientData(points: n, parameters: p)
        }
        let weights = sigmas.map { $0.map { 1 / $0 } } ?? Array(repeating: 1, count: n)
        // Column-major design matrix A[k][i] = w_i phi_k(x_i), right-hand side b_i = w_i y_i.
        var a = (0..<p).map { k in (0..<n).map { i in weights[i] * basis[k](x[i]) } }
        var b = (0..<n).map { weights[$0] * y[$0] }
        let scale = a.map { column in column.reduce(0) { Swift.max($0, Swift.abs($1)) } }
        var r = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for k in 0..<p {
            var norm = 0.0
            for i in k..<n { norm += a[k][i] * a[k][i] }
            norm = norm.squareRoot()
            guard norm > 1e-13 * Swift.max(scale[k], Double.leastNormalMagnitude) else { throw FittingError.singularDesign }
            let alpha = a[k][k] > 0 ? -norm : norm
            var v = Array(repeating: 0.0, count: n)
            v[k] = a[k][k] - alpha
            for i in (k + 1)..<Swift.max(k + 1, n) where i < n { v[i] = a[k][i] }
            var vNorm2 = 0.0
            for i in k..<n { vNorm2 += v[i] * v[i] }
            if vNorm2 > 0 {
                for j in k..<p {
                    var dot = 0.0
                    for i in k..<n { dot += v[i] * a[j][i] }
                    let f = 2 * dot / vNorm2
                    for i in k..<n { a[j][i] -= f * v[i] }
                }
                var dot = 0.0
                for i in k..<n { dot += v[i] * b[i] }
                let f = 2 * dot / vNorm2
                for i in k..<n { b[i] -= f * v[i] }
            }
            for j in k..<p { r[k][j] = a[j][k] }
        }
        // Back substitution R c = Q^T b.
        var c = Array(repeating: 0.0, count: p)
        for k in stride(from: p - 1, through: 0, by: -1) {
            var s = b[k]
            for j in (k + 1)..<Swift.max(k + 1, p) where j < p { s -= r[k][j] * c[j] }
            c[k] = s / r[k][k]
        }
        // (A^T A)^-1 = R^-1 R^-T.
        var rInverse = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for column in 0..<p {
            for k in stride(from: p - 1, through: 0, by: -1) {
                var s = k == column ? 1.0 : 0.0
                for j in (k + 1)..<Swift.max(k + 1, p) where j < p { s -= r[k][j] * rInverse[j][column] }
                rInverse[k][column] = s / r[k][k]
            }
        }
        var covariance = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for i in 0..<p {
            for j in 0..<p {
                var s = 0.0
                for k in 0..<p { s += rInverse[i][k] * rInverse[j][k] }
                covariance[i][j] = s
            }
        }
        var chi2 = 0.0, maxResidual = 0.0, sumSquares = 0.0
        let meanY = y.reduce(0, +) / Double(n)
        var totalSquares = 0.0
        for i in 0..<n {
            var model = 0.0
            for k in 0..<p { model += c[k] * basis[k](x[i]) }
            let residual = y[i] - model
            chi2 += (weights[i] * residual) * (weights[i] * residual)
            sumSquares += residual * residual
            maxResidual = Swift.max(maxResidual, Swift.abs(residual))
            totalSquares += (y[i] - meanY) * (y[i] - meanY)
        }
        let dof = n - p
        if sigmas == nil {
            let variance = dof > 0 ? chi2 / Double(dof) : 0
            covariance = covariance.map { $0.map { $0 * variance } }
        }
        return LinearFit(coefficients: c,
                         standardErrors: (0..<p).map { covariance[$0][$0].squareRoot() },
                         covariance: covariance, chiSquared: chi2, degreesOfFreedom: dof,
                         maximumResidual: maxResidual, rmsResidual: (sumSquares / Double(n)).squareRoot(),
                         coefficientOfDetermination: totalSquares > 0 ? 1 - sumSquares / totalSquares : 1)
    }

    /// Straight line y ~ intercept + slope x: coefficients [intercept, slope].
    public static func line(x: [Double], y: [Double], sigmas: [Double]? = nil) throws -> LinearFit {
        try fit(x: x, y: y, sigmas: sigmas, basis: [{ _ in 1 }, { $0 }])
    }

    /// Line through the origin y ~ slope x: coefficients [slope].
    public static func proportional(x: [Double], y: [Double], sigmas: [Double]? = nil) throws -> LinearFit {
        try fit(x: x, y: y, sigmas: sigmas, basis: [{ $0 }])
    }
}

extension LinearFit {
    /// The slope of a `line` fit.
    public var slope: Double { coefficients[coefficients.count - 1] }
    public var slopeError: Double { standardErrors[standardErrors.count - 1] }
    /// The intercept of a `line` fit.
    public var intercept: Double { coefficients[0] }
    public var interceptError: Double { standardErrors[0] }
}
