import SiteGenCore
import SiteGenMarkdown

/// What the renderer needs of an article beyond its front matter: its summary, the links in
/// its body and (when it was rendered in this build) the body as HTML. Computed once per build,
/// in parallel, taking unchanged bodies' results from the Markdown cache.
struct PreparedArticle: Sendable {
    /// Front matter `summary`, else the body's plain text cut to the configured width.
    var summary: String
    /// Links and images in the body, with file positions, for the missing-file check.
    var references: [MarkdownReference]
    /// The body as HTML with links rebased, when Markdown ran for it in this build.
    var html: String?
    /// The Markdown cache's key of the body (body text and settings).
    var bodyKey: UInt64
    /// The cache entry for this article, to save for the next build.
    var cacheEntry: MarkdownCache.Entry

    /// Prepares every article on all cores; results are in article order.
    static func prepareAll(_ graph: SiteGraph, bodies: BodyStore, config: SiteConfig, urls: SiteURLs, cache: MarkdownCache) -> [PreparedArticle] {
        let renderer = MarkdownRenderer(unsafe: config.markdownUnsafe)
        let articles = graph.articles
        return ParallelWork.map(articles.count) { index in
            let article = articles[index]
            let key = MarkdownCache.key(of: article, config: config)
            var html: String?
            let entry: MarkdownCache.Entry
            if let cached = cache.entries[article.id], cached.key == key {
                entry = cached
            } else {
                let rendered = renderer.render(bodies[index], bodyLine: article.bodyLine)
                html = rebaseRootRelativeLinks(rendered.html, basePath: urls.basePath)
                entry = MarkdownCache.Entry(key: key, summary: Summary.make(from: rendered.plainText, width: config.summaryWidth), references: rendered.references)
            }
            let summary = article.summary.map { Summary.make(from: $0, width: config.summaryWidth) } ?? entry.summary
            return PreparedArticle(summary: summary, references: entry.references, html: html, bodyKey: key, cacheEntry: entry)
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
