/// Classifies Unicode scalars as CJK (Chinese, Japanese, Korean) script or punctuation.
///
/// Used where Chinese text must not get spaces a Latin text would: joining Markdown text runs
/// for summaries (a soft break between two Chinese characters is no space), deciding whether a
/// boundary needs a separator.
package enum CJK {
    /// Whether `value` is a CJK ideograph, kana, hangul, CJK symbol/punctuation or a fullwidth form.
    package static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF,     // Hangul Jamo
             0x2E80...0x2FDF,     // CJK radicals, Kangxi radicals
             0x2FF0...0x303F,     // ideographic description, CJK symbols and punctuation
             0x3040...0x31FF,     // kana, bopomofo, hangul compatibility jamo, kanbun, strokes
             0x3200...0x9FFF,     // enclosed CJK, compatibility, extension A, unified ideographs
             0xA960...0xA97F,     // Hangul Jamo extended A
             0xAC00...0xD7FF,     // Hangul syllables, Jamo extended B
             0xF900...0xFAFF,     // CJK compatibility ideographs
             0xFE10...0xFE1F,     // vertical forms
             0xFE30...0xFE4F,     // CJK compatibility forms
             0xFF00...0xFFEF,     // halfwidth and fullwidth forms
             0x20000...0x3FFFD:   // supplementary ideographic planes
            return true
        default:
            return false
        }
    }

    /// Whether `value` is CJK punctuation (。，、「」《》！？ and the like), which already carries
    /// its own spacing, so no space is wanted after it even before Latin text.
    package static func isPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x303F, 0xFE10...0xFE1F, 0xFE30...0xFE4F,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        default:
            return false
        }
    }
}
