#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps libcmark's source positions (1-based line, 1-based byte column) to the positions our
/// diagnostics use (columns counted in Unicode scalars).
///
/// libcmark 0.30 reports inline columns relative to a paragraph line with its leading
/// whitespace stripped, so on a continuation line (`aaa\n  bbb [x](y)`) a link's column can be
/// a little off. The table re-anchors such a column to the nearest `[`, `![` or `<` on the same
/// line, which is where the link or image really starts.
///
/// Lines are indexed lazily, only as far as the references asked about, so a body whose only
/// link is near the top costs next to nothing. Only valid while `bytes` is alive.
package struct SourceLineTable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset where each line indexed so far starts; `\n`, `\r\n` and `\r` end lines,
    /// as in CommonMark.
    private var lineStarts: [Int] = [0]
    /// Whether the whole input has been indexed.
    private var isComplete = false
    /// Whether the input contains `\r` at all (if not, lines can be found with `memchr`).
    private let hasCarriageReturns: Bool
    /// The last position converted (line, byte offset, scalar column), so several references
    /// on one long line are counted from the previous one rather than from the line start.
    private var lastConverted = (line: 0, offset: 0, column: 0)

    /// A table over `bytes`; nothing is indexed yet.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if let base = bytes.baseAddress, !bytes.isEmpty {
            hasCarriageReturns = memchr(base, 0x0D, bytes.count) != nil
        } else {
            hasCarriageReturns = false
        }
        lineStarts.reserveCapacity(64)
    }

    /// The 1-based scalar column of a link (`image == false`) or image starting at libcmark's
    /// `line` and `byteColumn`; 0 when the position is unknown.
    package mutating func scalarColumn(line: Int, byteColumn: Int, image: Bool) -> Int {
        guard line >= 1, byteColumn >= 1 else { return 0 }
        indexLines(through: line + 1)
        guard line <= lineStarts.count else { return 0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        let reported = min(start + byteColumn - 1, end)
        let position = opensReference(at: reported, end: end, image: image)
            ? reported
            : nearestOpener(to: reported, start: start, end: end, image: image) ?? reported
        var column = 1
        var from = start
        if lastConverted.line == line && lastConverted.offset <= position {
            column = lastConverted.column
            from = lastConverted.offset
        }
        for index in from..<position where !UTF8Scalars.isContinuation(bytes[index]) { column += 1 }
        lastConverted = (line, position, column)
        return column
    }

    /// Extends `lineStarts` until it holds `count` lines or the input ends.
    private mutating func indexLines(through count: Int) {
        guard let base = bytes.baseAddress else { isComplete = true; return }
        var index = lineStarts[lineStarts.count - 1]
        while !isComplete && lineStarts.count < count {
            if !hasCarriageReturns {
                guard let found = memchr(base + index, 0x0A, bytes.count - index) else { isComplete = true; break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                lineStarts.append(index)
                continue
            }
            while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
            guard index < bytes.count else { isComplete = true; break }
            if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            index += 1
            lineStarts.append(index)
        }
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
