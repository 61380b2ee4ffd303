import Foundation

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
        var diagnostics = Diagnostics()
        let root = SiteWalker.realPath(options.sourceDirectory) ?? options.sourceDirectory
        let (loadedConfig, configDiagnostics) = ConfigLoader.load(siteDirectory: root)
        diagnostics.append(contentsOf: configDiagnostics)
        guard var config = loadedConfig else { return (nil, diagnostics) }
        if let override = options.baseURLOverride {
            config.baseURL = ConfigLoader.normalisedBaseURL(override)
        }

        var walker = SiteWalker(siteRoot: root)
        let entries = walker.files(in: "content")
        diagnostics.append(contentsOf: walker.diagnostics)
        let markdown = entries.filter { $0.relativePath.hasSuffix(".md") }
        let assets = entries.filter { !$0.relativePath.hasSuffix(".md") }.map {
            StaticFile(outputPath: $0.relativePath, sourcePath: $0.absolutePath)
        }

        let job = ContentParseJob(config: config)
        let results = job.run(markdown)
        var articles: [Article] = []
        var indexes: [String: ColumnIndex] = [:]
        articles.reserveCapacity(results.count)
        for result in results {
            diagnostics.append(contentsOf: result.diagnostics)
            if let article = result.article { articles.append(article) }
            if let index = result.columnIndex { indexes[index.columnPath] = index }
        }

        let theme = ThemeLoader.load(name: config.theme, siteRoot: root, declaredAt: config.themeLocation)
        diagnostics.append(contentsOf: theme.diagnostics)
        let content = SiteContent(config: config, articles: articles, columnIndexes: indexes,
                                  staticFiles: assets + theme.staticFiles, theme: theme.theme)
        return (content, diagnostics)
    }
}
