import SiteGenCore

/// Joins the text runs of a Markdown document into plain text for summaries.
///
/// Works on UTF-8 bytes straight from libcmark's nodes (no `String` per text node). Between
/// blocks and at line breaks it puts one space, except where Chinese text would read wrongly
/// with one: between two CJK characters, or next to CJK punctuation (`。` `，` `」` …).
package struct PlainTextBuilder {
    /// UTF-8 bytes kept at most; the text is cut at the last scalar boundary within it.
    package let byteLimit: Int
    private var bytes: [UInt8] = []
    private var pendingBreak = false
    private var lastScalar: UInt32 = 0
    private var isClosed = false

    /// An empty builder that keeps at most `byteLimit` bytes.
    package init(byteLimit: Int) {
        self.byteLimit = byteLimit
    }

    /// Whether the limit has been reached (later text is dropped).
    package var isFull: Bool { isClosed }

    /// Notes a block boundary or line break: the next text is separated if it needs to be.
    package mutating func markBreak() {
        if !bytes.isEmpty { pendingBreak = true }
    }

    /// Appends one text run (valid UTF-8).
    package mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !chunk.isEmpty, !isClosed else { return }
        if bytes.isEmpty { bytes.reserveCapacity(min(byteLimit, 4096)) }
        if pendingBreak {
            pendingBreak = false
            if Self.needsSpace(after: lastScalar, before: UTF8Scalars.first(in: chunk)) {
                bytes.append(0x20)
            }
        }
        let room = byteLimit - bytes.count
        if chunk.count <= room {
            bytes.append(contentsOf: chunk)
            lastScalar = UTF8Scalars.last(in: chunk)
            return
        }
        // Keep what fits without splitting a scalar, then take no more text.
        var end = max(room, 0)
        while end > 0 && UTF8Scalars.isContinuation(chunk[end]) { end -= 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<end]))
        isClosed = true
    }

    /// The text collected so far.
    package func makeString() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// No space next to existing whitespace, between CJK characters, or next to CJK punctuation.
    package static func needsSpace(after previous: UInt32, before next: UInt32) -> Bool {
        if previous == 0 || next == 0 { return false }
        if isASCIIWhitespace(previous) || isASCIIWhitespace(next) { return false }
        if CJK.isPunctuation(previous) || CJK.isPunctuation(next) { return false }
        if CJK.contains(previous) && CJK.contains(next) { return false }
        return true
    }

    private static func isASCIIWhitespace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value)
    }
}
