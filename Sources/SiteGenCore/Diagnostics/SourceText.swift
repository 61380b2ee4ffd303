/// The decoded text of one source file with the path used in messages, able to hand out a
/// location and the offending line for a diagnostic.
///
/// Lines are looked up by scanning only when a diagnostic needs one, so the fast path pays
/// nothing for them.
package struct SourceText: Sendable {
    /// Path relative to the site folder, e.g. `content/guonei/a.md`.
    package let path: String
    /// The text, without BOM, line endings normalised to `\n`.
    package let text: String

    /// Creates a source text.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The text of 1-based line `number`, without its line break; `nil` past the end.
    package func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                if current == number { return String(text[start..<index]) }
                current += 1
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        return current == number ? String(text[start..<index]) : nil
    }

    /// An error at a 1-based line and column, with the source line attached.
    package func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        .error(message, at: SourceLocation(path: path, line: line, column: column), sourceLine: self.line(line))
    }

    /// A warning at a 1-based line and column, with the source line attached.
    package func warning(_ message: String, line: Int, column: Int) -> Diagnostic {
        .warning(message, at: SourceLocation(path: path, line: line, column: column), sourceLine: self.line(line))
    }
}
