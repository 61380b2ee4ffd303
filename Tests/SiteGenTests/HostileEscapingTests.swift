import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteGen

/// Hostile titles, tags, authors, sources, summaries and links, end to end: escaped in HTML text
/// and attributes, dropped where XML forbids them, unable to leave the JSON-LD script, and no
/// `javascript:`/`data:` URL reaches a page.
@Suite struct HostileEscapingTests {
    private typealias Site = HostileSite

    /// The title as YAML reads it from the front matter below.
    private static let title = "</script><script>alert('t')</script> \"q\" & <b>粗</b>\u{1}"

    private static let hostileArticle = #"""
    ---
    title: "</script><script>alert('t')</script> \"q\" & <b>粗</b>\x01"
    date: 2024-07-10 14:43
    tags: ["<script>tag", "a&b", "q\"t'", "\x02ctl"]
    authors: ["<img src=x onerror=alert(1)>", "O'Brien & \"Co\"", "</script>"]
    source: "<iframe>源 & \"来\"\x07"
    summary: "<script>alert('s')</script> & \x0b摘要 ]]> --"
    cover: /uploads/a"b<c>.jpg
    ---
    正文<script>alert(3)</script>有控制字符。

    [点我](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) [大写](JaVaScRiPt:alert(1))

    ![图](javascript:alert(2))

    """#

    private func renderHostile() throws -> RenderedSite {
        try Site.render([
            "content/guonei/hostile.md": Self.hostileArticle,
            "content/guonei/R&D <新> \"q\".md": Site.article(title: "文件名", date: "2024-07-09"),
            "content/difang/other.md": Site.article(title: "同标签", date: "2024-07-08", extra: "tags: [\"<script>tag\"]\n"),
        ])
    }

    @Test func hostileValuesAreEscapedInHTMLTextAndAttributes() throws {
        let site = try renderHostile()
        #expect(!site.diagnostics.hasErrors)
        let page = try #require(Site.text(site, "guonei/2024/0710/hostile.html"))
        #expect(page.components(separatedBy: "<script").count == 2)  // only the JSON-LD element
        for raw in ["<script>", "<img src=x", "<iframe", "<b>粗", "\"q\" &"] {
            #expect(!page.contains(raw), "unescaped \(raw)")
        }
        #expect(page.contains("<h1 class=\"article-title\">&lt;/script&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &quot;q&quot; &amp; &lt;b&gt;粗&lt;/b&gt;"))
        #expect(page.contains("<meta property=\"og:title\" content=\"&lt;/script&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &quot;q&quot;"))
        #expect(page.contains("作者：&lt;img src=x onerror=alert(1)&gt; O&#39;Brien &amp; &quot;Co&quot; &lt;/script&gt;"))
        #expect(page.contains("来源：&lt;iframe&gt;源 &amp; &quot;来&quot;"))
        #expect(page.contains("<img src=\"/news/uploads/a&quot;b&lt;c&gt;.jpg\""))
        #expect(page.contains(">&lt;script&gt;tag</a>"))
        #expect(page.contains(">a&amp;b</a>"))
        let home = try #require(Site.text(site, "index.html"))
        #expect(!home.contains("<script"))
        #expect(home.contains("title=\"&lt;/script&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &quot;q&quot; &amp;"))
    }

    @Test func jsonLDCannotBeClosedByATitle() throws {
        let site = try renderHostile()
        let page = try #require(Site.text(site, "guonei/2024/0710/hostile.html"))
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        #expect(json.contains(#"\u003c/script\u003e\u003cscript\u003ealert('t')\u003c/script\u003e \"q\" \u0026 "#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "NewsArticle")
        #expect(object["headline"] as? String == Self.title)
        #expect(object["datePublished"] as? String == "2024-07-10T14:43:00+08:00")
        let authors = try #require(object["author"] as? [[String: Any]])
        #expect(authors.compactMap { $0["name"] as? String } == ["<img src=x onerror=alert(1)>", "O'Brien & \"Co\"", "</script>"])
        #expect((object["publisher"] as? [String: Any])?["name"] as? String == "测试法治网")
        #expect((object["mainEntityOfPage"] as? [String: Any])?["@id"] as? String == "https://example.cn/news/guonei/2024/0710/hostile.html")
        #expect(object["image"] as? [String] == ["https://example.cn/news/uploads/a\"b<c>.jpg"])
    }

    @Test func feedsAndSitemapStayWellFormedWithControlCharacters() throws {
        let site = try renderHostile()
        let xmlPaths = site.files.map(\.path).filter { $0.hasSuffix(".xml") }
        #expect(xmlPaths.contains("rss.xml") && xmlPaths.contains("guonei/rss.xml") && xmlPaths.contains("sitemap.xml"))
        for path in xmlPaths {
            let text = try #require(Site.text(site, path))
            let collector = XMLTextCollector()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = collector
            #expect(parser.parse(), "\(path) is not well-formed: \(String(describing: parser.parserError))")
            if path == "rss.xml" {
                #expect(collector.texts["title"]?.contains("</script><script>alert('t')</script> \"q\" & <b>粗</b>") == true)
                #expect(collector.texts["category"]?.contains("ctl") == true)
                #expect(collector.texts["dc:creator"]?.contains("O'Brien & \"Co\"") == true)
            }
            if path == "sitemap.xml" {
                #expect(collector.texts["loc"]?.contains("https://example.cn/news/guonei/2024/0709/R%26D%20%3C%E6%96%B0%3E%20%22q%22.html") == true)
            }
        }
    }

    @Test func markdownLinksWithScriptOrDataURLsAreDropped() throws {
        let site = try renderHostile()
        let page = try #require(Site.text(site, "guonei/2024/0710/hostile.html")).lowercased()
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("data:text"))
        #expect(page.contains("<a href=\"\">点我</a>"))
        #expect(page.contains("<!-- raw html omitted -->"))
    }

    @Test(arguments: [
        ("javascript:alert(1)", "javascript"),
        (" JaVa\\tScRiPt:alert(1)", "javascript"),
        ("data:image/svg+xml;base64,PHN2Zz4=", "data"),
        ("vbscript:msgbox", "vbscript"),
    ])
    func coverWithAScriptOrDataURLIsRefused(cover: String, scheme: String) throws {
        let site = try Site.render(["content/guonei/a.md": Site.article(extra: "cover: \"\(cover)\"\n")])
        #expect(site.messages == ["content/guonei/a.md:4:8: error: 'cover' must be a path or an http(s) URL, not a \(scheme): URL"])
    }
}

/// Collects the text of every element by name.
private final class XMLTextCollector: NSObject, XMLParserDelegate {
    var texts: [String: [String]] = [:]
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        texts[elementName, default: []].append(current)
        current = ""
    }
}
