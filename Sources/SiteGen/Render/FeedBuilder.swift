/// RSS 2.0 feeds: `rss.xml` for the whole site and `<column>/rss.xml` for every column (its own
/// and descendants' articles), newest first.
///
/// `lastBuildDate` is the newest item's date, not the build time, so that an unchanged site
/// gives byte-identical feeds.
struct FeedBuilder {
    let graph: SiteGraph
    let config: SiteConfig
    let urls: SiteURLs
    let links: LinkTable
    let prepared: [PreparedArticle]

    /// Every feed of the site.
    func feeds() -> [OutputFile] {
        var files = [feed(path: "rss.xml", title: config.title, link: urls.absolute("index.html"),
                          description: config.description.isEmpty ? config.subtitle : config.description,
                          items: Array(graph.articles.indices.prefix(config.feedItems)))]
        for id in graph.columns.order {
            guard let column = graph.columns[id] else { continue }
            let directory = SiteGraph.directory(ofColumn: id)
            files.append(feed(
                path: directory + "rss.xml",
                title: column.name + " - " + config.title,
                link: urls.absolute(directory),
                description: column.description.isEmpty ? "\(config.title)\(column.name)栏目" : column.description,
                items: Array((graph.columnArticles[id] ?? []).prefix(config.feedItems))
            ))
        }
        return files
    }

    func feed(path: String, title: String, link: String, description: String, items: [Int]) -> OutputFile {
        let dates = DateFormatting(pattern: config.dateFormat, timeZone: config.timeZone)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
        <title>\(HTMLEscaping.escapeXML(title))</title>
        <link>\(HTMLEscaping.escapeXML(link))</link>
        <description>\(HTMLEscaping.escapeXML(description))</description>
        <language>\(HTMLEscaping.escapeXML(config.language))</language>
        <atom:link href="\(HTMLEscaping.escapeXML(urls.absolute(path)))" rel="self" type="application/rss+xml"/>

        """
        if let newest = items.first {
            xml += "<lastBuildDate>\(dates.rfc822(graph.articles[newest].date))</lastBuildDate>\n"
        }
        for index in items {
            let article = graph.articles[index]
            let url = urls.absolute(graph.articlePaths[index])
            xml += "<item>\n<title>\(HTMLEscaping.escapeXML(article.title))</title>\n"
            xml += "<link>\(HTMLEscaping.escapeXML(url))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(HTMLEscaping.escapeXML(url))</guid>\n"
            xml += "<pubDate>\(dates.rfc822(article.date))</pubDate>\n"
            for author in article.authors {
                xml += "<dc:creator>\(HTMLEscaping.escapeXML(author))</dc:creator>\n"
            }
            for tag in article.tags {
                xml += "<category>\(HTMLEscaping.escapeXML(tag))</category>\n"
            }
            xml += "<description>\(HTMLEscaping.escapeXML(prepared[index].summary))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return OutputFile(path: path, text: xml)
    }
}
