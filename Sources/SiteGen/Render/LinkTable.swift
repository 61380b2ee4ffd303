import Foundation
import SiteGenCore

/// The view model of every published article as it appears in lists (title, short title, URL,
/// dates, summary, cover, content views), built at most once per build and shared by all pages.
///
/// Each entry is made under its own lock, hence safe to read from the parallel render workers.
final class LinkTable: @unchecked Sendable {
    private let slots: [Slot]
    private let make: @Sendable (Int) -> ViewObject

    /// One article's view object, made the first time a page asks for it: a rebuild that keeps
    /// most pages by their input keys never builds the others.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: ViewObject?
    }

    /// `views` are the theme's content-view names (`views/<name>` templates), rendered per
    /// entry on demand and reachable as `views.<name>`.
    /// With `eager`, every entry is made now, on all cores (a build that keeps no page needs
    /// them all anyway).
    init(
        graph: SiteGraph, prepared: [PreparedArticle], config: SiteConfig, urls: SiteURLs, site: ViewObject,
        views: [String], specializer: TemplateSpecializer, eager: Bool = false
    ) {
        let listDates = DateFormatting(pattern: config.listDateFormat, timeZone: config.timeZone)
        let fullDates = DateFormatting(pattern: config.dateFormat, timeZone: config.timeZone)
        slots = (0..<graph.articles.count).map { _ in Slot() }
        make = { index in
            let article = graph.articles[index]
            var link: [String: Any] = [
                "title": article.title,
                "short": TextTruncation.truncate(article.title, toWidth: config.titleWidth),
                "url": urls.href(graph.articlePaths[index]),
                "date": listDates.string(from: article.date),
                "datetime": fullDates.string(from: article.date),
                "summary": prepared[index].summary,
                "hits": article.hits,
            ]
            if let column = graph.columns[article.columnPath] {
                link["column"] = column.name
                link["columnURL"] = urls.href(SiteGraph.directory(ofColumn: column.id))
            }
            if let cover = article.cover {
                link["cover"] = urls.hrefForSitePath(cover)
            }
            let fingerprint = Fingerprint.of(seed: 0, link)
            guard !views.isEmpty else { return ViewObject(link, fingerprint: fingerprint) }
            let contentViews = ContentViews(entry: link, entryFingerprint: fingerprint, site: site, names: views, specializer: specializer)
            link["views"] = contentViews
            return ViewObject(link, fingerprint: contentViews.fingerprint)
        }
        if eager {
            let slots = slots
            let make = make
            ParallelWork.forEach(count: slots.count) { slots[$0].value = make($0) }
        }
    }

    /// The view model of one article.
    subscript(index: Int) -> ViewObject {
        let slot = slots[index]
        return slot.lock.withLock {
            if let value = slot.value { return value }
            let value = make(index)
            slot.value = value
            return value
        }
    }

    /// The view models of a list of article indexes.
    subscript(indexes: some Sequence<Int>) -> [ViewObject] {
        indexes.map { self[$0] }
    }
}
