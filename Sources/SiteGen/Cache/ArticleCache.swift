import Foundation
import SiteGenCore

/// Articles parsed by earlier builds, without their bodies, kept in
/// `<site>/.sitegen-cache/articles.bin`: a rebuild reads and parses only the Markdown files whose
/// size or modification time changed; the others are taken from here, and their bodies are read
/// only for the pages that have to be rendered again (`Article.hasBody`).
///
/// Only articles that parsed without any diagnostic are kept (a file with warnings is parsed,
/// and its warnings reported, on every build), and only files last modified more than a second
/// before the build began (a file changed twice within one tick of the file system's clock could
/// otherwise keep its recorded time). It is rewritten when enough entries changed
/// (`CacheRewrite`): an entry left stale only makes its file be parsed again. The whole file is
/// ignored when its header does not name
/// this sitegen version, when its articles were read in another time zone than the site's, or
/// when anything in it is not as `serialized` writes it.
struct ArticleCache: Sendable {
    /// One parsed file.
    struct Entry: Sendable, Hashable {
        /// The file's size and modification time when it was parsed.
        var size: Int64
        var modified: FileTimestamp
        /// The article without its body (`hasBody` is `false`, `bodyHash` set).
        var article: Article
    }

    /// File name inside the cache folder.
    static let fileName = "articles.bin"

    /// Entries by article id (the path below `content/`).
    var entries: [String: Entry] = [:]
    /// The time zone the articles' dates were read in (the site's); a cache made in another
    /// zone is not used.
    var timeZone = ""

    static func path(sourceDirectory: String) -> String {
        URL(fileURLWithPath: sourceDirectory).appendingPathComponent(MarkdownCache.folderName).appendingPathComponent(fileName).path
    }

    private static var header: [UInt8] { Array("sitegen-articles 1 \(SiteGenVersion.engine)\n".utf8) }

    /// The cache of a site; empty when absent or unusable.
    static func load(sourceDirectory: String) -> ArticleCache {
        guard let bytes = CacheFile.read(path(sourceDirectory: sourceDirectory)) else { return ArticleCache() }
        return parse(bytes) ?? ArticleCache()
    }

    /// Deletes the cache file of a site (it did not match the files it describes).
    static func remove(sourceDirectory: String) {
        try? FileManager.default.removeItem(atPath: path(sourceDirectory: sourceDirectory))
    }

    /// Saves the cache (temporary file, then rename); failing only costs speed next time.
    func save(sourceDirectory: String) {
        CacheFile.write(serialized(), to: Self.path(sourceDirectory: sourceDirectory))
    }

    // MARK: Format: header, record count, record offsets, records (decoded in parallel)

    func serialized() -> [UInt8] {
        let ids = entries.keys.sorted()
        let records = ParallelWork.map(ids.count) { index -> [UInt8] in
            var writer = BinaryWriter()
            let entry = entries[ids[index]]!
            writer.string(ids[index])
            writer.integer(entry.size)
            writer.integer(entry.modified.seconds)
            writer.integer(entry.modified.nanoseconds)
            Self.write(entry.article, to: &writer)
            return writer.bytes
        }
        var writer = BinaryWriter()
        writer.bytes = Self.header
        writer.string(timeZone)
        writer.integer(Int64(records.count))
        var offset = Int64(0)
        for record in records {
            writer.integer(offset)
            offset += Int64(record.count)
        }
        for record in records { writer.bytes.append(contentsOf: record) }
        return writer.bytes
    }

    static func parse(_ bytes: [UInt8]) -> ArticleCache? {
        let header = header
        guard bytes.starts(with: header) else { return nil }
        var reader = BinaryReader(bytes[header.count...])
        guard let timeZone = reader.string(), let count = reader.integer(), count >= 0, count < Int64(bytes.count) else { return nil }
        var readOffsets: [Int] = []
        readOffsets.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let offset = reader.integer(), offset >= 0 else { return nil }
            readOffsets.append(Int(offset))
        }
        let start = reader.position
        let offsets = readOffsets
        let records = ParallelWork.map(offsets.count) { index -> (String, Entry)? in
            let end = index + 1 < offsets.count ? start + offsets[index + 1] : bytes.count
            guard start + offsets[index] <= end, end <= bytes.count else { return nil }
            var record = BinaryReader(bytes[(start + offsets[index])..<end])
            guard let id = record.string(), let size = record.integer(), let seconds = record.integer(),
                  let nanoseconds = record.integer(), let article = Self.readArticle(id: id, from: &record), record.isAtEnd
            else { return nil }
            return (id, Entry(size: size, modified: FileTimestamp(seconds: seconds, nanoseconds: nanoseconds), article: article))
        }
        var cache = ArticleCache()
        cache.timeZone = timeZone
        cache.entries.reserveCapacity(records.count)
        for record in records {
            guard let (id, entry) = record else { return nil }
            cache.entries[id] = entry
        }
        return cache
    }

    private static func write(_ article: Article, to writer: inout BinaryWriter) {
        for text in [article.columnPath, article.slug, article.title, article.source] { writer.string(text) }
        writer.integer(Int64(bitPattern: article.date.timeIntervalSince1970.bitPattern))
        writer.strings(article.authors)
        writer.strings(article.tags)
        writer.strings(article.summary.map { [$0] } ?? [])
        writer.strings(article.cover.map { [$0] } ?? [])
        if let location = article.coverLocation {
            writer.strings([location.path])
            writer.integer(Int64(location.line))
            writer.integer(Int64(location.column))
        } else {
            writer.strings([])
        }
        for number in [Int(article.flags.rawValue), article.hits, article.draft ? 1 : 0, article.bodyLine] { writer.integer(Int64(number)) }
        writer.integer(Int64(bitPattern: article.bodyHash))
        writer.value(.map(article.params))
    }

    private static func readArticle(id: String, from reader: inout BinaryReader) -> Article? {
        guard let columnPath = reader.string(), let slug = reader.string(), let title = reader.string(),
              let source = reader.string(), let date = reader.integer(),
              let authors = reader.strings(), let tags = reader.strings(),
              let summary = reader.strings(), summary.count <= 1, let cover = reader.strings(), cover.count <= 1,
              let coverPath = reader.strings(), coverPath.count <= 1
        else { return nil }
        var coverLocation: SourceLocation?
        if let path = coverPath.first {
            guard let line = reader.integer(), let column = reader.integer() else { return nil }
            coverLocation = SourceLocation(path: path, line: Int(line), column: Int(column))
        }
        guard let flags = reader.integer(), let hits = reader.integer(), let draft = reader.integer(), let bodyLine = reader.integer(),
              let bodyHash = reader.integer(), case .map(let params)? = reader.value(),
              let flagBits = UInt8(exactly: flags)
        else { return nil }
        var article = Article(
            id: id, columnPath: columnPath, slug: slug, title: title,
            date: Date(timeIntervalSince1970: Double(bitPattern: UInt64(bitPattern: date))), body: "", bodyLine: Int(bodyLine)
        )
        article.source = source
        article.authors = authors
        article.tags = tags
        article.summary = summary.first
        article.cover = cover.first
        article.coverLocation = coverLocation
        article.flags = ArticleFlags(rawValue: flagBits)
        article.hits = Int(hits)
        article.draft = draft != 0
        article.params = params
        return article.withoutBody(hash: UInt64(bitPattern: bodyHash))
    }
}

/// Appends little-endian integers, length-prefixed strings and template values to bytes.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        integer(Int64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func strings(_ list: [String]) {
        integer(Int64(list.count))
        for text in list { string(text) }
    }

    mutating func value(_ value: TemplateValue) {
        switch value {
        case .string(let text): integer(0); string(text)
        case .int(let number): integer(1); integer(Int64(number))
        case .double(let number): integer(2); integer(Int64(bitPattern: number.bitPattern))
        case .bool(let flag): integer(3); integer(flag ? 1 : 0)
        case .list(let items): integer(4); integer(Int64(items.count)); for item in items { self.value(item) }
        case .map(let pairs):
            integer(5)
            integer(Int64(pairs.count))
            for key in pairs.keys.sorted() { string(key); self.value(pairs[key]!) }
        case .null: integer(6)
        }
    }
}

/// Reads what `BinaryWriter` wrote; every read returns `nil` past the end or on a bad value.
struct BinaryReader {
    private let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func integer() -> Int64? {
        guard bytes.endIndex - position >= 8 else { return nil }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { raw in
            for offset in 0..<8 { raw[offset] = bytes[position + offset] }
        }
        position += 8
        return Int64(littleEndian: value)
    }

    mutating func string() -> String? {
        guard let count = integer(), count >= 0, bytes.endIndex - position >= count else { return nil }
        let text = String(decoding: bytes[position..<(position + Int(count))], as: UTF8.self)
        position += Int(count)
        return text
    }

    mutating func strings() -> [String]? {
        guard let count = integer(), count >= 0, count <= bytes.endIndex - position else { return nil }
        var list: [String] = []
        for _ in 0..<count {
            guard let text = string() else { return nil }
            list.append(text)
        }
        return list
    }

    mutating func value(depth: Int = 0) -> TemplateValue? {
        guard depth < 64, let kind = integer() else { return nil }
        switch kind {
        case 0: return string().map(TemplateValue.string)
        case 1: return integer().map { .int(Int($0)) }
        case 2: return integer().map { .double(Double(bitPattern: UInt64(bitPattern: $0))) }
        case 3: return integer().map { .bool($0 != 0) }
        case 4, 5:
            guard let count = integer(), count >= 0, count <= bytes.endIndex - position else { return nil }
            if kind == 4 {
                var items: [TemplateValue] = []
                for _ in 0..<count {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .list(items)
            }
            var pairs: [String: TemplateValue] = [:]
            for _ in 0..<count {
                guard let key = string(), let item = value(depth: depth + 1) else { return nil }
                pairs[key] = item
            }
            return .map(pairs)
        case 6: return .null
        default: return nil
        }
    }
}
