
/// A column's `_index.md` (as Hugo writes it): an optional title and description for the
/// column page, and a Markdown body shown above its list. Not an article.
public struct ColumnIndex: Sendable, Hashable {
    /// Column path, e.g. `guonei/fazhi`.
    public var columnPath: String
    /// `title` from front matter, overriding the column's name on its page.
    public var title: String?
    /// `description` from front matter.
    public var description: String?
    /// Markdown body.
    public var body: String

    /// Creates a column index.
    public init(columnPath: String, title: String? = nil, description: String? = nil, body: String = "") {
        self.columnPath = columnPath
        self.title = title
        self.description = description
        self.body = body
    }
}
