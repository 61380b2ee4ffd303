
/// What one write of the output folder did, for the build's summary line.
public struct WriteReport: Sendable, Hashable {
    /// Files whose bytes were written (new or changed).
    public var written: Int
    /// Files whose bytes were unchanged: hard-linked from the previous output, keeping their
    /// inode and modification time.
    public var linkedUnchanged: Int
    /// Files of the previous build that this build no longer produces.
    public var removed: Int
    /// Files and empty folders that sitegen did not write (a `CNAME`, `.git`), kept as they were;
    /// counted only when a whole staging tree is built (a write through the spare tree never
    /// lists the output).
    public var carriedOver: Int
    /// Hash of the manifest this write left in the output (what `OutputWriter.intactManifestHash`
    /// would compute right after it); `nil` only when the write failed to produce one.
    var manifestHash: UInt64?

    /// A report with the given counts.
    public init(written: Int = 0, linkedUnchanged: Int = 0, removed: Int = 0, carriedOver: Int = 0) {
        self.written = written
        self.linkedUnchanged = linkedUnchanged
        self.removed = removed
        self.carriedOver = carriedOver
    }
}
