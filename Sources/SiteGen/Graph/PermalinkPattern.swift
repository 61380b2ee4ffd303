import Foundation

/// An article permalink pattern such as `/:column/:year/:monthday/:slug.html`.
///
/// Tokens: `:column` (slug path), `:year` (2024), `:month` (07), `:day` (10), `:monthday`
/// (0710), `:slug`. A pattern ending in `/` writes `index.html` in that folder. Dates are taken
/// in the site's time zone.
public struct PermalinkPattern: Sendable, Hashable {
    /// The pattern text as written in `site.yml`.
    public var pattern: String

    /// Creates a pattern.
    public init(_ pattern: String) { self.pattern = pattern }

    /// Why the pattern cannot work, or `nil` when it is usable. A pattern must start with `/`
    /// and contain `:slug` (otherwise every article of a day would land on one URL).
    public var problem: String? {
        if !pattern.hasPrefix("/") { return "permalink pattern must start with '/'" }
        if !pattern.contains(":slug") { return "permalink pattern must contain ':slug'" }
        if pattern.contains("..") || pattern.contains("//") { return "permalink pattern must not contain '..' or '//'" }
        return nil
    }

    /// The output file path (relative, `/`-separated) of an article.
    func outputPath(column: String, slug: String, date: DateParts) -> String {
        var path = pattern
        // Longest tokens first so `:monthday` is not eaten by `:month`.
        path = path.replacingOccurrences(of: ":monthday", with: date.monthDay)
        path = path.replacingOccurrences(of: ":column", with: column)
        path = path.replacingOccurrences(of: ":year", with: date.paddedYear)
        path = path.replacingOccurrences(of: ":month", with: date.paddedMonth)
        path = path.replacingOccurrences(of: ":day", with: date.paddedDay)
        path = path.replacingOccurrences(of: ":slug", with: slug)
        if path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix("/") || path.isEmpty { path += "index.html" }
        return path
    }
}
