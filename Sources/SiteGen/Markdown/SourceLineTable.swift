/// Maps libcmark's source positions (1-based line, 1-based byte column) to the positions our
/// diagnostics use (columns counted in Unicode scalars).
///
/// libcmark 0.30 reports inline columns relative to a paragraph line with its leading
/// whitespace stripped, so on a continuation line (`aaa\n  bbb [x](y)`) a link's column can be
/// a little off. The table re-anchors such a column to the nearest `[`, `![` or `<` on the same
/// line, which is where the link or image really starts. Only valid while `bytes` is alive.
struct SourceLineTable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset where each line starts (`\n`, `\r\n` and `\r` end lines, as in CommonMark).
    private let lineStarts: [Int]

    /// Indexes the lines of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    /// The 1-based scalar column of a link (`image == false`) or image starting at libcmark's
    /// `line` and `byteColumn`; 0 when the position is unknown.
    func scalarColumn(line: Int, byteColumn: Int, image: Bool) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return 0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        let reported = min(start + byteColumn - 1, end)
        let position = opensReference(at: reported, end: end, image: image)
            ? reported
            : nearestOpener(to: reported, start: start, end: end, image: image) ?? reported
        var column = 1
        for index in start..<position where !UTF8Scalars.isContinuation(bytes[index]) { column += 1 }
        return column
    }

    private func opensReference(at index: Int, end: Int, image: Bool) -> Bool {
        guard index < end else { return false }
        if image {
            return bytes[index] == UInt8(ascii: "!") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "[")
        }
        return bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "<")
    }

    /// The opener closest to `index` on the line, preferring the later one on a tie.
    private func nearestOpener(to index: Int, start: Int, end: Int, image: Bool) -> Int? {
        var distance = 1
        while index - distance >= start || index + distance < end {
            if opensReference(at: index + distance, end: end, image: image) { return index + distance }
            if index - distance >= start && opensReference(at: index - distance, end: end, image: image) {
                return index - distance
            }
            distance += 1
        }
        return nil
    }
}
