/// The HTTP request-target split into a percent-decoded path and the raw query.
///
/// The raw path is split at `/` first and each segment is decoded here exactly once;
/// everything after works on the decoded segments, so `%2e%2e` is refused like `..`, an
/// encoded `%2f` or `%5c` inside a segment is refused instead of becoming a separator, and a
/// double-encoded `%252e` stays the literal text `%2e` (which no site file is named after).
struct RequestTarget: Sendable, Equatable {
    /// Why a request-target cannot name a site file.
    enum Rejection: Error, Equatable {
        /// Longer than ``RequestTarget/maximumLength`` bytes (answered with 414).
        case tooLong
        /// Not an origin-form path, a broken `%` escape, invalid UTF-8, NUL, a slash or
        /// backslash inside a segment, a `.` or `..` segment, an empty segment
        /// (`//etc/passwd`), or a drive-letter spelling (`/C:/`).
        case unsafe
    }

    /// The longest request-target the server reads.
    static let maximumLength = 8 * 1024

    /// The raw path exactly as sent (used to build redirects).
    let rawPath: String
    /// The raw query without `?`, if any.
    let rawQuery: String?
    /// The decoded path segments; the last one is empty for a path ending in `/`.
    let segments: [String]

    /// Parses and validates a raw request-target such as `/guonei/?page=2`.
    init(_ raw: String) throws(Rejection) {
        guard raw.utf8.count <= Self.maximumLength else { throw .tooLong }
        let withoutFragment = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard path.hasPrefix("/") else { throw .unsafe }
        var segments: [String] = []
        for rawSegment in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let segment = Self.percentDecode(String(rawSegment)) else { throw .unsafe }
            segments.append(segment)
        }
        for (index, segment) in segments.enumerated() {
            if segment.contains("/") || segment.contains("\\") || segment.contains("\0") { throw .unsafe }
            if segment == "." || segment == ".." { throw .unsafe }
            if segment.isEmpty && index != segments.count - 1 { throw .unsafe }
            if segment.contains(":") && index == 0 { throw .unsafe }
        }
        self.rawPath = path
        self.rawQuery = parts.count > 1 ? String(parts[1]) : nil
        self.segments = segments
    }

    /// The site key this path names directly: `a/b/` → `a/b/index.html`, `/` → `index.html`.
    var siteKey: String {
        let joined = segments.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return segments.last == "" ? joined + "index.html" : joined
    }

    /// For a path without a trailing slash, the key of the folder's index (`a/b` → `a/b/index.html`).
    var directoryIndexKey: String? {
        guard let last = segments.last, !last.isEmpty else { return nil }
        return segments.joined(separator: "/") + "/index.html"
    }

    /// Where to redirect a folder path without its trailing slash, keeping the query.
    var slashRedirectLocation: String {
        rawPath + "/" + (rawQuery.map { "?" + $0 } ?? "")
    }

    /// Decodes `%XX` escapes once; `nil` for a broken escape or bytes that are not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
