#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system path kept as raw bytes.
///
/// Why: Swift `String` equality and hashing use Unicode canonical equivalence, so `é` (NFC) and
/// `e` + combining accent (NFD) compare equal although Linux stores them as two different files,
/// and `String(cString:)` repairs invalid UTF-8 in names read from disk. Comparing bytes keeps
/// "which file is this" exact, which matters for a writer that must never touch foreign files.
struct BytePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    var bytes: [UInt8]

    /// The UTF-8 bytes of `string`.
    init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    /// The given bytes.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Hashes the bytes as one block (the synthesized hash feeds the hasher byte by byte, which
    /// showed up in profiles of builds with 90,000 output files).
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: BytePath, rhs: BytePath) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }

    /// `self/relative`.
    func appending(_ relative: BytePath) -> BytePath {
        var joined = bytes
        joined.reserveCapacity(bytes.count + 1 + relative.bytes.count)
        joined.append(BytePath.separator)
        joined.append(contentsOf: relative.bytes)
        return BytePath(bytes: joined)
    }

    /// Every proper ancestor of a relative path, outermost first (`a/b/c` gives `a`, `a/b`).
    var ancestors: [BytePath] {
        var result: [BytePath] = []
        for (offset, byte) in bytes.enumerated() where byte == BytePath.separator {
            result.append(BytePath(bytes: Array(bytes[..<offset])))
        }
        return result
    }

    /// Whether both paths are in the same folder (for relative paths: both at the top, or the
    /// same bytes up to and including their last separator).
    func hasSameFolder(as other: BytePath) -> Bool {
        let end = bytes.lastIndex(of: BytePath.separator) ?? -1
        let otherEnd = other.bytes.lastIndex(of: BytePath.separator) ?? -1
        return end == otherEnd && bytes[..<(end + 1)].elementsEqual(other.bytes[..<(otherEnd + 1)])
    }

    /// The path for messages (invalid UTF-8 shown as U+FFFD).
    var description: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with a NUL-terminated copy of the path for a C call.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        var terminated = bytes
        terminated.append(0)
        return try terminated.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Byte-wise order: a parent always sorts before its children, which lets directories be
    /// created in one sorted pass.
    static func < (lhs: BytePath, rhs: BytePath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// `/`.
    static let separator: UInt8 = 0x2F
}
