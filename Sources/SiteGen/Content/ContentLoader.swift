import Foundation
import SiteGenCore

/// The load stage: reads `site.yml`, every file under `content/` and the theme, and returns
/// them as plain values with every problem found.
///
/// Articles are read and parsed in parallel over the cores (contiguous chunks of the sorted file
/// list, results put back in order), so the outcome never depends on scheduling.
public enum ContentLoader {
    /// Loads the site at `options.sourceDirectory`. The content is `nil` only when `site.yml`
    /// could not be read; otherwise it holds everything that loaded cleanly (files with errors
    /// are left out) and the diagnostics say what went wrong.
    public static func load(_ options: BuildOptions) -> (content: SiteContent?, diagnostics: Diagnostics) {
        let loaded = load(options, reusing: nil)
        return (loaded.content, loaded.diagnostics)
    }

    /// Loads the site, taking articles whose file is unchanged from `cache` (without their
    /// bodies, see `Article.hasBody`); also returns the cache to keep for the next build, `nil`
    /// when no cache was given or it is still exact.
    /// `listing` is the walk of `content/` when the caller already made it.
    static func load(
        _ options: BuildOptions, reusing cachedArticles: Prefetch<ArticleCache>?, listing: FolderListing? = nil
    ) -> (content: SiteContent?, diagnostics: Diagnostics, cache: ArticleCache?) {
        var diagnostics = Diagnostics()
        let root = SystemCalls.realPath(options.sourceDirectory) ?? options.sourceDirectory
        let (loadedConfig, configDiagnostics) = ConfigLoader.load(siteDirectory: root)
        diagnostics.append(contentsOf: configDiagnostics)
        guard var config = loadedConfig else { return (nil, diagnostics, nil) }
        if let override = options.baseURLOverride {
            config.baseURL = ConfigLoader.normalisedBaseURL(override)
        }

        let listing = listing ?? FolderListing.take(sourceDirectory: root)
        let entries = listing.entries
        diagnostics.append(contentsOf: listing.diagnostics)
        let markdown = entries.filter { $0.relativePath.hasSuffix(".md") }
        let assets = entries.filter { !$0.relativePath.hasSuffix(".md") }.map {
            StaticFile(listed: $0, outputPath: $0.relativePath)
        }

        let cache = cachedArticles?.value
        let usable = cache.map { $0.timeZone == config.timeZone.identifier ? $0 : ArticleCache() }
        let job = ContentParseJob(config: config, cache: usable)
        let results = job.run(markdown)
        var articles: [Article] = []
        var indexes: [String: ColumnIndex] = [:]
        var reused = 0
        var parsed = 0
        articles.reserveCapacity(results.count)
        for result in results {
            diagnostics.append(contentsOf: result.diagnostics)
            if let article = result.article { articles.append(article) }
            if let index = result.columnIndex { indexes[index.columnPath] = index }
            if result.fromCache { reused += 1 } else if result.cacheEntry != nil { parsed += 1 }
        }
        let gone = (usable?.entries.count ?? 0) - reused
        let cacheChanged = usable?.timeZone != config.timeZone.identifier
            || CacheRewrite.isWorthIt(changed: parsed + gone, total: reused + parsed)
        // The next cache is assembled only when it will be saved.
        var nextCache = ArticleCache()
        if cache != nil && cacheChanged {
            nextCache.timeZone = config.timeZone.identifier
            nextCache.entries.reserveCapacity(reused + parsed)
            for (entry, result) in zip(markdown, results) {
                let kept = result.fromCache ? usable?.entries[entry.relativePath] : result.cacheEntry
                if let kept { nextCache.entries[entry.relativePath] = kept }
            }
        }

        let theme = ThemeLoader.load(name: config.theme, siteRoot: root, declaredAt: config.themeLocation)
        diagnostics.append(contentsOf: theme.diagnostics)
        let content = SiteContent(config: config, articles: articles, columnIndexes: indexes,
                                  staticFiles: assets + theme.staticFiles, theme: theme.theme)
        return (content, diagnostics, cache != nil && cacheChanged ? nextCache : nil)
    }

    /// Reads and parses again the files of `articles` (taken from the cache without bodies)
    /// and returns their bodies by article id; `nil` when any of them cannot be read or no
    /// longer has the body hash the cache recorded (edited during the build, or a cache that
    /// does not match the files): the caller then loads the site without the cache.
    static func bodies(of articles: [Article], options: BuildOptions, config: SiteConfig) -> [String: String]? {
        let root = SystemCalls.realPath(options.sourceDirectory) ?? options.sourceDirectory
        let job = ContentParseJob(config: config)
        let bodies = ParallelWork.map(articles.count) { index -> String? in
            let article = articles[index]
            let result = job.parse(SiteWalker.Entry(relativePath: article.id, absolutePath: root + "/content/" + article.id))
            guard let parsed = result.article, parsed.bodyHash == article.bodyHash else { return nil }
            return parsed.body
        }
        var result: [String: String] = [:]
        for (article, body) in zip(articles, bodies) {
            guard let body else { return nil }
            result[article.id] = body
        }
        return result
    }
}
