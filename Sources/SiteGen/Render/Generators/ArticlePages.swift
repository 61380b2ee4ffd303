
/// One page per published article: the body with its meta data, breadcrumb, 相关阅读 and the
/// newer and older article of its column.
struct ArticlePages: PageGenerator {
    struct Reads: Sendable {
        let article: ArticleRef
        /// The article's column and its ancestors, top first.
        let breadcrumb: [Column]
        let related: LinkList
        let newer: LinkList
        let older: LinkList
        let header: RenderedBlock
        let sidebar: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Int>] {
        graph.articlePaths.enumerated().map { PlanItem($0.offset, path: $0.element) }
    }

    func declare(_ index: Int, reader: inout PageReader) -> Reads {
        let article = reader.article(index)
        let columnPath = reader.columnPath(of: article)
        let neighbours = reader.neighbours(of: article)
        return Reads(
            article: article,
            breadcrumb: reader.chain(to: columnPath),
            related: reader.links(of: .related(article)),
            newer: neighbours.newer,
            older: neighbours.older,
            header: reader.header(forColumn: columnPath),
            sidebar: reader.sidebar(forColumn: columnPath, excluding: article)
        )
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        let article = resolver[reads.article]
        let path = resolver.path(of: reads.article)
        let summary = resolver.summary(of: reads.article)
        let urls = resolver.urls
        let dates = resolver.fullDates
        var view: [String: Any] = [
            "title": article.title,
            "url": urls.href(path),
            "date": dates.string(from: article.date),
            "isoDate": dates.w3c(article.date),
            "source": article.source,
            "authors": article.authors.joined(separator: " "),
            "hits": article.hits,
            "body": resolver.body(of: reads.article),
            "summary": summary,
            "tags": article.tags.map { ["name": $0, "url": urls.href(tag: $0)] as [String: Any] },
            "params": TemplateValues.context(article.params),
        ]
        if let cover = article.cover {
            view["cover"] = ["url": urls.hrefForSitePath(cover), "alt": article.title] as [String: Any]
        }
        view["jsonLD"] = ArticleJSONLD(
            headline: article.title, datePublished: dates.w3c(article.date), authors: article.authors,
            source: article.source, publisher: resolver.config.title, pageURL: urls.absolute(path),
            imageURL: article.cover.map(urls.absoluteForSitePath), description: summary
        ).script
        if let column = reads.breadcrumb.last, column.id == article.columnPath {
            view["column"] = urls.link(to: column)
        }
        var context: [String: Any] = [
            "article": view,
            "site": resolver.site,
            "breadcrumb": reads.breadcrumb.map(urls.link(to:)),
            "related": resolver[reads.related],
            "home": urls.href("index.html"),
        ]
        if let newer = resolver.first(reads.newer) { context["newer"] = newer }
        if let older = resolver.first(reads.older) { context["older"] = older }
        return [.page(HTMLPage(
            title: article.title + " - " + resolver.config.title,
            description: summary,
            template: "article", context: context,
            header: reads.header, sidebar: reads.sidebar,
            kind: "article", image: article.cover
        ))]
    }
}
