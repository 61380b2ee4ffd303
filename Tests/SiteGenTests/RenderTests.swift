import Foundation
import Testing
@testable import SiteGen

@Suite struct RenderTests {
    static let articles = [
        SampleSite.article("guonei/fazhi/renmingongan/a.md", "派出所开展<script>反诈</script>宣传 & \"答疑\"", "2024-07-10 08:00",
                           tags: ["反诈"], flags: [.recommend], hits: 5, body: "## 小标题\n\n正文第一段。\n\n![现场](/uploads/a.jpg)\n"),
        SampleSite.article("guonei/fazhi/renmingongan/b.md", "乙文章", "2024-07-11 08:00", tags: ["反诈"], flags: [.focus], hits: 50),
        SampleSite.article("guonei/shizheng/d.md", "丁文章", "2024-07-09 08:00", flags: [.recommend, .headline], hits: 1),
    ]

    static func render() -> [String: String] {
        let content = SampleSite.content(articles)
        let (graph, _) = SiteGraphBuilder.build(content, options: SampleSite.options())
        let (templates, diagnostics) = TemplateLibrary.compile(content.theme)
        #expect(!diagnostics.hasErrors, "\(diagnostics.items)")
        let renderer = SiteRenderer(graph: graph, config: content.config, templates: templates!, urls: SiteURLs(baseURL: content.config.baseURL))
        var pages: [String: String] = [:]
        for file in renderer.renderAll() {
            if let bytes = file.renderedBytes { pages[file.path] = String(decoding: bytes, as: UTF8.self) }
        }
        return pages
    }

    let pages = RenderTests.render()

    @Test(arguments: [
        ("/uploads/2017/12/a.jpg?v=2#top", "guonei/fazhi", "uploads/2017/12/a.jpg"),
        ("../shehui/b.html", "guonei/fazhi", "guonei/shehui/b.html"),
        ("./c.html", "guonei", "guonei/c.html"),
        ("../../../../x.html", "guonei", "x.html"),
        ("sub/", "guonei", "guonei/sub/"),
        ("/", "guonei", ""),
        ("%E5%9B%BE%E7%89%87.jpg", "guonei", "guonei/图片.jpg"),
        ("图片/甲.jpg", "山东", "山东/图片/甲.jpg"),
        ("a//b/./c.html", "", "a/b/c.html"),
    ])
    func localReferencesResolveToOutputPaths(destination: String, directory: String, expected: String) {
        #expect(ReferenceChecker.localPath(destination, relativeTo: directory) == expected)
    }

    @Test(arguments: ["https://example.cn/a.html", "//cdn.example.cn/a.js", "mailto:x@example.cn", "#top", "?page=2", "tel:110"])
    func externalReferencesAreNotChecked(destination: String) {
        #expect(ReferenceChecker.localPath(destination, relativeTo: "guonei") == nil)
    }

    @Test func writesEveryKindOfPage() {
        let paths = Set(pages.keys)
        for path in [
            "index.html", "404.html", "robots.txt", "rss.xml", "sitemap.xml", "tags/index.html", "tags/反诈/index.html",
            "guonei/index.html", "guonei/page/2/index.html", "guonei/fazhi/index.html", "guonei/rss.xml",
            "guonei/fazhi/renmingongan/2024/0710/a.html", "fazhi/index.html",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
    }

    @Test func articlePageHasReferenceStructure() throws {
        let page = try #require(pages["guonei/fazhi/renmingongan/2024/0710/a.html"])
        #expect(page.contains("您当前的位置：<a href=\"/news/\">首页</a> &gt; <a href=\"/news/guonei/\">国内</a> &gt; <a href=\"/news/guonei/fazhi/\">法制</a> &gt; <a href=\"/news/guonei/fazhi/renmingongan/\">人民公安</a>"))
        #expect(page.contains("时间：<time"))
        for block in ["推荐资讯", "栏目更新", "栏目热门", "今日聚焦", "返回首页"] {
            #expect(page.contains(block), "missing \(block)")
        }
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.cn/news/guonei/fazhi/renmingongan/2024/0710/a.html\">"))
        #expect(page.contains("<html lang=\"zh-CN\">"))
    }

    @Test func titlesAreEscapedInTextAndAttributes() throws {
        let page = try #require(pages["guonei/fazhi/renmingongan/2024/0710/a.html"])
        #expect(!page.contains("<script>反诈"))
        #expect(page.contains("&lt;script&gt;反诈&lt;/script&gt;宣传 &amp; &quot;答疑&quot;"))
    }

    @Test func recommendedArticleDoesNotRecommendItself() throws {
        let page = try #require(pages["guonei/fazhi/renmingongan/2024/0710/a.html"])
        let sidebar = try #require(page.components(separatedBy: "推荐资讯").last?.components(separatedBy: "栏目更新").first)
        #expect(!sidebar.contains("2024/0710/a.html"))
        #expect(sidebar.contains("2024/0709/d.html"))
    }

    @Test func columnPagesPaginateWithStableURLs() throws {
        let first = try #require(pages["guonei/index.html"])
        #expect(first.contains("第 1/2 页，共 3 条"))
        #expect(first.contains("href=\"/news/guonei/page/2/\""))
        let second = try #require(pages["guonei/page/2/index.html"])
        #expect(second.contains("第 2/2 页，共 3 条"))
    }

    @Test func markdownLinksHonourTheBasePath() throws {
        let page = try #require(pages["guonei/fazhi/renmingongan/2024/0710/a.html"])
        #expect(page.contains("src=\"/news/uploads/a.jpg\""))
    }
}

@Test func typedFingerprintAddsEqualTheBoxedOnes() {
    var typed = Fingerprint(seed: 7)
    typed.add("标题")
    typed.add(42)
    typed.add(UInt64.max)
    typed.add(true)
    typed.add(false)
    typed.add(texts: ["a", "国内"])
    typed.add(texts: [String]())
    #expect(typed.value == Fingerprint.of(seed: 7, "标题", 42, UInt64.max, true, false, ["a", "国内"], [String]()))
    // Each value is tagged: the same words in other shapes differ.
    #expect(Fingerprint.of(seed: 7, ["a", "b"]) != Fingerprint.of(seed: 7, "a", "b"))
    #expect(Fingerprint.of(seed: 7, 1) != Fingerprint.of(seed: 7, UInt64(1)))
}
