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
    /// Files whose bytes were written (new or changed).
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
        let start = Date()
        var diagnostics = Diagnostics()
        func finish(_ files: [OutputFile]) -> RenderedSite {
            var stats = BuildStats()
            for file in files {
                if case .copy = file.contents { stats.copied += 1 }
                else if file.path.hasSuffix(".html") { stats.pages += 1 }
                else if file.path.hasSuffix(".xml") { stats.feeds += 1 }
            }
            stats.seconds = Date().timeIntervalSince(start)
            return RenderedSite(files: files, diagnostics: diagnostics, stats: stats)
        }

        // Load: the only stage besides write that touches files.
        let (loaded, loadDiagnostics) = ContentLoader.load(options)
        diagnostics.append(contentsOf: loadDiagnostics)
        // A theme that failed to load has no templates; listing each as missing would bury the cause.
        let (templates, templateDiagnostics) = loaded.map {
            loadDiagnostics.hasErrors && $0.theme.templates.isEmpty ? (nil, Diagnostics()) : TemplateLibrary.compile($0.theme)
        } ?? (nil, Diagnostics())
        diagnostics.append(contentsOf: templateDiagnostics)
        guard var content = loaded, let templates, !diagnostics.hasErrors else { return finish([]) }
        if let baseURL = options.baseURLOverride { content.config.baseURL = baseURL }

        // Graph: pure.
        let (graph, graphDiagnostics) = SiteGraphBuilder.build(content, options: options)
        diagnostics.append(contentsOf: graphDiagnostics)
        guard !diagnostics.hasErrors else { return finish([]) }

        // Render: pure.
        let urls = SiteURLs(baseURL: content.config.baseURL)
        let renderer = SiteRenderer(graph: graph, config: content.config, templates: templates, urls: urls)
        var files = renderer.renderAll()
        files += content.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.sourcePath)) }
        files = deduplicated(files, diagnostics: &diagnostics)
        let checker = ReferenceChecker(outputPaths: Set(files.map(\.path)), urls: urls)
        diagnostics.append(contentsOf: checker.check(graph, prepared: renderer.prepared))
        return finish(files)
    }

    /// Renders the site and, when no error was reported, writes it to `options.outputDirectory`.
    /// On any error the existing output is left untouched.
    public static func build(_ options: BuildOptions) -> RenderedSite {
        let start = Date()
        var site = render(options)
        guard !site.diagnostics.hasErrors else { return site }
        do {
            let report = try OutputWriter(outputDirectory: options.outputDirectory, sourceDirectory: options.sourceDirectory).write(site.files)
            site.stats.written = report.written
            site.stats.removed = report.removed
        } catch {
            site.diagnostics.error("cannot write the site: \(error)")
        }
        site.stats.seconds = Date().timeIntervalSince(start)
        return site
    }

    /// Sorts files by path; a copied file that would overwrite a rendered page (or another copied
    /// file) is an error, since silently picking one would lose content.
    static func deduplicated(_ files: [OutputFile], diagnostics: inout Diagnostics) -> [OutputFile] {
        var byPath: [String: OutputFile] = [:]
        for file in files {
            if let existing = byPath[file.path] {
                let source: (OutputFile) -> String = { file in
                    if case .copy(let from) = file.contents { return from }
                    return "a generated page"
                }
                diagnostics.error("two files want the output path \(file.path): \(source(existing)) and \(source(file))")
                continue
            }
            byPath[file.path] = file
        }
        return byPath.values.sorted { $0.path < $1.path }
    }
}
