/// One figure of the report: its data, how to draw it, and what it is for.
///
/// `plot` is the body of a gnuplot script (axes, labels, `plot` commands). It refers to its data
/// files by the names in `data` (written as CSV into the figure's folder; comma-separated with `#`
/// metadata lines, which gnuplot skips), and may use the column names of each file as
/// `column("name")`. The renderer sets the terminal and output.
public struct ReportFigure: Sendable {
    public var identifier: String
    public var title: String
    /// The paper's claim the figure tests or illustrates, in one or two sentences.
    public var claim: String
    /// What the figure shows and what we find (measured numbers go here).
    public var caption: String
    /// Human-readable parameter summary.
    public var parameters: String
    public var data: [ReportData]
    /// The gnuplot body (from `figure` where the figure is described by data).
    public var plot: String
    /// The figure as data (axes and series), when it is described so.
    public var figure: FigurePlot?

    public init(identifier: String, title: String, claim: String, caption: String, parameters: String,
                data: [ReportData], plot: String) {
        self.identifier = identifier
        self.title = title
        self.claim = claim
        self.caption = caption
        self.parameters = parameters
        self.data = data
        self.plot = plot
    }

    /// A figure described by data, rendered by `GnuplotWriter`.
    public init(identifier: String, title: String, claim: String, caption: String, parameters: String,
                data: [ReportData], figure: FigurePlot) {
        self.init(identifier: identifier, title: title, claim: claim, caption: caption, parameters: parameters,
                  data: data, plot: GnuplotWriter.body(figure))
        self.figure = figure
    }
}

/// A data file of a figure: a table and the metadata written above it.
public struct ReportData: Sendable {
    public var fileName: String
    public var table: ColumnTable
    public var metadata: OutputMetadata

    public init(fileName: String, table: ColumnTable, metadata: OutputMetadata) {
        self.fileName = fileName
        self.table = table
        self.metadata = metadata
    }
}

/// A table of numbers in the report (measured values beside the paper's statements).
public struct ReportTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]

    public init(title: String, header: [String], rows: [[String]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }
}

/// A section of the report: an introduction, figures and tables.
public struct ReportSection: Sendable {
    public var title: String
    public var introduction: String
    public var figures: [ReportFigure]
    public var tables: [ReportTable]

    public init(title: String, introduction: String, figures: [ReportFigure], tables: [ReportTable] = []) {
        self.title = title
        self.introduction = introduction
        self.figures = figures
        self.tables = tables
    }
}
