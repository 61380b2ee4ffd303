/// Cuts text to a display width (CJK characters count 2, see `DisplayWidth`) and tidies
/// whitespace, for list titles and summaries.
///
/// Chinese portals cut titles to a fixed visual width, so counting characters or bytes would
/// make Chinese titles twice as wide as Latin ones. Cuts always fall between grapheme clusters:
/// an emoji ZWJ sequence, a flag or a letter with combining marks is kept whole or dropped whole.
enum TextTruncation {
    /// Returns `text` unchanged when its display width is at most `width`; otherwise the longest
    /// prefix that, followed by `ellipsis`, fits in `width` cells.
    ///
    /// Whitespace left at the cut is dropped before the ellipsis is added. When `width` is too
    /// small to hold the ellipsis itself, the text is cut to `width` without one; a width of 0 or
    /// less gives the empty string. The result never exceeds `width` cells.
    static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        if width <= 0 { return text.isEmpty ? text : "" }
        // A cluster of width 2 takes at least 3 UTF-8 bytes and one of width 1 at least 1,
        // so a string with no more bytes than cells always fits.
        if text.utf8.count <= width { return text }

        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let useEllipsis = ellipsisWidth <= width
        let budget = useEllipsis ? width - ellipsisWidth : width

        var used = 0
        var cut = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            used += DisplayWidth.of(character)
            if used > width { break }
            index = text.index(after: index)
            if used <= budget { cut = index }
        }
        if index == text.endIndex { return text }

        var prefix = text[..<cut]
        while let last = prefix.last, last.isWhitespace { prefix.removeLast() }
        return useEllipsis ? String(prefix) + ellipsis : String(prefix)
    }

    /// Collapses every run of whitespace (spaces, tabs, newlines, ideographic spaces U+3000,
    /// no-break spaces, …) to one ASCII space and trims both ends.
    ///
    /// Summaries come from several paragraphs and from front matter written across lines;
    /// they must read as one line.
    static func normalizingWhitespace(_ text: String) -> String {
        if !needsWhitespaceNormalization(text) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar.value) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `text` has leading/trailing whitespace, a run of two, or any whitespace that is
    /// not a plain space.
    private static func needsWhitespaceNormalization(_ text: String) -> Bool {
        var previousWasSpace = true   // a leading space needs trimming
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else if isWhitespace(value) {
                return true
            } else {
                previousWasSpace = false
            }
        }
        return previousWasSpace && !text.isEmpty
    }

    /// Unicode White_Space, spelled out so the check stays a cheap switch.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
