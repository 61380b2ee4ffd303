import Foundation
import SiteGenCore

/// One article, as loaded from `content/<column path>/<file>.md`.
///
/// The body is still Markdown here; HTML is produced by the Markdown stage. Articles refer to
/// their column by path, never by object reference.
public struct Article: Sendable, Hashable {
    /// The content path relative to `content/`, e.g. `guonei/fazhi/2024-07-10-18.md`: the id.
    public var id: String
    /// Column path, e.g. `guonei/fazhi` (the folder the file is in).
    public var columnPath: String
    /// URL slug: the file name without `.md` unless front matter sets `slug`.
    public var slug: String
    /// `title`.
    public var title: String
    /// `date`, an absolute instant.
    public var date: Date
    /// `source` (来源), may be empty.
    public var source: String = ""
    /// `authors` (作者), a string or a list in front matter.
    public var authors: [String] = []
    /// `tags`, in front matter order, duplicates removed.
    public var tags: [String] = []
    /// `summary` from front matter, if any.
    public var summary: String?
    /// `cover` image path or URL, if any.
    public var cover: String?
    /// Where `cover`'s value stands in the file, for the missing-image warning.
    public var coverLocation: SourceLocation?
    /// `flags`.
    public var flags: ArticleFlags = []
    /// `hits` popularity count.
    public var hits: Int = 0
    /// `draft`.
    public var draft: Bool = false
    /// Markdown body (after the closing `---`); empty while `hasBody` is `false`.
    public var body: String {
        didSet { bodyHash = Self.hash(of: body) }
    }
    /// A hash of the body, so that the Markdown cache can be checked without the body at hand.
    public private(set) var bodyHash: UInt64
    /// Whether `body` holds the Markdown. `false` for an article taken from the build cache
    /// (`ArticleCache`): its body is read only when a page has to be rendered from it.
    public var hasBody = true
    /// 1-based line in the file where the body starts (for Markdown positions).
    public var bodyLine: Int
    /// Other front matter keys, passed to templates as `article.params`.
    public var params: [String: TemplateValue] = [:]

    /// Creates an article with the required fields.
    public init(id: String, columnPath: String, slug: String, title: String, date: Date, body: String, bodyLine: Int) {
        self.id = id
        self.columnPath = columnPath
        self.slug = slug
        self.title = title
        self.date = date
        self.body = body
        self.bodyLine = bodyLine
        bodyHash = Self.hash(of: body)
    }

    /// The same article without its body, standing for a body whose hash is `bodyHash`.
    func withoutBody(hash bodyHash: UInt64) -> Article {
        var copy = self
        copy.body = ""
        copy.bodyHash = bodyHash
        copy.hasBody = false
        return copy
    }

    /// The hash `bodyHash` holds for `body`.
    static func hash(of body: String) -> UInt64 {
        var text = body
        return text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// The path of the source file relative to the site folder (`content/…`), for diagnostics.
    public var sourcePath: String { "content/" + id }
}

/// The editorial flags an article can carry (`flags:` in front matter).
public struct ArticleFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 今日聚焦: the home page's and header's focus story.
    public static let focus = ArticleFlags(rawValue: 1 << 0)
    /// A home page headline.
    public static let headline = ArticleFlags(rawValue: 1 << 1)
    /// Listed in 推荐资讯.
    public static let recommend = ArticleFlags(rawValue: 1 << 2)

    /// The flag for a front matter word, or `nil` if the word is no flag.
    public init?(name: String) {
        switch name {
        case "focus": self = .focus
        case "headline": self = .headline
        case "recommend": self = .recommend
        default: return nil
        }
    }
}
