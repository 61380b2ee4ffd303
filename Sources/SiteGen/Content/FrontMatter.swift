
/// Splits a Markdown file into its YAML front matter and its body.
///
/// The first line must be `---` and a later line `---` closes the block (trailing spaces and
/// tabs are tolerated on both). The YAML therefore always starts on line 2 of the file.
enum FrontMatter {
    /// The result of looking for front matter.
    enum Split: Equatable {
        /// The file is empty or only whitespace.
        case empty
        /// The first line is not `---`.
        case missing
        /// `---` opens a block that no `---` line closes.
        case unterminated
        /// The YAML text (starting on file line 2), the body and the file line the body starts on.
        case found(yaml: Substring, body: Substring, bodyLine: Int)
    }

    /// Splits `text` (BOM removed, `\n` line endings).
    static func split(_ text: String) -> Split {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
            return .empty
        }
        guard let firstEnd = delimiterLineEnd(utf8, from: utf8.startIndex) else { return .missing }
        guard firstEnd < utf8.endIndex else { return .unterminated }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            if let end = delimiterLineEnd(utf8, from: lineStart) {
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return .found(yaml: text[yamlStart..<lineStart], body: text[bodyStart...], bodyLine: lineNumber + 1)
            }
            guard let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = utf8.index(after: newline)
            lineNumber += 1
        }
        return .unterminated
    }

    /// If the line starting at `start` is `---` (plus trailing blanks), the index of its line
    /// break (or the end of the text).
    private static func delimiterLineEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        var index = start
        for _ in 0..<3 {
            guard index < utf8.endIndex, utf8[index] == UInt8(ascii: "-") else { return nil }
            index = utf8.index(after: index)
        }
        while index < utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "\n"): return index
            case UInt8(ascii: " "), UInt8(ascii: "\t"): index = utf8.index(after: index)
            default: return nil
            }
        }
        return index
    }
}
