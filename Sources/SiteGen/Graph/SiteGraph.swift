import Foundation

/// The resolved site: which articles are published, in what order, where each lives, and every
/// list a page shows. Built by `SiteGraphBuilder` with pure functions; articles are referred to
/// by their index in `articles` (newest first).
public struct SiteGraph: Sendable {
    /// Published articles, newest first; ties broken by id so the order is total.
    public var articles: [Article]
    /// Output path of each article (relative, e.g. `guonei/2024/0710/a.html`), by article index.
    public var articlePaths: [String]
    /// The column tree.
    public var columns: ColumnTree
    /// Article indexes per column id, the column's own and all descendants' articles, newest first.
    public var columnArticles: [String: [Int]]
    /// Newer and older neighbour within the article's own column, by article index.
    public var neighbours: [Neighbours]
    /// Newest `recommend` articles, one more than the list size so a page can leave itself out.
    public var recommended: [Int]
    /// 栏目热门 per column id: highest hits first, ties newest first.
    public var hotByColumn: [String: [Int]]
    /// 相关阅读 per article index.
    public var related: [[Int]]
    /// Tags in display order (most used first, then name), with their articles.
    public var tags: [Tag]
    /// Newest `focus` articles.
    public var focus: [Int]
    /// Newest `headline` articles.
    public var headlines: [Int]
    /// `_index.md` of each column that has one.
    public var columnIndexes: [String: ColumnIndex]

    /// Output folder of a column's first list page, e.g. `guonei/fazhi/`.
    public static func directory(ofColumn id: String) -> String { id + "/" }
}

/// The articles before and after one article in its own column.
public struct Neighbours: Sendable, Hashable {
    /// The next newer article (上一篇).
    public var newer: Int?
    /// The next older article (下一篇).
    public var older: Int?
}

/// A tag with its articles.
public struct Tag: Sendable, Hashable {
    /// Display name (the spelling used first).
    public var name: String
    /// URL segment (`Slug.tagURLSegment`), unique; spellings that map to one segment share a page.
    public var segment: String
    /// Article indexes, newest first.
    public var articles: [Int]

    /// Output folder of the tag's first page, e.g. `tags/反诈/`.
    public var directory: String { Tag.directory(ofSegment: segment) }

    /// Output folder of the first page of the tag with URL segment `segment`.
    public static func directory(ofSegment segment: String) -> String { "tags/" + segment + "/" }
}
