import Foundation
@testable import SiteGen

/// A small real site (the repository's default theme, two columns) written to a temporary
/// folder, for end-to-end tests that feed the engine broken or hostile input.
enum HostileSite {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A `site.yml` with two columns, `guonei` and `difang`.
    static let siteYML = """
    title: 测试法治网
    base_url: https://example.cn/news/
    timezone: Asia/Shanghai
    columns:
      - slug: guonei
        name: 国内
      - slug: difang
        name: 地方

    """

    /// An article's text with the given front matter lines (title and date included by default).
    static func article(title: String = "标题", date: String = "2024-07-10 14:43", extra: String = "", body: String = "正文。\n") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)"
    }

    /// Writes `files` plus the default theme (unless `theme` is false) and `site.yml` (unless
    /// `files` has one) into a new temporary site.
    static func make(_ files: [String: String], theme: Bool = true) throws -> TemporarySite {
        var all = files
        if all["site.yml"] == nil { all["site.yml"] = siteYML }
        let site = try TemporarySite(files: all)
        if theme {
            try FileManager.default.createDirectory(atPath: site.root + "/themes", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: packageRoot.path + "/themes/default", toPath: site.root + "/themes/default")
        }
        return site
    }

    /// Renders (in memory) a site made of `files`; `prepare` may add odd files first.
    static func render(_ files: [String: String], prepare: (TemporarySite) throws -> Void = { _ in }) throws -> RenderedSite {
        let site = try make(files)
        defer { site.remove() }
        try prepare(site)
        return SiteBuilder.render(site.options)
    }

    /// The text of a rendered file.
    static func text(_ site: RenderedSite, _ path: String) -> String? {
        guard let file = site.files.first(where: { $0.path == path }) else { return nil }
        return file.renderedBytes.map { String(decoding: $0, as: UTF8.self) }
    }
}

extension RenderedSite {
    /// Every diagnostic as `path:line:col: severity: message`, sorted.
    var messages: [String] { diagnostics.sorted.map(\.description) }
}
