import ArgumentParser
import Studies

extension WindowSolver: ExpressibleByArgument {}
