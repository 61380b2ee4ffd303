/// One number per page standing for everything the page is made from, computed from the graph
/// without building the page's view model: if a page's key equals the one the last build
/// recorded, its file is kept as it is and the page is not even walked.
///
/// A key combines
/// - the site-wide inputs: engine version, templates, `site.yml`, base URL, and the shape of
///   the graph (which articles are published, in what order, at which paths, every list,
///   column and tag, the columns' `_index.md`);
/// - the page's path;
/// - the key of every article the page shows (its front matter and the Markdown body with the
///   settings that shape its summary and HTML): the page's own article, its related and
///   neighbour links, or the items of its lists;
/// - the fingerprints of the shared blocks pasted into it (header, sidebar), which already
///   cover exactly what those blocks show.
///
/// So a body edit re-walks only the pages showing that article; a change of the graph's shape
/// (a new article, a date or tag edit) changes every key and every page is walked again, where
/// the template fingerprint (`OutputFile.fingerprint`) still keeps unchanged files.
struct PageInputKeys: Sendable {
    private let site: UInt64
    private let articleKeys: [UInt64]

    init(graph: SiteGraph, prepared: [PreparedArticle], config: SiteConfig, templatesFingerprint: UInt64) {
        articleKeys = ParallelWork.map(graph.articles.count) { index in
            Self.articleKey(graph.articles[index], bodyKey: prepared[index].bodyKey)
        }
        site = Fingerprint.of(
            seed: 0x7061_6765_6B65_7973, SiteGenVersion.engine, templatesFingerprint,
            config.sourceKey, config.baseURL, Self.shapeKey(of: graph)
        )
    }

    /// The key of a page at `path` showing `articles` (in any order, repeats allowed) with the
    /// given shared blocks.
    func key(path: String, articles: [Int], blocks: [RenderedBlock?]) -> UInt64 {
        var words: [UInt64] = [site, Fingerprint.of(text: path), UInt64(articles.count)]
        words.reserveCapacity(articles.count + blocks.count + 4)
        for index in articles { words.append(articleKeys[index]) }
        words.append(UInt64(blocks.count))
        for block in blocks { words.append(block?.fingerprint ?? 0) }
        return words.withUnsafeBytes { ContentHash.of($0) }
    }

    /// The key of the sitemap files: the site-wide inputs (which cover every URL the sitemap
    /// lists) and each article's date (its `lastmod`, and that of the list pages it heads).
    /// Unlike a page's key it leaves the articles' contents out, so a body edit keeps the sitemap.
    func sitemapKey(_ graph: SiteGraph) -> UInt64 {
        var words: [UInt64] = [site, Fingerprint.of(text: "sitemap.xml"), UInt64(graph.articles.count)]
        words.reserveCapacity(graph.articles.count + 3)
        for index in graph.articles.indices { words.append(graph.articles[index].date.timeIntervalSince1970.bitPattern) }
        return words.withUnsafeBytes { ContentHash.of($0) }
    }

    /// Everything about one article: its front matter and its body's Markdown key.
    static func articleKey(_ article: Article, bodyKey: UInt64) -> UInt64 {
        var fingerprint = Fingerprint(seed: bodyKey)
        for text in [article.id, article.columnPath, article.slug, article.title, article.source] { fingerprint.add(text) }
        fingerprint.add(Int(bitPattern: UInt(article.date.timeIntervalSince1970.bitPattern)))
        for list in [article.authors, article.tags, article.summary.map { [$0] } ?? [], article.cover.map { [$0] } ?? []] {
            fingerprint.add(list.count)
            for text in list { fingerprint.add(text) }
        }
        for number in [Int(article.flags.rawValue), article.hits, article.draft ? 1 : 0, article.bodyLine] { fingerprint.add(number) }
        if !article.params.isEmpty { fingerprint.add(TemplateValues.context(article.params) as Any) }
        return fingerprint.value
    }

    /// The graph apart from the articles' contents: which articles, where, in which lists.
    static func shapeKey(of graph: SiteGraph) -> UInt64 {
        var fingerprint = Fingerprint(seed: 0x7368_6170_65)
        fingerprint.add(texts: graph.articles.lazy.map(\.id))
        fingerprint.add(texts: graph.articlePaths)
        for id in graph.columns.order {
            let column = graph.columns[id]
            fingerprint.add([id, column?.name ?? "", column?.description ?? "", column?.children ?? []] as [Any])
            fingerprint.add(integers: graph.columnArticles[id] ?? [])
            fingerprint.add(integers: graph.hotByColumn[id] ?? [])
        }
        fingerprint.add(graph.columnIndexes.keys.sorted().map { id -> [Any] in
            let index = graph.columnIndexes[id]!
            return [id, index.title.map { [$0] as [Any] } ?? [], index.description.map { [$0] as [Any] } ?? [], index.body]
        })
        fingerprint.add(integers: graph.neighbours.flatMap { [$0.newer ?? -1, $0.older ?? -1] })
        for list in graph.related { fingerprint.add(integers: list) }
        for tag in graph.tags {
            fingerprint.add([tag.name, tag.segment])
            fingerprint.add(integers: tag.articles)
        }
        for list in [graph.recommended, graph.focus, graph.headlines] { fingerprint.add(integers: list) }
        return fingerprint.value
    }
}
