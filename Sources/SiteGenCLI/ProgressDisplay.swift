import Foundation
import SiteGen

/// Shows build progress on standard error: a bar that redraws itself on a terminal, one plain
/// line per stage otherwise, nothing with `--quiet` or in CI (`CI` set in the environment).
enum ProgressDisplay {
    /// The progress callback for a build, or `nil` when nothing should be shown.
    static func make(quiet: Bool) -> (@Sendable (BuildProgress) -> Void)? {
        let environment = ProcessInfo.processInfo.environment
        if quiet || (environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false) { return nil }
        if isatty(STDERR_FILENO) == 1 {
            return { progress in
                var line = "\r\u{1B}[2K" + progress.stage
                if progress.total > 0 {
                    let width = 30
                    let filled = progress.done * width / progress.total
                    line += " [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(progress.done)/\(progress.total)"
                }
                Terminal.err(line)
            }
        }
        return { progress in
            guard progress.done == 0 else { return }
            let count = progress.total > 0 ? " (\(progress.total))" : ""
            Terminal.err("\(progress.stage)\(count)…\n")
        }
    }

    /// Clears the bar's line on a terminal before the summary is printed.
    static func finish() {
        if isatty(STDERR_FILENO) == 1 { Terminal.err("\r\u{1B}[2K") }
    }
}
