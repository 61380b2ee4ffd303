/// Checks and builds the path segments that name output folders (article slugs, tag pages).
///
/// On disk a tag folder is the raw UTF-8 segment (`tags/国家反诈中心app/`); in hrefs the same
/// segment is percent-encoded with `URLPathEncoding.encodeSegment` (`/tags/%E5%9B%BD…app/`).
/// Both come from `tagURLSegment`, so they always name the same folder.
package enum Slug {
    /// Whether `segment` can name one folder or file inside the output folder without escaping
    /// it or confusing the file system: not empty, not `.`, no `..` anywhere, no `/` or `\`, and
    /// no control characters (C0, DEL, C1).
    package static func isSafeSegment(_ segment: String) -> Bool {
        if segment.isEmpty || segment == "." || segment.containsBytes("..") { return false }
        for scalar in segment.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F..<0xA0).contains(value) { return false }
            if value == UInt32(UInt8(ascii: "/")) || value == UInt32(UInt8(ascii: "\\")) { return false }
        }
        return true
    }

    /// The URL and folder segment for a tag: Latin letters lower-cased (other scripts kept as
    /// written), every run of whitespace, `/`, `\` or control characters turned into one `-`,
    /// and leading/trailing `-` from such runs trimmed. `国家反诈中心APP` → `国家反诈中心app`,
    /// `Hong Kong` → `hong-kong`.
    ///
    /// The result may still be unsafe (a tag of `..`); check it with `isSafeSegment`.
    package static func tagURLSegment(_ tag: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in tag.unicodeScalars {
            let value = scalar.value
            if isSeparator(value) {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash {
                result.append("-")
                pendingDash = false
            }
            if (0x41...0x5A).contains(value) {
                result.append(Unicode.Scalar(value + 0x20)!)
            } else if (0xC0..<0x250).contains(value) && scalar.properties.isUppercase {
                // Latin-1 Supplement and Latin Extended-A/B: É → é.
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whitespace, path separators and control characters: turned into `-`.
    private static func isSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x20, 0x7F...0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
             UInt32(UInt8(ascii: "/")), UInt32(UInt8(ascii: "\\")):
            return true
        default:
            return false
        }
    }
}
