import Foundation
import SiteGenCore

/// The outcome of rendering a site in memory.
public struct RenderedSite: Sendable {
    /// Every file of the site, sorted by path (UTF-8 bytes).
    public var files: [OutputFile]
    /// Everything the stages reported.
    public var diagnostics: Diagnostics
    /// Counts for the closing summary line.
    public var stats: BuildStats
}

/// Counts for the closing summary line of a build.
public struct BuildStats: Sendable {
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
    /// Whether nothing had changed since the last build, which was reused as it is.
    public var upToDate = false
    /// Seconds spent in each stage, in order (`sitegen build --timings` prints them).
    public var phases: [(name: String, seconds: Double)] = []

    public init() {}
}

/// The only place that orders the stages: load → graph → render → write.
public enum SiteBuilder {
    /// Loads, resolves and renders the site in memory without touching the output folder.
    /// The dev server serves the result; `build` writes it.
    public static func render(_ options: BuildOptions) -> RenderedSite {
        var site = render(options, reusable: [:], articleCache: false).site
        let files = site.files
        site.files = ParallelWork.map(files.count) { files[$0].materialized }
        return site
    }

    /// What the internal render returns besides the site.
    struct RenderExtras {
        /// The Markdown cache to save, `nil` when the old one is still exact.
        var cache: MarkdownCache?
        /// When the output next changes by the clock alone: an article left out for its future
        /// date comes due, or one leaves a time-windowed list (`PagePlan.nextChange`).
        var nextPublication: Date?
        /// The related lists to save, `nil` when the saved ones are still exact.
        var related: RelatedArticles.Memo?
        /// The article cache to save, `nil` when the saved one is still exact.
        var articles: ArticleCache?
    }

    /// Renders the site (taking unchanged articles from the article cache when `articleCache`,
    /// else parsing every file);
    /// pages whose input key or fingerprint is in `reusable` are kept from the previous
    /// output instead of being rendered. Also returns the Markdown cache to save for next time.
    static func render(_ options: BuildOptions, reusable: [String: ReusablePage], articleCache: Bool = true) -> (site: RenderedSite, extras: RenderExtras) {
        render(options, reusable: Prefetch(ready: reusable), articleCache: articleCache)
    }

    /// `render(_:reusable:articleCache:)` with the reusable pages still being read.
    /// `articles` is the article cache when the caller started reading it already.
    static func render(
        _ options: BuildOptions, reusable: Prefetch<[String: ReusablePage]>, articleCache: Bool = true, listing: FolderListing? = nil,
        articles: Prefetch<ArticleCache>? = nil
    ) -> (site: RenderedSite, extras: RenderExtras) {
        let start = Date()
        // The caches are read while the content is listed and parsed.
        let source = options.sourceDirectory
        let previousArticles = options.incremental
            ? articles ?? Prefetch { articleCache ? ArticleCache.load(sourceDirectory: source) : ArticleCache() } : nil
        let previousRelated = options.incremental ? Prefetch { RelatedCache.load(sourceDirectory: source) } : nil
        let markdownCache = Prefetch { options.incremental ? MarkdownCache.load(sourceDirectory: source) : MarkdownCache() }
        var diagnostics = Diagnostics()
        var phases: [(name: String, seconds: Double)] = []
        var phaseStart = Date()
        func lap(_ name: String, next: String? = nil) {
            let now = Date()
            phases.append((name, now.timeIntervalSince(phaseStart)))
            phaseStart = now
            if let next { options.progress?(BuildProgress(stage: next, done: 0, total: 0)) }
        }
        options.progress?(BuildProgress(stage: "load", done: 0, total: 0))
        var extras = RenderExtras()
        func finish(_ files: [OutputFile]) -> (site: RenderedSite, extras: RenderExtras) {
            var stats = BuildStats()
            for file in files {
                if case .copy = file.contents { stats.copied += 1 }
                else if file.path.hasSuffix(".html") { stats.pages += 1 }
                else if file.path.hasSuffix(".xml") { stats.feeds += 1 }
            }
            stats.seconds = Date().timeIntervalSince(start)
            stats.phases = phases
            return (RenderedSite(files: files, diagnostics: diagnostics, stats: stats), extras)
        }

        // Load: the only stage besides write that touches files.
        let (loaded, loadDiagnostics, nextArticleCache) = ContentLoader.load(options, reusing: previousArticles, listing: listing)
        extras.articles = nextArticleCache
        diagnostics.append(contentsOf: loadDiagnostics)
        lap("load", next: "graph")
        // A theme that failed to load has no templates; listing each as missing would bury the cause.
        let (templates, templateDiagnostics) = loaded.map {
            loadDiagnostics.hasErrors && $0.theme.templates.isEmpty ? (nil, Diagnostics()) : TemplateLibrary.compile($0.theme)
        } ?? (nil, Diagnostics())
        diagnostics.append(contentsOf: templateDiagnostics)
        // (`--base-url` was applied to the config by the load stage.)
        guard let content = loaded, let templates, !diagnostics.hasErrors else { return finish([]) }
        if !options.includeFuture {
            extras.nextPublication = content.articles
                .filter { $0.date > options.now && (options.includeDrafts || !$0.draft) }
                .map(\.date).min()
        }

        // Graph: pure.
        let previousRelatedLists = previousRelated?.value
        let (graph, graphDiagnostics, related) = SiteGraphBuilder.build(content, options: options, reusing: previousRelatedLists)
        if related.key != previousRelatedLists?.key { extras.related = related }
        diagnostics.append(contentsOf: graphDiagnostics)
        lap("graph", next: "markdown")
        guard !diagnostics.hasErrors else { return finish([]) }

        // Markdown: the bodies the renderer needs that the article cache left out are read first,
        // by the load stage. A body that cannot be read as the cache recorded it (the file was
        // edited during the build, or the cache does not match the files) means the cache cannot
        // be trusted: the site is loaded again without it, and the cache is rebuilt.
        let cache = markdownCache.value
        guard let renderer = preparedRenderer(
            graph, content: content, templates: templates, cache: cache, reusable: reusable.value, options: options
        ) else {
            ArticleCache.remove(sourceDirectory: options.sourceDirectory)
            return render(options, reusable: reusable, articleCache: false)
        }
        extras.cache = markdownCacheToSave(renderer, previous: cache)
        if let change = renderer.plan.nextChange {
            extras.nextPublication = min(extras.nextPublication ?? change, change)
        }
        lap("markdown")
        var files = renderer.renderAll(progress: options.progress)
        lap("render", next: "check")
        files += content.staticFiles.map { OutputFile(path: $0.outputPath, contents: .copy(from: $0.sourcePath), listedSourceStatus: $0.sourceStatus) }
        files = deduplicated(files, diagnostics: &diagnostics)
        let checker = ReferenceChecker(outputPaths: Set(files.map(\.path)))
        diagnostics.append(contentsOf: checker.check(renderer.graph, prepared: renderer.prepared))
        lap("check")
        if options.leavesMemoryToExit {
            ExitReclaim.keep(content, renderer, markdownCache, previousRelated, previousArticles)
        }
        return finish(files)
    }

    /// The renderer of `graph` with every article body it needs: articles taken from the build
    /// cache come without their bodies, so the bodies the Markdown cache cannot stand for are read
    /// first, then those of the pages the plan renders. `nil` when a body cannot be read as the
    /// article cache recorded it.
    private static func preparedRenderer(
        _ graph: SiteGraph, content: SiteContent, templates: TemplateLibrary, cache: MarkdownCache,
        reusable: [String: ReusablePage], options: BuildOptions
    ) -> SiteRenderer? {
        let config = content.config
        let bodies = BodyStore(articles: graph.articles)
        func supply(_ indices: [Int]) -> Bool {
            guard !indices.isEmpty else { return true }
            guard let read = ContentLoader.bodies(of: indices.map { graph.articles[$0] }, options: options, config: config) else { return false }
            bodies.supply(Dictionary(uniqueKeysWithValues: indices.map { ($0, read[graph.articles[$0].id] ?? "") }))
            return true
        }
        let unprepared = bodies.missing(graph.articles.indices).filter { index in
            cache.entries[graph.articles[index].id]?.key != MarkdownCache.key(of: graph.articles[index], config: config)
        }
        guard supply(unprepared) else { return nil }
        let renderer = SiteRenderer(
            graph: graph, config: config, templates: templates, urls: SiteURLs(baseURL: config.baseURL), bodies: bodies,
            cache: cache, reusable: reusable, now: options.now
        )
        guard supply(bodies.missing(renderer.plan.bodiesNeeded)) else { return nil }
        return renderer
    }

    /// The Markdown cache to save after `renderer` prepared every article, `nil` when the saved
    /// one (`previous`) is still close enough (`CacheRewrite`).
    private static func markdownCacheToSave(_ renderer: SiteRenderer, previous: MarkdownCache) -> MarkdownCache? {
        let renderedBodies = renderer.prepared.count { $0.html != nil }
        let articleCount = renderer.graph.articles.count
        guard CacheRewrite.isWorthIt(changed: renderedBodies + abs(previous.entries.count - articleCount), total: articleCount) else { return nil }
        var entries: [String: MarkdownCache.Entry] = [:]
        for (article, prepared) in zip(renderer.graph.articles, renderer.prepared) { entries[article.id] = prepared.cacheEntry }
        return MarkdownCache(entries: entries)
    }

    /// Renders the site and, when no error was reported, writes it to `options.outputDirectory`.
    /// On any error the existing output is left untouched.
    public static func build(_ options: BuildOptions) -> RenderedSite {
        let start = Date()
        var writer = OutputWriter(outputDirectory: options.outputDirectory, sourceDirectory: options.sourceDirectory)
        writer.progress = options.progress
        let output = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path
        // The article cache, the first thing an edit build waits for, is read while the inputs
        // are listed (if nothing changed, that read is wasted, on the other core).
        let source = options.sourceDirectory
        let articles = options.incremental ? Prefetch { ArticleCache.load(sourceDirectory: source) } : nil
        let listing = options.incremental ? FolderListing.take(sourceDirectory: options.sourceDirectory) : nil
        let inputs = listing.map { InputSnapshot.take(options, content: $0) }
        if !options.incremental { BuildRecord.remove(sourceDirectory: options.sourceDirectory) }
        if let inputs, var site = lastBuildIfUpToDate(options, inputs: inputs, output: output, writer: writer) {
            site.stats.seconds = Date().timeIntervalSince(start)
            if options.leavesMemoryToExit { ExitReclaim.keep(listing, articles) }
            return site
        }
        // The previous output is read while the content loads.
        let previousOutput = options.incremental ? Prefetch { [writer] in writer.readPrevious() } : nil
        let reusable = previousOutput.map { previous in Prefetch { previous.value?.reusablePages ?? [:] } } ?? Prefetch(ready: [:])
        let inputsChecked = Date().timeIntervalSince(start)
        var (site, extras) = render(options, reusable: reusable, listing: listing, articles: articles)
        let previous = previousOutput?.value
        site.stats.phases.insert(("inputs", inputsChecked), at: 0)
        guard !site.diagnostics.hasErrors else { return site }
        let writeStart = Date()
        var cachesSaved: Prefetch<Void>?
        do {
            // The caches describe the sources, not the output: once the output folder is known
            // to be one sitegen may write, they are saved while the output is written.
            try writer.checkOutputFolder()
            cachesSaved = options.incremental ? Prefetch { [extras] in
                extras.cache?.save(sourceDirectory: source)
                extras.related.map { RelatedCache.save($0, sourceDirectory: source) }
                extras.articles?.save(sourceDirectory: source)
            } : nil
            let report = try writer.write(site.files, previous: previous)
            cachesSaved?.value
            if let inputs, let manifestHash = report.manifestHash {
                BuildRecord(
                    inputs: inputs, output: output, manifestHash: manifestHash, nextPublication: extras.nextPublication,
                    stats: site.stats, warnings: site.diagnostics.warnings
                ).save(sourceDirectory: options.sourceDirectory)
            }
            site.stats.phases.append(("write", Date().timeIntervalSince(writeStart)))
            site.stats.written = report.written
            site.stats.removed = report.removed
        } catch {
            cachesSaved?.value
            site.diagnostics.error("cannot write the site: \(error)")
        }
        site.stats.seconds = Date().timeIntervalSince(start)
        if options.leavesMemoryToExit { ExitReclaim.keep(site, extras, previousOutput, reusable, listing) }
        return site
    }

    /// The last build's result, when nothing it depended on has changed: the same input digest
    /// and output folder, no future article come due, and every file it wrote still intact.
    static func lastBuildIfUpToDate(_ options: BuildOptions, inputs: InputSnapshot, output: String, writer: OutputWriter) -> RenderedSite? {
        guard let record = BuildRecord.load(sourceDirectory: options.sourceDirectory),
              record.inputs == inputs, record.output == output,
              record.nextPublication.map({ options.now < $0 }) ?? true,
              let manifestHash = writer.intactManifestHash(), manifestHash == record.manifestHash
        else { return nil }
        var stats = record.stats
        stats.upToDate = true
        return RenderedSite(files: [], diagnostics: Diagnostics(record.warnings), stats: stats)
    }

    /// Sorts files by path; a copied file that would overwrite a rendered page (or another copied
    /// file) is an error, since silently picking one would lose content.
    static func deduplicated(_ files: [OutputFile], diagnostics: inout Diagnostics) -> [OutputFile] {
        // Sorted by path bytes (the manifest's order; cheaper than Unicode-aware `String`
        // comparison), then by position, so the first file for a path is kept and each later
        // one is reported against it.
        let paths = files.map { BytePath($0.path) }
        let order = files.indices.sorted { left, right in
            let (a, b) = (paths[left], paths[right])
            return a == b ? left < right : a < b
        }
        func source(_ file: OutputFile) -> String {
            if case .copy(let from) = file.contents { return from }
            return "a generated page"
        }
        var result: [OutputFile] = []
        result.reserveCapacity(files.count)
        for index in order {
            let file = files[index]
            if let kept = result.last, kept.path == file.path {
                diagnostics.error("two files want the output path \(file.path): \(source(kept)) and \(source(file))")
                continue
            }
            result.append(file)
        }
        return result
    }
}
