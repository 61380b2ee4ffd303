import Testing
@testable import SiteGen
@testable import SiteGenMarkdown

@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer(unsafe: false)

    @Test func rendersBasicCommonMarkBlocksAndInlines() {
        let markdown = """
        # 标题

        一段*强调*和**加粗**，还有`代码`。

        - 第一项
        - 第二项

        1. one
        2. two

        > 引用

        ```
        let x = 1
        ```

        [链接](https://example.com/a) ![图片](/img/a.png)
        """
        let html = renderer.render(markdown).html
        #expect(html.contains("<h1>标题</h1>"))
        #expect(html.contains("<p>一段<em>强调</em>和<strong>加粗</strong>，还有<code>代码</code>。</p>"))
        #expect(html.contains("<ul>\n<li>第一项</li>\n<li>第二项</li>\n</ul>"))
        #expect(html.contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>"))
        #expect(html.contains("<blockquote>\n<p>引用</p>\n</blockquote>"))
        #expect(html.contains("<pre><code>let x = 1\n</code></pre>"))
        #expect(html.contains(#"<a href="https://example.com/a">链接</a>"#))
        #expect(html.contains(#"<img src="/img/a.png" alt="图片" />"#))
    }

    @Test func keepsQuotesAsWrittenWithoutSmartPunctuation() {
        let html = renderer.render(#"他说："好"，'单' -- “中文”"#).html
        #expect(html == "<p>他说：&quot;好&quot;，'单' -- “中文”</p>\n")
    }

    @Test func doesNotLeakSourcePositionsIntoHTML() {
        #expect(!renderer.render("a [b](c)\n\n- d").html.contains("data-sourcepos"))
    }

    @Test func emptyBodyRendersToNothing() {
        let rendered = renderer.render("")
        #expect(rendered == RenderedMarkdown(html: "", plainText: "", references: []))
    }

    @Test func dropsRawHTMLByDefault() {
        let html = renderer.render("<div class=\"x\">块</div>\n\n文字<script>alert(1)</script>").html
        #expect(!html.contains("<div"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("文字"))
    }

    @Test func keepsRawHTMLWhenUnsafe() {
        let html = MarkdownRenderer(unsafe: true).render("<div class=\"x\">块</div>\n\n文字<b>粗</b>").html
        #expect(html.contains("<div class=\"x\">块</div>"))
        #expect(html.contains("文字<b>粗</b>"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func neutralisesDangerousLinkDestinations(destination: String) {
        let html = renderer.render("[点我](\(destination))").html
        #expect(html == "<p><a href=\"\">点我</a></p>\n")
    }

    @Test func keepsDataImagesAndOrdinaryLinks() {
        let html = renderer.render("![x](data:image/png;base64,AA) [y](mailto:a@b.cn)").html
        #expect(html.contains(#"src="data:image/png;base64,AA""#))
        #expect(html.contains(#"href="mailto:a@b.cn""#))
    }

    @Test func imagesWithoutAltTextGetAnEmptyAltAttribute() {
        #expect(renderer.render("![](/a.png)").html == "<p><img src=\"/a.png\" alt=\"\" /></p>\n")
    }

    @Test func collectsReferencesWithPositionsInTheFile() {
        // The body starts on line 6 of the file (after five lines of front matter).
        let markdown = """
        第一段[链接](/guonei/a.html)。

        - 列表 ![图](/img/b.jpg)
        > 引用 [站外](https://example.com/)

        [定义式][r] <https://auto.example/>

        [r]: /ref/target.html
        """
        let references = renderer.render(markdown, bodyLine: 6).references
        #expect(references == [
            MarkdownReference(kind: .link, destination: "/guonei/a.html", line: 6, column: 4),
            MarkdownReference(kind: .image, destination: "/img/b.jpg", line: 8, column: 6, hasAltText: true),
            MarkdownReference(kind: .link, destination: "https://example.com/", line: 9, column: 6),
            MarkdownReference(kind: .link, destination: "/ref/target.html", line: 11, column: 1),
            MarkdownReference(kind: .link, destination: "https://auto.example/", line: 11, column: 10),
        ])
    }

    @Test func referenceColumnsAreRightOnIndentedContinuationLines() {
        let references = renderer.render("第一行\n  第二行 [x](y)\n\n>   再 ![a](b)", bodyLine: 1).references
        #expect(references.map { [$0.line, $0.column] } == [[2, 7], [4, 7]])
    }

    @Test func reportsImagesWithoutAltText() {
        let references = renderer.render("![](a.png) ![有](b.png) ![`c`](c.png)").references
        #expect(references.map(\.hasAltText) == [false, true, true])
    }

    @Test func plainTextOfAChineseArticleReadsWithoutInsertedSpaces() {
        let markdown = """
        ## 小标题

        近日，**市公安局**召开
        新闻发布会，通报了
        [典型案例](/a.html)。

        - 提高警惕
        - 不要轻信

        ![现场图片](/p.jpg)
        """
        let plain = renderer.render(markdown).plainText
        #expect(plain == "小标题近日，市公安局召开新闻发布会，通报了典型案例。提高警惕不要轻信")
    }

    @Test func plainTextSeparatesLatinRunsWithOneSpace() {
        let markdown = "# Title\n\nfirst line\nsecond `code` line\n\n- item\n\n中文 mixed\n\n```\nskipped\n```\n\n<b>raw</b> end"
        let plain = renderer.render(markdown).plainText
        #expect(plain == "Title first line second code line item 中文 mixed raw end")
    }

    @Test func plainTextIsCappedForSummaries() {
        let markdown = String(repeating: "法制新闻。", count: 1_000)
        let plain = renderer.render(markdown).plainText
        #expect(plain.utf8.count == MarkdownRenderer.plainTextByteLimit)
        #expect(markdown.hasPrefix(plain))
        let latin = renderer.render(String(repeating: "word ", count: 1_000) + "\n\n" + "中文").plainText
        #expect(latin.utf8.count == MarkdownRenderer.plainTextByteLimit)
        let misaligned = renderer.render("a" + String(repeating: "中", count: 1_500)).plainText
        #expect(misaligned == "a" + String(repeating: "中", count: (MarkdownRenderer.plainTextByteLimit - 1) / 3))
    }

    @Test func rendersConcurrentlyWithTheSameResults() async {
        let bodies = (0..<64).map { "# 第\($0)篇\n\n正文 [链接](/a/\($0).html)\n" }
        let expected = bodies.map { renderer.render($0) }
        let shared = renderer
        let results = await withTaskGroup(of: (Int, RenderedMarkdown).self) { group in
            for (index, body) in bodies.enumerated() {
                group.addTask { (index, shared.render(body)) }
            }
            var results = [RenderedMarkdown?](repeating: nil, count: bodies.count)
            for await (index, rendered) in group { results[index] = rendered }
            return results
        }
        #expect(results == expected)
    }
}
