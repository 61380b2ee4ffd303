import Foundation
import SiteGen

/// Prints diagnostics to standard error, sorted, each with its source line and a caret.
enum DiagnosticPrinter {
    static func print(_ diagnostics: Diagnostics, warnings: Bool) {
        for diagnostic in diagnostics.sorted where warnings || diagnostic.severity == .error {
            printError(diagnostic.rendered)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
