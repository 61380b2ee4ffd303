import Foundation
import SiteGen
import SiteGenCore

/// Prints diagnostics to standard error, sorted, each with its source line and a caret.
enum DiagnosticPrinter {
    /// Warnings shown before the rest are only counted (errors are always all shown).
    static let warningLimit = 20

    /// Prints every error and, when `warnings` is set, the first `warningLimit` warnings (all
    /// of them when `allWarnings` is set) followed by a count of the others.
    static func print(_ diagnostics: Diagnostics, warnings: Bool, allWarnings: Bool = false) {
        var shownWarnings = 0
        var hiddenWarnings = 0
        for diagnostic in diagnostics.sorted {
            if diagnostic.severity == .warning {
                guard warnings else { continue }
                if !allWarnings, shownWarnings >= warningLimit {
                    hiddenWarnings += 1
                    continue
                }
                shownWarnings += 1
            }
            printError(diagnostic.rendered)
        }
        if hiddenWarnings > 0 {
            printError("… and \(hiddenWarnings) more warning\(hiddenWarnings == 1 ? "" : "s") (--all-warnings shows them)")
        }
    }

    static func printError(_ line: String) {
        Terminal.err(line + "\n")
    }
}
