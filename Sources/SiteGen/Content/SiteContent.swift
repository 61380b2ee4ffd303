
/// Everything the load stage read: configuration, articles, column indexes, files to copy and
/// the templates of the theme. Plain values; nothing after this stage reads the disk.
public struct SiteContent: Sendable {
    /// `site.yml`.
    public var config: SiteConfig
    /// All articles, drafts and future ones included (the graph filters), sorted by id.
    public var articles: [Article]
    /// `_index.md` files by column path.
    public var columnIndexes: [String: ColumnIndex]
    /// Files copied unchanged, content assets first, then theme static files (sorted by output path).
    public var staticFiles: [StaticFile]
    /// The theme's templates.
    public var theme: Theme

    /// Creates a content bundle.
    public init(config: SiteConfig, articles: [Article], columnIndexes: [String: ColumnIndex], staticFiles: [StaticFile], theme: Theme) {
        self.config = config
        self.articles = articles
        self.columnIndexes = columnIndexes
        self.staticFiles = staticFiles
        self.theme = theme
    }
}
