import Foundation
import Testing
@testable import SiteGen

@Suite struct ArticleParserTests {
    private let config = SiteConfig(title: "站")

    private func parse(_ text: String, id: String = "guonei/fazhi/2024-07-10-18.md") -> (Article?, [String]) {
        let (article, diagnostics) = ArticleParser.parse(text: text, id: id, config: config)
        return (article, diagnostics.sorted.map(\.description))
    }

    /// The one message for an article whose front matter is `frontMatter` plus a valid title and date.
    private func message(for frontMatter: String) -> [String] {
        parse("---\ntitle: 标题\ndate: 2024-07-10\n\(frontMatter)\n---\n").1
    }

    @Test func readsEveryKey() throws {
        let text = """
        ---
        title: "菏泽中院公开宣判一起盗窃案"
        date: "2024-07-10 14:43:24"
        source: 新华社
        authors: ["李艳", "郝晓东"]
        tags: [盗窃, 宣判, 盗窃]
        summary: 摘要
        cover: /uploads/2024/07/a.jpg
        flags: [focus, recommend]
        hits: 4336
        draft: true
        slug: daoqie
        weight: 3
        extra: {a: [1, "2"]}
        ---

        正文第一段。
        """
        let (parsed, messages) = parse(text)
        #expect(messages.isEmpty)
        let article = try #require(parsed)
        #expect(article.id == "guonei/fazhi/2024-07-10-18.md")
        #expect(article.columnPath == "guonei/fazhi")
        #expect(article.slug == "daoqie")
        #expect(article.title == "菏泽中院公开宣判一起盗窃案")
        #expect(article.date == Date(timeIntervalSince1970: 1_720_593_804))
        #expect(article.source == "新华社")
        #expect(article.authors == ["李艳", "郝晓东"])
        #expect(article.tags == ["盗窃", "宣判"])
        #expect(article.summary == "摘要")
        #expect(article.cover == "/uploads/2024/07/a.jpg")
        #expect(article.flags == [.focus, .recommend])
        #expect(article.hits == 4336)
        #expect(article.draft)
        #expect(article.params == ["weight": .int(3), "extra": .map(["a": .list([.int(1), .string("2")])])])
        #expect(article.body == "\n正文第一段。")
        #expect(article.bodyLine == 16)
        #expect(article.sourcePath == "content/guonei/fazhi/2024-07-10-18.md")
    }

    @Test func defaultsSlugToFileNameAndOptionalFieldsToEmpty() throws {
        let article = try #require(parse("---\ntitle: t\ndate: 2024-07-10 08:00\n---\nbody").0)
        #expect(article.slug == "2024-07-10-18")
        #expect(article.authors.isEmpty && article.tags.isEmpty && article.flags.isEmpty)
        #expect(article.summary == nil && article.cover == nil && !article.draft && article.hits == 0)
        #expect(article.bodyLine == 5)
    }

    @Test func singleAuthorStringBecomesAList() throws {
        #expect(try #require(parse("---\ntitle: t\ndate: 2024-07-10\nauthors: 李艳\n---\n").0).authors == ["李艳"])
    }

    @Test func readsPlainTimestampsAndISODates() throws {
        let plain = try #require(parse("---\ntitle: t\ndate: 2024-07-10 14:43:24\n---\n").0)
        let iso = try #require(parse("---\ntitle: t\ndate: 2024-07-10T06:43:24Z\n---\n").0)
        #expect(plain.date == iso.date)
    }

    @Test func toleratesBOMAndCRLF() throws {
        let article = try #require(parse("\u{FEFF}---\r\ntitle: t\r\ndate: 2024-07-10\r\n---\r\nbody\r\n").0)
        #expect(article.title == "t")
        #expect(article.body == "body\n")
    }

    private static let file = "content/guonei/fazhi/2024-07-10-18.md"

    @Test(arguments: [
        ("", "\(file):1:1: error: empty file: an article needs front matter with a title and a date"),
        ("title: t\n", "\(file):1:1: error: missing front matter: the first line of an article must be '---'"),
        ("---\ntitle: t\ndate: 2024-07-10\n", "\(file):1:1: error: unterminated front matter: no closing '---' line"),
        ("---\ntitle: [t\n---\n", "\(file):3:1: error: invalid YAML in front matter: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("---\ntitle: t\n  date: x\n---\n", "\(file):3:7: error: invalid YAML in front matter: mapping values are not allowed in this context"),
        ("---\n- a\n- b\n---\n", "\(file):2:1: error: front matter must be a mapping of keys to values, found a list"),
        ("---\njust text\n---\n", "\(file):2:1: error: front matter must be a mapping of keys to values, found a string"),
        ("---\ntitle: t\ndate: 2024-07-10\ntitle: u\n---\n", "\(file):4:1: error: invalid YAML in front matter: duplicate key 'title'"),
    ])
    func reportsBrokenFrontMatter(text: String, expected: String) {
        let (article, messages) = parse(text)
        #expect(article == nil)
        #expect(messages == [expected])
    }

    @Test func reportsMissingTitleAndDateTogether() {
        #expect(parse("---\nsource: x\n---\n").1 == [
            "\(Self.file):1:1: error: missing 'date' in front matter",
            "\(Self.file):1:1: error: missing 'title' in front matter",
        ])
        #expect(parse("---\n---\n").1.count == 2)
    }

    @Test(arguments: [
        ("tags: 5", "4:7: error: expected a list of strings for 'tags', found an integer"),
        ("tags: [a, [b]]", "4:11: error: expected a list of strings for 'tags', found a list in the list"),
        ("tags: [a/b]", "4:8: error: invalid tag 'a/b': a tag must not be empty, '.' or '..', or contain '/'"),
        ("tags: ['..']", "4:8: error: invalid tag '..': a tag must not be empty, '.' or '..', or contain '/'"),
        ("tags: ['']", "4:8: error: invalid tag '': a tag must not be empty, '.' or '..', or contain '/'"),
        ("flags: [focus, top]", "4:16: error: unknown flag 'top': expected focus, headline or recommend"),
        ("flags: focus", "4:8: error: expected a list of strings for 'flags', found a string"),
        ("hits: -1", "4:7: error: expected a non-negative integer for 'hits', found -1"),
        ("hits: many", "4:7: error: expected a non-negative integer for 'hits', found a string"),
        ("hits: \"12\"", "4:7: error: expected a non-negative integer for 'hits', found a string"),
        ("draft: yes", "4:8: error: expected true or false for 'draft', found a string"),
        ("source: {a: 1}", "4:9: error: expected a string for 'source', found a mapping"),
        ("authors: {a: 1}", "4:10: error: expected a string or a list of strings for 'authors', found a mapping"),
        ("cover: javascript:alert(1)", "4:8: error: 'cover' must be a path or an http(s) URL, not a javascript: URL"),
        ("cover: \" JavaScript:alert(1)\"", "4:8: error: 'cover' must be a path or an http(s) URL, not a javascript: URL"),
        ("cover: data:image/png;base64,AAAA", "4:8: error: 'cover' must be a path or an http(s) URL, not a data: URL"),
        ("slug: a/b", "4:7: error: invalid slug 'a/b': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
        ("slug: 'a\\b'", "4:7: error: invalid slug 'a\\b': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
        ("slug: '..'", "4:7: error: invalid slug '..': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
        ("slug: 'a b'", "4:7: error: invalid slug 'a b': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
        ("slug: \"a\\tb\"", "4:7: error: invalid slug 'a\tb': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
        ("slug: ''", "4:7: error: invalid slug '': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters"),
    ])
    func reportsBadValuesAtTheValue(frontMatter: String, expected: String) {
        #expect(message(for: frontMatter) == ["\(Self.file):\(expected)"])
    }

    @Test(arguments: [
        ("title: t\ndate: 2024-02-30", "3:7: error: cannot read date '2024-02-30': expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset"),
        ("title: t\ndate: \"2024-07-10 25:00\"", "3:7: error: cannot read date '2024-07-10 25:00': expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset"),
        ("title: t\ndate: 20240710", "3:7: error: cannot read date '20240710': expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset"),
        ("title: t\ndate: [2024]", "3:7: error: expected a string for 'date', found a list"),
        ("title: t\ndate:", "3:1: error: 'date' must not be empty"),
        ("title: ''\ndate: 2024-07-10", "2:8: error: 'title' must not be empty"),
        ("title:\ndate: 2024-07-10", "2:1: error: 'title' must not be empty"),
        ("title: {a: b}\ndate: 2024-07-10", "2:8: error: expected a string for 'title', found a mapping"),
    ])
    func reportsBadTitlesAndDates(frontMatter: String, expected: String) {
        #expect(parse("---\n\(frontMatter)\n---\n").1 == ["\(Self.file):\(expected)"])
    }

    @Test func collectsEveryProblemOfTheFile() {
        let messages = message(for: "tags: 5\nflags: [x]\nhits: -2")
        #expect(messages.count == 3)
    }

    @Test func keepsTheOffendingLineForDisplay() throws {
        let (_, diagnostics) = ArticleParser.parse(text: "---\ntitle: t\ndate: 2024-07-10\ntags: 5\n---\n", id: "a/b.md", config: config)
        let diagnostic = try #require(diagnostics.items.first)
        #expect(diagnostic.sourceLine == "tags: 5")
        #expect(diagnostic.rendered == "content/a/b.md:4:7: error: expected a list of strings for 'tags', found an integer\n    tags: 5\n          ^")
    }

    @Test func reportsNULBytesInTheText() {
        #expect(parse("---\ntitle: a\u{0}b\n").1 == ["\(Self.file):2:9: error: file contains a NUL byte"])
    }

    @Test func columnIndexWithoutFrontMatterIsAllBody() throws {
        let (index, diagnostics) = ColumnIndexParser.parse(text: "栏目介绍\n", columnPath: "guonei")
        #expect(diagnostics.items.isEmpty)
        #expect(index == ColumnIndex(columnPath: "guonei", body: "栏目介绍\n"))
    }

    @Test func columnIndexReadsTitleAndDescriptionAndIgnoresOtherKeys() throws {
        let (index, diagnostics) = ColumnIndexParser.parse(text: "---\ntitle: 国内\ndescription: 说明\nweight: 2\n---\n正文", columnPath: "guonei")
        #expect(diagnostics.items.isEmpty)
        #expect(index == ColumnIndex(columnPath: "guonei", title: "国内", description: "说明", body: "正文"))
    }

    @Test func columnIndexReportsBadYAML() {
        let (index, diagnostics) = ColumnIndexParser.parse(text: "---\ntitle: [\n---\n", columnPath: "guonei")
        #expect(index == nil)
        #expect(diagnostics.items.first?.location?.path == "content/guonei/_index.md")
    }
}
