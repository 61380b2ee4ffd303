
/// One kind of output (article pages, a column's list pages, the sitemap…), registered in
/// `PagePlan.generators`.
///
/// A generator names its outputs (`items`), declares what each reads (`declare`, through
/// `PageReader`, which derives the output's input key from those reads) and builds the output
/// from that declaration alone (`render`). Keeping an unchanged output and wrapping pages in the
/// theme's `base` template happen once, in `PagePlan`, for every generator.
protocol PageGenerator: Sendable {
    /// Names one output: an article index, a column and page number…
    associatedtype Item: Sendable
    /// What `declare` read for one output; `render` builds it from this alone.
    associatedtype Reads: Sendable

    /// Every output of this kind, each with the paths of the files it makes. Paths tell items
    /// apart in their keys, so an item carries nothing its paths do not determine.
    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Item>]

    /// Reads what the output is made from.
    func declare(_ item: Item, reader: inout PageReader) -> Reads

    /// The output's files, one per path of its item, in the same order.
    func render(_ reads: Reads, with resolver: PageResolver) -> [GeneratedFile]
}

/// One output of a generator: its item and the paths of the files it makes.
struct PlanItem<Item: Sendable>: Sendable {
    let item: Item
    let paths: [String]

    init(_ item: Item, paths: [String]) {
        self.item = item
        self.paths = paths
    }

    init(_ item: Item, path: String) {
        self.init(item, paths: [path])
    }
}

/// A file a generator made: an HTML page (wrapped in the theme's `base` template by the plan)
/// or a text file as it is (feeds, sitemaps, robots.txt).
enum GeneratedFile: Sendable {
    case page(HTMLPage)
    case text(String)
}

/// An HTML page before the theme's `base` template wraps it.
struct HTMLPage: @unchecked Sendable {
    /// The `<title>`.
    var title: String
    /// The meta description (cut to 300 characters).
    var description: String
    /// The theme template that renders the page's content.
    var template: String
    /// The content template's view model.
    var context: [String: Any]
    var header: RenderedBlock
    var sidebar: RenderedBlock?
    /// `page.kind` (`article`, `column`…); `article` also makes `og:type` `article`.
    var kind: String
    /// Site path of the page's image (Open Graph).
    var image: String? = nil
    /// The feed the page advertises, default the site's.
    var feed: String? = nil
}
