import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenMarkdown

/// Incremental rebuilds must give exactly the bytes of a clean full build, whatever was edited.
@Suite struct IncrementalBuildTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's default theme as site files.
    static var themeFiles: [String: String] {
        var files: [String: String] = [:]
        let theme = repositoryRoot.appendingPathComponent("themes/default")
        let enumerator = FileManager.default.enumerator(atPath: theme.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = theme.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files["themes/default/" + relative] = try? String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return files
    }

    static let siteYAML = """
    title: 增量测试网
    base_url: https://example.cn/news/
    timezone: Asia/Shanghai
    paginate: 2
    columns:
      - slug: guonei
        name: 国内
        children:
          - slug: fazhi
            name: 法制
      - slug: gongan
        name: 公安

    """

    static func article(_ title: String, _ date: String, tags: [String] = [], flags: [String] = [], hits: Int = 1, body: String = "正文段落。") -> String {
        var text = "---\ntitle: \"\(title)\"\ndate: \"\(date)\"\nhits: \(hits)\n"
        if !tags.isEmpty { text += "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
        if !flags.isEmpty { text += "flags: [\(flags.joined(separator: ", "))]\n" }
        return text + "---\n\n" + body + "\n"
    }

    static var baseFiles: [String: String] {
        var files = themeFiles
        files["site.yml"] = siteYAML
        files["content/guonei/fazhi/a.md"] = article("甲文", "2024-07-01 08:00", tags: ["反诈", "普法"], flags: ["recommend"], hits: 9)
        files["content/guonei/fazhi/b.md"] = article("乙文", "2024-07-02 08:00", tags: ["反诈"], hits: 3)
        files["content/guonei/c.md"] = article("丙文", "2024-07-03 08:00", tags: ["普法"], flags: ["focus"], hits: 5)
        files["content/gongan/d.md"] = article("丁文", "2024-07-04 08:00", tags: ["反诈"], flags: ["headline"], hits: 7)
        files["content/gongan/e.md"] = article("戊文", "2024-07-05 08:00", hits: 2, body: "第一段。\n\n![图](/uploads/p.png)\n")
        files["content/uploads/p.png"] = "not really a png"
        return files
    }

    /// Every file of a folder (without the manifest) with its bytes.
    static func tree(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = root + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  relative != OutputManifest.fileName else { continue }
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return result
    }

    /// Builds, applies `edit`, rebuilds incrementally, and compares with a clean full build of
    /// the edited site.
    func assertIncrementalMatchesFull(_ edit: (TemporarySite) throws -> Void, expectSomethingWritten: Bool = true) throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        var options = site.options
        options.now = SampleSite.date("2025-01-01 00:00")
        let first = SiteBuilder.build(options)
        #expect(!first.diagnostics.hasErrors, "\(first.diagnostics.items)")

        try edit(site)
        let incremental = SiteBuilder.build(options)
        #expect(!incremental.diagnostics.hasErrors, "\(incremental.diagnostics.items)")
        if expectSomethingWritten { #expect(incremental.stats.written + incremental.stats.removed > 0) }

        var full = options
        full.incremental = false
        full.outputDirectory = site.root + "/public-full"
        let clean = SiteBuilder.build(full)
        #expect(!clean.diagnostics.hasErrors)
        let incrementalTree = try Self.tree(options.outputDirectory)
        let cleanTree = try Self.tree(full.outputDirectory)
        #expect(incrementalTree.keys.sorted() == cleanTree.keys.sorted())
        for (path, bytes) in cleanTree where incrementalTree[path] != bytes {
            Issue.record("\(path) differs from a clean build")
        }
    }

    func replace(_ site: TemporarySite, _ path: String, _ old: String, _ new: String) throws {
        let file = site.root + "/" + path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old))
        try site.write(path, bytes: Array(text.replacingOccurrences(of: old, with: new).utf8))
    }

    @Test func nothingChangedWritesNothing() throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        _ = SiteBuilder.build(site.options)
        let again = SiteBuilder.build(site.options)
        #expect(again.stats.written == 0)
        #expect(again.stats.removed == 0)
    }

    @Test func articleBodyEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "content/guonei/fazhi/b.md", "正文段落。", "改写后的正文，开头变了。") }
    }

    @Test func bodyEditWalksOnlyThePagesShowingTheArticle() throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        var options = site.options
        options.now = SampleSite.date("2025-01-01 00:00")
        #expect(!SiteBuilder.build(options).diagnostics.hasErrors)
        try replace(site, "content/gongan/e.md", "第一段。", "改写的第一段，摘要也变了。")

        let reusable = OutputWriter(outputDirectory: options.outputDirectory, sourceDirectory: site.root).readPrevious()?.reusablePages ?? [:]
        let files = SiteBuilder.render(options, reusable: reusable).site.files
        // Kept by input key: neither built nor walked.
        let untouched = Set(files.filter { file in
            if case .previous = file.contents { return reusable[file.path]?.inputKey == file.inputKey }
            return false
        }.map(\.path))
        let pages = Set(files.map(\.path).filter { $0.hasSuffix(".html") })
        // 戊文 (gongan/e) is shown by its own page, 丁文's (its older neighbour), the 公安 list,
        // the home page and the 404 page's latest list; the sidebars show only its title.
        let showing = pages.filter { path in
            path.contains("/e.html") || path.contains("/d.html") || path == "gongan/index.html" || path == "index.html" || path == "404.html"
        }
        #expect(showing.count == 5)
        #expect(pages.subtracting(showing) == untouched.filter { $0.hasSuffix(".html") }, "walked: \(pages.subtracting(showing).subtracting(untouched).sorted())")
        // No URL or date changed: the sitemap is kept without being made.
        #expect(untouched.contains("sitemap.xml"))
    }

    /// Sets every Markdown file's modification time an hour back, as in a checkout made long
    /// before the build, so the article cache may keep them.
    static func age(_ site: TemporarySite) throws {
        let content = site.root + "/content"
        for case let relative as String in FileManager.default.enumerator(atPath: content)! where relative.hasSuffix(".md") {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: content + "/" + relative)
        }
    }

    /// Like `assertIncrementalMatchesFull`, with files old enough for the article cache, and
    /// each edited file aged again (so its new version is also taken from the cache next time).
    func assertCachedRebuildsMatchFull(_ edits: [(TemporarySite) throws -> Void]) throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        try Self.age(site)
        var options = site.options
        options.now = SampleSite.date("2025-01-01 00:00")
        #expect(!SiteBuilder.build(options).diagnostics.hasErrors)
        #expect(ArticleCache.load(sourceDirectory: site.root).entries.count == 5)
        for (number, edit) in edits.enumerated() {
            try edit(site)
            let incremental = SiteBuilder.build(options)
            #expect(!incremental.diagnostics.hasErrors, "\(incremental.diagnostics.items)")
            var full = options
            full.incremental = false
            full.outputDirectory = site.root + "/public-full-\(number)"
            #expect(!SiteBuilder.build(full).diagnostics.hasErrors)
            let incrementalTree = try Self.tree(options.outputDirectory)
            let cleanTree = try Self.tree(full.outputDirectory)
            #expect(incrementalTree.keys.sorted() == cleanTree.keys.sorted())
            for (path, bytes) in cleanTree where incrementalTree[path] != bytes {
                Issue.record("edit \(number): \(path) differs from a clean build")
            }
            try Self.age(site)
        }
    }

    @Test func cachedArticlesGiveTheBytesOfAFullBuild() throws {
        try assertCachedRebuildsMatchFull([
            // A body edit: the pages showing 戊文 are walked, their articles' bodies read.
            { try replace($0, "content/gongan/e.md", "第一段。", "改写后的第一段。") },
            // A title edit: 丁文's page shows 戊文's title as its neighbour and must be rendered
            // with its own body, which the cache does not hold.
            { try replace($0, "content/gongan/e.md", "戊文", "戊文（更新）") },
            { try replace($0, "content/guonei/fazhi/a.md", "2024-07-01 08:00", "2024-07-09 08:00") },
            { try replace($0, "site.yml", "paginate: 2", "paginate: 3") },
            { try FileManager.default.removeItem(atPath: $0.root + "/.sitegen-cache/markdown.tsv") },
        ])
    }

    @Test func articleCacheIsUsedOnlyForFilesOfTheSameSizeAndTime() throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        try Self.age(site)
        _ = SiteBuilder.build(site.options)
        // Plant a different title for 乙文 in the cache: a build must show it while the file is
        // untouched (proof that the file was not parsed), and drop it once the file changes.
        var cache = ArticleCache.load(sourceDirectory: site.root)
        var entry = try #require(cache.entries["guonei/fazhi/b.md"])
        entry.article.title = "缓存里的标题"
        cache.entries["guonei/fazhi/b.md"] = entry
        cache.save(sourceDirectory: site.root)
        BuildRecord.remove(sourceDirectory: site.root)
        _ = SiteBuilder.build(site.options)
        #expect(try String(contentsOfFile: site.root + "/public/guonei/fazhi/index.html", encoding: .utf8).contains("缓存里的标题"))

        try replace(site, "content/guonei/fazhi/b.md", "正文段落。", "正文段落。 ")
        _ = SiteBuilder.build(site.options)
        let page = try String(contentsOfFile: site.root + "/public/guonei/fazhi/index.html", encoding: .utf8)
        #expect(!page.contains("缓存里的标题") && page.contains("乙文"))
        // A cached body hash the file does not have (say the file was changed and its size and
        // time restored): the build loads the site without the cache, and rebuilds the cache.
        try Self.age(site)
        _ = SiteBuilder.build(site.options)
        var wrong = ArticleCache.load(sourceDirectory: site.root)
        let cached = try #require(wrong.entries["gongan/e.md"])
        wrong.entries["gongan/e.md"]?.article = cached.article.withoutBody(hash: cached.article.bodyHash &+ 1)
        wrong.save(sourceDirectory: site.root)
        BuildRecord.remove(sourceDirectory: site.root)
        try replace(site, "content/gongan/d.md", "丁文", "丁文（新）")  // 戊文's neighbour: its page is rendered
        try Self.age(site)
        let rebuilt = SiteBuilder.build(site.options)
        #expect(!rebuilt.diagnostics.hasErrors, "\(rebuilt.diagnostics.items)")
        var full = site.options
        full.incremental = false
        full.outputDirectory = site.root + "/public-full"
        _ = SiteBuilder.build(full)
        #expect(try Self.tree(site.options.outputDirectory) == Self.tree(full.outputDirectory))
        #expect(ArticleCache.load(sourceDirectory: site.root).entries["gongan/e.md"]?.article.bodyHash == cached.article.bodyHash)
        // A cache written for another time zone is not used at all.
        var foreign = ArticleCache.load(sourceDirectory: site.root)
        foreign.timeZone = "America/New_York"
        #expect(ArticleCache.parse(foreign.serialized())?.timeZone == "America/New_York")
        #expect(ArticleCache.parse(Array(foreign.serialized().dropLast())) == nil)
    }

    @Test func titleEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "content/guonei/fazhi/a.md", "甲文", "甲文（更新）") }
    }

    @Test func dateEditReordersLists() throws {
        try assertIncrementalMatchesFull { try replace($0, "content/guonei/fazhi/a.md", "2024-07-01 08:00", "2024-07-09 08:00") }
    }

    @Test func flagsEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "content/gongan/e.md", "hits: 2\n", "hits: 2\nflags: [recommend, focus]\n") }
    }

    @Test func tagsEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "content/gongan/d.md", "tags: [\"反诈\"]", "tags: [\"普法\", \"新标签\"]") }
    }

    @Test func articleMovedToAnotherColumn() throws {
        try assertIncrementalMatchesFull { site in
            try FileManager.default.moveItem(atPath: site.root + "/content/guonei/c.md", toPath: site.root + "/content/gongan/c.md")
        }
    }

    @Test func articleDeleted() throws {
        try assertIncrementalMatchesFull { try FileManager.default.removeItem(atPath: $0.root + "/content/guonei/fazhi/b.md") }
    }

    @Test func articleAdded() throws {
        try assertIncrementalMatchesFull {
            try $0.write("content/gongan/f.md", bytes: Array(Self.article("己文", "2024-07-06 08:00", tags: ["反诈"]).utf8))
        }
    }

    @Test func templateEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "themes/default/templates/article.mustache", "返回首页", "回到首页") }
    }

    @Test func siteConfigEdit() throws {
        try assertIncrementalMatchesFull { try replace($0, "site.yml", "title: 增量测试网", "title: 增量测试网（新）") }
    }

    @Test func paginationChange() throws {
        try assertIncrementalMatchesFull { try replace($0, "site.yml", "paginate: 2", "paginate: 3") }
    }

    @Test func damagedMarkdownCacheIsIgnored() throws {
        try assertIncrementalMatchesFull({ site in
            try site.write(".sitegen-cache/markdown.tsv", bytes: Array("sitegen-markdown-cache 2 \(SiteGenVersion.engine)\nbroken\tline\n".utf8))
            try replace(site, "content/guonei/fazhi/b.md", "正文段落。", "新的正文。")
        })
    }

    @Test func relatedListsAreReusedOnlyWhenTheirInputsMatch() throws {
        let memo = RelatedArticles.Memo(key: 0xFEED, lists: [[1, 2], [], [0]])
        let bytes = RelatedCache.serialized(memo)
        #expect(RelatedCache.parse(bytes) == memo)
        #expect(RelatedCache.parse(Array(bytes.dropLast(8))) == nil)
        #expect(RelatedCache.parse(Array(bytes.dropLast(3))) == nil)

        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        let content = try #require(ContentLoader.load(site.options).content)
        let fresh = SiteGraphBuilder.build(content, options: site.options, reusing: nil).related
        // Same inputs: the saved lists are taken as they are.
        let planted = RelatedArticles.Memo(key: fresh.key, lists: fresh.lists.map { Array($0.reversed()) })
        #expect(SiteGraphBuilder.build(content, options: site.options, reusing: planted).graph.related == planted.lists)
        // Any other key, or an index out of range, is recomputed.
        let stale = RelatedArticles.Memo(key: fresh.key &+ 1, lists: planted.lists)
        #expect(SiteGraphBuilder.build(content, options: site.options, reusing: stale).graph.related == fresh.lists)
        let broken = RelatedArticles.Memo(key: fresh.key, lists: fresh.lists.map { $0 + [99] })
        #expect(SiteGraphBuilder.build(content, options: site.options, reusing: broken).graph.related == fresh.lists)
    }

    @Test func damagedRelatedCacheIsIgnored() throws {
        try assertIncrementalMatchesFull({ site in
            try site.write(".sitegen-cache/related.bin", bytes: Array("sitegen-related 1 \(SiteGenVersion.engine)\n".utf8) + [1, 2, 3])
            try replace(site, "content/gongan/d.md", "tags: [\"反诈\"]", "tags: [\"普法\"]")
        })
    }

    @Test func foreignMarkdownCacheIsNotTrusted() throws {
        try assertIncrementalMatchesFull({ site in
            // A well-formed cache whose key does not match the body must not supply the summary.
            let cache = MarkdownCache(entries: ["gongan/e.md": .init(key: 42, summary: "伪造的摘要", references: [])])
            try site.write(".sitegen-cache/markdown.tsv", bytes: Array(cache.serialized().utf8))
            BuildRecord.remove(sourceDirectory: site.root)  // make the build look at the cache
        }, expectSomethingWritten: false)
    }

    @Test func outputFileEditedByHandIsRestored() throws {
        try assertIncrementalMatchesFull { site in
            let page = site.root + "/public/index.html"
            try Data("hand edit".utf8).write(to: URL(fileURLWithPath: page))
        }
    }

    @Test func unchangedInputsSkipTheBuildAndReplayWarnings() throws {
        var files = Self.baseFiles
        files["content/gongan/g.md"] = Self.article("庚文", "2024-07-07 08:00", body: "![缺图](/uploads/missing.png)")
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let first = SiteBuilder.build(site.options)
        #expect(!first.stats.upToDate)
        #expect(first.diagnostics.warnings.count == 1)
        let second = SiteBuilder.build(site.options)
        #expect(second.stats.upToDate)
        #expect(second.diagnostics.warnings.map(\.description) == first.diagnostics.warnings.map(\.description))
        #expect(second.stats.pages == first.stats.pages)
    }

    @Test func anyInputChangeOrOutputEditDefeatsTheSkip() throws {
        let site = try TemporarySite(files: Self.baseFiles)
        defer { site.remove() }
        _ = SiteBuilder.build(site.options)
        try replace(site, "content/gongan/d.md", "丁文", "丁文！")
        #expect(!SiteBuilder.build(site.options).stats.upToDate)
        #expect(SiteBuilder.build(site.options).stats.upToDate)
        try Data("hand edit".utf8).write(to: URL(fileURLWithPath: site.root + "/public/404.html"))
        let repaired = SiteBuilder.build(site.options)
        #expect(!repaired.stats.upToDate)
        #expect(try String(contentsOfFile: site.root + "/public/404.html", encoding: .utf8) != "hand edit")
        var other = site.options
        other.includeDrafts = true
        #expect(!SiteBuilder.build(other).stats.upToDate)
        // Theme files and site.yml are inputs too; hidden files (editor leftovers) are not read.
        _ = SiteBuilder.build(site.options)
        #expect(SiteBuilder.build(site.options).stats.upToDate)
        try site.write("themes/default/static/extra.css", bytes: Array("b{}".utf8))
        #expect(!SiteBuilder.build(site.options).stats.upToDate)
        #expect(FileManager.default.fileExists(atPath: site.root + "/public/extra.css"))
        try replace(site, "themes/default/templates/base.mustache", "</body>", "<!-- 页脚 --></body>")
        #expect(!SiteBuilder.build(site.options).stats.upToDate)
        let yaml = try String(contentsOfFile: site.root + "/site.yml", encoding: .utf8)
        try site.write("site.yml", bytes: Array((yaml + "\n# 注释\n").utf8))
        #expect(!SiteBuilder.build(site.options).stats.upToDate)
        try site.write("content/gongan/.d.md.swp", bytes: [0, 1, 2])
        try site.write("themes/default/templates/.base.mustache.swp", bytes: [0, 1, 2])
        #expect(SiteBuilder.build(site.options).stats.upToDate)
    }

    @Test func aFutureArticleIsPublishedOnceItsTimeHasCome() throws {
        var files = Self.baseFiles
        files["content/gongan/later.md"] = Self.article("定时发布", "2024-08-01 08:00")
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var options = site.options
        options.now = SampleSite.date("2024-07-20 00:00")
        _ = SiteBuilder.build(options)
        #expect(SiteBuilder.build(options).stats.upToDate)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public/gongan/2024/0801/later.html"))
        options.now = SampleSite.date("2024-08-02 00:00")
        #expect(!SiteBuilder.build(options).stats.upToDate)
        #expect(FileManager.default.fileExists(atPath: site.root + "/public/gongan/2024/0801/later.html"))
    }

    @Test func markdownCacheRoundTrips() throws {
        let cache = MarkdownCache(entries: [
            "a\tb.md": .init(key: 7, summary: "摘要\\带反斜杠", references: [
                MarkdownReference(kind: .image, destination: "/up loads/a.png", line: 3, column: 5, hasAltText: true),
                MarkdownReference(kind: .link, destination: "x\ty", line: 9, column: 1),
            ]),
        ])
        #expect(MarkdownCache.parse(cache.serialized())?.entries == cache.entries)
        #expect(MarkdownCache.parse("something else\n") == nil)
    }
}
