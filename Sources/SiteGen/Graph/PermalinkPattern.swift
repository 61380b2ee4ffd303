import Foundation
import SiteGenCore

/// An article permalink pattern such as `/:column/:year/:monthday/:slug.html`.
///
/// Tokens: `:column` (slug path), `:year` (2024), `:month` (07), `:day` (10), `:monthday`
/// (0710), `:slug`. A pattern ending in `/` writes `index.html` in that folder. Dates are taken
/// in the site's time zone.
public struct PermalinkPattern: Sendable, Hashable {
    /// The pattern text as written in `site.yml`.
    public let pattern: String
    private let parts: [Part]

    /// Creates a pattern, splitting it into text and tokens once.
    public init(_ pattern: String) {
        self.pattern = pattern
        parts = Self.split(pattern)
    }

    /// Why the pattern cannot work, or `nil` when it is usable. A pattern must start with `/`
    /// and contain `:slug` (otherwise every article of a day would land on one URL).
    public var problem: String? {
        if !pattern.hasPrefix("/") { return "permalink pattern must start with '/'" }
        if !parts.contains(.slug) { return "permalink pattern must contain ':slug'" }
        if pattern.contains("..") || pattern.contains("//") { return "permalink pattern must not contain '..' or '//'" }
        return nil
    }

    /// The output file path (relative, `/`-separated) of an article.
    func outputPath(column: String, slug: String, date: DateParts) -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += text
            case .column: path += column
            case .year: path += date.paddedYear
            case .month: path += date.paddedMonth
            case .day: path += date.paddedDay
            case .monthDay: path += date.monthDay
            case .slug: path += slug
            }
        }
        if path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix("/") || path.isEmpty { path += "index.html" }
        return path
    }

    private enum Part: Hashable, Sendable {
        case literal(String), column, year, month, day, monthDay, slug
    }

    /// Longest tokens first, so `:monthday` is not read as `:month` followed by `day`.
    private static let tokens: [(String, Part)] = [
        (":monthday", .monthDay), (":column", .column), (":month", .month), (":year", .year), (":day", .day), (":slug", .slug),
    ]

    private static func split(_ pattern: String) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(pattern)
        outer: while let first = rest.first {
            if first == ":" {
                for (token, part) in tokens where rest.hasPrefix(token) {
                    if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                    parts.append(part)
                    rest = rest.dropFirst(token.count)
                    continue outer
                }
            }
            literal.append(first)
            rest = rest.dropFirst()
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}
