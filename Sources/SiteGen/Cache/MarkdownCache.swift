import Foundation
import SiteGenCore
import SiteGenMarkdown

/// What the Markdown stage found in each article body last time: the summary made from the
/// body's text and the links and images it holds. Kept in `<site>/.sitegen-cache/` so that a
/// rebuild renders Markdown only for bodies that changed.
///
/// Keyed by article id and a hash of the body and every setting the result depends on (engine
/// version, summary width, raw-HTML setting). A damaged, foreign or old-version file is
/// ignored, never trusted: the build then renders everything, as on a first build.
struct MarkdownCache: Sendable {
    /// One article's cached results.
    struct Entry: Sendable, Hashable {
        /// Hash of the body and settings (see `MarkdownCache.key`).
        var key: UInt64
        /// Summary made from the body's plain text.
        var summary: String
        /// Links and images in the body, with file positions.
        var references: [MarkdownReference]
    }

    /// Folder inside the site folder.
    static let folderName = ".sitegen-cache"
    /// File name inside the folder.
    static let fileName = "markdown.tsv"
    private static var header: String { "sitegen-markdown-cache 2 \(SiteGenVersion.engine)" }

    /// Entries by article id.
    var entries: [String: Entry] = [:]

    /// An empty cache.
    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The key of an article's body (given by its `Article.bodyHash`) under the site's settings.
    static func key(of article: Article, config: SiteConfig) -> UInt64 {
        // Typed adds, not `Fingerprint.of`'s boxed values: this runs twice per article per build.
        var fingerprint = Fingerprint(seed: 0x6D61_726B_646F_776E)
        fingerprint.add(SiteGenVersion.engine)
        fingerprint.add(article.bodyHash)
        fingerprint.add(article.bodyLine)
        fingerprint.add(config.markdownUnsafe)
        fingerprint.add(config.summaryWidth)
        return fingerprint.value
    }

    /// The cache file of a site folder.
    static func path(sourceDirectory: String) -> String {
        URL(fileURLWithPath: sourceDirectory).appendingPathComponent(folderName).appendingPathComponent(fileName).path
    }

    // MARK: Reading (load stage)

    /// Reads the cache of a site; an absent or unusable file gives an empty cache.
    static func load(sourceDirectory: String) -> MarkdownCache {
        guard let bytes = CacheFile.read(path(sourceDirectory: sourceDirectory)) else { return MarkdownCache() }
        return parse(bytes) ?? MarkdownCache()
    }

    /// Parses the file's text; `nil` when anything in it is not as written by `serialized`.
    static func parse(_ text: String) -> MarkdownCache? {
        parse(Array(text.utf8))
    }

    /// Parses the file's bytes (lines in parallel); `nil` when anything in it is not as written
    /// by `serialized`.
    static func parse(_ bytes: [UInt8]) -> MarkdownCache? {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return nil }
        let body = lines.dropFirst().filter { !$0.isEmpty }
        let parsed = ParallelWork.map(body.count) { index in parseLine(body[body.startIndex + index]) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(parsed.count)
        for line in parsed {
            guard let (id, entry) = line else { return nil }
            entries[id] = entry
        }
        return MarkdownCache(entries: entries)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>) -> (String, Entry)? {
        let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
        guard fields.count >= 3, fields.count % 5 == 3, let key = UInt64(String(decoding: fields[1], as: UTF8.self), radix: 16) else { return nil }
        var references: [MarkdownReference] = []
        var index = 3
        while index + 5 <= fields.count {
            guard let line = Int(String(decoding: fields[index + 1], as: UTF8.self)),
                  let column = Int(String(decoding: fields[index + 2], as: UTF8.self))
            else { return nil }
            references.append(MarkdownReference(
                kind: fields[index].elementsEqual("i".utf8) ? .image : .link, destination: unescape(bytes: fields[index + 4]),
                line: line, column: column, hasAltText: fields[index + 3].elementsEqual("1".utf8)
            ))
            index += 5
        }
        return (unescape(bytes: fields[0]), Entry(key: key, summary: unescape(bytes: fields[2]), references: references))
    }

    /// `unescape` of UTF-8 bytes.
    private static func unescape(bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        return unescape(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: Writing (write stage)

    /// The file's text: a header line, then one line per article sorted by id.
    func serialized() -> String {
        let ids = entries.keys.sorted()
        let lines = ParallelWork.map(ids.count) { index in
            let id = ids[index]
            let entry = entries[id]!
            var fields = [Self.escape(id), String(entry.key, radix: 16), Self.escape(entry.summary)]
            for reference in entry.references {
                fields += [
                    reference.kind == .image ? "i" : "l", String(reference.line), String(reference.column),
                    reference.hasAltText ? "1" : "0", Self.escape(reference.destination),
                ]
            }
            return fields.joined(separator: "\t") + "\n"
        }
        return Self.header + "\n" + lines.joined()
    }

    /// Writes the cache into the site folder (temporary file, then rename, so a killed build
    /// never leaves half a file). Failing to write (a read-only checkout) only costs speed.
    func save(sourceDirectory: String) {
        CacheFile.write(Array(serialized().utf8), to: Self.path(sourceDirectory: sourceDirectory))
    }

    static func escape(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return String(text) }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: some StringProtocol) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
