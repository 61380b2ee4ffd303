#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into text once: rejects NUL bytes and invalid UTF-8 (pointing at the
/// first bad byte), drops a UTF-8 byte order mark, and normalises CRLF and lone CR to `\n`, so
/// that every later stage sees one kind of line break and libyaml's line numbers match ours.
enum SourceDecoder {
    /// A file that cannot be used as text, with the diagnostic that says why.
    struct Failure: Error {
        /// The error to report.
        var diagnostic: Diagnostic
    }

    /// The decoded text, or the one error that stops reading the file.
    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Failure> {
        var bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        if let nul = firstIndex(of: 0, in: bytes) {
            let (line, column) = position(ofOffset: nul, in: bytes)
            return .failure(Failure(diagnostic: .error("file contains a NUL byte", at: SourceLocation(path: path, line: line, column: column))))
        }
        if firstIndex(of: UInt8(ascii: "\r"), in: bytes) != nil {
            bytes = normalisingLineBreaks(bytes)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(in: bytes) ?? 0
            let (line, column) = position(ofOffset: offset, in: bytes)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return .failure(Failure(diagnostic: .error("file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte))",
                                   at: SourceLocation(path: path, line: line, column: column))))
        }
        return .success(SourceText(path: path, text: text))
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            guard let found = memchr(base, Int32(byte), raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private static func normalisingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    private static func position(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.unicodeScalars.count + 1)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for step in 1..<length {
                guard index + step < bytes.count else { return index }
                let byte = bytes[index + step]
                let (low, high) = step == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low, byte <= high else { return index }
            }
            index += length
        }
        return nil
    }
}
