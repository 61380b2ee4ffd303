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
    }

    /// Path relative to the output folder with `/` separators, e.g. `guonei/index.html`.
    public var path: String
    /// The bytes or the file to copy.
    public var contents: Contents

    /// A rendered text file (UTF-8).
    public init(path: String, text: String) {
        self.path = path
        self.contents = .bytes(Array(text.utf8))
    }

    /// A file with the given contents.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}
