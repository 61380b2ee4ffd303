/// Joins the text runs of a Markdown document into plain text for summaries.
///
/// Works on UTF-8 bytes straight from libcmark's nodes (no `String` per text node). Between
/// blocks and at line breaks it puts one space, except where Chinese text would read wrongly
/// with one: between two CJK characters, or after CJK punctuation (`。` `，` `」` …).
struct PlainTextBuilder {
    /// Unicode scalars kept at most; text past it is ignored.
    let scalarLimit: Int
    private var bytes: [UInt8] = []
    private var scalarCount = 0
    private var pendingBreak = false
    private var lastScalar: UInt32 = 0

    /// An empty builder that keeps at most `scalarLimit` scalars.
    init(scalarLimit: Int) {
        self.scalarLimit = scalarLimit
        bytes.reserveCapacity(min(scalarLimit * 3, 4096))
    }

    /// Whether the limit has been reached (later text would be dropped).
    var isFull: Bool { scalarCount >= scalarLimit }

    /// Notes a block boundary or line break: the next text is separated if it needs to be.
    mutating func markBreak() {
        if !bytes.isEmpty { pendingBreak = true }
    }

    /// Appends one text run (valid UTF-8).
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !chunk.isEmpty, !isFull else { return }
        if pendingBreak {
            pendingBreak = false
            if Self.needsSpace(after: lastScalar, before: UTF8Scalars.first(in: chunk)) {
                bytes.append(0x20)
                scalarCount += 1
                if isFull { return }
            }
        }
        if scalarCount + chunk.count <= scalarLimit {
            // Every scalar has at least one byte, so the whole chunk fits.
            bytes.append(contentsOf: chunk)
            scalarCount += UTF8Scalars.count(in: chunk)
        } else {
            for byte in chunk {
                if !UTF8Scalars.isContinuation(byte) {
                    if scalarCount == scalarLimit { break }
                    scalarCount += 1
                }
                bytes.append(byte)
            }
        }
        lastScalar = bytes.withUnsafeBufferPointer { UTF8Scalars.last(in: $0) }
    }

    /// The text collected so far.
    func makeString() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// No space next to existing whitespace, between CJK characters, or after CJK punctuation.
    static func needsSpace(after previous: UInt32, before next: UInt32) -> Bool {
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
