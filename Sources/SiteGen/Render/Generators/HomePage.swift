
/// `index.html`: 今日聚焦, 头条, 推荐, the site's latest and the latest of each top-level column.
struct HomePage: PageGenerator {
    struct Reads: Sendable {
        let focus: LinkList
        let headlines: LinkList
        let recommended: LinkList
        let latest: LinkList
        let columns: [(column: Column, items: LinkList)]
        let header: RenderedBlock
        let sidebar: RenderedBlock
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        [PlanItem((), path: "index.html")]
    }

    func declare(_: Void, reader: inout PageReader) -> Reads {
        let lists = reader.config.lists
        let header = reader.header(forColumn: nil)
        let sidebar = reader.sidebar(forColumn: nil)
        return Reads(
            focus: reader.links(of: .focus),
            headlines: reader.links(of: .headlines),
            recommended: reader.links(of: .recommended, first: lists.recommended),
            latest: reader.links(of: .all, first: lists.homeLatest),
            columns: reader.topLevelColumns().map { ($0, reader.links(of: .column($0.id), first: lists.homeColumn)) },
            header: header, sidebar: sidebar
        )
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        let config = resolver.config
        let columns = reads.columns.map { column, items -> [String: Any] in
            ["name": column.name, "url": resolver.urls.href(SiteGraph.directory(ofColumn: column.id)), "items": resolver[items]]
        }
        let context: [String: Any] = [
            "site": resolver.site,
            "focus": resolver[reads.focus],
            "headlines": resolver[reads.headlines],
            "columns": columns,
            "recommended": resolver[reads.recommended],
            "latest": resolver[reads.latest],
        ]
        return [.page(HTMLPage(
            title: config.subtitle.isEmpty ? config.title : config.title + " - " + config.subtitle,
            description: config.description.isEmpty ? config.subtitle : config.description,
            template: "home", context: context,
            header: reads.header, sidebar: reads.sidebar,
            kind: "home"
        ))]
    }
}
