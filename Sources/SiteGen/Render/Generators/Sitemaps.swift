import Foundation
import SiteGenCore

/// `sitemap.xml`: home, columns and tags (every page of their lists), articles, with `lastmod`.
/// Past 50,000 URLs (the protocol's limit) the URLs go to `sitemap-1.xml`, `sitemap-2.xml`… and
/// `sitemap.xml` becomes a sitemap index.
///
/// It reads the articles' paths and dates, not their contents, so a body edit keeps the sitemap.
struct Sitemaps: PageGenerator {
    /// URLs per sitemap file, the protocol's maximum.
    var limit = 50_000

    /// One URL of the sitemap: an output path and the date of its newest article.
    struct Entry: Sendable {
        let path: String
        let lastmod: Date?
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        let perPage = config.paginate
        var count = 2 + graph.articles.count
        for id in graph.columns.order {
            count += Pagination(totalItems: graph.columnArticles[id]?.count ?? 0, perPage: perPage).pageCount
        }
        for tag in graph.tags {
            count += Pagination(totalItems: tag.articles.count, perPage: perPage).pageCount
        }
        guard count > limit else { return [PlanItem((), path: "sitemap.xml")] }
        return [PlanItem((), paths: (1...((count + limit - 1) / limit)).map { "sitemap-\($0).xml" } + ["sitemap.xml"])]
    }

    func declare(_: Void, reader: inout PageReader) -> [Entry] {
        let perPage = reader.config.paginate
        let articles = reader.datedPaths(of: .all)
        var entries = [Entry(path: "index.html", lastmod: articles.first?.date)]
        // Every page of a list, each with the date of its newest item.
        func listPages(_ list: [DatedPath], directory: String) {
            let pagination = Pagination(totalItems: list.count, perPage: perPage)
            for number in 1...pagination.pageCount {
                let newest = list[pagination.range(ofPage: number)].first?.date
                entries.append(Entry(path: Pagination.directory(ofPage: number, listDirectory: directory) + "index.html", lastmod: newest))
            }
        }
        for column in reader.allColumns() {
            listPages(reader.datedPaths(of: .column(column.id)), directory: SiteGraph.directory(ofColumn: column.id))
        }
        entries.append(Entry(path: TagIndexPage.path, lastmod: nil))
        for tag in reader.tags() {
            listPages(reader.datedPaths(of: .tag(tag.index)), directory: tag.directory)
        }
        entries += articles.map { Entry(path: $0.path, lastmod: $0.date) }
        return entries
    }

    func render(_ entries: [Entry], with resolver: PageResolver) -> [GeneratedFile] {
        let urls = resolver.urls
        let dates = DateFormatting(pattern: "yyyy", timeZone: .gmt)
        func urlset(_ slice: ArraySlice<Entry>) -> GeneratedFile {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for entry in slice {
                xml += "<url><loc>\(HTMLEscaping.escapeXML(urls.absolute(entry.path)))</loc>"
                if let lastmod = entry.lastmod { xml += "<lastmod>\(dates.w3c(lastmod))</lastmod>" }
                xml += "</url>\n"
            }
            return .text(xml + "</urlset>\n")
        }
        guard entries.count > limit else { return [urlset(entries[...])] }
        var files: [GeneratedFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: entries.count, by: limit).enumerated() {
            files.append(urlset(entries[start..<min(entries.count, start + limit)]))
            index += "<sitemap><loc>\(HTMLEscaping.escapeXML(urls.absolute("sitemap-\(number + 1).xml")))</loc></sitemap>\n"
        }
        return files + [.text(index + "</sitemapindex>\n")]
    }
}
