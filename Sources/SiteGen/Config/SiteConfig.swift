import Foundation
import SiteGenCore

/// The site as declared in `site.yml`, with every tunable resolved to its default.
public struct SiteConfig: Sendable, Hashable {
    /// A hash of the `site.yml` text the settings were read from (0 when built in code): any
    /// edit of the file changes every page's input key (`PageReader`).
    public var sourceKey: UInt64 = 0
    /// Site name shown in the header, titles and feeds (`title`).
    public var title: String
    /// Tag line under the name (`subtitle`).
    public var subtitle: String = ""
    /// Public address, always ending in `/`; may carry a sub-path (`https://example.cn/news/`).
    public var baseURL: String = "/"
    /// HTML `lang` / RSS language (`language`), e.g. `zh-CN`.
    public var language: String = "zh-CN"
    /// IANA time zone used to read front matter dates without an offset and to print dates.
    public var timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    /// Articles per list page on column and tag pages (`paginate`).
    public var paginate: Int = 20
    /// Theme folder name under `themes/` (`theme`).
    public var theme: String = "default"
    /// Where `theme` is set in `site.yml`, so that a missing theme is reported at that line.
    public var themeLocation: SourceLocation?
    /// Site description for the home page's meta description and the site feed (`description`).
    public var description: String = ""
    /// Editor mailbox shown in the header (`contacts.email`).
    public var editorEmail: String = ""
    /// News hotline shown in the header (`contacts.hotline`).
    public var hotline: String = ""
    /// Footer lines, e.g. the ICP record (`footer:` list of strings).
    public var footerLines: [String] = []
    /// The column tree, in declaration order.
    public var columns: [ColumnDeclaration] = []
    /// List-size tunables (`lists:`).
    public var lists: ListSizes = ListSizes()
    /// Summary length in display columns (`summary_width`), a CJK character counting 2.
    public var summaryWidth: Int = 140
    /// Width at which list titles are cut (`title_width`).
    public var titleWidth: Int = 44
    /// Items per RSS feed (`feed_items`).
    public var feedItems: Int = 50
    /// Date format for meta lines (`date_format`): `yyyy`, `MM`, `dd`, `HH`, `mm`, `ss` tokens.
    public var dateFormat: String = "yyyy-MM-dd HH:mm:ss"
    /// Date format in lists (`list_date_format`).
    public var listDateFormat: String = "MM-dd"
    /// Article permalink pattern (`permalink`), see `PermalinkPattern`.
    public var permalink: String = "/:column/:year/:monthday/:slug.html"
    /// Whether raw HTML inside Markdown is kept (`markdown: {unsafe: true}`).
    public var markdownUnsafe: Bool = false
    /// Keys of `site.yml` the engine does not know, passed to templates as `site.params`.
    public var params: [String: TemplateValue] = [:]

    /// Creates a configuration with defaults for everything but the title.
    public init(title: String) { self.title = title }
}

/// How many items each list block shows.
public struct ListSizes: Sendable, Hashable {
    /// 推荐资讯 (`lists.recommended`).
    public var recommended: Int = 8
    /// 栏目更新 (`lists.latest`).
    public var latest: Int = 10
    /// 栏目热门 (`lists.hot`).
    public var hot: Int = 10
    /// 相关阅读 (`lists.related`).
    public var related: Int = 6
    /// Home page headlines (`lists.headlines`).
    public var headlines: Int = 5
    /// Home page items per top-level column (`lists.home_column`).
    public var homeColumn: Int = 10
    /// Home page site-wide latest (`lists.home_latest`).
    public var homeLatest: Int = 10
    /// 今日聚焦 items in the header ticker and the home page (`lists.focus`).
    public var focus: Int = 1

    /// The defaults listed above (the README's content reference lists them too).
    public init() {}
}

/// One column (section) as declared in `site.yml`, with its sub-columns.
public struct ColumnDeclaration: Sendable, Hashable {
    /// URL segment; unique among siblings only.
    public var slug: String
    /// Display name, e.g. 人民公安.
    public var name: String
    /// Optional description.
    public var description: String?
    /// Sub-columns in declaration order.
    public var children: [ColumnDeclaration]
    /// Where the declaration starts in `site.yml`.
    public var location: SourceLocation

    /// Creates a declaration.
    public init(slug: String, name: String, description: String? = nil, children: [ColumnDeclaration] = [], location: SourceLocation) {
        self.slug = slug
        self.name = name
        self.description = description
        self.children = children
        self.location = location
    }
}
