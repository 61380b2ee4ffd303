/// Builds the one-line summaries shown under titles in lists and in `<meta name="description">`.
package enum Summary {
    /// `plainText` with whitespace collapsed to single spaces, cut to `width` display cells
    /// (CJK = 2) with an ellipsis when it is longer.
    ///
    /// Pass `RenderedMarkdown.plainText` (already joined without spaces between Chinese runs)
    /// or a front matter `summary`. Only as much of the text as the width can show is
    /// normalised: the rest cannot change the result.
    package static func make(from plainText: String, width: Int) -> String {
        if width <= 0 { return "" }
        let utf8 = plainText.utf8
        // 3 bytes per cell covers Chinese and Latin text in one go; whitespace runs and
        // zero-width characters can need more, so the prefix grows until it is wide enough.
        var prefixBytes = width * 3 + 16
        while prefixBytes < utf8.count {
            let byteIndex = utf8.index(utf8.startIndex, offsetBy: prefixBytes)
            // Round down to a cluster boundary so the prefix ends with a whole character.
            let end = plainText.index(after: plainText.index(before: byteIndex))
            let prefix = TextTruncation.normalizingWhitespace(String(plainText[..<end]))
            if DisplayWidth.of(prefix) > width {
                return TextTruncation.truncate(prefix, toWidth: width)
            }
            prefixBytes *= 2
        }
        return TextTruncation.truncate(TextTruncation.normalizingWhitespace(plainText), toWidth: width)
    }
}
