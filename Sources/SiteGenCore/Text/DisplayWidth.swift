/// Terminal/typographic display width: East Asian wide and fullwidth characters count 2,
/// combining marks and zero-width characters 0, everything else 1.
///
/// Used for truncating titles and summaries "by display width", the way Chinese portals cut
/// list titles (a CJK character is as wide as two Latin letters).
public enum DisplayWidth {
    /// The display width of one Unicode scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Fast path for the bulk of Chinese text: no marks or format characters live here,
        // so the (comparatively slow) Unicode property lookup can be skipped.
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xFF01...0xFF60).contains(v) || (0xAC00...0xD7A3).contains(v) {
            return 2
        }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark || category == .format || v == 0x200B {
            return 0
        }
        if isWide(v) { return 2 }
        return 1
    }

    /// The display width of a grapheme cluster: the width of its widest scalar
    /// (a base letter with combining accents is one cell), or 2 for an emoji sequence
    /// (modifiers, ZWJ sequences, flags, keycaps, or a symbol made emoji by U+FE0F).
    public static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard let second = scalars.next() else { return of(first) }
        var width = max(of(first), of(second))
        var isEmojiSequence = first.properties.isEmojiPresentation || second.properties.isEmojiPresentation
            || (second.value == 0xFE0F && first.properties.isEmoji)
        while let scalar = scalars.next() {
            width = max(width, of(scalar))
            if scalar.properties.isEmojiPresentation || (scalar.value == 0xFE0F && first.properties.isEmoji) {
                isEmojiSequence = true
            }
        }
        return isEmojiSequence ? 2 : width
    }

    /// The width of a scalar that always forms a grapheme cluster of its own when the scalar
    /// after it is of the same kind (printable ASCII, CJK ideographs, CJK punctuation,
    /// fullwidth forms), or `nil` for any other scalar.
    ///
    /// None of these scalars extends, prepends to or joins with a neighbour under the Unicode
    /// grapheme rules, so between two of them there is always a cluster boundary; loops over
    /// Chinese text can then skip the costly `Character` machinery.
    package static func simpleWidth(_ v: UInt32) -> Int? {
        switch v {
        case 0x20...0x7E: return 1
        case 0x3001...0x3029, 0x3030...0x303E, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: return 2
        case 0x2010...0x2027: return 1   // dashes, quotes, ellipsis
        default: return nil
        }
    }

    /// The display width of a string.
    public static func of(_ string: some StringProtocol) -> Int {
        of(String(string))
    }

    /// The display width of a string.
    public static func of(_ string: String) -> Int {
        var width = 0
        forEachCluster(of: string) { clusterWidth, _ in
            width += clusterWidth
            return true
        }
        return width
    }

    /// Calls `body` with the display width and the UTF-8 offset just past each grapheme cluster
    /// of `text`, in order, until `body` returns `false`.
    ///
    /// Runs of printable ASCII and common CJK characters are measured straight from the UTF-8
    /// bytes (see `simpleWidth`); only other clusters go through `Character`, which is what
    /// makes measuring and cutting Chinese titles cheap enough to do for every list entry.
    @inline(__always)
    package static func forEachCluster(of text: String, _ body: (_ width: Int, _ endOffset: Int) -> Bool) {
        var storage = text
        storage.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let value = UTF8Scalars.decode(bytes, at: offset)
                let next = offset + UTF8Scalars.sequenceLength(lead: bytes[offset])
                if let simple = simpleWidth(value),
                   next >= bytes.count || simpleWidth(UTF8Scalars.decode(bytes, at: next)) != nil {
                    offset = next
                    if !body(simple, offset) { return }
                    continue
                }
                let start = text.utf8.index(text.startIndex, offsetBy: offset)
                let end = text.index(after: start)
                offset = text.utf8.distance(from: text.startIndex, to: end)
                if !body(of(text[start]), offset) { return }
            }
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus emoji presentation blocks.
    package static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF,
             0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
