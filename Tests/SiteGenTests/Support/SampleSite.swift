import Foundation
@testable import SiteGen
@testable import SiteGenCore

/// Builds small in-memory sites for graph and render tests, without touching the disk.
enum SampleSite {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// `YYYY-MM-DD HH:MM` in Asia/Shanghai.
    static func date(_ text: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = shanghai
        let parts = text.split(whereSeparator: { "- :".contains($0) }).compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts.count > 3 ? parts[3] : 0, minute: parts.count > 4 ? parts[4] : 0))!
    }

    static func article(
        _ id: String, _ title: String, _ date: String,
        tags: [String] = [], flags: ArticleFlags = [], hits: Int = 0, draft: Bool = false, body: String = "正文。"
    ) -> Article {
        let column = id.split(separator: "/").dropLast().joined(separator: "/")
        let slug = String(id.split(separator: "/").last!.dropLast(3))
        var article = Article(id: id, columnPath: column, slug: slug, title: title, date: Self.date(date), body: body, bodyLine: 6)
        article.tags = tags
        article.flags = flags
        article.hits = hits
        article.draft = draft
        return article
    }

    /// 国内 > 法制 > 人民公安, 国内 > 时政, and a top-level 法制 (same slug, other column).
    static var config: SiteConfig {
        var config = SiteConfig(title: "测试法治网")
        config.baseURL = "https://example.cn/news/"
        config.paginate = 2
        let here = SourceLocation(path: "site.yml", line: 1, column: 1)
        config.columns = [
            ColumnDeclaration(slug: "guonei", name: "国内", children: [
                ColumnDeclaration(slug: "fazhi", name: "法制", children: [
                    ColumnDeclaration(slug: "renmingongan", name: "人民公安", location: here),
                ], location: here),
                ColumnDeclaration(slug: "shizheng", name: "时政", location: here),
            ], location: here),
            ColumnDeclaration(slug: "fazhi", name: "法治", location: here),
        ]
        return config
    }

    static func content(_ articles: [Article], config: SiteConfig = SampleSite.config, theme: Theme = SampleSite.defaultTheme) -> SiteContent {
        SiteContent(config: config, articles: articles, columnIndexes: [:], staticFiles: [], theme: theme)
    }

    /// The repository's own default theme, read once from `themes/default/templates`.
    static let defaultTheme: Theme = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("themes/default/templates")
        var templates: [String: TemplateSource] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            let text = (try? String(contentsOfFile: folder.appendingPathComponent(relative).path, encoding: .utf8)) ?? ""
            templates[String(relative.dropLast(".mustache".count))] = TemplateSource(path: "themes/default/templates/" + relative, text: text)
        }
        return Theme(name: "default", templates: templates)
    }()

    static func options(now: String = "2030-01-01 00:00") -> BuildOptions {
        var options = BuildOptions(sourceDirectory: "/nonexistent", outputDirectory: "/nonexistent/public")
        options.now = date(now)
        return options
    }
}
