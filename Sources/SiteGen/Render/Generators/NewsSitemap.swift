import Foundation
import SiteGenCore

/// `news-sitemap.xml`, the Google News sitemap: the articles published in the 48 hours before
/// the build (at most 1,000, the protocol's limits) with publication name and language, date
/// and title. `robots.txt` lists it.
///
/// Google wants the language as `zh-cn` / `zh-tw` for Chinese and the ISO 639 code otherwise.
struct NewsSitemap: PageGenerator {
    static let path = "news-sitemap.xml"
    /// How far back the sitemap lists articles.
    static let window: TimeInterval = 48 * 3600
    /// URLs per news sitemap, the protocol's maximum.
    static let limit = 1000

    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        [PlanItem((), path: Self.path)]
    }

    func declare(_: Void, reader: inout PageReader) -> LinkList {
        reader.links(of: .all, publishedWithin: Self.window, limit: Self.limit)
    }

    func render(_ recent: LinkList, with resolver: PageResolver) -> [GeneratedFile] {
        let urls = resolver.urls
        let name = HTMLEscaping.escapeXML(resolver.config.title)
        let language = HTMLEscaping.escapeXML(Self.newsLanguage(resolver.config.language))
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

        """
        for (article, path, _) in resolver.entries(recent) {
            xml += "<url><loc>\(HTMLEscaping.escapeXML(urls.absolute(path)))</loc><news:news>"
            xml += "<news:publication><news:name>\(name)</news:name><news:language>\(language)</news:language></news:publication>"
            xml += "<news:publication_date>\(resolver.fullDates.w3c(article.date))</news:publication_date>"
            xml += "<news:title>\(HTMLEscaping.escapeXML(article.title))</news:title></news:news></url>\n"
        }
        return [.text(xml + "</urlset>\n")]
    }

    /// `zh-CN` → `zh-cn`, `zh-Hant-HK` → `zh-tw`, `en-GB` → `en`.
    static func newsLanguage(_ language: String) -> String {
        let parts = language.lowercased().split { $0 == "-" || $0 == "_" }
        guard let primary = parts.first.map(String.init) else { return "zh-cn" }
        guard primary == "zh" else { return primary }
        return parts.contains { ["tw", "hk", "mo", "hant"].contains($0) } ? "zh-tw" : "zh-cn"
    }
}
