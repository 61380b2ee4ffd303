import Foundation

/// Renders the resolved site into output files. Pure: it reads no file, it only turns the graph
/// and the compiled templates into strings.
///
/// Blocks that many pages share (header with navigation, footer, a column's sidebar) are
/// rendered once per site or per column and pasted into each page, so per-page template work
/// is limited to what really differs per page.
struct SiteRenderer: Sendable {
    private(set) var graph: SiteGraph
    let config: SiteConfig
    let urls: SiteURLs
    let prepared: [PreparedArticle]
    let links: LinkTable
    let blocks: SharedBlocks
    let fullDates: DateFormatting
    let specializer: TemplateSpecializer
    /// What the previous build recorded for its pages still intact in the output, by path.
    let reusable: [String: ReusablePage]
    /// Each page's input key (see `PageInputKeys`).
    let keys: PageInputKeys
    /// Article pages kept from the previous build, by article index, once
    /// `articlesNeedingBodies()` has worked them out (empty before).
    private var keptArticlePages: [OutputFile?] = []

    /// Prepares everything pages share: Markdown of every article (or its cached results),
    /// list view models, blocks. `reusable` lists what the previous output's pages were made from.
    init(graph: SiteGraph, config: SiteConfig, templates: TemplateLibrary, urls: SiteURLs, cache: MarkdownCache = MarkdownCache(), reusable: [String: ReusablePage] = [:]) {
        self.graph = graph
        self.config = config
        self.urls = urls
        self.reusable = reusable
        prepared = PreparedArticle.prepareAll(graph, config: config, urls: urls, cache: cache)
        let specializer = TemplateSpecializer(templates: templates)
        let site = SharedBlocks.siteObject(config: config, urls: urls)
        links = LinkTable(
            graph: graph, prepared: prepared, config: config, urls: urls,
            site: site, views: templates.viewNames, specializer: specializer, eager: reusable.isEmpty
        )
        blocks = SharedBlocks(graph: graph, config: config, templates: templates, urls: urls, site: site, links: links)
        fullDates = DateFormatting(pattern: config.dateFormat, timeZone: config.timeZone)
        self.specializer = specializer
        keys = PageInputKeys(graph: graph, prepared: prepared, config: config, templatesFingerprint: templates.fingerprint)
    }

    /// Every page, feed and the sitemap.
    func renderAll(progress: (@Sendable (BuildProgress) -> Void)? = nil) -> [OutputFile] {
        // List pages one by one (not column by column): a big column has hundreds of pages.
        let columnPages = graph.columns.order.flatMap { id in
            (1...Pagination(totalItems: graph.columnArticles[id]?.count ?? 0, perPage: config.paginate).pageCount).map { (id, $0) }
        }
        let tagPages = graph.tags.indices.flatMap { index in
            (1...Pagination(totalItems: graph.tags[index].articles.count, perPage: config.paginate).pageCount).map { (index, $0) }
        }
        let counter = ProgressCounter(stage: "render", total: graph.articles.count + columnPages.count + tagPages.count, report: progress)
        var files = ParallelWork.map(graph.articles.count) { index in
            defer { counter.advance() }
            return articlePage(index)
        }
        files += ParallelWork.map(columnPages.count) { index in
            defer { counter.advance() }
            return columnPage(columnPages[index].0, number: columnPages[index].1)
        }.compactMap { $0 }
        files += ParallelWork.map(tagPages.count) { index in
            defer { counter.advance() }
            return tagPage(graph.tags[tagPages[index].0], number: tagPages[index].1)
        }
        files.append(homePage())
        files.append(tagIndexPage())
        files.append(notFoundPage())
        files += FeedBuilder(graph: graph, config: config, urls: urls, links: links, prepared: prepared).feeds()
        files += sitemaps()
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("sitemap.xml"))\n"))
        return files
    }

    /// The sitemap file(s), kept from the previous build when no URL or date changed.
    func sitemaps() -> [OutputFile] {
        let builder = SitemapBuilder(graph: graph, urls: urls, perPage: config.paginate)
        let extraPaths = ["tags/index.html"]
        let key = keys.sitemapKey(graph)
        let paths = builder.filePaths(extraPaths: extraPaths)
        let keptFiles = paths.compactMap { kept($0, key: key) }
        if keptFiles.count == paths.count { return keptFiles }
        return builder.sitemaps(extraPaths: extraPaths).map { file in
            var file = file
            file.inputKey = key
            return file
        }
    }

    // MARK: Page shell

    /// The previous build's file at `path`, kept as it is, when it was made from the same inputs
    /// (input key `key`): the page is then neither built nor walked.
    func kept(_ path: String, key: UInt64) -> OutputFile? {
        guard let previous = reusable[path], previous.inputKey == key else { return nil }
        return OutputFile(path: path, contents: .previous, fingerprint: previous.fingerprint, inputKey: key)
    }

    /// Renders template `template` with `context` and wraps it in the theme's `base` template
    /// (both through the specializer), unless the previous build wrote this page from the same
    /// values (same fingerprint): then the page is kept as it is, without rendering.
    func page(
        path: String, inputKey: UInt64, title: String, description: String, template: String, context: [String: Any],
        header: RenderedBlock, sidebar: RenderedBlock?, kind: String, image: String? = nil, feed: String? = nil
    ) -> OutputFile {
        var page: [String: Any] = [
            "title": title,
            "description": Summary.make(from: description, width: 300),
            "canonical": urls.absolute(path),
            "kind": kind,
            "ogType": kind == "article" ? "article" : "website",
        ]
        if let image { page["image"] = urls.absoluteForSitePath(image) }
        page["feed"] = feed ?? urls.href("rss.xml")
        let shell: [String: Any] = [
            "site": blocks.site,
            "page": page,
            "header": header,
            "content": specializer.render(template, context),
            "sidebar": sidebar.map { $0 as Any } ?? "",
            "footer": blocks.footer,
        ]
        let rendered = specializer.render("base", shell)
        if reusable[path]?.fingerprint == rendered.fingerprint {
            return OutputFile(path: path, contents: .previous, fingerprint: rendered.fingerprint, inputKey: inputKey)
        }
        return OutputFile(path: path, contents: .deferred(DeferredBytes { rendered.bytes }), fingerprint: rendered.fingerprint, inputKey: inputKey)
    }

    func breadcrumb(_ columnID: String) -> [[String: Any]] {
        graph.columns.chain(to: columnID).compactMap { id in
            graph.columns[id].map(urls.link(to:))
        }
    }

    // MARK: Articles

    /// The input key of article `index`'s page, with the blocks it is made with.
    private func articlePageKey(_ index: Int) -> (key: UInt64, header: RenderedBlock, sidebar: RenderedBlock) {
        let columnPath = graph.articles[index].columnPath
        let neighbours = graph.neighbours[index]
        let header = blocks.header(forColumn: columnPath)
        let sidebar = blocks.sidebar(forColumn: columnPath, excluding: index)
        let key = keys.key(
            path: graph.articlePaths[index], articles: [index] + graph.related[index] + [neighbours.newer, neighbours.older].compactMap { $0 },
            blocks: [header, sidebar]
        )
        return (key, header, sidebar)
    }

    /// Articles taken from the build cache without their body (`Article.hasBody`) whose page
    /// this build cannot keep by its input key: their bodies must be supplied before rendering.
    /// Also settles which article pages are kept, so `renderAll` does not work out their keys again.
    mutating func articlesNeedingBodies() -> [Int] {
        guard !reusable.isEmpty else { return graph.articles.indices.filter { !graph.articles[$0].hasBody } }
        let renderer = self
        let keptPages = ParallelWork.map(graph.articles.count) { index in
            renderer.kept(renderer.graph.articlePaths[index], key: renderer.articlePageKey(index).key)
        }
        keptArticlePages = keptPages
        return graph.articles.indices.filter { !graph.articles[$0].hasBody && keptPages[$0] == nil }
    }

    /// Gives articles their bodies (by article id), as read by the load stage.
    mutating func supplyBodies(_ bodies: [String: String]) {
        graph.supplyBodies(bodies)
    }

    func articlePage(_ index: Int) -> OutputFile {
        if index < keptArticlePages.count, let kept = keptArticlePages[index] { return kept }
        let article = graph.articles[index]
        let path = graph.articlePaths[index]
        let neighbours = graph.neighbours[index]
        let (inputKey, header, sidebar) = articlePageKey(index)
        if let kept = kept(path, key: inputKey) { return kept }
        var view: [String: Any] = [
            "title": article.title,
            "url": urls.href(path),
            "date": fullDates.string(from: article.date),
            "isoDate": fullDates.w3c(article.date),
            "source": article.source,
            "authors": article.authors.joined(separator: " "),
            "hits": article.hits,
            "body": ArticleBody(article: article, prepared: prepared[index], unsafe: config.markdownUnsafe, basePath: urls.basePath),
            "summary": prepared[index].summary,
            "tags": article.tags.map { ["name": $0, "url": urls.href(tag: $0)] as [String: Any] },
            "params": TemplateValues.context(article.params),
        ]
        if let cover = article.cover {
            view["cover"] = ["url": urls.hrefForSitePath(cover), "alt": article.title] as [String: Any]
        }
        view["jsonLD"] = ArticleJSONLD(
            headline: article.title, datePublished: fullDates.w3c(article.date), authors: article.authors,
            source: article.source, publisher: config.title, pageURL: urls.absolute(path),
            imageURL: article.cover.map(urls.absoluteForSitePath), description: prepared[index].summary
        ).script
        if let column = graph.columns[article.columnPath] {
            view["column"] = urls.link(to: column)
        }
        var context: [String: Any] = [
            "article": view,
            "site": blocks.site,
            "breadcrumb": breadcrumb(article.columnPath),
            "related": links[graph.related[index]],
            "home": urls.href("index.html"),
        ]
        if let newer = neighbours.newer { context["newer"] = links[newer] }
        if let older = neighbours.older { context["older"] = links[older] }
        return page(
            path: path, inputKey: inputKey,
            title: article.title + " - " + config.title,
            description: prepared[index].summary,
            template: "article", context: context,
            header: header,
            sidebar: sidebar,
            kind: "article",
            image: article.cover
        )
    }

    // MARK: Columns

    /// Page `number` of a column's list (`nil` for an unknown column).
    func columnPage(_ id: String, number: Int) -> OutputFile? {
        guard let column = graph.columns[id] else { return nil }
        let list = graph.columnArticles[id] ?? []
        let pagination = Pagination(totalItems: list.count, perPage: config.paginate)
        let directory = SiteGraph.directory(ofColumn: id)
        let title = graph.columnIndexes[id]?.title ?? column.name
        let pageDirectory = Pagination.directory(ofPage: number, listDirectory: directory)
        let items = Array(list[pagination.range(ofPage: number)])
        let header = blocks.header(forColumn: id)
        let sidebar = blocks.sidebar(forColumn: id, excluding: nil)
        let inputKey = keys.key(path: pageDirectory + "index.html", articles: items, blocks: [header, sidebar])
        if let kept = kept(pageDirectory + "index.html", key: inputKey) { return kept }
        let intro = number == 1
            ? graph.columnIndexes[id].map { MarkdownRenderer(unsafe: config.markdownUnsafe).render($0.body).html } ?? ""
            : ""
        let context: [String: Any] = [
            "column": [
                "name": title,
                "url": urls.href(directory),
                "description": column.description,
                "intro": PreparedArticle.rebaseRootRelativeLinks(intro, basePath: urls.basePath),
                "children": column.children.compactMap { graph.columns[$0].map(urls.link(to:)) },
                "feed": urls.href(directory + "rss.xml"),
            ] as [String: Any],
            "site": blocks.site,
            "breadcrumb": breadcrumb(id),
            "items": links[items],
            "pager": pager(pagination, page: number, listDirectory: directory),
        ]
        let suffix = number > 1 ? " - 第\(number)页" : ""
        return page(
            path: pageDirectory + "index.html", inputKey: inputKey,
            title: title + suffix + " - " + config.title,
            description: column.description.isEmpty ? "\(config.title)\(title)栏目" : column.description,
            template: "column", context: context,
            header: header,
            sidebar: sidebar,
            kind: "column",
            feed: urls.href(directory + "rss.xml")
        )
    }

    /// The pager view model: numbered window ±2, first/previous/next/last, counts. Numbers are
    /// given as text: pages differing only in numbers then share one specialized template path.
    func pager(_ pagination: Pagination, page number: Int, listDirectory: String) -> [String: Any] {
        func url(_ page: Int) -> String {
            urls.href(Pagination.directory(ofPage: page, listDirectory: listDirectory) + "index.html")
        }
        var pager: [String: Any] = [
            "current": String(number),
            "total": String(pagination.pageCount),
            "count": String(pagination.totalItems),
            "multiple": pagination.pageCount > 1,
            "pages": pagination.window(around: number).map { ["number": String($0), "url": url($0), "current": $0 == number] as [String: Any] },
        ]
        if number > 1 {
            pager["first"] = url(1)
            pager["prev"] = url(number - 1)
        }
        if number < pagination.pageCount {
            pager["next"] = url(number + 1)
            pager["last"] = url(pagination.pageCount)
        }
        return pager
    }

    // MARK: Tags

    /// Page `number` of a tag's list.
    func tagPage(_ tag: Tag, number: Int) -> OutputFile {
        let pagination = Pagination(totalItems: tag.articles.count, perPage: config.paginate)
        let path = Pagination.directory(ofPage: number, listDirectory: tag.directory) + "index.html"
        let items = Array(tag.articles[pagination.range(ofPage: number)])
        let header = blocks.header(forColumn: nil)
        let sidebar = blocks.sidebar(forColumn: nil, excluding: nil)
        let inputKey = keys.key(path: path, articles: items, blocks: [header, sidebar])
        if let kept = kept(path, key: inputKey) { return kept }
        let context: [String: Any] = [
            "tag": ["name": tag.name, "url": urls.href(tag.directory), "count": String(tag.articles.count)] as [String: Any],
            "site": blocks.site,
            "tagsURL": urls.href("tags/index.html"),
            "items": links[items],
            "pager": pager(pagination, page: number, listDirectory: tag.directory),
        ]
        let suffix = number > 1 ? " - 第\(number)页" : ""
        return page(
            path: path, inputKey: inputKey,
            title: "标签：\(tag.name)\(suffix) - \(config.title)",
            description: "\(config.title)关于“\(tag.name)”的报道",
            template: "tag", context: context,
            header: header,
            sidebar: sidebar,
            kind: "tag"
        )
    }

    func tagIndexPage() -> OutputFile {
        let header = blocks.header(forColumn: nil)
        let sidebar = blocks.sidebar(forColumn: nil, excluding: nil)
        let inputKey = keys.key(path: "tags/index.html", articles: [], blocks: [header, sidebar])
        if let kept = kept("tags/index.html", key: inputKey) { return kept }
        let tags = graph.tags.map { tag -> [String: Any] in
            ["name": tag.name, "url": urls.href(tag.directory), "count": String(tag.articles.count)]
        }
        return page(
            path: "tags/index.html", inputKey: inputKey,
            title: "全部标签 - " + config.title,
            description: "\(config.title)全部标签",
            template: "tags", context: ["tags": tags, "site": blocks.site],
            header: header,
            sidebar: sidebar,
            kind: "tags"
        )
    }

    // MARK: Home and 404

    func homePage() -> OutputFile {
        let lists = config.lists
        let header = blocks.header(forColumn: nil)
        let sidebar = blocks.sidebar(forColumn: nil, excluding: nil)
        let shown = graph.focus + graph.headlines + graph.recommended.prefix(lists.recommended)
            + (0..<graph.articles.count).prefix(lists.homeLatest)
            + graph.columns.topLevel.flatMap { (graph.columnArticles[$0] ?? []).prefix(lists.homeColumn) }
        let inputKey = keys.key(path: "index.html", articles: shown, blocks: [header, sidebar])
        if let kept = kept("index.html", key: inputKey) { return kept }
        let columns = graph.columns.topLevel.compactMap { id -> [String: Any]? in
            guard let column = graph.columns[id] else { return nil }
            return [
                "name": column.name,
                "url": urls.href(SiteGraph.directory(ofColumn: id)),
                "items": links[(graph.columnArticles[id] ?? []).prefix(lists.homeColumn)],
            ]
        }
        let context: [String: Any] = [
            "site": blocks.site,
            "focus": links[graph.focus],
            "headlines": links[graph.headlines],
            "columns": columns,
            "recommended": links[graph.recommended.prefix(lists.recommended)],
            "latest": links[(0..<graph.articles.count).prefix(lists.homeLatest)],
        ]
        return page(
            path: "index.html", inputKey: inputKey,
            title: config.subtitle.isEmpty ? config.title : config.title + " - " + config.subtitle,
            description: config.description.isEmpty ? config.subtitle : config.description,
            template: "home", context: context,
            header: header,
            sidebar: sidebar,
            kind: "home"
        )
    }

    func notFoundPage() -> OutputFile {
        let header = blocks.header(forColumn: nil)
        let latest = Array((0..<graph.articles.count).prefix(config.lists.homeLatest))
        let inputKey = keys.key(path: "404.html", articles: latest, blocks: [header])
        if let kept = kept("404.html", key: inputKey) { return kept }
        return page(
            path: "404.html", inputKey: inputKey,
            title: "页面未找到 - " + config.title,
            description: "页面未找到",
            template: "404", context: ["site": blocks.site, "latest": links[latest]],
            header: header,
            sidebar: nil,
            kind: "404"
        )
    }
}
