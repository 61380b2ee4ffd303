
/// Splits a list into pages and names their URLs.
///
/// Page 1 of a list at `dir/` is `dir/`; page n ≥ 2 is `dir/page/n/` (the scheme Hugo users know).
public struct Pagination: Sendable, Hashable {
    /// Number of items in the whole list.
    public var totalItems: Int
    /// Items per page (at least 1).
    public var perPage: Int

    /// Creates a pagination; `perPage` below 1 is treated as 1.
    public init(totalItems: Int, perPage: Int) {
        self.totalItems = max(0, totalItems)
        self.perPage = max(1, perPage)
    }

    /// Number of pages; an empty list still has one (empty) page.
    public var pageCount: Int { max(1, (totalItems + perPage - 1) / perPage) }

    /// The item range shown on 1-based page `page`.
    public func range(ofPage page: Int) -> Range<Int> {
        let start = min(totalItems, (page - 1) * perPage)
        return start..<min(totalItems, start + perPage)
    }

    /// The output folder (relative, ends in `/`, `""` for the site root) of page `page` of a list
    /// whose first page lives in `directory`.
    public static func directory(ofPage page: Int, listDirectory directory: String) -> String {
        page <= 1 ? directory : directory + "page/\(page)/"
    }

    /// The page numbers shown in a pager: the current page ±`window`, clamped to the list.
    public func window(around page: Int, radius: Int = 2) -> ClosedRange<Int> {
        max(1, page - radius)...min(pageCount, page + radius)
    }
}
