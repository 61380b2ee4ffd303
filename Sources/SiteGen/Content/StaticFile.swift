
/// A file copied to the output unchanged: a non-Markdown file under `content/` or a file in the
/// theme's `static/` folder.
public struct StaticFile: Sendable, Hashable {
    /// Path in the output, relative, with `/` separators (e.g. `uploads/2022/07/DSC_4817.jpg`).
    public var outputPath: String
    /// Absolute path of the file to copy.
    public var sourcePath: String
    /// The source's status when the load stage listed it (`nil`: not known), so that the write
    /// stage need not look at an unchanged source again.
    var sourceStatus: FileStatus?

    /// Creates a static file entry.
    public init(outputPath: String, sourcePath: String) {
        self.outputPath = outputPath
        self.sourcePath = sourcePath
    }

    /// A static file entry for a file the load stage listed.
    init(listed entry: SiteWalker.Entry, outputPath: String) {
        self.outputPath = outputPath
        self.sourcePath = entry.absolutePath
        self.sourceStatus = entry.status
    }
}
