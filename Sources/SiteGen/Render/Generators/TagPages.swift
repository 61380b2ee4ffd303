
/// Every page of every tag's list, newest first.
struct TagPages: PageGenerator {
    /// One page of one tag's list.
    struct Item: Sendable {
        let index: Int
        let page: ListPage
    }

    struct Reads: Sendable {
        let page: ListPage
        let tag: TagRead
        let items: LinkList
        let pagination: Pagination
        let header: RenderedBlock
        let sidebar: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Item>] {
        graph.tags.indices.flatMap { index in
            ListPage.all(
                of: .tag(index), count: graph.tags[index].articles.count, directory: graph.tags[index].directory, perPage: config.paginate
            ).map { PlanItem(Item(index: index, page: $0.item), paths: $0.paths) }
        }
    }

    func declare(_ item: Item, reader: inout PageReader) -> Reads {
        let page = item.page
        let tag = reader.tag(item.index)
        let (items, pagination) = page.read(&reader, perPage: reader.config.paginate)
        return Reads(
            page: page, tag: tag, items: items, pagination: pagination,
            header: reader.header(forColumn: nil), sidebar: reader.sidebar(forColumn: nil)
        )
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        let urls = resolver.urls
        let tag = reads.tag
        let context: [String: Any] = [
            "tag": ["name": tag.name, "url": urls.href(tag.directory), "count": String(tag.count)] as [String: Any],
            "site": resolver.site,
            "tagsURL": urls.href(TagIndexPage.path),
            "items": resolver[reads.items],
            "pager": reads.page.pager(reads.pagination, urls: urls),
        ]
        let siteTitle = resolver.config.title
        return [.page(HTMLPage(
            title: "标签：\(tag.name)\(reads.page.titleSuffix) - \(siteTitle)",
            description: "\(siteTitle)关于“\(tag.name)”的报道",
            template: "tag", context: context,
            header: reads.header, sidebar: reads.sidebar,
            kind: "tag"
        ))]
    }
}
