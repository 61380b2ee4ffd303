/// Escaping for text put into HTML, XML (RSS, sitemap) and JSON (JSON-LD in `<script>`).
///
/// Called for every title, summary and attribute on every page, so each function first scans
/// the UTF-8 bytes and returns the string itself (no copy) when nothing needs escaping, which is
/// the common case for Chinese text.
public enum HTMLEscaping {
    /// Escapes `& < > " '` so the result is safe both as element text and inside a quoted
    /// attribute value (`'` becomes `&#39;`, which HTML 4, HTML5 and XML all understand).
    public static func escapeHTML(_ text: String) -> String {
        escape(text, dropIllegalXMLCharacters: false)
    }

    /// Appends `text` escaped as by `escapeHTML` to UTF-8 `output`.
    package static func appendEscapedHTML(_ text: String, to output: inout [UInt8]) {
        var source = text
        source.withUTF8 { bytes in
            guard let firstIndex = firstMarkupEscapeIndex(bytes, xml: false) else {
                output.append(contentsOf: bytes)
                return
            }
            appendEscaped(bytes, from: firstIndex, xml: false, to: &output)
        }
    }

    /// `escapeHTML`, and also drops the characters XML 1.0 forbids (C0 controls other than tab,
    /// line feed and carriage return; U+FFFE and U+FFFF), so a stray control character in an
    /// article cannot make the RSS feed or sitemap unparseable.
    package static func escapeXML(_ text: String) -> String {
        escape(text, dropIllegalXMLCharacters: true)
    }

    /// Escapes `text` for the inside of a JSON string literal (the surrounding quotes are not
    /// added). Besides `"` `\` and control characters, `<`, `>`, `&`, U+2028 and U+2029 become
    /// `\u` escapes so the JSON can sit inside `<script type="application/ld+json">` without
    /// closing it, and stays valid JavaScript.
    package static func escapeJSONString(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes -> String in
            guard let firstIndex = firstJSONEscapeIndex(bytes) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<firstIndex])
            var index = firstIndex
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output.append(0x5C); output.append(0x22)
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    appendUnicodeEscape(UInt32(byte), to: &output)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &output)
                    index += 2
                default:
                    output.append(byte)
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    // MARK: - Implementation

    private static func escape(_ text: String, dropIllegalXMLCharacters: Bool) -> String {
        var source = text
        return source.withUTF8 { bytes -> String in
            guard let firstIndex = firstMarkupEscapeIndex(bytes, xml: dropIllegalXMLCharacters) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            appendEscaped(bytes, from: firstIndex, xml: dropIllegalXMLCharacters, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends `bytes`, escaping (and with `xml`, dropping what XML forbids) from `firstIndex` on.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from firstIndex: Int, xml: Bool, to output: inout [UInt8]) {
        output.append(contentsOf: bytes[..<firstIndex])
        var index = firstIndex
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            case _ where xml && isIllegalXMLControl(byte):
                break
            case 0xEF where xml && isNonCharacterFFFEorFFFF(bytes, at: index):
                index += 2
            default:
                output.append(byte)
            }
            index += 1
        }
    }

    /// The index of the first byte that needs escaping or dropping, or `nil` when none does.
    private static func firstMarkupEscapeIndex(_ bytes: UnsafeBufferPointer<UInt8>, xml: Bool) -> Int? {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return index
            case let byte where xml && isIllegalXMLControl(byte):
                return index
            case 0xEF where xml && isNonCharacterFFFEorFFFF(bytes, at: index):
                return index
            default:
                continue
            }
        }
        return nil
    }

    private static func firstJSONEscapeIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for index in bytes.indices {
            switch bytes[index] {
            case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "&"):
                return index
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return index
            default:
                continue
            }
        }
        return nil
    }

    /// C0 controls other than tab, line feed and carriage return.
    private static func isIllegalXMLControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// Whether the bytes at `index` encode U+FFFE or U+FFFF (EF BF BE / EF BF BF).
    private static func isNonCharacterFFFEorFFFF(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }

    private static func appendUnicodeEscape(_ value: UInt32, to output: inout [UInt8]) {
        output.append(0x5C)
        output.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            output.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
