import CCmark
import Foundation

/// Renders article bodies (CommonMark) to HTML with libcmark, and in the same pass collects
/// the plain text for summaries and every link and image with its position in the file.
///
/// The only file that imports `CCmark`: every libcmark pointer is created and freed inside
/// `render`, and only Swift values leave it. libcmark keeps no shared state between documents,
/// so one renderer can be used from many threads at once.
///
/// Text is rendered as written (no `CMARK_OPT_SMART`: Chinese articles already use typographic
/// quotes). By default libcmark replaces raw HTML with `<!-- raw HTML omitted -->` and empties
/// `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs; `unsafe: true` keeps both,
/// for sites whose authors are trusted to write HTML.
package struct MarkdownRenderer: Sendable {
    /// How many UTF-8 bytes of plain text are kept for summaries: about 1,000 Chinese
    /// characters or 3,000 Latin letters, far more than any summary shows.
    package static let plainTextByteLimit = 3_000

    /// Whether raw HTML and every URL scheme pass through to the output.
    package let unsafe: Bool

    /// A renderer; `unsafe: true` keeps raw HTML and dangerous URLs (`CMARK_OPT_UNSAFE`).
    package init(unsafe: Bool = false) {
        self.unsafe = unsafe
    }

    /// Renders one body. `bodyLine` is the 1-based line of the file where `markdown` starts
    /// (after the front matter), so reference positions are positions in the file.
    package func render(_ markdown: String, bodyLine: Int = 1) -> RenderedMarkdown {
        var source = markdown
        return source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                render(characters, bytes: bytes, bodyLine: bodyLine)
            }
        }
    }

    // MARK: - Implementation

    private func render(
        _ characters: UnsafeBufferPointer<CChar>,
        bytes: UnsafeBufferPointer<UInt8>,
        bodyLine: Int
    ) -> RenderedMarkdown {
        // Swift strings are valid UTF-8 already, so CMARK_OPT_VALIDATE_UTF8 is not needed.
        // Source positions are needed for references only; they must not reach the HTML
        // (they would add data-sourcepos attributes), so the render options leave them out.
        let renderOptions = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let parseOptions = renderOptions | CMARK_OPT_SOURCEPOS
        let parsed: OpaquePointer?
        if let base = characters.baseAddress {
            parsed = cmark_parse_document(base, characters.count, parseOptions)
        } else {
            parsed = "".withCString { cmark_parse_document($0, 0, parseOptions) }
        }
        guard let document = parsed else {
            return RenderedMarkdown(html: "", plainText: "", references: [])
        }
        defer { cmark_node_free(document) }

        let (plainText, references) = collect(document, bytes: bytes, bodyLine: bodyLine)

        guard let htmlPointer = cmark_render_html(document, renderOptions) else {
            return RenderedMarkdown(html: "", plainText: plainText, references: references)
        }
        defer { free(htmlPointer) }
        return RenderedMarkdown(html: String(cString: htmlPointer), plainText: plainText, references: references)
    }

    /// Walks the tree once: text for the summary, links and images with positions.
    private func collect(
        _ document: OpaquePointer,
        bytes: UnsafeBufferPointer<UInt8>,
        bodyLine: Int
    ) -> (String, [MarkdownReference]) {
        var text = PlainTextBuilder(byteLimit: Self.plainTextByteLimit)
        var references: [MarkdownReference] = []
        var lineTable: SourceLineTable?
        /// Indexes into `references` of the images being walked (alt text is their children).
        var openImages: [Int] = []

        guard let iterator = cmark_iter_new(document) else { return ("", []) }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER

            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { continue }
                if let image = openImages.last {
                    if literal.pointee != 0 { references[image].hasAltText = true }
                } else if !text.isFull {
                    literal.withMemoryRebound(to: UInt8.self, capacity: 1) { pointer in
                        text.append(UnsafeBufferPointer(start: pointer, count: strlen(literal)))
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if openImages.isEmpty { text.markBreak() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = type == CMARK_NODE_IMAGE
                guard entering else {
                    if isImage { openImages.removeLast() }
                    continue
                }
                if lineTable == nil { lineTable = SourceLineTable(bytes) }
                let line = Int(cmark_node_get_start_line(node))
                let column = lineTable!.scalarColumn(
                    line: line, byteColumn: Int(cmark_node_get_start_column(node)), image: isImage)
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                references.append(MarkdownReference(
                    kind: isImage ? .image : .link,
                    destination: destination,
                    line: line > 0 ? line + bodyLine - 1 : 0,
                    column: column))
                if isImage { openImages.append(references.count - 1) }
            default:
                // Every block boundary (paragraph, heading, list item, quote, code block, …)
                // separates text; raw HTML and code block contents are left out of it.
                if type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                    text.markBreak()
                }
            }
        }
        return (text.makeString(), references)
    }
}
