
/// `404.html`: the site's latest articles, without a sidebar.
struct NotFoundPage: PageGenerator {
    struct Reads: Sendable {
        let latest: LinkList
        let header: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        [PlanItem((), path: "404.html")]
    }

    func declare(_: Void, reader: inout PageReader) -> Reads {
        Reads(latest: reader.links(of: .all, first: reader.config.lists.homeLatest), header: reader.header(forColumn: nil))
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        [.page(HTMLPage(
            title: "页面未找到 - " + resolver.config.title,
            description: "页面未找到",
            template: "404", context: ["site": resolver.site, "latest": resolver[reads.latest]],
            header: reads.header, sidebar: nil,
            kind: "404"
        ))]
    }
}
