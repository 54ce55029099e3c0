// The studies hand their results to the presentation layer (figures, the report page, the claims
// ledger, output files); whoever imports Studies sees it too.
@_exported import Presentation
