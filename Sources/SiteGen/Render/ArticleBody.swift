import Mustache
import SiteGenMarkdown

/// An article body in a view model: the template engine asks it for its HTML only when the page
/// is really rendered, and a fingerprint stands for it without rendering anything.
///
/// Immutable, hence safe to share between render workers.
final class ArticleBody: SlotRenderable, @unchecked Sendable {
    private let markdown: String
    private let bodyLine: Int
    private let prepared: String?
    private let unsafe: Bool
    private let basePath: String
    let fingerprint: UInt64

    init(markdown: String, article: Article, prepared: PreparedArticle, unsafe: Bool, basePath: String) {
        self.markdown = markdown
        bodyLine = article.bodyLine
        self.prepared = prepared.html
        self.unsafe = unsafe
        self.basePath = basePath
        fingerprint = Fingerprint.of(seed: prepared.bodyKey, basePath)
    }

    /// The body's HTML (rendered now unless this build already has it).
    var renderText: String {
        if let prepared { return prepared }
        let html = MarkdownRenderer(unsafe: unsafe).render(markdown, bodyLine: bodyLine).html
        return PreparedArticle.rebaseRootRelativeLinks(html, basePath: basePath)
    }

    var isNull: Bool { false }
}

/// HTML rendered once (a header, sidebar or footer) with its fingerprint.
struct RenderedBlock: SlotRenderable, Sendable {
    /// The HTML.
    let html: String
    /// Hash of the HTML.
    let fingerprint: UInt64

    init(_ html: String) {
        self.html = html
        fingerprint = Fingerprint.of(text: html)
    }

    var renderText: String { html }
    var isNull: Bool { false }
}
