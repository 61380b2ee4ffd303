/// Percent-encoding of URL paths, for hrefs to tag pages and other folders named in Chinese.
///
/// Files on disk keep their raw UTF-8 names (`tags/国家反诈中心app/index.html`); links to them
/// are percent-encoded (`/tags/%E5%9B%BD%E5%AE%B6.../`), which every browser and server decodes
/// back to the same bytes.
package enum URLPathEncoding {
    /// Percent-encodes one path segment: the UTF-8 bytes of everything but RFC 3986 unreserved
    /// characters (`A–Z a–z 0–9 - . _ ~`) become `%XX` with upper-case hex. `/` is encoded too.
    package static func encodeSegment(_ segment: String) -> String {
        encode(segment, keepingSlash: false)
    }

    /// Percent-encodes a whole path the way `encodeSegment` encodes each segment, keeping the
    /// `/` separators (`/tags/法制/` → `/tags/%E6%B3%95%E5%88%B6/`).
    package static func encodePath(_ path: String) -> String {
        encode(path, keepingSlash: true)
    }

    private static func encode(_ text: String, keepingSlash: Bool) -> String {
        var source = text
        return source.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: { !isKept($0, keepingSlash: keepingSlash) }) else {
                return text
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 3)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if isKept(byte, keepingSlash: keepingSlash) {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0xF))
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func isKept(_ byte: UInt8, keepingSlash: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        case UInt8(ascii: "/"):
            return keepingSlash
        default:
            return false
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
