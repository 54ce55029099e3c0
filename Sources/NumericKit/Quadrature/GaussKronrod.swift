/// Adaptive Gauss-Kronrod quadrature (21-point Kronrod extension of the 10-point Gauss rule).
///
/// Global adaptive bisection: the interval with the largest error estimate is split until the
/// summed estimate is below `max(absoluteTolerance, relativeTolerance * |I|)`. The error estimate is
/// QUADPACK's `|K21 - G10|`, which is pessimistic for smooth integrands: a smooth integrand on a
/// subinterval is exact to ~1e-16 relative once the Gauss and Kronrod sums agree to 1e-8.
/// Endpoint singularities of integrable power type are handled by bisection towards them; for a
/// `1/sqrt` singularity a change of variables is cheaper (see `integrateSqrtSingular`).
public struct GaussKronrod: Sendable {
    public var absoluteTolerance: Double
    public var relativeTolerance: Double
    public var maximumSubdivisions: Int

    public init(absoluteTolerance: Double = 1e-13, relativeTolerance: Double = 1e-12,
                maximumSubdivisions: Int = 2000) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.maximumSubdivisions = maximumSubdivisions
    }

    /// A result with QUADPACK-style error estimate and the number of integrand evaluations.
    public struct Result<Value: QuadratureValue>: Sendable {
        public var value: Value
        public var errorEstimate: Double
        public var evaluations: Int
    }

    /// integral_a^b f(x) dx.
    public func integrate<Value: QuadratureValue>(
        _ f: (Double) -> Value, from a: Double, to b: Double
    ) -> Result<Value> {
        if a == b { return Result(value: .zero, errorEstimate: 0, evaluations: 0) }
        var intervals = [Segment<Value>]()
        intervals.append(Self.rule(f, a, b))
        var total = intervals[0].value
        var error = intervals[0].error
        var evaluations = 21
        while error > Swift.max(absoluteTolerance, relativeTolerance * total.errorNorm),
              intervals.count < maximumSubdivisions {
            // Split the worst interval (linear scan: the lists stay short for our integrands).
            var worst = 0
            for i in 1..<intervals.count where intervals[i].error > intervals[worst].error { worst = i }
            let s = intervals[worst]
            let mid = 0.5 * (s.a + s.b)
            if mid <= s.a || mid >= s.b { break }  // interval exhausted at double resolution
            let left = Self.rule(f, s.a, mid), right = Self.rule(f, mid, s.b)
            evaluations += 42
            total = total - s.value + left.value + right.value
            error += left.error + right.error - s.error
            intervals[worst] = left
            intervals.append(right)
            if error < 0 { error = intervals.reduce(0) { $0 + $1.error } }
        }
        // Re-sum to avoid drift from the running updates.
        total = intervals.reduce(Value.zero) { $0 + $1.value }
        error = intervals.reduce(0) { $0 + $1.error }
        return Result(value: total, errorEstimate: error, evaluations: evaluations)
    }

    /// integral_a^b f(x) dx for f with an integrable 1/sqrt(x - a) singularity at `a`:
    /// substitutes x = a + s^2, so the integrand 2 s f(a + s^2) is smooth.
    public func integrateSqrtSingular<Value: QuadratureValue>(
        _ f: (Double) -> Value, from a: Double, to b: Double
    ) -> Result<Value> {
        let sMax = (b - a).squareRoot()
        return integrate({ s in (2 * s) * f(a + s * s) }, from: 0, to: sMax)
    }

    struct Segment<Value: QuadratureValue> {
        var a: Double, b: Double, value: Value, error: Double
    }

    static func rule<Value: QuadratureValue>(_ f: (Double) -> Value, _ a: Double, _ b: Double) -> Segment<Value> {
        let center = 0.5 * (a + b), half = 0.5 * (b - a)
        let fc = f(center)
        var kronrod = kronrodWeights[10] * fc
        var gauss = Value.zero
        for j in 0..<10 {
            let dx = half * nodes[j]
            let f1 = f(center - dx), f2 = f(center + dx)
            let sum = f1 + f2
            kronrod = kronrod + kronrodWeights[j] * sum
            if j % 2 == 1 { gauss = gauss + gaussWeights[j / 2] * sum }
        }
        let value = half * kronrod
        let error = (half * (kronrod - gauss)).errorNorm
        return Segment(a: a, b: b, value: value, error: error)
    }

    /// Kronrod abscissae x_k (k = 0..9; x_10 = 0 is the centre); odd k are the 10-point Gauss nodes.
    static let nodes: [Double] = [
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
        0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
        0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
        0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
    ]
    static let kronrodWeights: [Double] = [
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
        0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
        0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077208553226581, 0.134709217311473325928054001771707,
        0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    ]
    static let gaussWeights: [Double] = [
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
        0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
        0.295524224714752870173892994651338,
    ]
}
