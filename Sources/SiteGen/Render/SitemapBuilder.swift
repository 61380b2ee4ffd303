/// `sitemap.xml`: home, columns and tags (every page of their lists), articles, with `lastmod`. Past 50,000 URLs
/// (the protocol's limit) the URLs go to `sitemap-1.xml`, `sitemap-2.xml`… and `sitemap.xml`
/// becomes a sitemap index.
struct SitemapBuilder {
    /// URLs per sitemap file, the protocol's maximum.
    static let limit = 50_000

    let graph: SiteGraph
    let urls: SiteURLs
    /// Items per list page (`paginate`), to list page 2, 3… of columns and tags too.
    let perPage: Int
    var limit = SitemapBuilder.limit

    /// The paths of the files `sitemaps(extraPaths:)` makes, worked out without making them.
    func filePaths(extraPaths: [String]) -> [String] {
        var count = 1 + extraPaths.count + graph.articles.count
        for id in graph.columns.order {
            count += Pagination(totalItems: graph.columnArticles[id]?.count ?? 0, perPage: perPage).pageCount
        }
        for tag in graph.tags {
            count += Pagination(totalItems: tag.articles.count, perPage: perPage).pageCount
        }
        guard count > limit else { return ["sitemap.xml"] }
        return (1...((count + limit - 1) / limit)).map { "sitemap-\($0).xml" } + ["sitemap.xml"]
    }

    /// The sitemap file(s); `extraPaths` are further pages to list (e.g. the tag index).
    func sitemaps(extraPaths: [String]) -> [OutputFile] {
        let dates = DateFormatting(pattern: "yyyy", timeZone: .gmt)
        var entries: [(loc: String, lastmod: String?)] = [(urls.absolute("index.html"), graph.articles.first.map { dates.w3c($0.date) })]
        // Every page of a list, each with the date of its newest item.
        func listPages(_ list: [Int], directory: String) {
            let pagination = Pagination(totalItems: list.count, perPage: perPage)
            for number in 1...pagination.pageCount {
                let newest = list[pagination.range(ofPage: number)].first.map { dates.w3c(graph.articles[$0].date) }
                entries.append((urls.absolute(Pagination.directory(ofPage: number, listDirectory: directory)), newest))
            }
        }
        for id in graph.columns.order {
            listPages(graph.columnArticles[id] ?? [], directory: SiteGraph.directory(ofColumn: id))
        }
        entries += extraPaths.map { (urls.absolute($0), nil) }
        for tag in graph.tags {
            listPages(tag.articles, directory: tag.directory)
        }
        for index in graph.articles.indices {
            entries.append((urls.absolute(graph.articlePaths[index]), dates.w3c(graph.articles[index].date)))
        }

        func urlset(_ slice: ArraySlice<(loc: String, lastmod: String?)>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for entry in slice {
                xml += "<url><loc>\(HTMLEscaping.escapeXML(entry.loc))</loc>"
                if let lastmod = entry.lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }

        // The file names (and whether to split) come from `filePaths`, which counts the same
        // entries without making them.
        let paths = filePaths(extraPaths: extraPaths)
        guard let indexPath = paths.last, paths.count > 1 else {
            return [OutputFile(path: paths.last ?? "sitemap.xml", text: urlset(entries[...]))]
        }
        var files: [OutputFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, start) in zip(paths.dropLast(), stride(from: 0, to: entries.count, by: limit)) {
            files.append(OutputFile(path: path, text: urlset(entries[start..<min(entries.count, start + limit)])))
            index += "<sitemap><loc>\(HTMLEscaping.escapeXML(urls.absolute(path)))</loc></sitemap>\n"
        }
        files.append(OutputFile(path: indexPath, text: index + "</sitemapindex>\n"))
        return files
    }
}
