import Foundation

/// One file of the built site, held in memory until the write stage (or served from memory by
/// the dev server).
public struct OutputFile: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Contents: Sendable, Hashable {
        /// Rendered bytes.
        case bytes([UInt8])
        /// A file on disk copied unchanged (an asset); absolute path.
        case copy(from: String)
        /// The file the previous build wrote at the same path, whose inputs (its `fingerprint`)
        /// have not changed: the writer keeps it without it being rendered again.
        case previous
    }

    /// Path relative to the output folder with `/` separators, e.g. `guonei/index.html`.
    public var path: String
    /// The bytes or the file to copy.
    public var contents: Contents
    /// A hash of everything the file was made from (view model, templates, engine version),
    /// recorded in the output manifest so the next build can skip rendering it when unchanged.
    public var fingerprint: UInt64?

    /// A rendered text file (UTF-8).
    public init(path: String, text: String, fingerprint: UInt64? = nil) {
        self.path = path
        self.contents = .bytes(Array(text.utf8))
        self.fingerprint = fingerprint
    }

    /// A file with the given contents.
    public init(path: String, contents: Contents, fingerprint: UInt64? = nil) {
        self.path = path
        self.contents = contents
        self.fingerprint = fingerprint
    }
}
