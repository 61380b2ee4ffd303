
/// What the manifest remembers about one file sitegen wrote.
struct ManifestEntry: Sendable, Hashable {
    /// Where a copied file came from, to skip re-reading an untouched source.
    struct CopySource: Sendable, Hashable {
        /// Absolute path of the source file.
        var path: BytePath
        /// Its size when it was copied.
        var size: Int64
        /// Its modification time when it was copied.
        var modified: FileTimestamp
    }

    /// Path relative to the output folder.
    var path: BytePath
    /// Size in bytes.
    var size: Int64
    /// `ContentHash` of the bytes.
    var hash: UInt64
    /// Modification time of the file in the output, to notice edits made there by hand.
    var modified: FileTimestamp
    /// For `.copy(from:)` files: the source as it was when copied.
    var source: CopySource?
    /// The `OutputFile.fingerprint` the file was made from, if it had one.
    var fingerprint: UInt64? = nil
    /// The `OutputFile.inputKey` the file was made from, if it had one.
    var inputKey: UInt64? = nil
}
