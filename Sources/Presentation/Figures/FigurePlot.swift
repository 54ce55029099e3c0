/// A figure described by its data: the axes and the series, each naming its file and its columns.
/// `GnuplotWriter` renders it; nobody types a column number or a `plot` line by hand.
public struct FigurePlot: Sendable, Equatable {
    public var axes: PlotAxes
    public var series: [PlotSeries]

    public init(axes: PlotAxes, series: [PlotSeries]) {
        self.axes = axes
        self.series = series
    }
}

/// Labels, scales, ranges and the key of a figure (gnuplot's enhanced text in the labels).
public struct PlotAxes: Sendable, Equatable {
    public var xLabel: String
    public var yLabel: String
    public var logX = false
    public var logY = false
    /// Tick labels as powers of ten on a logarithmic axis.
    public var powerTicksX = false
    public var powerTicksY = false
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// Where the key goes (gnuplot's words: "left top", "outside right", ...) and its font.
    public var key = "right top"
    public var keyFont: String?
    /// Marks drawn with the axes (an arrow at a critical value, a label, a text-box style), as
    /// gnuplot `set` lines: they name positions, never columns.
    public var decorations: [String] = []

    public init(xLabel: String, yLabel: String, logX: Bool = false, logY: Bool = false, powerTicksX: Bool = false,
                powerTicksY: Bool = false, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                key: String = "right top", keyFont: String? = nil, decorations: [String] = []) {
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.powerTicksX = powerTicksX
        self.powerTicksY = powerTicksY
        self.xRange = xRange
        self.yRange = yRange
        self.key = key
        self.keyFont = keyFont
        self.decorations = decorations
    }
}

/// One curve: columns of a data file by name, or a constant (a reference line), and how it is drawn.
public struct PlotSeries: Sendable, Equatable {
    public enum Style: String, Sendable {
        case lines, points, linespoints, steps, yerrorbars, yerrorlines
    }

    /// Where the values come from.
    public enum Source: Sendable, Equatable {
        /// Columns `x`, `y` (and `yError`) of `file`; with `only`, the rows whose column equals the value.
        case columns(file: String, x: String, y: String, yError: String? = nil, only: (column: String, value: Double)? = nil)
        /// y = value everywhere (a reference level).
        case constant(Double)
        /// A text at each (x, y) of `file`: `format` (printf style) applied to column `text`, boxed, left of the point.
        case labels(file: String, x: String, y: String, format: String, text: String)
        /// No data: an entry in the key only.
        case keyOnly

        public static func == (a: Source, b: Source) -> Bool {
            switch (a, b) {
            case let (.columns(f1, x1, y1, e1, o1), .columns(f2, x2, y2, e2, o2)):
                return f1 == f2 && x1 == x2 && y1 == y2 && e1 == e2 && o1?.column == o2?.column && o1?.value == o2?.value
            case let (.constant(u), .constant(v)): return u == v
            case let (.labels(f1, x1, y1, m1, t1), .labels(f2, x2, y2, m2, t2)): return f1 == f2 && x1 == x2 && y1 == y2 && m1 == m2 && t1 == t2
            case (.keyOnly, .keyOnly): return true
            default: return false
            }
        }
    }

    public var source: Source
    public var style: Style
    /// The key entry; nil: none.
    public var title: String?
    public var color: String?
    /// gnuplot's line type (the report's palette, `Gnuplot.style`), dash type, point type and size, line width.
    public var lineType: Int?
    public var dash: Int?
    public var pointType: Int?
    public var pointSize: Double?
    public var lineWidth: Double?

    public init(_ source: Source, style: Style = .lines, title: String?, color: String? = nil, lineType: Int? = nil, dash: Int? = nil,
                pointType: Int? = nil, pointSize: Double? = nil, lineWidth: Double? = nil) {
        self.source = source
        self.style = style
        self.title = title
        self.color = color
        self.lineType = lineType
        self.dash = dash
        self.pointType = pointType
        self.pointSize = pointSize
        self.lineWidth = lineWidth
    }

    /// One series per column of `table` after its first (the abscissa), titled by column name:
    /// the curves of a family (one per L, per 1/xi, ...).
    public static func family(_ table: ColumnTable, file: String, columns: [String]? = nil, style: Style = .lines) -> [PlotSeries] {
        guard let x = table.columns.first?.name else { return [] }
        let names = columns ?? table.columns.dropFirst().map(\.name)
        return names.enumerated().map { i, name in
            PlotSeries(.columns(file: file, x: x, y: name), style: style, title: name, lineType: i % 8 + 1)
        }
    }
}

/// The one place a figure becomes gnuplot: axes settings, then one `plot` command with a clause
/// per series, columns addressed by name (`using "x":"y"`).
public enum GnuplotWriter {
    public static func body(_ plot: FigurePlot) -> String {
        var lines: [String] = []
        let a = plot.axes
        let logAxes = (a.logX ? "x" : "") + (a.logY ? "y" : "")
        if !logAxes.isEmpty { lines.append("set logscale \(logAxes)") }
        if a.powerTicksX { lines.append("set format x \"10^{%L}\"") }
        if a.powerTicksY { lines.append("set format y \"10^{%L}\"") }
        if let r = a.xRange { lines.append("set xrange [\(JSONValue.format(r.lowerBound)):\(JSONValue.format(r.upperBound))]") }
        if let r = a.yRange { lines.append("set yrange [\(JSONValue.format(r.lowerBound)):\(JSONValue.format(r.upperBound))]") }
        lines.append("set xlabel \(quoted(a.xLabel)); set ylabel \(quoted(a.yLabel))")
        lines.append("set key \(a.key)" + (a.keyFont.map { " font \(quoted($0))" } ?? ""))
        lines += a.decorations
        lines.append("plot " + plot.series.map(clause).joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n")
    }

    static func clause(_ s: PlotSeries) -> String {
        var text: String
        switch s.source {
        case let .columns(file, x, y, yError, only):
            let ordinate = only.map { "(column(\(quoted($0.column))) == \(JSONValue.format($0.value)) ? column(\(quoted(y))) : 1/0)" } ?? quoted(y)
            text = "\(quoted(file)) using \(quoted(x)):\(ordinate)" + (yError.map { ":" + quoted($0) } ?? "")
        case let .constant(value):
            text = JSONValue.format(value)
        case .keyOnly:
            text = "NaN"
        case let .labels(file, x, y, format, column):
            return "\(quoted(file)) using \(quoted(x)):\(quoted(y)):(sprintf(\(quoted(format)), column(\(quoted(column))))) with labels left offset 1.2,0 boxed notitle"
        }
        text += " with \(s.style.rawValue)"
        if let t = s.lineType { text += " lt \(t)" }
        if let w = s.lineWidth { text += " lw \(JSONValue.format(w))" }
        if let d = s.dash { text += " dt \(d)" }
        if let p = s.pointType { text += " pt \(p)" }
        if let p = s.pointSize { text += " ps \(JSONValue.format(p))" }
        if let c = s.color { text += " lc rgb \(quoted(c))" }
        text += s.title.map { " title \(quoted($0))" } ?? " notitle"
        return text
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
