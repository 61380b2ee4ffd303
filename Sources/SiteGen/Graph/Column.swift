
/// A column (section) of the site, resolved from `site.yml`'s tree.
///
/// Columns refer to each other by id (their slug path, e.g. `guonei/fazhi/renmingongan`),
/// never by object reference, so the tree stays a plain value.
public struct Column: Sendable, Hashable {
    /// Slug path from the top, e.g. `guonei/fazhi`: unique site-wide and the column's URL path.
    public var id: String
    /// The last slug.
    public var slug: String
    /// Display name from `site.yml` (navigation, breadcrumbs, lists); an `_index.md` title only
    /// renames the column's own page heading.
    public var name: String
    /// Description from `site.yml` or `_index.md`.
    public var description: String
    /// Parent id; `nil` for top-level columns.
    public var parent: String?
    /// Child ids in declaration order.
    public var children: [String]
    /// Ancestor ids from the top-level column down to the parent.
    public var ancestors: [String]

    /// 0 for top-level columns.
    public var depth: Int { ancestors.count }
    /// The id of the top-level column this one belongs to (itself when top-level).
    public var topLevel: String { ancestors.first ?? id }
}
