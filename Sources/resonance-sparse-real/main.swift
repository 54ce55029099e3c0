import Foundation
import SparseWorker

// The shift-invert worker linked against Debian's real PETSc/SLEPc build (see SparseWorker).
exit(SparseWorker.main(arguments: CommandLine.arguments))
