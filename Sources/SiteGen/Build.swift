import Foundation

/// The outcome of rendering a site in memory.
public struct RenderedSite: Sendable {
    /// Every file of the site, sorted by path.
    public var files: [OutputFile]
    /// Everything the stages reported.
    public var diagnostics: Diagnostics
    /// Counts for the closing summary line.
    public var stats: BuildStats
}

/// Counts for the closing summary line of a build.
public struct BuildStats: Sendable, Hashable {
    /// HTML pages rendered.
    public var pages: Int = 0
    /// RSS feeds and sitemaps.
    public var feeds: Int = 0
    /// Files copied unchanged.
    public var copied: Int = 0
    /// Files whose bytes changed on disk (written by the write stage).
    public var written: Int = 0
    /// Files removed from the output because this build no longer produces them.
    public var removed: Int = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0

    public init() {}
}

/// The only place that orders the stages: load → graph → render → write.
public enum SiteBuilder {
    /// Loads, resolves and renders the site in memory without touching the output folder.
    /// The dev server serves the result; `build` writes it.
    public static func render(_ options: BuildOptions) -> RenderedSite {
        // Filled in as the stages land.
        RenderedSite(files: [], diagnostics: Diagnostics(), stats: BuildStats())
    }

    /// Renders the site and, when no error was reported, writes it to `options.outputDirectory`.
    /// On any error the existing output is left untouched.
    public static func build(_ options: BuildOptions) -> RenderedSite {
        render(options)
    }
}
