/// Cuts text to a display width (CJK characters count 2, see `DisplayWidth`) and tidies
/// whitespace, for list titles and summaries.
///
/// Chinese portals cut titles to a fixed visual width, so counting characters or bytes would
/// make Chinese titles twice as wide as Latin ones. Cuts always fall between grapheme clusters:
/// an emoji ZWJ sequence, a flag or a letter with combining marks is kept whole or dropped whole.
package enum TextTruncation {
    /// Returns `text` unchanged when its display width is at most `width`; otherwise the longest
    /// prefix that, followed by `ellipsis`, fits in `width` cells.
    ///
    /// Whitespace left at the cut is dropped before the ellipsis is added. When `width` is too
    /// small to hold the ellipsis itself, the text is cut to `width` without one; a width of 0 or
    /// less gives the empty string. The result never exceeds `width` cells.
    package static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        if width <= 0 { return text.isEmpty ? text : "" }
        // A cluster of width 2 takes at least 3 UTF-8 bytes and one of width 1 at least 1,
        // so a string with no more bytes than cells always fits.
        if text.utf8.count <= width { return text }

        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let useEllipsis = ellipsisWidth <= width
        let budget = useEllipsis ? width - ellipsisWidth : width

        var used = 0
        var cutOffset = 0
        var fits = true
        DisplayWidth.forEachCluster(of: text) { clusterWidth, endOffset in
            used += clusterWidth
            if used > width {
                fits = false
                return false
            }
            if used <= budget { cutOffset = endOffset }
            return true
        }
        if fits { return text }
        let cut = text.utf8.index(text.startIndex, offsetBy: cutOffset)

        var prefix = text[..<cut]
        while let last = prefix.last, last.isWhitespace { prefix.removeLast() }
        return useEllipsis ? String(prefix) + ellipsis : String(prefix)
    }

    /// Collapses every run of whitespace (spaces, tabs, newlines, ideographic spaces U+3000,
    /// no-break spaces, …) to one ASCII space and trims both ends.
    ///
    /// Summaries come from several paragraphs and from front matter written across lines;
    /// they must read as one line.
    package static func normalizingWhitespace(_ text: String) -> String {
        var storage = text
        return storage.withUTF8 { bytes -> String in
            guard needsWhitespaceNormalization(bytes) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var offset = 0
            while offset < bytes.count {
                let length = UTF8Scalars.sequenceLength(lead: bytes[offset])
                if isWhitespace(UTF8Scalars.decode(bytes, at: offset)) {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace {
                        output.append(0x20)
                        pendingSpace = false
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + length, bytes.count)]))
                }
                offset += length
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether the text has leading/trailing whitespace, a run of two, or any whitespace that
    /// is not a plain space.
    private static func needsWhitespaceNormalization(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true   // a leading space needs trimming
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
                offset += 1
                continue
            }
            previousWasSpace = false
            if byte < 0x80 {
                if (0x09...0x0D).contains(byte) { return true }
                offset += 1
                continue
            }
            // Non-ASCII whitespace starts with C2, E1, E2 or E3; skip everything else unread.
            if (byte == 0xC2 || (0xE1...0xE3).contains(byte)) && isWhitespace(UTF8Scalars.decode(bytes, at: offset)) {
                return true
            }
            offset += UTF8Scalars.sequenceLength(lead: byte)
        }
        return previousWasSpace && !bytes.isEmpty
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
