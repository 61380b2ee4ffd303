import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenCore

/// Broken and hostile input, end to end through `SiteBuilder.render`/`build`: every case ends
/// in a positioned diagnostic or a normal build, never a crash, a hang or unbounded memory.
@Suite struct HostileInputTests {
    private typealias Site = HostileSite

    // MARK: YAML

    @Test func aliasExpansionBombIsRefusedWithItsPosition() throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let site = try Site.render(["content/guonei/bomb.md": Site.article(extra: lines.joined(separator: "\n") + "\n")])
        // a..e expand to 74,732 nodes; the first `*e` inside `f` (file line 9) passes 100,000.
        #expect(site.messages == ["content/guonei/bomb.md:9:8: error: invalid YAML in front matter: the document has more than 100000 nodes (alias expansion?)"])
        #expect(site.files.isEmpty)
    }

    @Test func aliasBombInSiteConfigIsRefused() throws {
        var yaml = Site.siteYML + "bomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdef", "bcdefg") {
            yaml += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let site = try Site.render(["site.yml": yaml])
        #expect(site.messages.count == 1)
        #expect(site.messages.first?.hasPrefix("site.yml:14:") == true)
        #expect(site.messages.first?.hasSuffix("error: invalid YAML: the document has more than 100000 nodes (alias expansion?)") == true)
    }

    @Test func veryDeepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let site = try Site.render(["content/guonei/deep.md": Site.article(extra: "nested: \(deep)\n")])
        #expect(site.messages == ["content/guonei/deep.md:4:72: error: invalid YAML in front matter: nesting is deeper than 64 levels"])
    }

    @Test func deepBlockNestingInSiteConfigIsRefused() throws {
        var yaml = Site.siteYML + "deep:\n"
        for level in 1...200 { yaml += String(repeating: " ", count: level * 2) + "k\(level):\n" }
        let site = try Site.render(["site.yml": yaml])
        #expect(site.messages.count == 1)
        #expect(site.messages.first?.hasSuffix("error: invalid YAML: nesting is deeper than 128 levels") == true)
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() throws {
        let site = try Site.render(["content/guonei/dup.md": Site.article(extra: "title: 又一个\n")])
        #expect(site.messages == ["content/guonei/dup.md:4:1: error: invalid YAML in front matter: duplicate key 'title'"])
    }

    @Test func columnTreeCycleThroughAnAliasIsRefused() throws {
        let yaml = """
        title: 环
        columns: &cols
          - slug: guonei
            name: 国内
            children: *cols

        """
        let site = try Site.render(["site.yml": yaml])
        #expect(site.messages == ["site.yml:5:15: error: invalid YAML: unknown alias '*cols'"])
    }

    @Test func duplicateColumnSlugsAreRefused() throws {
        let yaml = """
        title: 重复
        columns:
          - {slug: guonei, name: 国内}
          - {slug: guonei, name: 国内二}

        """
        let site = try Site.render(["site.yml": yaml])
        #expect(site.messages.count == 1)
        #expect(site.messages.first?.hasPrefix("site.yml:4:") == true)
        #expect(site.messages.first?.contains("duplicate column slug 'guonei'") == true)
    }

    // MARK: Bytes and text

    @Test func nulByteIsReportedAtItsPosition() throws {
        let site = try Site.render([:]) { site in
            try site.write("content/guonei/nul.md", bytes: Array("---\ntitle: 甲\u{0}乙\ndate: 2024-07-10\n---\n".utf8))
        }
        #expect(site.messages == ["content/guonei/nul.md:2:9: error: file contains a NUL byte"])
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        let site = try Site.render([:]) { site in
            try site.write("content/guonei/latin1.md", bytes: Array("---\ntitle: caf".utf8) + [0xE9] + Array("\ndate: 2024-07-10\n---\n".utf8))
        }
        #expect(site.messages == ["content/guonei/latin1.md:2:11: error: file is not valid UTF-8 (byte 0xE9)"])
    }

    @Test func byteOrderMarkAndCRLFLineEndingsLoadFine() throws {
        let text = "---\r\ntitle: 有BOM\r\ndate: 2024-07-10 14:43\r\ntags: [甲]\r\n---\r\n第一段。\r\n\r\n第二段。\r\n"
        let site = try Site.render(["site.yml": Site.siteYML.replacingOccurrences(of: "\n", with: "\r\n")]) { site in
            try site.write("content/guonei/bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        }
        #expect(site.messages.isEmpty)
        let page = try #require(Site.text(site, "guonei/2024/0710/bom.html"))
        #expect(page.contains("<h1 class=\"article-title\">有BOM</h1>"))
        #expect(page.contains("<p>第一段。</p>\n<p>第二段。</p>"))
        #expect(!page.contains("\r"))
    }

    @Test func frontMatterWithOnlyOneDelimiterIsUnterminated() throws {
        let site = try Site.render(["content/guonei/open.md": "---\ntitle: 甲\ndate: 2024-07-10\n正文\n"])
        #expect(site.messages == ["content/guonei/open.md:1:1: error: unterminated front matter: no closing '---' line"])
    }

    @Test func emptyArticleAndEmptySiteConfigAreReported() throws {
        let article = try Site.render(["content/guonei/empty.md": ""])
        #expect(article.messages == ["content/guonei/empty.md:1:1: error: empty file: an article needs front matter with a title and a date"])
        let config = try Site.render(["site.yml": ""])
        #expect(config.messages == ["site.yml:1:1: error: site.yml is empty: 'title' is required"])
    }

    @Test func hugeTitleBuildsAndListsShowItTruncated() throws {
        let title = String(repeating: "长", count: 5 * 1024 * 1024 / 3)  // 5 MB of UTF-8
        let site = try Site.render([
            "content/guonei/huge.md": Site.article(title: title),
            "content/guonei/small.md": Site.article(title: "小", date: "2024-07-09"),
        ])
        #expect(site.messages.isEmpty)
        let home = try #require(Site.text(site, "index.html"))
        // Lists show the title cut to `title_width` display columns, with an ellipsis.
        #expect(home.contains(try Regex(">长{10,30}…</a>")))
        #expect(try #require(Site.text(site, "guonei/2024/0710/huge.html")).contains(title))
    }

    @Test func tenMegabyteArticleBuilds() throws {
        let paragraph = String(repeating: "这是一段很长的正文，用来测试大文件。", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count + 1)
        #expect(body.utf8.count > 10 * 1024 * 1024)
        let site = try Site.render(["content/guonei/big.md": Site.article(body: body)])
        #expect(site.messages.isEmpty)
        let page = try #require(Site.text(site, "guonei/2024/0710/big.html"))
        #expect(page.utf8.count > body.utf8.count)
    }

    @Test func oneMegabyteLineBuilds() throws {
        let line = String(repeating: "a", count: 1024 * 1024)
        let site = try Site.render(["content/guonei/line.md": Site.article(extra: "summary: \(line)\n", body: line + "\n")])
        #expect(site.messages.isEmpty)
        #expect(try #require(Site.text(site, "guonei/2024/0710/line.html")).contains("<p>" + line + "</p>"))
    }

    @Test func errorOnAOneMegabyteLineKeepsItsColumn() throws {
        let line = String(repeating: "a", count: 1024 * 1024)
        let site = try Site.render(["content/guonei/line.md": "---\ntitle: \(line)\ndate: 2024-07-10\ntags: {\n---\n"])
        #expect(site.messages.count == 1)
        #expect(site.messages.first?.hasPrefix("content/guonei/line.md:5:1: error: invalid YAML in front matter: ") == true)
    }

    // MARK: Files and folders

    @Test func symlinkLoopIsSkippedWithAWarning() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try FileManager.default.createSymbolicLink(atPath: site.root + "/content/guonei/loop", withDestinationPath: site.root + "/content/guonei")
        }
        #expect(site.messages == ["content/guonei/loop: warning: folder skipped: it was already visited (a symbolic link loop?)"])
        #expect(Site.text(site, "guonei/2024/0710/a.html") != nil)
    }

    @Test func selfReferencingSymlinkIsSkippedWithAWarning() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try FileManager.default.createSymbolicLink(atPath: site.root + "/content/guonei/self.md", withDestinationPath: "self.md")
        }
        #expect(site.messages == ["content/guonei/self.md: warning: broken symbolic link skipped"])
    }

    @Test func danglingSymlinkIsSkippedWithAWarning() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try FileManager.default.createSymbolicLink(atPath: site.root + "/content/guonei/gone.md", withDestinationPath: site.root + "/nowhere.md")
        }
        #expect(site.messages == ["content/guonei/gone.md: warning: broken symbolic link skipped"])
        #expect(!site.diagnostics.hasErrors)
    }

    @Test func fifoNamedLikeAnArticleIsSkippedWithoutBlocking() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            #expect(mkfifo(site.root + "/content/guonei/pipe.md", 0o644) == 0)
        }
        #expect(site.messages == ["content/guonei/pipe.md: warning: skipped: not a regular file or folder"])
        #expect(Site.text(site, "guonei/2024/0710/a.html") != nil)
    }

    @Test func folderNamedLikeAnArticleIsNotReadAsOne() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try FileManager.default.createDirectory(atPath: site.root + "/content/guonei/folder.md", withIntermediateDirectories: true)
        }
        #expect(site.messages.isEmpty)
        #expect(site.files.contains { $0.path == "guonei/2024/0710/a.html" })
    }

    @Test func fileNamesWithSpacesAndChineseGiveEncodedLinks() throws {
        let site = try Site.render([
            "content/guonei/hello world.md": Site.article(title: "空格"),
            "content/guonei/新闻 稿.md": Site.article(title: "中文", date: "2024-07-09"),
        ])
        #expect(site.messages.isEmpty)
        #expect(site.files.contains { $0.path == "guonei/2024/0710/hello world.html" })
        #expect(site.files.contains { $0.path == "guonei/2024/0709/新闻 稿.html" })
        let home = try #require(Site.text(site, "index.html"))
        #expect(home.contains("href=\"/news/guonei/2024/0710/hello%20world.html\""))
        #expect(home.contains("href=\"/news/guonei/2024/0709/%E6%96%B0%E9%97%BB%20%E7%A8%BF.html\""))
        let sitemap = try #require(Site.text(site, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.cn/news/guonei/2024/0709/%E6%96%B0%E9%97%BB%20%E7%A8%BF.html</loc>"))
    }

    // MARK: Themes

    @Test func missingThemeIsReported() throws {
        let site = try Site.render(["site.yml": Site.siteYML + "theme: nope\n"])
        #expect(site.messages == ["site.yml:9:8: error: theme 'nope' not found: there is no folder themes/nope"])
        let empty = try Site.render([:]) { site in
            try FileManager.default.removeItem(atPath: site.root + "/themes/default/templates")
            try FileManager.default.createDirectory(atPath: site.root + "/themes/default/templates", withIntermediateDirectories: false)
        }
        #expect(empty.messages.count == TemplateLibrary.required.count)
        #expect(empty.messages.first == "themes/default/templates: error: theme 'default' has no template '404.mustache'")
    }

    @Test func missingTemplateIsReported() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try FileManager.default.removeItem(atPath: site.root + "/themes/default/templates/article.mustache")
        }
        #expect(site.messages == ["themes/default/templates: error: theme 'default' has no template 'article.mustache'"])
    }

    @Test func templateSyntaxErrorNamesTheTemplateFileAndLine() throws {
        let site = try Site.render(["content/guonei/a.md": Site.article()]) { site in
            try site.write("themes/default/templates/tag.mustache", bytes: Array("<h1>{{tag.name}}</h1>\n{{#items}}\n<p>{{title}}</p>\n{{/item}}\n".utf8))
        }
        #expect(site.messages.count == 1)
        #expect(site.messages.first?.hasPrefix("themes/default/templates/tag.mustache:4:") == true)
        #expect(site.messages.first?.contains("error: template syntax error: section closed with the wrong name") == true)
    }
}

@Suite struct LongSourceLineTests {
    @Test func renderedDiagnosticShowsAWindowOfAVeryLongLine() {
        let line = String(repeating: "a", count: 1_000_000) + "X" + String(repeating: "b", count: 1_000_000)
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(path: "a.md", line: 2, column: 1_000_001), sourceLine: line)
        let lines = diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1] == "    …" + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "…")
        #expect(lines[2] == "    " + String(repeating: " ", count: 61) + "^")
    }

    @Test func renderedDiagnosticKeepsShortLinesWhole() {
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(path: "a.md", line: 2, column: 3), sourceLine: "ab:c")
        #expect(diagnostic.rendered == "a.md:2:3: error: bad\n    ab:c\n      ^")
    }
}
