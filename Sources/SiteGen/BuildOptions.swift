import Foundation

/// What a build reads, where it writes, and which articles it includes.
public struct BuildOptions: Sendable {
    /// The site folder holding `site.yml`, `content/` and `themes/`.
    public var sourceDirectory: String
    /// Where the site is written (`public` by default, relative to the current folder).
    public var outputDirectory: String
    /// Include `draft: true` articles.
    public var includeDrafts: Bool = false
    /// Include articles dated after `now`.
    public var includeFuture: Bool = false
    /// Replaces `site.yml`'s `base_url` (e.g. the dev server's origin).
    public var baseURLOverride: String?
    /// The instant that decides what is "in the future".
    public var now: Date = Date()
    /// Reuse what the last build left: Markdown results from `<site>/.sitegen-cache/` and pages
    /// of the output folder whose inputs did not change. The output is byte-identical either
    /// way; `sitegen build --full` turns this off.
    public var incremental: Bool = true
    /// Called as the build moves through its stages and renders pages (from any thread).
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// For a process that exits right after the build (`sitegen build`): what the build worked
    /// with is left for the exit to reclaim instead of being freed object by object
    /// (`ExitReclaim`). Off by default, as a long-running process must free it.
    public var leavesMemoryToExit = false

    /// Creates options with the defaults of `sitegen build`.
    public init(sourceDirectory: String = ".", outputDirectory: String = "public") {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
    }
}
