
/// Blocks rendered once and pasted into many pages: the site view model, the footer, the
/// header per top-level column (the navigation marks the current one) and the sidebar per
/// column (推荐资讯, 栏目更新, 栏目热门).
struct SharedBlocks: @unchecked Sendable {
    /// The `site` view model every template receives.
    let site: ViewObject
    /// Rendered `footer` template.
    let footer: RenderedBlock
    private let headers: [String: RenderedBlock]
    private let siteHeader: RenderedBlock
    private var siteSidebar: RenderedBlock
    private var sidebars: [String: RenderedBlock]
    private let recommendedShown: Set<Int>
    private let siteHot: [Int]
    private let graph: SiteGraph
    private let templates: TemplateLibrary
    private let urls: SiteURLs
    private let links: LinkTable
    private let lists: ListSizes

    /// The `site` view model: the site's settings as templates read them.
    static func siteObject(config: SiteConfig, urls: SiteURLs) -> ViewObject {
        ViewObject([
            "title": config.title,
            "subtitle": config.subtitle,
            "description": config.description,
            "language": config.language,
            "baseURL": urls.base,
            "home": urls.href("index.html"),
            "email": config.editorEmail,
            "hotline": config.hotline,
            "footerLines": config.footerLines,
            "feed": urls.href("rss.xml"),
            "tagsURL": urls.href("tags/index.html"),
            "stylesheet": urls.href("css/site.css"),
            "params": TemplateValues.context(config.params),
        ])
    }

    init(graph: SiteGraph, config: SiteConfig, templates: TemplateLibrary, urls: SiteURLs, site: ViewObject, links: LinkTable) {
        self.site = site
        footer = RenderedBlock(templates.render("footer", ["site": site]))

        func nav(active: String?) -> [[String: Any]] {
            graph.columns.topLevel.compactMap { id in
                guard let column = graph.columns[id] else { return nil }
                return [
                    "name": column.name,
                    "url": urls.href(SiteGraph.directory(ofColumn: id)),
                    "active": id == active,
                    "children": column.children.compactMap { graph.columns[$0].map(urls.link(to:)) },
                ]
            }
        }
        let focus = links[graph.focus]
        func header(active: String?) -> RenderedBlock {
            RenderedBlock(templates.render("header", ["site": site, "nav": nav(active: active), "focus": focus]))
        }
        siteHeader = header(active: nil)
        var headers: [String: RenderedBlock] = [:]
        for id in graph.columns.topLevel { headers[id] = header(active: id) }
        self.headers = headers

        self.graph = graph
        self.templates = templates
        self.urls = urls
        self.links = links
        self.lists = config.lists
        recommendedShown = Set(graph.recommended.prefix(config.lists.recommended))
        siteHot = SiteGraphBuilder.hottest(Array(graph.articles.indices), in: graph.articles, limit: config.lists.hot)
        siteSidebar = RenderedBlock("")
        sidebars = [:]
        siteSidebar = renderSidebar(forColumn: nil, excluding: nil)
        var sidebars: [String: RenderedBlock] = [:]
        for id in graph.columns.order { sidebars[id] = renderSidebar(forColumn: id, excluding: nil) }
        self.sidebars = sidebars
    }

    /// Renders the `sidebar` template for a column (site-wide lists when `nil`), leaving one
    /// article out of 推荐资讯.
    private func renderSidebar(forColumn columnID: String?, excluding excluded: Int?) -> RenderedBlock {
        let recommended = graph.recommended.filter { $0 != excluded }.prefix(lists.recommended)
        var context: [String: Any] = ["site": site, "recommended": links[recommended]]
        if let columnID, let column = graph.columns[columnID] {
            let list = graph.columnArticles[columnID] ?? []
            context["column"] = urls.link(to: column)
            context["latest"] = links[list.prefix(lists.latest)]
            context["hot"] = links[graph.hotByColumn[columnID] ?? []]
        } else {
            context["latest"] = links[graph.articles.indices.prefix(lists.latest)]
            context["hot"] = links[siteHot]
        }
        return RenderedBlock(templates.render("sidebar", context))
    }

    /// The header with the top-level column of `columnID` marked active.
    func header(forColumn columnID: String?) -> RenderedBlock {
        guard let columnID else { return siteHeader }
        let topLevel = columnID.split(separator: "/").first.map(String.init) ?? columnID
        return headers[topLevel] ?? siteHeader
    }

    /// The column's sidebar; rendered afresh only for an article that is itself in 推荐资讯
    /// (it must not recommend itself).
    func sidebar(forColumn columnID: String?, excluding article: Int?) -> RenderedBlock {
        if let article, recommendedShown.contains(article) { return renderSidebar(forColumn: columnID, excluding: article) }
        guard let columnID else { return siteSidebar }
        return sidebars[columnID] ?? siteSidebar
    }
}
