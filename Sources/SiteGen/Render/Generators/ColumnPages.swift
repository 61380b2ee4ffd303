import SiteGenMarkdown


/// Every page of every column's list (its own and its descendants' articles, newest first),
/// the first one with the column's `_index.md` introduction.
struct ColumnPages: PageGenerator {
    /// One page of one column's list.
    struct Item: Sendable {
        let id: String
        let page: ListPage
    }

    struct Reads: Sendable {
        let page: ListPage
        let column: ColumnRead?
        let breadcrumb: [Column]
        let items: LinkList
        let pagination: Pagination
        let header: RenderedBlock
        let sidebar: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Item>] {
        graph.columns.order.flatMap { id in
            ListPage.all(
                of: .column(id), count: graph.columnArticles[id]?.count ?? 0,
                directory: SiteGraph.directory(ofColumn: id), perPage: config.paginate
            ).map { PlanItem(Item(id: id, page: $0.item), paths: $0.paths) }
        }
    }

    func declare(_ item: Item, reader: inout PageReader) -> Reads {
        let (id, page) = (item.id, item.page)
        let (items, pagination) = page.read(&reader, perPage: reader.config.paginate)
        return Reads(
            page: page, column: reader.column(id), breadcrumb: reader.chain(to: id), items: items, pagination: pagination,
            header: reader.header(forColumn: id), sidebar: reader.sidebar(forColumn: id)
        )
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        guard let read = reads.column else { return [] }
        let column = read.column
        let urls = resolver.urls
        let config = resolver.config
        let directory = reads.page.directory
        let title = read.index?.title ?? column.name
        let intro = reads.page.number == 1
            ? read.index.map { MarkdownRenderer(unsafe: config.markdownUnsafe).render($0.body).html } ?? ""
            : ""
        let context: [String: Any] = [
            "column": [
                "name": title,
                "url": urls.href(directory),
                "description": column.description,
                "intro": PreparedArticle.rebaseRootRelativeLinks(intro, basePath: urls.basePath),
                "children": read.children.map(urls.link(to:)),
                "feed": urls.href(directory + "rss.xml"),
            ] as [String: Any],
            "site": resolver.site,
            "breadcrumb": reads.breadcrumb.map(urls.link(to:)),
            "items": resolver[reads.items],
            "pager": reads.page.pager(reads.pagination, urls: urls),
        ]
        return [.page(HTMLPage(
            title: title + reads.page.titleSuffix + " - " + config.title,
            description: column.description.isEmpty ? "\(config.title)\(title)栏目" : column.description,
            template: "column", context: context,
            header: reads.header, sidebar: reads.sidebar,
            kind: "column", feed: urls.href(directory + "rss.xml")
        ))]
    }
}
