
/// `tags/index.html`: every tag with its article count.
struct TagIndexPage: PageGenerator {
    static let path = "tags/index.html"

    struct Reads: Sendable {
        let tags: [TagRead]
        let header: RenderedBlock
        let sidebar: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        [PlanItem((), path: Self.path)]
    }

    func declare(_: Void, reader: inout PageReader) -> Reads {
        Reads(tags: reader.tags(), header: reader.header(forColumn: nil), sidebar: reader.sidebar(forColumn: nil))
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        let urls = resolver.urls
        let tags = reads.tags.map { tag -> [String: Any] in
            ["name": tag.name, "url": urls.href(tag.directory), "count": String(tag.count)]
        }
        return [.page(HTMLPage(
            title: "全部标签 - " + resolver.config.title,
            description: "\(resolver.config.title)全部标签",
            template: "tags", context: ["tags": tags, "site": resolver.site],
            header: reads.header, sidebar: reads.sidebar,
            kind: "tags"
        ))]
    }
}
