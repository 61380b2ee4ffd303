import Foundation
import Testing
@testable import SiteGen

/// RSS feeds and the sitemap of `Fixtures/mini-site`, read back with `XMLParser`.
@Suite struct FeedTests {
    static let rfc822: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()

    private func feed(_ path: String) throws -> (site: BuiltSite, channel: XMLTree.Element) {
        let site = try MiniSite.standard.get()
        let data = try #require(site.files[path], "\(path) was not written")
        let tree = try XMLTree(data: data)
        #expect(tree.root.name == "rss")
        #expect(tree.root.attributes["version"] == "2.0")
        return (site, try #require(tree.root.first("channel")))
    }

    @Test func everyXMLFileIsWellFormed() throws {
        let site = try MiniSite.standard.get()
        let xml = site.paths(endingWith: ".xml")
        #expect(xml.count == 9)  // the feeds, the sitemap and the news sitemap
        for path in xml {
            #expect(throws: Never.self, "\(path)") { try XMLTree(data: site.files[path]!) }
        }
    }

    @Test func siteFeedHasTheChannelFields() throws {
        let (_, channel) = try feed("rss.xml")
        #expect(channel.first("title")?.text == "迷你法治网")
        #expect(channel.first("link")?.text == "https://example.cn/news/")
        #expect(channel.first("description")?.text == "用于端到端测试的固定小站点。")
        #expect(channel.first("language")?.text == "zh-CN")
        #expect(channel.first("atom:link")?.attributes == ["href": "https://example.cn/news/rss.xml", "rel": "self", "type": "application/rss+xml"])
        #expect(channel.first("lastBuildDate")?.text == channel.all("item").first?.first("pubDate")?.text)
    }

    @Test func siteFeedListsTheNewestArticlesUpToFeedItems() throws {
        let (_, channel) = try feed("rss.xml")
        #expect(channel.all("item").compactMap { $0.first("title")?.text } == [
            "要闻：<法治> 建设 \"新进展\"",
            "暑期交通安全提示",
            "顶层法治栏目的同名文章",
            "派出所开展反诈宣传 民警上门答疑 & 讲解“两卡”风险",
            "法律援助进社区",
        ])
    }

    @Test(arguments: ["rss.xml", "guonei/rss.xml", "guonei/fazhi/rss.xml", "guonei/fazhi/renmingongan/rss.xml", "guonei/shizheng/rss.xml", "fazhi/rss.xml", "pinglun/rss.xml"])
    func everyItemHasTitleLinkGuidAndDate(path: String) throws {
        let (site, channel) = try feed(path)
        let items = channel.all("item")
        #expect(!items.isEmpty)
        var previous: Date?
        for item in items {
            let title = try #require(item.first("title")?.text)
            let link = try #require(item.first("link")?.text)
            let guid = try #require(item.first("guid"))
            let pubDate = try #require(item.first("pubDate")?.text)
            #expect(!title.isEmpty)
            #expect(guid.text == link && guid.attributes["isPermaLink"] == "true")
            #expect(link.hasPrefix("https://example.cn/news/"))
            let outputPath = String(link.dropFirst("https://example.cn/news/".count))
            #expect(site.files[outputPath] != nil, "\(link) is not a written page")
            let date = try #require(Self.rfc822.date(from: pubDate), "unreadable pubDate \(pubDate)")
            if let previous { #expect(previous >= date, "items are not newest first in \(path)") }
            previous = date
        }
    }

    @Test func columnFeedHoldsItsOwnAndDescendantArticlesOnly() throws {
        let (_, guonei) = try feed("guonei/rss.xml")
        #expect(guonei.first("title")?.text == "国内 - 迷你法治网")
        let links = guonei.all("item").compactMap { $0.first("link")?.text }
        #expect(links.count == 5)
        #expect(links.allSatisfy { $0.hasPrefix("https://example.cn/news/guonei/") })
        let (_, topLevelFazhi) = try feed("fazhi/rss.xml")
        #expect(topLevelFazhi.all("item").compactMap { $0.first("title")?.text } == ["顶层法治栏目的同名文章"])
    }

    @Test func itemsCarryAuthorsTagsAndSummary() throws {
        let (_, channel) = try feed("pinglun/rss.xml")
        let item = try #require(channel.all("item").first)
        #expect(item.all("dc:creator").map(\.text) == ["评论员"])
        #expect(item.all("category").map(\.text) == ["法治建设"])
        #expect(item.first("description")?.text == "一篇评论的手写摘要。")
    }

    @Test func sitemapListsEveryPageButThe404OnceWithDates() throws {
        let site = try MiniSite.standard.get()
        let tree = try XMLTree(data: try #require(site.files["sitemap.xml"]))
        #expect(tree.root.name == "urlset")
        #expect(tree.root.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let resolver = LinkResolver(basePath: "/news/")
        var listed: [String] = []
        for url in tree.root.all("url") {
            let loc = try #require(url.first("loc")?.text)
            #expect(loc.hasPrefix("https://example.cn/news/"))
            guard case .file(let path) = resolver.resolve(String(loc.dropFirst("https://example.cn".count)), fromPage: "index.html") else {
                Issue.record("\(loc) is not a page of the site")
                continue
            }
            listed.append(path)
            if let lastmod = url.first("lastmod")?.text {
                #expect(lastmod.count == 25 && lastmod.dropFirst(10).hasPrefix("T") || lastmod.hasSuffix("Z"), "odd lastmod \(lastmod)")
            }
        }
        #expect(listed.count == Set(listed).count, "duplicate URLs in the sitemap")
        let pages = Set(site.paths(endingWith: ".html")).subtracting(["404.html"])
        #expect(Set(listed) == pages)
        #expect(listed.contains("guonei/page/2/index.html"))
    }
}
