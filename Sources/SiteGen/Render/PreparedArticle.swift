/// What the renderer needs of an article beyond its front matter: the body as HTML and the
/// summary, computed once per build (in parallel) and shared by every page that shows it.
struct PreparedArticle: Sendable {
    /// Body HTML, root-relative links already carrying the base path.
    var html: String
    /// Front matter `summary`, else the body's plain text cut to the configured width.
    var summary: String
    /// Links and images in the body, with file positions, for the missing-file check.
    var references: [MarkdownReference]

    /// Renders every article's Markdown on all cores; results are in article order.
    static func prepareAll(_ graph: SiteGraph, config: SiteConfig, urls: SiteURLs) -> [PreparedArticle] {
        let renderer = MarkdownRenderer(unsafe: config.markdownUnsafe)
        let articles = graph.articles
        return parallelMap(articles.count) { index in
            let article = articles[index]
            let rendered = renderer.render(article.body, bodyLine: article.bodyLine)
            let summary = article.summary.map { Summary.make(from: $0, width: config.summaryWidth) }
                ?? Summary.make(from: rendered.plainText, width: config.summaryWidth)
            return PreparedArticle(
                html: rebaseRootRelativeLinks(rendered.html, basePath: urls.basePath),
                summary: summary,
                references: rendered.references
            )
        }
    }

    /// Prefixes `href="/…"` and `src="/…"` in rendered Markdown with the site's base path, so
    /// an editor's `/uploads/a.jpg` works when the site lives under a sub-path.
    static func rebaseRootRelativeLinks(_ html: String, basePath: String) -> String {
        guard basePath != "/" else { return html }
        var result = html
        for attribute in ["href=\"/", "src=\"/"] {
            result = result.replacingOccurrences(of: attribute, with: attribute.dropLast() + basePath)
        }
        // `//host` links were protocol-relative; undo the prefix for them.
        return result.replacingOccurrences(of: "=\"" + basePath + "/", with: "=\"//")
    }
}
