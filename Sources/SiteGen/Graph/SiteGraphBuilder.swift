import Foundation
import SiteGenCore

/// Resolves loaded content into a `SiteGraph`: filters drafts and future articles, orders,
/// assigns permalinks and computes every list. Pure: no file access.
public enum SiteGraphBuilder {
    /// Builds the graph; duplicate permalinks and an unusable permalink pattern are reported as
    /// errors.
    public static func build(_ content: SiteContent, options: BuildOptions) -> (graph: SiteGraph, diagnostics: Diagnostics) {
        let (graph, diagnostics, _) = build(content, options: options, reusing: nil)
        return (graph, diagnostics)
    }

    /// Builds the graph, reusing `previous` related lists when they were computed from the same
    /// articles and tags; also returns the related lists to keep for the next build.
    public static func build(
        _ content: SiteContent, options: BuildOptions, reusing previous: RelatedArticles.Memo?
    ) -> (graph: SiteGraph, diagnostics: Diagnostics, related: RelatedArticles.Memo) {
        var diagnostics = Diagnostics()
        let config = content.config
        let tree = ColumnTree(declarations: config.columns, indexes: content.columnIndexes)

        // Sorting indexes, not articles: moving whole articles around costs more than comparing.
        // Newest first; equal dates ordered by id so the order never depends on input order. The
        // sort keys are read out first: a comparison that took two articles would copy them.
        let articles = content.articles
        let articleDates = articles.map(\.date)
        let ids = articles.map(\.id)
        let published = articles.indices
            .filter { (options.includeDrafts || !articles[$0].draft) && (options.includeFuture || articleDates[$0] <= options.now) }
            .sorted { articleDates[$0] != articleDates[$1] ? articleDates[$0] > articleDates[$1] : ids[$0] < ids[$1] }
            .map { articles[$0] }

        let pattern = PermalinkPattern(config.permalink)
        if let problem = pattern.problem {
            diagnostics.error(problem, at: SourceLocation(path: "site.yml"))
        }
        let dates = DateFormatting(pattern: config.dateFormat, timeZone: config.timeZone)
        let paths = ParallelWork.map(published.count) { index in
            let article = published[index]
            return pattern.outputPath(column: article.columnPath, slug: article.slug, date: dates.components(of: article.date))
        }
        diagnostics.append(contentsOf: duplicatePaths(paths, articles: published))

        let columnArticles = articlesByColumn(published, tree: tree)
        let tags = tags(published)
        let related = RelatedArticles.compute(tags: tags, count: published.count, limit: config.lists.related, reusing: previous)
        let graph = SiteGraph(
            articles: published,
            articlePaths: paths,
            columns: tree,
            columnArticles: columnArticles,
            neighbours: neighbours(published),
            recommended: newest(published, with: .recommend, limit: config.lists.recommended + 1),
            hotByColumn: columnArticles.mapValues { hottest($0, in: published, limit: config.lists.hot) },
            related: related.lists,
            tags: tags,
            focus: newest(published, with: .focus, limit: max(0, config.lists.focus)),
            headlines: newest(published, with: .headline, limit: config.lists.headlines),
            columnIndexes: content.columnIndexes
        )
        return (graph, diagnostics, related)
    }

    static func duplicatePaths(_ paths: [String], articles: [Article]) -> Diagnostics {
        // Paths are compared by a 64-bit hash first (sorting numbers is far cheaper than a
        // dictionary of every path); only paths with equal hashes are compared as text.
        let hashes = ParallelWork.map(paths.count) { Fingerprint.of(text: paths[$0]) }
        let order = paths.indices.sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var firstOwner: [Int: Int] = [:]  // later article with a taken path -> first one
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, hashes[order[end]] == hashes[order[start]] { end += 1 }
            for position in (start + 1)..<end {
                let index = order[position]
                if let owner = order[start..<position].first(where: { paths[$0] == paths[index] }) { firstOwner[index] = owner }
            }
            start = end
        }
        var diagnostics = Diagnostics()
        for (index, other) in firstOwner.sorted(by: { $0.key < $1.key }) {
            let (first, second) = articles[other].id < articles[index].id ? (other, index) : (index, other)
            diagnostics.error(
                "two articles have the same URL /\(paths[index]): \(articles[first].sourcePath) and \(articles[second].sourcePath)",
                at: SourceLocation(path: articles[second].sourcePath, line: 1, column: 1)
            )
        }
        return diagnostics
    }

    /// Each column's own and descendants' articles, newest first (the input order).
    static func articlesByColumn(_ articles: [Article], tree: ColumnTree) -> [String: [Int]] {
        var lists: [String: [Int]] = [:]
        for id in tree.order { lists[id] = [] }
        // Which lists an article joins, worked out once per column.
        var targets: [String: [String]] = [:]
        for index in articles.indices {
            let columnPath = articles[index].columnPath
            if targets[columnPath] == nil {
                targets[columnPath] = tree[columnPath].map { $0.ancestors + [$0.id] } ?? []
            }
            for id in targets[columnPath]! { lists[id, default: []].append(index) }
        }
        return lists
    }

    /// 上一篇 / 下一篇 within the article's own (direct) column.
    static func neighbours(_ articles: [Article]) -> [Neighbours] {
        var result = Array(repeating: Neighbours(newer: nil, older: nil), count: articles.count)
        var lastInColumn: [String: Int] = [:]
        for index in articles.indices {
            let columnPath = articles[index].columnPath
            if let newer = lastInColumn[columnPath] {
                result[index].newer = newer
                result[newer].older = index
            }
            lastInColumn[columnPath] = index
        }
        return result
    }

    static func newest(_ articles: [Article], with flag: ArticleFlags, limit: Int) -> [Int] {
        var result: [Int] = []
        for index in articles.indices where articles[index].flags.contains(flag) {
            if result.count >= limit { break }
            result.append(index)
        }
        return result
    }

    /// Highest hits first; equal hits keep newest-first order. A bounded selection, not a full sort.
    static func hottest(_ list: [Int], in articles: [Article], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        var top: [Int] = []
        top.reserveCapacity(limit + 1)
        for index in list {
            let hits = articles[index].hits
            if top.count == limit, let last = top.last, articles[last].hits >= hits { continue }
            // Insert after every entry with hits >= this one's (stable for ties).
            var position = top.count
            while position > 0, articles[top[position - 1]].hits < hits { position -= 1 }
            top.insert(index, at: position)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// Tags keyed by URL segment, most used first, then by segment.
    static func tags(_ articles: [Article]) -> [Tag] {
        var tags: [Tag] = []
        var tagBySegment: [String: Int] = [:]
        var tagByName: [String: Int] = [:]  // most names recur in many articles: one lookup each
        for index in articles.indices {
            for name in articles[index].tags {
                let tag: Int
                if let known = tagByName[name] {
                    tag = known
                } else {
                    let segment = Slug.tagURLSegment(name)
                    if let known = tagBySegment[segment] {
                        tag = known
                    } else {
                        tag = tags.count
                        tags.append(Tag(name: name, segment: segment, articles: []))
                        tagBySegment[segment] = tag
                    }
                    tagByName[name] = tag
                }
                // Two spellings of one tag in an article list it once (articles come in order).
                if tags[tag].articles.last != index { tags[tag].articles.append(index) }
            }
        }
        return tags.sorted {
            $0.articles.count != $1.articles.count ? $0.articles.count > $1.articles.count : $0.segment < $1.segment
        }
    }
}
