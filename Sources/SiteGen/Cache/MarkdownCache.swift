import Foundation

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
    private static var header: String { "sitegen-markdown-cache 1 \(SiteGenVersion.current)" }

    /// Entries by article id.
    var entries: [String: Entry] = [:]

    /// An empty cache.
    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The key of an article's body under the given settings.
    static func key(body: String, bodyLine: Int, unsafe: Bool, summaryWidth: Int) -> UInt64 {
        Fingerprint.of(seed: 0x6D61_726B_646F_776E, SiteGenVersion.current, body, bodyLine, unsafe, summaryWidth)
    }

    /// The cache file of a site folder.
    static func path(sourceDirectory: String) -> String {
        URL(fileURLWithPath: sourceDirectory).appendingPathComponent(folderName).appendingPathComponent(fileName).path
    }

    // MARK: Reading (load stage)

    /// Reads the cache of a site; an absent or unusable file gives an empty cache.
    static func load(sourceDirectory: String) -> MarkdownCache {
        guard let data = FileManager.default.contents(atPath: path(sourceDirectory: sourceDirectory)),
              let text = String(data: data, encoding: .utf8)
        else { return MarkdownCache() }
        return parse(text) ?? MarkdownCache()
    }

    /// Parses the file's text; `nil` when anything in it is not as written by `serialized`.
    static func parse(_ text: String) -> MarkdownCache? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header else { return nil }
        lines.removeFirst()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields.count % 5 == 3, let key = UInt64(fields[1], radix: 16) else { return nil }
            var references: [MarkdownReference] = []
            var index = 3
            while index + 5 <= fields.count {
                guard let line = Int(fields[index + 1]), let column = Int(fields[index + 2]) else { return nil }
                let kind: MarkdownReference.Kind = fields[index] == "i" ? .image : .link
                references.append(MarkdownReference(
                    kind: kind, destination: unescape(fields[index + 4]), line: line, column: column,
                    hasAltText: fields[index + 3] == "1"
                ))
                index += 5
            }
            entries[unescape(fields[0])] = Entry(key: key, summary: unescape(fields[2]), references: references)
        }
        return MarkdownCache(entries: entries)
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
        Self.writeAtomically(serialized(), to: Self.path(sourceDirectory: sourceDirectory))
    }

    /// Writes `text` to `target` through a temporary file and a rename; errors are ignored
    /// (a cache that cannot be written only costs speed).
    static func writeAtomically(_ text: String, to target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
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
