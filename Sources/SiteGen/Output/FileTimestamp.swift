
/// A modification time with nanoseconds, as `stat` reports it.
///
/// Why: "unchanged" is decided by size plus exact mtime; whole seconds would miss an edit made
/// within the same second as the previous build.
struct FileTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the epoch.
    var seconds: Int64
    /// Nanoseconds within the second.
    var nanoseconds: Int64

    /// `seconds.nnnnnnnnn`, the manifest's notation.
    var description: String {
        let fraction = String(nanoseconds)
        return "\(seconds).\(String(repeating: "0", count: max(0, 9 - fraction.count)))\(fraction)"
    }

    /// Parses the `seconds.nnnnnnnnn` notation from UTF-8 bytes, without making a string
    /// (manifests and spare records hold one per file or folder).
    init?(parsing bytes: some Collection<UInt8>) {
        var seconds: Int64 = 0
        var nanoseconds: Int64 = 0
        var negative = false
        var sawDot = false
        var integerDigits = 0
        var fractionDigits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."):
                guard !sawDot, integerDigits > 0 else { return nil }
                sawDot = true
            case UInt8(ascii: "-"):
                guard !negative, !sawDot, integerDigits == 0 else { return nil }
                negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if sawDot {
                    guard fractionDigits < 9 else { return nil }
                    nanoseconds = nanoseconds * 10 + digit
                    fractionDigits += 1
                } else {
                    guard integerDigits < 18 else { return nil }
                    seconds = seconds * 10 + digit
                    integerDigits += 1
                }
            default:
                return nil
            }
        }
        guard sawDot, fractionDigits == 9 else { return nil }
        self.init(seconds: negative ? -seconds : seconds, nanoseconds: nanoseconds)
    }

    /// Appends `description`'s bytes to `bytes`.
    func append(to bytes: inout [UInt8]) {
        bytes.appendDecimal(seconds)
        bytes.append(UInt8(ascii: "."))
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = nanoseconds
        withUnsafeMutableBytes(of: &digits) { raw in
            for position in (0..<9).reversed() {
                raw[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            }
            bytes.append(contentsOf: raw)
        }
    }

    /// Earlier first.
    static func < (lhs: FileTimestamp, rhs: FileTimestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// A timestamp from its parts.
    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}
