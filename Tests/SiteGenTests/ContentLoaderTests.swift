import Foundation
import Testing
@testable import SiteGen

@Suite struct ContentLoaderTests {
    private static let siteYML = """
    title: 测试站
    base_url: https://example.cn/news
    columns:
      - slug: guonei
        name: 国内
        children:
          - {slug: fazhi, name: 法制}
      - slug: fazhi
        name: 法制
    """

    private static let theme: [String: String] = [
        "themes/default/templates/article.mustache": "{{title}}",
        "themes/default/templates/partials/header.mustache": "<header>",
        "themes/default/templates/README.txt": "not a template",
        "themes/default/static/css/site.css": "body{}",
        "themes/default/static/.DS_Store": "x",
    ]

    private static func article(_ title: String, date: String = "2024-07-10 14:43:24") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n---\n正文\n"
    }

    private func load(_ files: [String: String], extra: (TemporarySite) throws -> Void = { _ in }) throws -> (SiteContent?, [String]) {
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try extra(site)
        let (content, diagnostics) = ContentLoader.load(site.options)
        return (content, diagnostics.sorted.map(\.description))
    }

    @Test func loadsASmallSite() throws {
        var files = Self.theme
        files["site.yml"] = Self.siteYML
        files["content/guonei/fazhi/b.md"] = Self.article("乙")
        files["content/guonei/a.md"] = Self.article("甲")
        files["content/fazhi/c.md"] = Self.article("丙")
        files["content/guonei/_index.md"] = "---\ntitle: 国内新闻\n---\n介绍"
        files["content/_index.md"] = "首页"
        files["content/uploads/2024/07/a.jpg"] = "jpeg"
        files["content/.hidden.md"] = "not even front matter"
        files["content/guonei/.draft/x.md"] = "ignored"
        let (loaded, messages) = try load(files)
        #expect(messages.isEmpty)
        let content = try #require(loaded)
        #expect(content.config.baseURL == "https://example.cn/news/")
        #expect(content.articles.map(\.id) == ["fazhi/c.md", "guonei/a.md", "guonei/fazhi/b.md"])
        #expect(content.articles.map(\.columnPath) == ["fazhi", "guonei", "guonei/fazhi"])
        #expect(content.columnIndexes["guonei"]?.title == "国内新闻")
        #expect(content.columnIndexes[""]?.body == "首页")
        #expect(content.staticFiles.map(\.outputPath) == ["uploads/2024/07/a.jpg", "css/site.css"])
        #expect(content.staticFiles[0].sourcePath.hasSuffix("/content/uploads/2024/07/a.jpg"))
        #expect(content.theme.name == "default")
        #expect(content.theme.templates.keys.sorted() == ["article", "partials/header"])
        #expect(content.theme.templates["partials/header"] == TemplateSource(path: "themes/default/templates/partials/header.mustache", text: "<header>"))
    }

    @Test func baseURLOverrideReplacesTheConfiguredOne() throws {
        var files = Self.theme
        files["site.yml"] = Self.siteYML
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var options = site.options
        options.baseURLOverride = "http://localhost:8080"
        #expect(ContentLoader.load(options).content?.config.baseURL == "http://localhost:8080/")
    }

    @Test func collectsTheProblemsOfEveryFile() throws {
        var files = Self.theme
        files["site.yml"] = Self.siteYML
        files["content/guonei/ok.md"] = Self.article("好")
        files["content/guonei/no-front-matter.md"] = "正文"
        files["content/guonei/bad-date.md"] = Self.article("坏", date: "2024-02-30")
        files["content/guonei/empty.md"] = ""
        files["content/shehui/a.md"] = Self.article("社会")
        files["content/top.md"] = Self.article("顶层")
        files["content/shehui/_index.md"] = "介绍"
        files["content/uploads/x.png"] = "png"
        let (loaded, messages) = try load(files) { site in
            try site.write("content/guonei/latin1.md", bytes: Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        }
        #expect(messages == [
            "content/guonei/bad-date.md:3:7: error: cannot read date '2024-02-30': expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset",
            "content/guonei/empty.md:1:1: error: empty file: an article needs front matter with a title and a date",
            "content/guonei/latin1.md:2:11: error: file is not valid UTF-8 (byte 0xE9)",
            "content/guonei/no-front-matter.md:1:1: error: missing front matter: the first line of an article must be '---'",
            "content/shehui/_index.md:1:1: error: folder 'shehui' is not a column declared in site.yml",
            "content/shehui/a.md:1:1: error: folder 'shehui' is not a column declared in site.yml",
            "content/top.md:1:1: error: an article must be in a column folder, not directly in content/",
        ])
        #expect(loaded?.articles.map(\.id) == ["guonei/ok.md"])
    }

    @Test func missingSiteYMLIsAnError() throws {
        let (content, messages) = try load(["content/a/b.md": Self.article("x")])
        #expect(content == nil)
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("site.yml: error: site.yml not found in "))
    }

    @Test func missingThemeIsAnError() throws {
        let (_, messages) = try load(["site.yml": "title: a\ntheme: nope\n"])
        #expect(messages == ["site.yml:2:8: error: theme 'nope' not found: there is no folder themes/nope"])
    }

    @Test func missingTemplatesFolderIsAnError() throws {
        let (_, messages) = try load(["site.yml": "title: a\n", "themes/default/static/a.css": ""])
        #expect(messages == ["themes/default: error: theme 'default' has no templates folder (themes/default/templates)"])
    }

    @Test func symbolicLinksOutsideTheSiteAreSkippedAndLoopsEnd() throws {
        let outside = try TemporarySite(files: ["secret.md": Self.article("外")])
        defer { outside.remove() }
        var files = Self.theme
        files["site.yml"] = Self.siteYML
        files["content/guonei/a.md"] = Self.article("甲")
        let (loaded, messages) = try load(files) { site in
            try FileManager.default.createSymbolicLink(atPath: site.root + "/content/guonei/fazhi", withDestinationPath: outside.root)
            try FileManager.default.createSymbolicLink(atPath: site.root + "/content/guonei/loop", withDestinationPath: site.root + "/content")
        }
        #expect(loaded?.articles.map(\.id) == ["guonei/a.md"])
        #expect(messages.count == 2)
        #expect(messages.contains("content/guonei/loop: warning: folder skipped: it was already visited (a symbolic link loop?)"))
        #expect(messages.contains { $0.hasPrefix("content/guonei/fazhi: warning: symbolic link to ") && $0.hasSuffix("skipped: it points outside the site folder") })
    }

    @Test func walkerListsEveryFolderInPathOrderWithEachFileStatus() throws {
        let site = try TemporarySite(files: [
            "content/b/x.md": "12345", "content/a/z/y.md": "1", "content/a/b.md": "", "content/top.txt": "ab",
            "content/a-b/c.md": "abc", "content/.hidden/h.md": "", "content/a/.swp": "",
        ])
        defer { site.remove() }
        // No link: the top-level folders are listed in parallel.
        var walker = SiteWalker(siteRoot: site.root)
        let entries = walker.files(in: "content")
        #expect(entries.map(\.relativePath) == ["a-b/c.md", "a/b.md", "a/z/y.md", "b/x.md", "top.txt"])
        #expect(entries.map { $0.status?.size } == [3, 0, 1, 5, 2])
        #expect(entries.allSatisfy { $0.absolutePath == walker.siteRoot + "/content/" + $0.relativePath })
        #expect(walker.diagnostics.items.isEmpty)
        // A link anywhere: one serial walk, the same order, and the second way into a folder is
        // skipped with a warning whichever thread would have reached it first.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/b/again", withDestinationPath: site.root + "/content/a/z")
        var linkWalker = SiteWalker(siteRoot: site.root)
        #expect(linkWalker.files(in: "content").map(\.relativePath) == entries.map(\.relativePath))
        #expect(linkWalker.diagnostics.items.map(\.description) == ["content/b/again: warning: folder skipped: it was already visited (a symbolic link loop?)"])
    }

    @Test func loadsAGeneratedCorpusWithoutErrors() throws {
        // The repository root's sibling `shared/` (from a worktree under wt/, one more level up).
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = ["../shared/bench/gen_corpus.py", "../../shared/bench/gen_corpus.py"].map {
            repoRoot.appendingPathComponent($0).standardizedFileURL.path
        }
        guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            print("skipping loadsAGeneratedCorpusWithoutErrors: gen_corpus.py not found at \(candidates)")
            return
        }
        let site = try TemporarySite(files: Self.theme)
        defer { site.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--articles", "200", "--out", site.root, "--no-images", "--hugo"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        let (loaded, diagnostics) = ContentLoader.load(site.options)
        #expect(diagnostics.errors.map(\.description) == [])
        let content = try #require(loaded)
        #expect(content.articles.count == 200)
        #expect(content.articles.map(\.id) == content.articles.map(\.id).sorted())
        #expect(content.config.title == "法治山东网")
        #expect(!content.columnIndexes.isEmpty)
    }
}
