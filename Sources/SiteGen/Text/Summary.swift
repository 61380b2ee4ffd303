/// Builds the one-line summaries shown under titles in lists and in `<meta name="description">`.
enum Summary {
    /// `plainText` with whitespace collapsed to single spaces, cut to `width` display cells
    /// (CJK = 2) with an ellipsis when it is longer.
    ///
    /// Pass `RenderedMarkdown.plainText` (already joined without spaces between Chinese runs)
    /// or a front matter `summary`.
    static func make(from plainText: String, width: Int) -> String {
        TextTruncation.truncate(TextTruncation.normalizingWhitespace(plainText), toWidth: width)
    }
}
