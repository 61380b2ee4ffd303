import Foundation
import SiteGenCore

/// The one way a generator learns what a page shows: every read folds what it returns into the
/// page's input key before returning it. A generator's `render` sees only what its `declare`
/// read (and the site-wide values every key covers, through `PageResolver`), so the key stands
/// for everything the page is made from by construction; a value left out of the key is one the
/// page cannot show.
///
/// Every key starts from the site-wide inputs (engine version, templates, `site.yml`, base URL)
/// and the page's output paths; reads add the rest. Article reads add the article's key (front
/// matter and Markdown body with the settings that shape it, `PageSource.articleKey`) and path,
/// hashed together once per build.
struct PageReader {
    private let source: PageSource
    private var fingerprint: Fingerprint
    /// Articles whose whole body the page shows: the build supplies their bodies before rendering.
    private(set) var bodies: [Int] = []
    /// When what the page read changes by the clock alone (an article leaves a time window).
    private(set) var changesAt: Date?

    init(source: PageSource, paths: [String]) {
        self.source = source
        fingerprint = Fingerprint(seed: source.siteKey)
        fingerprint.add(texts: paths)
    }

    /// The key of everything read so far.
    var key: UInt64 { fingerprint.value }

    /// The site's settings (`site.yml`), which every key covers.
    var config: SiteConfig { source.config }

    // MARK: Articles

    /// One article with its body, as its own page shows it.
    mutating func article(_ index: Int) -> ArticleRef {
        fold(article: index)
        bodies.append(index)
        return ArticleRef(index: index)
    }

    /// The column of an article read (its key covers it).
    func columnPath(of article: ArticleRef) -> String {
        source.graph.articles[article.index].columnPath
    }

    /// How many articles a graph list holds (a pager's total).
    mutating func count(of list: GraphList) -> Int {
        let count = list.indices(in: source.graph).count
        fingerprint.add(count)
        return count
    }

    /// The list entries of `list` (all, or the positions in `range`), as lists show them.
    mutating func links(of list: GraphList, range: Range<Int>? = nil) -> LinkList {
        let all = list.indices(in: source.graph)
        let indices = range.map { Array(all[$0.clamped(to: all.indices)]) } ?? all
        return links(indices)
    }

    /// The list entries of the first `count` articles of `list`.
    mutating func links(of list: GraphList, first count: Int) -> LinkList {
        links(of: list, range: 0..<count)
    }

    /// The list entries of the articles at `indices`.
    private mutating func links(_ indices: [Int]) -> LinkList {
        fingerprint.add(indices.count)
        for index in indices { fold(article: index) }
        return LinkList(indices: indices)
    }

    /// The list entries of the newest articles of `list` published within `interval` before
    /// the build's time, at most `limit`. The build's time itself stays out of the key: what it
    /// selected is in it, and `changesAt` says when the oldest entry leaves the window.
    mutating func links(of list: GraphList, publishedWithin interval: TimeInterval, limit: Int) -> LinkList {
        let graph = source.graph
        let start = source.now.addingTimeInterval(-interval)
        let recent = list.indices(in: graph).prefix { graph.articles[$0].date > start }.prefix(limit)
        if let oldest = recent.last {
            let leaves = graph.articles[oldest].date.addingTimeInterval(interval)
            changesAt = min(changesAt ?? leaves, leaves)
        }
        return links(Array(recent))
    }

    /// The newer and older neighbour of an article within its column.
    mutating func neighbours(of article: ArticleRef) -> (newer: LinkList, older: LinkList) {
        let neighbours = source.graph.neighbours[article.index]
        return (links(neighbours.newer.map { [$0] } ?? []), links(neighbours.older.map { [$0] } ?? []))
    }

    /// The path and date of every article of `list` (not their contents: a sitemap shows no more).
    mutating func datedPaths(of list: GraphList) -> [DatedPath] {
        let graph = source.graph
        let indices = list.indices(in: graph)
        fingerprint.add(indices.count)
        return indices.map { index in
            fingerprint.add(source.datedPathKeys[index])
            return DatedPath(path: graph.articlePaths[index], date: graph.articles[index].date)
        }
    }

    private mutating func fold(article index: Int) {
        fingerprint.add(source.articleKeys[index])
    }

    // MARK: Columns and tags

    /// A column with its children and its `_index.md`, `nil` for an unknown id.
    mutating func column(_ id: String) -> ColumnRead? {
        guard let column = source.graph.columns[id] else {
            fingerprint.add(false)
            return nil
        }
        let children = column.children.compactMap { source.graph.columns[$0] }
        let index = source.graph.columnIndexes[id]
        fingerprint.add(true)
        _ = fold(columns: [column] + children)
        fingerprint.add([index?.title.map { [$0] } ?? [], index?.description.map { [$0] } ?? [], index.map { [$0.body] } ?? []] as [Any])
        return ColumnRead(column: column, children: children, index: index)
    }

    /// The columns from the top down to `id` (a breadcrumb).
    mutating func chain(to id: String) -> [Column] {
        guard let chain = source.chains[id] else { return fold(columns: []) }
        fingerprint.add(chain.key)
        return chain.columns
    }

    /// The top-level columns in order.
    mutating func topLevelColumns() -> [Column] {
        fold(columns: source.graph.columns.topLevel.compactMap { source.graph.columns[$0] })
    }

    /// Every column in declaration order.
    mutating func allColumns() -> [Column] {
        fold(columns: source.graph.columns.order.compactMap { source.graph.columns[$0] })
    }

    private mutating func fold(columns: [Column]) -> [Column] {
        fingerprint.add(PageSource.key(of: columns))
        return columns
    }

    /// Every tag in display order, with its article count (its list is `GraphList.tag`).
    mutating func tags() -> [TagRead] {
        fingerprint.add(source.graph.tags.count)
        return source.graph.tags.indices.map { tag($0) }
    }

    /// One tag, with its article count.
    mutating func tag(_ index: Int) -> TagRead {
        let tag = source.graph.tags[index]
        let read = TagRead(index: index, name: tag.name, directory: tag.directory, count: tag.articles.count)
        fingerprint.add(read.name)
        fingerprint.add(read.directory)
        fingerprint.add(read.count)
        return read
    }

    // MARK: Shared blocks

    /// The header with the top-level column of `columnID` marked active.
    mutating func header(forColumn columnID: String?) -> RenderedBlock {
        fold(block: source.blocks.header(forColumn: columnID))
    }

    /// A column's sidebar (site-wide when `nil`), leaving `excluded` out of 推荐资讯.
    mutating func sidebar(forColumn columnID: String?, excluding excluded: ArticleRef? = nil) -> RenderedBlock {
        fold(block: source.blocks.sidebar(forColumn: columnID, excluding: excluded?.index))
    }

    private mutating func fold(block: RenderedBlock) -> RenderedBlock {
        fingerprint.add(block.fingerprint)
        return block
    }
}

/// A list of the graph's, named without its contents: a page reads it through `PageReader`,
/// which folds the articles it picks into the page's key. A new list is a field of `SiteGraph`
/// and a `GraphList { $0.field }` where a generator reads it.
struct GraphList: Sendable {
    fileprivate let select: @Sendable (SiteGraph) -> [Int]

    init(_ select: @escaping @Sendable (SiteGraph) -> [Int]) {
        self.select = select
    }

    fileprivate func indices(in graph: SiteGraph) -> [Int] { select(graph) }

    /// Every published article, newest first.
    static let all = GraphList { Array($0.articles.indices) }
    /// A column's own and descendants' articles.
    static func column(_ id: String) -> GraphList { GraphList { $0.columnArticles[id] ?? [] } }
    /// A tag's articles (by tag index).
    static func tag(_ index: Int) -> GraphList { GraphList { $0.tags[index].articles } }
    /// 相关阅读 of an article.
    static func related(_ article: ArticleRef) -> GraphList { GraphList { $0.related[article.index] } }
    /// The 推荐 list, one longer than shown so a page can leave itself out.
    static let recommended = GraphList { $0.recommended }
    /// The 今日聚焦 list.
    static let focus = GraphList { $0.focus }
    /// The 头条 list.
    static let headlines = GraphList { $0.headlines }
}

/// An article a page shows whole; only `PageReader` makes one.
struct ArticleRef: Sendable {
    fileprivate let index: Int
}

/// Articles a page lists; only `PageReader` makes one.
struct LinkList: Sendable {
    fileprivate let indices: [Int]
}

/// A column as a page read it.
struct ColumnRead: Sendable {
    let column: Column
    let children: [Column]
    let index: ColumnIndex?
}

/// A tag as a page read it.
struct TagRead: Sendable {
    let index: Int
    let name: String
    let directory: String
    let count: Int
}

/// An article's output path and date.
struct DatedPath: Sendable {
    let path: String
    let date: Date
}

/// What page keys are made from: the graph, each article's key, the site-wide key and the
/// shared blocks. Only `PageReader` reads it. A class, so that each of the site's thousands of
/// readers holds one reference rather than a copy of everything here.
final class PageSource: Sendable {
    fileprivate let graph: SiteGraph
    fileprivate let config: SiteConfig
    /// Each article's key (`articleKey`) with its output path, by article index.
    fileprivate let articleKeys: [UInt64]
    /// Each article's output path and date, hashed, by article index.
    fileprivate let datedPathKeys: [UInt64]
    fileprivate let siteKey: UInt64
    fileprivate let blocks: SharedBlocks
    /// The build's time, which only `PageReader.links(of:publishedWithin:limit:)` reads.
    fileprivate let now: Date
    /// Each column's breadcrumb (`ColumnTree.chain(to:)`) with the key of its ids and names.
    fileprivate let chains: [String: (columns: [Column], key: UInt64)]

    init(
        graph: SiteGraph, prepared: [PreparedArticle], config: SiteConfig, templatesFingerprint: UInt64, blocks: SharedBlocks, now: Date
    ) {
        self.graph = graph
        self.now = now
        self.config = config
        self.blocks = blocks
        let keys = ParallelWork.map(graph.articles.count) { index in
            let article = graph.articles[index]
            let path = graph.articlePaths[index]
            return (
                Fingerprint.of(seed: Self.articleKey(article, bodyKey: prepared[index].bodyKey), path),
                Fingerprint.of(seed: article.date.timeIntervalSince1970.bitPattern, path)
            )
        }
        articleKeys = keys.map(\.0)
        datedPathKeys = keys.map(\.1)
        var chains: [String: (columns: [Column], key: UInt64)] = [:]
        for id in graph.columns.order {
            let columns = graph.columns.chain(to: id).compactMap { graph.columns[$0] }
            chains[id] = (columns, Self.key(of: columns))
        }
        self.chains = chains
        siteKey = Fingerprint.of(
            seed: 0x7061_6765_6B65_7973, SiteGenVersion.engine, templatesFingerprint, config.sourceKey, config.baseURL
        )
    }

    /// Everything about `columns` a page can show: each column's whole value (names, description,
    /// place in the tree), so a read that hands out a `Column` covers all of it.
    static func key(of columns: [Column]) -> UInt64 {
        var fingerprint = Fingerprint(seed: UInt64(columns.count))
        for column in columns {
            fingerprint.add([column.id, column.slug, column.name, column.description, column.parent ?? "", column.children, column.ancestors] as [Any])
        }
        return fingerprint.value
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
}

/// What a generator's `render` builds its output from besides what its page read: the values
/// every page key covers (config, URLs, the `site` view model, date formats) and the views of
/// the handles `PageReader` gave out.
struct PageResolver: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    /// The `site` view model.
    let site: ViewObject
    /// Dates as pages show them (`date_format`).
    let fullDates: DateFormatting
    fileprivate let graph: SiteGraph
    fileprivate let prepared: [PreparedArticle]
    fileprivate let links: LinkTable
    fileprivate let bodies: BodyStore

    init(graph: SiteGraph, prepared: [PreparedArticle], links: LinkTable, bodies: BodyStore, config: SiteConfig, urls: SiteURLs, site: ViewObject) {
        self.graph = graph
        self.prepared = prepared
        self.links = links
        self.bodies = bodies
        self.config = config
        self.urls = urls
        self.site = site
        fullDates = DateFormatting(pattern: config.dateFormat, timeZone: config.timeZone)
    }

    /// The article's front matter.
    subscript(article: ArticleRef) -> Article { graph.articles[article.index] }

    /// The article's output path.
    func path(of article: ArticleRef) -> String { graph.articlePaths[article.index] }

    /// The article's summary (front matter `summary`, else cut from the body).
    func summary(of article: ArticleRef) -> String { prepared[article.index].summary }

    /// The article's body as a view-model value.
    func body(of article: ArticleRef) -> ArticleBody {
        let index = article.index
        return ArticleBody(
            markdown: bodies[index], article: graph.articles[index], prepared: prepared[index],
            unsafe: config.markdownUnsafe, basePath: urls.basePath
        )
    }

    /// The list view models of `list`.
    subscript(list: LinkList) -> [ViewObject] { links[list.indices] }

    /// The one view model of a one-entry list, `nil` for an empty one.
    func first(_ list: LinkList) -> ViewObject? { list.indices.first.map { links[$0] } }

    /// The articles of `list` with their paths and summaries, for feeds.
    func entries(_ list: LinkList) -> [(article: Article, path: String, summary: String)] {
        list.indices.map { (graph.articles[$0], graph.articlePaths[$0], prepared[$0].summary) }
    }
}
