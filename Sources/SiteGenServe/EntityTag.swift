/// Strong `ETag` values for served bodies and the `If-None-Match` comparison.
///
/// The tag is a hash of the exact bytes sent (after live-reload injection), so a page whose
/// overlay changes gets a new tag even when the file itself did not.
enum EntityTag {
    /// A quoted FNV-1a 64-bit hash of `bytes`, e.g. `"a1b2c3d4e5f60718"`.
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// Whether an `If-None-Match` header value names `tag` (weak comparison, `*` matches all).
    static func matches(ifNoneMatch header: String, tag: String) -> Bool {
        for candidate in header.split(separator: ",") {
            var value = candidate.drop { $0 == " " || $0 == "\t" }
            while value.last == " " || value.last == "\t" { value.removeLast() }
            if value == "*" { return true }
            if value.hasPrefix("W/") { value.removeFirst(2) }
            if value == tag { return true }
        }
        return false
    }
}
