import SiteGenCore

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

    /// Appends the line of `entry`, formatting numbers straight into bytes (90,000 lines are
    /// written by every build that changes something).
    private static func append(_ entry: ManifestEntry, to text: inout [UInt8]) {
        text.appendDecimal(entry.size)
        text.append(0x09)
        text.appendHex16(entry.hash)
        text.append(0x09)
        entry.modified.append(to: &text)
        appendOptionalHex(entry.fingerprint, to: &text)
        appendOptionalHex(entry.inputKey, to: &text)
        text.append(0x09)
        text.append(contentsOf: entry.path.bytes)
        if let source = entry.source, !source.path.bytes.contains(0x0A) {
            text.append(0x09)
            text.appendDecimal(source.size)
            text.append(0x09)
            source.modified.append(to: &text)
            text.append(0x09)
            text.append(contentsOf: source.path.bytes)
        }
        text.append(0x0A)
    }

    /// Appends a tab and 16 hex digits, or a tab and `-` for no value.
    private static func appendOptionalHex(_ value: UInt64?, to text: inout [UInt8]) {
        text.append(0x09)
        if let value { text.appendHex16(value) } else { text.append(UInt8(ascii: "-")) }
    }

    init(parsing bytes: [UInt8], path: String) throws {
        // Line starts first (one pass), then the lines in parallel, each read field by field
        // straight from the bytes: 90,000 lines are read on every build.
        var starts: [Int] = [0]
        starts.reserveCapacity(bytes.count / 96)
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        if starts.last != bytes.count { starts.append(bytes.count + 1) }
        let lineStarts = starts
        @Sendable func line(_ index: Int) -> ArraySlice<UInt8> { bytes[lineStarts[index]..<(lineStarts[index + 1] - 1)] }
        guard starts.count >= 2 else { throw OutputError.damagedManifest(path: path, line: 1) }
        let first = line(0)
        let hasInputKeys = first.elementsEqual(Self.header.utf8)
        guard hasInputKeys || first.elementsEqual(Self.previousHeader.utf8) else {
            throw OutputError.damagedManifest(path: path, line: 1)
        }
        let lineCount = starts.count - 1
        let parsed = ParallelWork.map(lineCount - 1) { index in
            line(index + 1).isEmpty ? nil : Self.parseLine(line(index + 1), hasInputKey: hasInputKeys)
        }
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(parsed.count)
        for (offset, entry) in parsed.enumerated() {
            guard let entry else {
                if line(offset + 1).isEmpty { continue }
                throw OutputError.damagedManifest(path: path, line: offset + 2)
            }
            entries.append(entry)
        }
        self.init(entries)
    }

    private static func parseLine(_ line: ArraySlice<UInt8>, hasInputKey: Bool) -> ManifestEntry? {
        let pathField = hasInputKey ? 5 : 4
        // Field boundaries: up to `pathField + 3` tabs; the last field takes the rest of the line.
        var fields: [Range<Int>] = []
        fields.reserveCapacity(pathField + 4)
        var fieldStart = line.startIndex
        var index = line.startIndex
        while index < line.endIndex, fields.count < pathField + 3 {
            if line[index] == 0x09 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            index += 1
        }
        fields.append(fieldStart..<line.endIndex)
        guard fields.count == pathField + 1 || fields.count == pathField + 4,
              let size = decimal(line[fields[0]]),
              let hash = hex(line[fields[1]]),
              let modified = FileTimestamp(parsing: line[fields[2]]),
              let fingerprint = optionalHex(line[fields[3]]),
              let inputKey = hasInputKey ? optionalHex(line[fields[4]]) : .some(nil),
              !fields[pathField].isEmpty
        else { return nil }
        var entry = ManifestEntry(
            path: BytePath(bytes: Array(line[fields[pathField]])), size: size, hash: hash, modified: modified,
            source: nil, fingerprint: fingerprint, inputKey: inputKey
        )
        if fields.count == pathField + 4 {
            guard let sourceSize = decimal(line[fields[pathField + 1]]),
                  let sourceModified = FileTimestamp(parsing: line[fields[pathField + 2]]),
                  !fields[pathField + 3].isEmpty
            else { return nil }
            entry.source = .init(path: BytePath(bytes: Array(line[fields[pathField + 3]])), size: sourceSize, modified: sourceModified)
        }
        return entry
    }

    /// A non-negative decimal of at most 18 digits.
    private static func decimal(_ field: ArraySlice<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in field {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Exactly 16 lower- or upper-case hex digits.
    private static func hex(_ field: ArraySlice<UInt8>) -> UInt64? {
        guard field.count == 16 else { return nil }
        var value: UInt64 = 0
        for byte in field {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// A `-` (no value, `.some(nil)`) or 16 hex digits; `nil` for anything else.
    private static func optionalHex(_ field: ArraySlice<UInt8>) -> UInt64?? {
        if field.elementsEqual("-".utf8) { return .some(nil) }
        guard let value = hex(field) else { return nil }
        return .some(value)
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        var digits: [UInt8] = []
        digits.appendHex16(value)
        return String(decoding: digits, as: UTF8.self)
    }
}
