/// The list of files sitegen wrote into an output folder, stored there as `.sitegen-manifest`.
///
/// Why: it is how the writer tells its own files (which it may replace or remove) from files
/// someone else put in the output (which it must keep), and it lets an unchanged file be
/// recognised by size and hash without reading it.
///
/// Format: UTF-8 text, first line `sitegen-manifest 3`, then one line per file sorted by path
/// bytes, fields separated by tabs (`fingerprint` and `inputKey` are 16 hex digits or `-`):
///
///     size  hash(16 hex)  mtime(sec.nnnnnnnnn)  fingerprint  inputKey  path
///     size  hash  mtime  fingerprint  inputKey  path  sourceSize  sourceMtime  sourcePath   (copied files)
///
/// Version 2 (written before input keys existed) has no `inputKey` field and is still read, so
/// upgrading sitegen never turns its own files into foreign ones.
///
/// Output paths never contain control characters (`OutputPathRules`); the source path comes
/// last so that a tab in it is harmless, and a source path containing a newline is not recorded.
/// A line format rather than JSON because it is read and written for every file on every build
/// (60,000 lines parse in a few milliseconds).
struct OutputManifest: Sendable {
    /// File name inside the output folder.
    static let fileName = ".sitegen-manifest"
    private static let header = "sitegen-manifest 3"
    private static let previousHeader = "sitegen-manifest 2"

    /// Entries by path.
    var entries: [BytePath: ManifestEntry]

    /// A manifest listing `entries`.
    init(_ entries: [ManifestEntry]) {
        self.entries = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The manifest's bytes.
    func serialized() -> [UInt8] {
        Self.serialized(Array(entries.values))
    }

    /// The manifest file of `entries` (distinct paths), one line per file sorted by path; lines
    /// are formatted in parallel.
    static func serialized(_ entries: [ManifestEntry]) -> [UInt8] {
        let sorted = entries.sorted { $0.path < $1.path }
        let chunk = 512
        let chunks = ParallelWork.map((sorted.count + chunk - 1) / chunk) { index in
            var text: [UInt8] = []
            text.reserveCapacity(chunk * 112)
            for entry in sorted[(index * chunk)..<min(sorted.count, (index + 1) * chunk)] {
                append(entry, to: &text)
            }
            return text
        }
        var text: [UInt8] = Array((header + "\n").utf8)
        text.reserveCapacity(chunks.reduce(text.count) { $0 + $1.count })
        for part in chunks { text.append(contentsOf: part) }
        return text
    }

    private static func append(_ entry: ManifestEntry, to text: inout [UInt8]) {
        let fingerprint = entry.fingerprint.map(Self.hex) ?? "-"
        let inputKey = entry.inputKey.map(Self.hex) ?? "-"
        var line = "\(entry.size)\t\(Self.hex(entry.hash))\t\(entry.modified)\t\(fingerprint)\t\(inputKey)\t"
        text.append(contentsOf: line.utf8)
        text.append(contentsOf: entry.path.bytes)
        if let source = entry.source, !source.path.bytes.contains(0x0A) {
            line = "\t\(source.size)\t\(source.modified)\t"
            text.append(contentsOf: line.utf8)
            text.append(contentsOf: source.path.bytes)
        }
        text.append(0x0A)
    }

    init(parsing bytes: [UInt8], path: String) throws {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first else { throw OutputError.damagedManifest(path: path, line: 1) }
        let hasInputKeys = first.elementsEqual(Self.header.utf8)
        guard hasInputKeys || first.elementsEqual(Self.previousHeader.utf8) else {
            throw OutputError.damagedManifest(path: path, line: 1)
        }
        let parsed = ParallelWork.map(lines.count - 1) { index in
            lines[index + 1].isEmpty ? nil : Self.parseLine(lines[index + 1], hasInputKey: hasInputKeys)
        }
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(parsed.count)
        for (offset, entry) in parsed.enumerated() {
            guard let entry else {
                if lines[offset + 1].isEmpty { continue }
                throw OutputError.damagedManifest(path: path, line: offset + 2)
            }
            entries.append(entry)
        }
        self.init(entries)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, hasInputKey: Bool) -> ManifestEntry? {
        let pathField = hasInputKey ? 5 : 4
        let fields = line.split(separator: 0x09, maxSplits: pathField + 3, omittingEmptySubsequences: false)
        guard fields.count == pathField + 1 || fields.count == pathField + 4,
              let size = Int64(text(fields[0])), size >= 0,
              fields[1].count == 16, let hash = UInt64(text(fields[1]), radix: 16),
              let modified = FileTimestamp(parsing: fields[2]),
              let fingerprint = optionalHex(fields[3]),
              let inputKey = hasInputKey ? optionalHex(fields[4]) : .some(nil),
              !fields[pathField].isEmpty
        else { return nil }
        var entry = ManifestEntry(
            path: BytePath(bytes: Array(fields[pathField])), size: size, hash: hash, modified: modified,
            source: nil, fingerprint: fingerprint, inputKey: inputKey
        )
        if fields.count == pathField + 4 {
            guard let sourceSize = Int64(text(fields[pathField + 1])),
                  let sourceModified = FileTimestamp(parsing: fields[pathField + 2]),
                  !fields[pathField + 3].isEmpty
            else { return nil }
            entry.source = .init(path: BytePath(bytes: Array(fields[pathField + 3])), size: sourceSize, modified: sourceModified)
        }
        return entry
    }

    /// A `-` (no value, `.some(nil)`) or 16 hex digits; `nil` for anything else.
    private static func optionalHex(_ field: ArraySlice<UInt8>) -> UInt64?? {
        if field.elementsEqual("-".utf8) { return .some(nil) }
        guard field.count == 16, let value = UInt64(text(field), radix: 16) else { return nil }
        return .some(value)
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
