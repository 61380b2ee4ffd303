import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteGen

/// The page plan and the generators registered in it, on the in-memory sample site.
@Suite struct PagePlanTests {
    let articles = [
        SampleSite.article("guonei/fazhi/renmingongan/a.md", "甲", "2024-07-10 08:00", tags: ["反诈", "断卡"], flags: [.recommend], hits: 5),
        SampleSite.article("guonei/fazhi/renmingongan/b.md", "乙", "2024-07-11 08:00", tags: ["反诈"], flags: [.focus], hits: 50),
        SampleSite.article("guonei/fazhi/c.md", "丙 & <特稿>", "2024-07-12 08:00", tags: ["反诈", "断卡"], hits: 50),
        SampleSite.article("guonei/shizheng/d.md", "丁", "2024-07-09 08:00", tags: ["断卡"], flags: [.recommend, .headline], hits: 1),
        SampleSite.article("fazhi/e.md", "戊", "2024-07-13 08:00", tags: ["普法"], hits: 7),
    ]

    func renderer(now: String = "2024-07-13 10:00", generators: [any PageGenerator] = PagePlan.generators) throws -> SiteRenderer {
        var options = SampleSite.options(now: now)
        options.includeFuture = true
        let content = SampleSite.content(articles)
        let graph = SiteGraphBuilder.build(content, options: options).graph
        let templates = try #require(TemplateLibrary.compile(content.theme).0)
        return SiteRenderer(
            graph: graph, config: content.config, templates: templates, urls: SiteURLs(baseURL: content.config.baseURL),
            now: options.now, generators: generators
        )
    }

    func text(_ file: OutputFile) -> String { String(decoding: file.renderedBytes ?? [], as: UTF8.self) }

    @Test func everyOutputHasOneGeneratorAndOnePath() throws {
        let files = try renderer().renderAll()
        let paths = files.map(\.path)
        #expect(Set(paths).count == paths.count)
        for path in ["index.html", "404.html", "tags/index.html", "rss.xml", "guonei/rss.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt"] {
            #expect(paths.contains(path), "\(path)")
        }
    }

    @Test func aPagesKeyChangesWithWhatItReadAndOnlyThat() throws {
        let plan = try renderer().plan
        let again = try renderer().plan
        #expect(plan.outputs.map(\.key) == again.outputs.map(\.key))
        // The clock moving on within the news sitemap's window changes no key.
        let later = try renderer(now: "2024-07-13 11:00").plan
        #expect(plan.outputs.map(\.key) == later.outputs.map(\.key))
    }

    @Test func sitemapFilesSplitPastTheLimitAndListEveryURLOnce() throws {
        let whole = try renderer(generators: [Sitemaps()]).renderAll()
        #expect(whole.map(\.path) == ["sitemap.xml"])
        let locs = { (file: OutputFile) in self.text(file).components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) } }
        let all = locs(whole[0])
        #expect(all.first == "https://example.cn/news/")
        #expect(all.contains("https://example.cn/news/tags/index.html") == false && all.contains("https://example.cn/news/tags/"))
        for limit in [1, 4, all.count - 1, all.count] {
            let files = try renderer(generators: [Sitemaps(limit: limit)]).renderAll()
            if limit < all.count {
                #expect(files.last?.path == "sitemap.xml")
                #expect(files.dropLast().map(\.path) == (1..<files.count).map { "sitemap-\($0).xml" })
                // The parts list every URL once, in order; the index lists the parts.
                #expect(files.dropLast().flatMap(locs) == all, "limit \(limit)")
                #expect(locs(files.last!) == files.dropLast().map { "https://example.cn/news/" + $0.path })
            } else {
                #expect(files.map(\.path) == ["sitemap.xml"], "limit \(limit)")
            }
        }
    }

    @Test func newsSitemapFollowsTheProtocol() throws {
        let renderer = try renderer()
        let files = renderer.renderAll()
        let news = try #require(files.first { $0.path == NewsSitemap.path })
        let parsed = try NewsSitemapDocument(text(news))
        // 48 hours before 2024-07-13 10:00: 戊 and 丙, newest first; 乙 (50 hours) is out.
        #expect(parsed.urls.map(\.title) == ["戊", "丙 & <特稿>"])
        for url in parsed.urls {
            #expect(url.loc.hasPrefix("https://example.cn/news/") && url.loc.hasSuffix(".html"))
            #expect(url.name == "测试法治网")
            #expect(url.language == "zh-cn")
            // W3C date-time with the site's offset.
            #expect(url.date.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00/) != nil, "\(url.date)")
        }
        #expect(parsed.namespaces == ["http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.google.com/schemas/sitemap-news/0.9"])
        let robots = text(try #require(files.first { $0.path == "robots.txt" }))
        #expect(robots.contains("Sitemap: https://example.cn/news/news-sitemap.xml\n"))
        // The list changes by the clock alone when 丙 turns 48 hours old.
        #expect(renderer.plan.nextChange == SampleSite.date("2024-07-14 08:00"))
    }

    @Test func newsSitemapIsEmptyButValidWhenNothingIsRecent() throws {
        let news = try #require(try renderer(now: "2024-08-01 00:00").renderAll().first { $0.path == NewsSitemap.path })
        #expect(try NewsSitemapDocument(text(news)).urls.isEmpty)
    }

    @Test(arguments: [("zh-CN", "zh-cn"), ("zh", "zh-cn"), ("zh-Hant-HK", "zh-tw"), ("zh_TW", "zh-tw"), ("en-GB", "en")])
    func newsLanguageCodes(_ language: String, _ code: String) {
        #expect(NewsSitemap.newsLanguage(language) == code)
    }
}

/// A news sitemap parsed back with `XMLParser`: its namespaces and each URL's fields.
private struct NewsSitemapDocument {
    struct URLEntry { var loc = "", name = "", language = "", date = "", title = "" }
    var namespaces: [String] = []
    var urls: [URLEntry] = []

    init(_ text: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        namespaces = delegate.namespaces
        urls = delegate.urls
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var namespaces: [String] = []
        var urls: [URLEntry] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "urlset" { namespaces = ["xmlns", "xmlns:news"].compactMap { attributes[$0] } }
            if name == "url" { urls.append(URLEntry()) }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard !urls.isEmpty else { return }
            switch name {
            case "loc": urls[urls.count - 1].loc = text
            case "news:name": urls[urls.count - 1].name = text
            case "news:language": urls[urls.count - 1].language = text
            case "news:publication_date": urls[urls.count - 1].date = text
            case "news:title": urls[urls.count - 1].title = text
            default: break
            }
        }
    }
}
