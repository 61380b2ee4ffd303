/// One problem found while building, compiler-style: `path:line:col: error: message`.
///
/// Diagnostics are data: stages return them instead of throwing, so that a build can report
/// every problem of the site at once.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is; `nil` for site-wide problems (e.g. a missing `site.yml`).
    public var location: SourceLocation?
    /// What is wrong, in a sentence an editor understands.
    public var message: String
    /// The offending source line, shown under the message with a caret at the column.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// Shorthand for an error.
    public static func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: sourceLine)
    }

    /// Shorthand for a warning.
    public static func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, sourceLine: sourceLine)
    }

    /// The one-line form: `path:line:col: error: message`.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// The one-line form followed, when known, by the source line and a caret under the column.
    public var rendered: String {
        guard let fullLine = sourceLine, let location, location.column > 0 else { return description }
        let (sourceLine, column) = Self.window(of: fullLine, around: location.column)
        let visible = sourceLine.replacingTabs()
        let prefix = String(sourceLine.unicodeScalars.prefix(column - 1))
        let caretIndent = prefix.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar == "\t" ? 4 : DisplayWidth.of(scalar))
        }
        return description + "\n    " + visible + "\n    " + String(repeating: " ", count: caretIndent) + "^"
    }

    /// Scalars shown on each side of the column when a source line is too long to print whole
    /// (a 1 MB line must not flood the terminal).
    package static let sourceLineContext = 60

    /// The part of `line` shown under the message, and the column within it: the whole line
    /// when short, otherwise a window around `column` with `…` marking what was cut.
    package static func window(of line: String, around column: Int) -> (line: String, column: Int) {
        let scalars = line.unicodeScalars
        guard scalars.count > 3 * sourceLineContext else { return (line, column) }
        let start = max(0, min(column - 1, scalars.count) - sourceLineContext)
        let end = min(scalars.count, column - 1 + sourceLineContext)
        var shown = start > 0 ? "…" : ""
        shown.unicodeScalars.append(contentsOf: scalars.dropFirst(start).prefix(end - start))
        if end < scalars.count { shown += "…" }
        return (shown, column - start + (start > 0 ? 1 : 0))
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar == "\t" { result += "    " } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
