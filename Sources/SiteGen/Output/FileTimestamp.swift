/// A modification time with nanoseconds, as `stat` reports it.
///
/// Why: "unchanged" is decided by size plus exact mtime; whole seconds would miss an edit made
/// within the same second as the previous build.
struct FileTimestamp: Hashable, Sendable, CustomStringConvertible {
    /// Seconds since the epoch.
    var seconds: Int64
    /// Nanoseconds within the second.
    var nanoseconds: Int64

    /// `seconds.nnnnnnnnn`, the manifest's notation.
    var description: String {
        let fraction = String(nanoseconds)
        return "\(seconds).\(String(repeating: "0", count: max(0, 9 - fraction.count)))\(fraction)"
    }

    /// Parses the manifest's `seconds.nnnnnnnnn` notation.
    init?(parsing text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 9,
              let seconds = Int64(parts[0]), let nanoseconds = Int64(parts[1]) else { return nil }
        self.init(seconds: seconds, nanoseconds: nanoseconds)
    }

    /// A timestamp from its parts.
    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}
