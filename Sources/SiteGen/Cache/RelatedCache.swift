import Foundation

/// The last build's 相关阅读 lists, kept in `<site>/.sitegen-cache/related.bin` so that a
/// rebuild whose articles and tags did not change skips computing them (the costliest list of
/// the graph on a large site).
///
/// Binary, little-endian: the header line `sitegen-related 1 <version>\n`, then the key, the
/// number of articles and, per article, the number of related articles and their indexes, all
/// as 64-bit integers. Anything else (a damaged or foreign file) is ignored; the graph builder
/// also checks the key and every index before trusting it.
enum RelatedCache {
    /// File name inside the cache folder.
    static let fileName = "related.bin"
    private static var header: [UInt8] { Array("sitegen-related 1 \(SiteGenVersion.engine)\n".utf8) }

    static func path(sourceDirectory: String) -> String {
        URL(fileURLWithPath: sourceDirectory).appendingPathComponent(MarkdownCache.folderName).appendingPathComponent(fileName).path
    }

    /// The saved lists, `nil` when there are none or the file is not as `serialized` writes it.
    static func load(sourceDirectory: String) -> RelatedArticles.Memo? {
        guard let bytes = CacheFile.read(path(sourceDirectory: sourceDirectory)) else { return nil }
        return parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> RelatedArticles.Memo? {
        let header = header
        guard bytes.count >= header.count + 16, bytes.starts(with: header), (bytes.count - header.count) % 8 == 0 else { return nil }
        return bytes[header.count...].withUnsafeBytes { raw -> RelatedArticles.Memo? in
            let words = raw.count / 8
            func word(_ index: Int) -> Int { Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: Int64.self))) }
            let key = UInt64(bitPattern: Int64(word(0)))
            let count = word(1)
            guard count >= 0, count <= words else { return nil }
            var lists: [[Int]] = []
            lists.reserveCapacity(count)
            var position = 2
            for _ in 0..<count {
                guard position < words else { return nil }
                let length = word(position)
                position += 1
                guard length >= 0, position + length <= words else { return nil }
                lists.append((position..<(position + length)).map(word))
                position += length
            }
            return position == words ? RelatedArticles.Memo(key: key, lists: lists) : nil
        }
    }

    static func serialized(_ memo: RelatedArticles.Memo) -> [UInt8] {
        var words: [Int64] = [Int64(bitPattern: memo.key), Int64(memo.lists.count)]
        words.reserveCapacity(2 + memo.lists.reduce(0) { $0 + 1 + $1.count })
        for list in memo.lists {
            words.append(Int64(list.count))
            for index in list { words.append(Int64(index)) }
        }
        var bytes = header
        words.withUnsafeBytes { raw in
            for word in raw.bindMemory(to: Int64.self) { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        return bytes
    }

    /// Saves the lists (temporary file, then rename); failing only costs speed next time.
    static func save(_ memo: RelatedArticles.Memo, sourceDirectory: String) {
        CacheFile.write(serialized(memo), to: path(sourceDirectory: sourceDirectory))
    }
}
