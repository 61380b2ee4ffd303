import SiteGenCore

/// RSS 2.0 feeds: `rss.xml` for the whole site and `<column>/rss.xml` for every column (its own
/// and descendants' articles), newest first.
///
/// `lastBuildDate` is the newest item's date, not the build time, so that an unchanged site
/// gives byte-identical feeds.
struct Feeds: PageGenerator {
    struct Reads: Sendable {
        let path: String
        /// The site's (`nil`) or a column's feed.
        let column: Column?
        let items: LinkList
    }

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<String?>] {
        [PlanItem(nil, path: "rss.xml")]
            + graph.columns.order.map { PlanItem($0, path: SiteGraph.directory(ofColumn: $0) + "rss.xml") }
    }

    func declare(_ columnID: String?, reader: inout PageReader) -> Reads {
        let count = reader.config.feedItems
        guard let columnID else { return Reads(path: "rss.xml", column: nil, items: reader.links(of: .all, first: count)) }
        let column = reader.column(columnID)?.column
        return Reads(
            path: SiteGraph.directory(ofColumn: columnID) + "rss.xml", column: column,
            items: reader.links(of: .column(columnID), first: count)
        )
    }

    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile] {
        let config = resolver.config
        let urls = resolver.urls
        guard let column = reads.column else {
            return [feed(
                reads, title: config.title, link: urls.absolute("index.html"),
                description: config.description.isEmpty ? config.subtitle : config.description, resolver: resolver
            )]
        }
        return [feed(
            reads, title: column.name + " - " + config.title, link: urls.absolute(SiteGraph.directory(ofColumn: column.id)),
            description: column.description.isEmpty ? "\(config.title)\(column.name)栏目" : column.description, resolver: resolver
        )]
    }

    private func feed(_ reads: Reads, title: String, link: String, description: String, resolver: PageResolver) -> GeneratedFile {
        let urls = resolver.urls
        let dates = resolver.fullDates
        let entries = resolver.entries(reads.items)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
        <title>\(HTMLEscaping.escapeXML(title))</title>
        <link>\(HTMLEscaping.escapeXML(link))</link>
        <description>\(HTMLEscaping.escapeXML(description))</description>
        <language>\(HTMLEscaping.escapeXML(resolver.config.language))</language>
        <atom:link href="\(HTMLEscaping.escapeXML(urls.absolute(reads.path)))" rel="self" type="application/rss+xml"/>

        """
        if let newest = entries.first {
            xml += "<lastBuildDate>\(dates.rfc822(newest.article.date))</lastBuildDate>\n"
        }
        for (article, path, summary) in entries {
            let url = urls.absolute(path)
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
            xml += "<description>\(HTMLEscaping.escapeXML(summary))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return .text(xml)
    }
}
