import Foundation
import Testing
@testable import SiteGen

/// Broken input through the whole build (`SiteBuilder.render` / `build` on a site written to a
/// temporary folder): each problem is reported with its exact message and `file:line:col`,
/// every problem of a build is reported at once, and a failed build never touches the output.
///
/// The parsers' own tables (ArticleParserTests, ContentLoaderTests) cover more variants; these
/// tests check that the messages survive the whole pipeline unchanged.
@Suite struct EndToEndTests {
    static let siteYML = """
    title: 测试站
    base_url: https://example.cn/news/
    columns:
      - slug: guonei
        name: 国内
        children:
          - {slug: fazhi, name: 法制}
    """

    static func article(_ frontMatter: String = "", title: String = "标题", date: String = "2024-07-10 08:00", body: String = "正文。") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(frontMatter)\n---\n\(body)\n"
    }

    /// A valid site plus `files`, with raw `bytes` files written after.
    static func site(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> TemporarySite {
        var all = BuiltSite.defaultThemeFiles
        all["site.yml"] = siteYML
        all["content/guonei/ok.md"] = article(title: "好文章")
        all.merge(files) { $1 }
        let site = try TemporarySite(files: all)
        for (path, contents) in bytes { try site.write(path, bytes: contents) }
        return site
    }

    /// Every diagnostic of `SiteBuilder.render`, sorted, one line each.
    static func render(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> [String] {
        let site = try site(files, bytes: bytes)
        defer { site.remove() }
        var options = site.options
        options.now = SampleSite.date("2025-01-01 00:00")
        return SiteBuilder.render(options).diagnostics.sorted.map(\.description)
    }

    static let file = "content/guonei/bad.md"
    static let anyDate = "expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset"
    static let slugRule = "a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"

    @Test(arguments: [
        ("missing front matter", "标题\n正文\n",
         "\(file):1:1: error: missing front matter: the first line of an article must be '---'"),
        ("unterminated front matter", "---\ntitle: 标题\ndate: 2024-07-10\n\n正文\n",
         "\(file):1:1: error: unterminated front matter: no closing '---' line"),
        ("invalid YAML", "---\ntitle: 标题\ndate: 2024-07-10\ntags: [a, b\n---\n",
         "\(file):5:1: error: invalid YAML in front matter: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("missing title", "---\ndate: 2024-07-10\n---\n正文\n",
         "\(file):1:1: error: missing 'title' in front matter"),
        ("missing date", "---\ntitle: 标题\n---\n正文\n",
         "\(file):1:1: error: missing 'date' in front matter"),
        ("unparseable date", article(date: "2024-13-01"),
         "\(file):3:7: error: cannot read date '2024-13-01': \(anyDate)"),
        ("wrong type", article("tags: 5"),
         "\(file):4:7: error: expected a list of strings for 'tags', found an integer"),
        ("unknown flag", article("flags: [recommend, pinned]"),
         "\(file):4:20: error: unknown flag 'pinned': expected focus, headline or recommend"),
        ("slug escaping its folder", article("slug: ../../etc"),
         "\(file):4:7: error: invalid slug '../../etc': \(slugRule)"),
        ("slug with a slash", article("slug: a/b"),
         "\(file):4:7: error: invalid slug 'a/b': \(slugRule)"),
        ("tag escaping its folder", article("tags: [反诈, '..']"),
         "\(file):4:12: error: invalid tag '..': a tag must not be empty, '.' or '..', or contain '/'"),
        ("tag with a slash", article("tags: [a/b]"),
         "\(file):4:8: error: invalid tag 'a/b': a tag must not be empty, '.' or '..', or contain '/'"),
    ])
    func brokenArticleIsReportedAtItsPosition(problem: String, text: String, expected: String) throws {
        let messages = try Self.render([Self.file: text])
        #expect(messages == [expected], "\(problem)")
    }

    @Test func articleInAnUndeclaredFolderIsReported() throws {
        let messages = try Self.render(["content/shehui/a.md": Self.article()])
        #expect(messages == ["content/shehui/a.md:1:1: error: folder 'shehui' is not a column declared in site.yml"])
    }

    @Test func invalidUTF8IsReportedAtTheByte() throws {
        let messages = try Self.render([:], bytes: [Self.file: Array("---\ntitle: 标题".utf8) + [0xFF, 0xFE] + Array("\ndate: 2024-07-10\n---\n".utf8)])
        #expect(messages == ["\(Self.file):2:10: error: file is not valid UTF-8 (byte 0xFF)"])
    }

    @Test func duplicatePermalinkNamesBothFiles() throws {
        let messages = try Self.render([
            "content/guonei/a.md": Self.article("slug: same"),
            "content/guonei/b.md": Self.article("slug: same"),
        ])
        #expect(messages == [
            "content/guonei/b.md:1:1: error: two articles have the same URL /guonei/2024/0710/same.html: content/guonei/a.md and content/guonei/b.md",
        ])
    }

    @Test func localImageAndLinkToNoFileAreWarningsWithPositions() throws {
        let body = "第一段。\n\n![现场](/uploads/missing.png)\n\n参见[旧文](/guonei/2020/0101/gone.html)和[外链](https://example.org/x)。"
        let messages = try Self.render([
            Self.file: Self.article(body: body),
            "content/uploads/present.png": "png",
        ])
        #expect(messages == [
            "\(Self.file):8:1: warning: image '/uploads/missing.png' points at no file of the site",
            "\(Self.file):10:3: warning: link '/guonei/2020/0101/gone.html' points at no file of the site",
        ])
    }

    @Test func coverToNoFileIsAWarningAtTheCoverLine() throws {
        let messages = try Self.render([Self.file: Self.article("cover: /uploads/gone.jpg")])
        #expect(messages == ["\(Self.file):4:8: warning: cover '/uploads/gone.jpg' points at no file of the site"])
    }

    @Test func existingLocalTargetsGiveNoWarning() throws {
        let body = "![图](/uploads/present.png)\n\n[栏目](/guonei/)与[好文章](/guonei/2024/0710/ok.html)"
        let messages = try Self.render([
            Self.file: Self.article(body: body),
            "content/uploads/present.png": "png",
        ])
        #expect(messages == [])
    }

    @Test func everyBrokenFileOfABuildIsReportedTogetherSortedByFile() throws {
        let messages = try Self.render([
            "content/guonei/fazhi/c.md": Self.article("flags: [pinned]"),
            "content/guonei/a.md": "没有前言",
            "content/guonei/b.md": Self.article(date: "昨天"),
        ])
        #expect(messages.count >= 3)
        let files = messages.map { String($0.prefix { $0 != ":" }) }
        #expect(files == files.sorted())
        #expect(Set(files) == ["content/guonei/a.md", "content/guonei/b.md", "content/guonei/fazhi/c.md"])
    }

    @Test func graphErrorsAreReportedOnlyOnceLoadingSucceeded() throws {
        // A load error stops the build before the graph: no permalink error on top of it.
        let messages = try Self.render([
            "content/guonei/a.md": Self.article("slug: same"),
            "content/guonei/b.md": Self.article("slug: same"),
            "content/guonei/c.md": Self.article("tags: 5"),
        ])
        #expect(messages == ["content/guonei/c.md:4:7: error: expected a list of strings for 'tags', found an integer"])
    }

    @Test func failedBuildLeavesTheExistingOutputUntouched() throws {
        let site = try Self.site([:])
        defer { site.remove() }
        var options = site.options
        options.now = SampleSite.date("2025-01-01 00:00")
        let first = SiteBuilder.build(options)
        #expect(first.diagnostics.errors.isEmpty)
        let before = try BuiltSite.read(options.outputDirectory)
        let manifest = FileManager.default.contents(atPath: options.outputDirectory + "/" + BuiltSite.manifest)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
        #expect(before["index.html"] != nil)

        try site.write("content/guonei/ok.md", bytes: Array("---\ntitle: 改坏了\n---\n".utf8))
        try site.write("content/guonei/new.md", bytes: Array(Self.article(title: "新文章").utf8))
        let second = SiteBuilder.build(options)
        #expect(second.diagnostics.errors.map(\.description) == ["content/guonei/ok.md:1:1: error: missing 'date' in front matter"])
        #expect(second.stats.written == 0)
        #expect(try BuiltSite.read(options.outputDirectory) == before)
        #expect(FileManager.default.contents(atPath: options.outputDirectory + "/" + BuiltSite.manifest) == manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root).sorted() == siblings)
    }
}
