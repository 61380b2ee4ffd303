import SiteGenCore


/// What the Markdown stage produces for one article body.
package struct RenderedMarkdown: Sendable, Hashable {
    /// The body as an HTML fragment (raw HTML and dangerous URLs removed unless the renderer
    /// was made with `unsafe: true`).
    package var html: String
    /// The start of the body as plain text, for summaries: text and inline code only (no raw
    /// HTML, code blocks or image alt text), blocks and line breaks joined by one space, or by
    /// nothing between Chinese text, so `Summary.make` can cut it directly.
    ///
    /// Capped at `MarkdownRenderer.plainTextByteLimit` UTF-8 bytes (cut between scalars, so
    /// possibly inside a word): summaries only need the beginning, and copying whole bodies
    /// twice would cost time and memory for nothing.
    package var plainText: String
    /// Every link and image in document order, with its position in the file.
    package var references: [MarkdownReference]
}
