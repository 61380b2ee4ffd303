import Foundation
import SiteGenCore
import SiteGenYAML

/// The front matter keys of an article as they are read one pair at a time, each checked for
/// its type and rules with a positioned error on failure.
struct ArticleFields {
    /// Collects the diagnostics.
    var reader: YAMLFieldReader
    /// Reads `date`.
    let dates: DateParser

    var title: String?
    var sawTitle = false
    var date: Date?
    var sawDate = false
    var source = ""
    var authors: [String] = []
    var tags: [String] = []
    var summary: String?
    var cover: String?
    var coverLocation: SourceLocation?
    var flags: ArticleFlags = []
    var hits = 0
    var draft = false
    var slug: String?
    var params: [String: TemplateValue] = [:]

    /// Starts with every field at its default.
    init(reader: YAMLFieldReader, dates: DateParser) {
        self.reader = reader
        self.dates = dates
    }

    /// Reads one top-level pair of the front matter.
    mutating func read(_ pair: YAMLPair) {
        let node = pair.value
        switch pair.name {
        case "title":
            sawTitle = true
            let text = reader.string(node, name: "title")
            if let text, !text.trimmingSpaces.isEmpty {
                title = text
            } else if text != nil || node.isNull {
                reader.error("'title' must not be empty", at: node.isNull ? pair.key : node)
            }
        case "date":
            sawDate = true
            readDate(pair)
        case "source":
            source = reader.string(node, name: "source") ?? ""
        case "authors":
            authors = (reader.stringOrList(node, name: "authors") ?? []).map(\.text)
        case "tags":
            readTags(node)
        case "summary":
            summary = reader.string(node, name: "summary")
        case "cover":
            readCover(node)
        case "flags":
            readFlags(node)
        case "hits":
            hits = reader.int(node, name: "hits", minimum: 0) ?? 0
        case "draft":
            draft = reader.bool(node, name: "draft") ?? false
        case "slug":
            readSlug(node)
        default:
            params[pair.name] = node.templateValue
        }
    }

    private mutating func readDate(_ pair: YAMLPair) {
        let node = pair.value
        if node.isNull {
            reader.error("'date' must not be empty", at: pair.key)
            return
        }
        guard let text = reader.string(node, name: "date") else { return }
        guard let parsed = dates.parse(text) else {
            reader.error("cannot read date '\(text)': expected YYYY-MM-DD HH:MM[:SS], YYYY-MM-DD or ISO 8601 with an offset", at: node)
            return
        }
        date = parsed
    }

    private mutating func readTags(_ node: YAMLNode) {
        guard let items = reader.stringList(node, name: "tags") else { return }
        var seen = Set<String>()
        for (text, item) in items {
            let tag = text.trimmingSpaces
            if tag.isEmpty || tag == "." || tag == ".." || tag.containsBytes("/") {
                reader.error("invalid tag '\(text)': a tag must not be empty, '.' or '..', or contain '/'", at: item)
                continue
            }
            if seen.insert(tag).inserted { tags.append(tag) }
        }
    }

    private mutating func readCover(_ node: YAMLNode) {
        guard let text = reader.string(node, name: "cover") else { return }
        let trimmed = text.trimmingSpaces
        if let scheme = Self.urlScheme(of: trimmed), scheme != "http", scheme != "https" {
            reader.error("'cover' must be a path or an http(s) URL, not a \(scheme): URL", at: node)
            return
        }
        cover = trimmed.isEmpty ? nil : trimmed
        coverLocation = reader.location(of: node)
    }

    private mutating func readFlags(_ node: YAMLNode) {
        guard let items = reader.stringList(node, name: "flags") else { return }
        for (text, item) in items {
            guard let flag = ArticleFlags(name: text) else {
                reader.error("unknown flag '\(text)': expected focus, headline or recommend", at: item)
                continue
            }
            flags.insert(flag)
        }
    }

    private mutating func readSlug(_ node: YAMLNode) {
        guard let text = reader.string(node, name: "slug") else { return }
        guard Self.isValidSlug(text) else {
            reader.error("invalid slug '\(text)': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters", at: node)
            return
        }
        slug = text
    }

    /// Whether `text` is usable as one URL path segment.
    static func isValidSlug(_ text: String) -> Bool {
        if text.isEmpty || text.containsBytes("..") { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .control
        }
    }

    /// The lower-cased scheme of a URL-looking string (`javascript`, `data`, `https`…), ignoring
    /// the blanks and control characters browsers ignore; `nil` for paths.
    static func urlScheme(of text: String) -> String? {
        var scheme = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { continue }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
