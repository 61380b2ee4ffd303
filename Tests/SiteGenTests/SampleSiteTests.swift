import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenCore

/// The repository's own site (`site.yml`, `content/`, `themes/default`) built end to end: no
/// diagnostics, no broken internal link, well-formed feeds and sitemap, the reference page
/// structure on every article.
@Suite struct SampleSiteTests {
    /// Builds the repository site into a temporary output folder and reads it back.
    static func build(includeDrafts: Bool = false) throws -> BuiltSite {
        let output = try TemporarySite(files: [:])
        defer { output.remove() }
        var options = BuildOptions(sourceDirectory: BuiltSite.repositoryRoot, outputDirectory: output.root + "/public")
        options.includeDrafts = includeDrafts
        return try BuiltSite(options)
    }

    static let standard = Result { try build() }

    static let draft = "jiancha/2024/1129/2024-11-29-jiancha-kaifangri.html"

    /// Output paths of article pages: `…/YYYY/MMDD/<slug>.html` under the sample permalink.
    static func isArticle(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count >= 4, path.hasSuffix(".html") else { return false }
        let year = parts[parts.count - 3], monthDay = parts[parts.count - 2]
        return year.count == 4 && monthDay.count == 4 && (year + monthDay).allSatisfy(\.isASCII) && (year + monthDay).allSatisfy(\.isNumber)
    }

    @Test func buildsWithoutErrorsOrWarnings() throws {
        let site = try Self.standard.get()
        #expect(site.result.diagnostics.sorted.map(\.description) == [])
        #expect(site.paths(endingWith: ".html").filter(Self.isArticle).count >= 30)
    }

    @Test func everyInternalLinkResolvesToAWrittenFile() throws {
        let (broken, checked) = try Self.standard.get().brokenInternalLinks(basePath: "/")
        #expect(broken == [])
        #expect(checked > 1000)
    }

    @Test(arguments: [
        ("/news/", "guonei/a.html", "/news/guonei/", LinkResolver.Target.file("guonei/index.html")),
        ("/news/", "guonei/a.html", "/news/", .file("index.html")),
        ("/news/", "guonei/a.html", "/news", .file("index.html")),
        ("/news/", "guonei/2024/0710/a.html", "../../../fazhi/b.html#top", .file("fazhi/b.html")),
        ("/news/", "guonei/2024/0710/a.html", "../../", .file("guonei/index.html")),
        ("/news/", "guonei/a.html", "c.html?x=1", .file("guonei/c.html")),
        ("/news/", "index.html", "/news/tags/%E5%8F%8D%E8%AF%88/", .file("tags/反诈/index.html")),
        ("/news/", "index.html", "/other/", .outside("/other/")),
        ("/news/", "index.html", "../../x.html", .outside("../../x.html")),
        ("/", "index.html", "https://example.org/", .external),
        ("/", "index.html", "//cdn.example.org/a.js", .external),
        ("/", "index.html", "mailto:a@example.cn", .external),
        ("/", "index.html", "#top", .external),
    ])
    func linkResolverFollowsWebServerRules(basePath: String, page: String, link: String, expected: LinkResolver.Target) {
        #expect(LinkResolver(basePath: basePath).resolve(link, fromPage: page) == expected)
    }

    @Test func htmlScannerReadsQuotedBareAndEscapedAttributes() {
        let tags = HTMLScanner.tags(in: "<!-- <a href=\"/no\"> --><A HREF='/x?a=1&amp;b=2' class=y><img src=/p.png alt=\"&quot;图&quot;\" /><br></a>")
        #expect(tags == [
            HTMLScanner.Tag(name: "a", attributes: ["href": "/x?a=1&b=2", "class": "y"]),
            HTMLScanner.Tag(name: "img", attributes: ["src": "/p.png", "alt": "\"图\""]),
            HTMLScanner.Tag(name: "br", attributes: [:]),
        ])
    }

    @Test func everyXMLFileParses() throws {
        let site = try Self.standard.get()
        let xml = site.paths(endingWith: ".xml")
        #expect(xml.count >= 25)
        for path in xml {
            #expect(throws: Never.self, "\(path)") { try XMLTree(data: site.files[path]!) }
        }
    }

    @Test func everyFeedHasAChannelAndCompleteItems() throws {
        let site = try Self.standard.get()
        for path in site.paths(endingWith: "rss.xml") {
            let channel = try #require(try XMLTree(data: site.files[path]!).root.first("channel"), "\(path)")
            #expect(channel.first("title")?.text.hasSuffix("法治齐鲁网") == true, "\(path)")
            #expect(channel.first("link")?.text.hasPrefix("https://www.example.cn/") == true, "\(path)")
            for item in channel.all("item") {
                for field in ["title", "link", "guid", "pubDate"] {
                    #expect(item.first(field)?.text.isEmpty == false, "\(path): an item lacks \(field)")
                }
            }
        }
        let site_feed = try XMLTree(data: try #require(site.files["rss.xml"])).root.first("channel")
        #expect(site_feed?.first("title")?.text == "法治齐鲁网")
        #expect(site_feed?.all("item").count == site.paths(endingWith: ".html").filter(Self.isArticle).count)
    }

    @Test func sitemapListsEveryPageExceptThe404Once() throws {
        let site = try Self.standard.get()
        let tree = try XMLTree(data: try #require(site.files["sitemap.xml"]))
        let resolver = LinkResolver(basePath: "/")
        let listed = tree.root.all("url").compactMap { url -> String? in
            guard let loc = url.first("loc")?.text, loc.hasPrefix("https://www.example.cn/"),
                  case .file(let path) = resolver.resolve(String(loc.dropFirst("https://www.example.cn".count)), fromPage: "index.html")
            else { Issue.record("unexpected sitemap entry \(url.first("loc")?.text ?? "")"); return nil }
            return path
        }
        #expect(listed.count == Set(listed).count, "duplicates: \(Dictionary(grouping: listed, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        let pages = Set(site.paths(endingWith: ".html")).subtracting(["404.html"])
        #expect(pages.subtracting(listed).sorted() == [], "pages missing from the sitemap")
        #expect(Set(listed).subtracting(pages).sorted() == [], "sitemap entries that are not pages")
    }

    @Test func draftArticleIsPublishedOnlyWithIncludeDrafts() throws {
        let site = try Self.standard.get()
        #expect(site.files[Self.draft] == nil)
        #expect(site.text("sitemap.xml")?.contains("2024-11-29-jiancha-kaifangri") == false)
        let drafts = try Self.build(includeDrafts: true)
        #expect(drafts.files[Self.draft] != nil)
        #expect(drafts.result.diagnostics.errors.isEmpty)
    }

    @Test func everyArticlePageHasTheReferenceBlocks() throws {
        let site = try Self.standard.get()
        let articles = site.paths(endingWith: ".html").filter(Self.isArticle)
        for path in articles {
            let page = site.text(path)!
            var missing = ["您当前的位置：", "时间：<time", "来源：", "作者：", "推荐资讯", "栏目更新", "栏目热门", "返回首页", "<html lang=\"zh-CN\">"]
                .filter { !page.contains($0) }
            let tags = HTMLScanner.tags(in: page)
            if !tags.contains(where: { $0.name == "link" && $0.attributes["rel"] == "canonical" && $0.attributes["href"] == "https://www.example.cn/" + path }) {
                missing.append("canonical link")
            }
            if !tags.contains(where: { $0.name == "meta" && $0.attributes["name"] == "description" && $0.attributes["content"]?.isEmpty == false }) {
                missing.append("meta description")
            }
            if !tags.contains(where: { $0.name == "meta" && $0.attributes["property"] == "og:title" && $0.attributes["content"]?.isEmpty == false }) {
                missing.append("og:title")
            }
            #expect(missing == [], "\(path)")
        }
    }

    /// 相关阅读 lists older articles sharing a tag (newer ones are left out by design, so an old
    /// page never changes when news arrives): the block must appear exactly when one exists.
    @Test func relatedReadingAppearsWhenAnOlderArticleSharesATag() throws {
        let site = try Self.standard.get()
        let (content, _) = ContentLoader.load(BuildOptions(sourceDirectory: BuiltSite.repositoryRoot))
        let graph = SiteGraphBuilder.build(try #require(content), options: BuildOptions()).graph
        var withRelated = 0
        for (index, article) in graph.articles.enumerated() {
            let tags = Set(article.tags.map(Slug.tagURLSegment))
            let expected = graph.articles[(index + 1)...].contains { !tags.isDisjoint(with: $0.tags.map(Slug.tagURLSegment)) }
            let page = try #require(site.text(graph.articlePaths[index]))
            #expect(page.contains("<h2 class=\"box-title\">相关阅读</h2>") == expected, "\(graph.articlePaths[index])")
            if expected { withRelated += 1 }
        }
        #expect(withRelated > graph.articles.count / 2)
    }

    @Test func everyImageHasAnAltAttribute() throws {
        let site = try Self.standard.get()
        var images = 0
        for path in site.paths(endingWith: ".html") {
            for tag in HTMLScanner.tags(in: site.text(path)!) where tag.name == "img" {
                images += 1
                #expect(tag.attributes["alt"]?.isEmpty == false, "\(path): <img src=\"\(tag.attributes["src"] ?? "")\"> has no alt text")
            }
        }
        #expect(images > 0)
    }

    @Test func generatedCorpusOf300ArticlesBuildsWithoutErrors() throws {
        let candidates = ["../shared/bench/gen_corpus.py", "../../shared/bench/gen_corpus.py"].map {
            URL(fileURLWithPath: BuiltSite.repositoryRoot).appendingPathComponent($0).standardizedFileURL.path
        }
        guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            print("skipping generatedCorpusOf300ArticlesBuildsWithoutErrors: gen_corpus.py not found at \(candidates)")
            return
        }
        let site = try TemporarySite(files: BuiltSite.defaultThemeFiles)
        defer { site.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--articles", "300", "--out", site.root]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        try FileManager.default.copyItem(atPath: BuiltSite.repositoryRoot + "/themes/default/static", toPath: site.root + "/themes/default/static")

        var drafts = 0
        let enumerator = FileManager.default.enumerator(atPath: site.root + "/content")
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let text = try String(contentsOfFile: site.root + "/content/" + path, encoding: .utf8)
            if text.contains("\ndraft: true\n") { drafts += 1 }
        }

        let built = try BuiltSite(site.options)
        #expect(built.result.diagnostics.errors.map(\.description) == [])
        #expect(built.paths(endingWith: ".html").filter(Self.isArticle).count == 300 - drafts)
        #expect(built.files["sitemap.xml"] != nil)
        let (broken, _) = built.brokenInternalLinks(basePath: "/")
        #expect(broken == [])
    }
}
