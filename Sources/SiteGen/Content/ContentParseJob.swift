import Foundation
import SiteGenCore

/// Reads and parses the Markdown files of `content/` in parallel: each file becomes an article
/// or a column index, plus its diagnostics, in the order of the input.
struct ContentParseJob: Sendable {
    /// The outcome for one file.
    struct FileResult: Sendable {
        var article: Article?
        var columnIndex: ColumnIndex?
        var diagnostics = Diagnostics()
        /// What the article cache should hold for this freshly parsed file after the build
        /// (`nil`: nothing, or the file was taken from the cache).
        var cacheEntry: ArticleCache.Entry?
        /// Whether the article was taken from the cache rather than parsed (its cache entry then
        /// stays as it is).
        var fromCache = false
    }

    /// Column paths declared in `site.yml` (`guonei`, `guonei/fazhi`…).
    let columnPaths: Set<String>
    /// Reads dates in the site's zone.
    let dates: DateParser
    /// Articles parsed by earlier builds (`nil`: parse every file, keep nothing).
    let cache: ArticleCache?
    /// Only files last modified before this moment are kept in the cache (see `ArticleCache`).
    let cacheableBefore: FileTimestamp

    /// Prepares a job for the given site, taking unchanged articles from `cache` when given.
    init(config: SiteConfig, cache: ArticleCache? = nil, now: Date = Date()) {
        columnPaths = Self.paths(of: config.columns, under: "")
        dates = DateParser(timeZone: config.timeZone)
        self.cache = cache
        let second = Int64(now.timeIntervalSince1970.rounded(.down)) - 1
        cacheableBefore = FileTimestamp(seconds: second, nanoseconds: 0)
    }

    /// Parses `files` over all cores; result `i` belongs to `files[i]`.
    func run(_ files: [SiteWalker.Entry]) -> [FileResult] {
        ParallelWork.map(files.count) { parse(files[$0]) }
    }

    /// Reads and parses one file.
    func parse(_ entry: SiteWalker.Entry) -> FileResult {
        let path = "content/" + entry.relativePath
        var result = FileResult()
        let (folder, name) = ArticleParser.split(id: entry.relativePath)
        if let cached = cache?.entries[entry.relativePath], name != "_index",
           let status = entry.status ?? (try? SystemCalls.statusFollowingLinks(of: BytePath(entry.absolutePath))),
           cached.size == status.size, cached.modified == status.modified, columnPaths.contains(folder) {
            result.article = cached.article
            result.fromCache = true
            return result
        }
        let bytes: [UInt8]
        let status: FileStatus
        switch FileReader.readWithStatus(entry.absolutePath) {
        case .failure(let failure):
            result.diagnostics.error("cannot read file: \(failure.reason)", at: SourceLocation(path: path))
            return result
        case .success(let read):
            (bytes, status) = read
        }
        let source: SourceText
        switch SourceDecoder.decode(bytes, path: path) {
        case .failure(let failure):
            result.diagnostics.append(failure.diagnostic)
            return result
        case .success(let decoded):
            source = decoded
        }
        if name == "_index" {
            if !folder.isEmpty && !columnPaths.contains(folder) {
                result.diagnostics.append(source.error("folder '\(folder)' is not a column declared in site.yml", line: 1, column: 1))
            }
            let (index, diagnostics) = ColumnIndexParser.parse(source: source, columnPath: folder)
            result.diagnostics.append(contentsOf: diagnostics)
            if !result.diagnostics.hasErrors { result.columnIndex = index }
            return result
        }
        if folder.isEmpty {
            result.diagnostics.append(source.error("an article must be in a column folder, not directly in content/", line: 1, column: 1))
        } else if !columnPaths.contains(folder) {
            result.diagnostics.append(source.error("folder '\(folder)' is not a column declared in site.yml", line: 1, column: 1))
        }
        let (article, diagnostics) = ArticleParser.parse(source: source, id: entry.relativePath, dates: dates)
        result.diagnostics.append(contentsOf: diagnostics)
        if !result.diagnostics.hasErrors { result.article = article }
        if cache != nil, let article, result.diagnostics.items.isEmpty, status.size == Int64(bytes.count),
           status.modified < cacheableBefore {
            result.cacheEntry = ArticleCache.Entry(size: status.size, modified: status.modified, article: article.withoutBody(hash: article.bodyHash))
        }
        return result
    }

    /// Every column path of a declaration tree.
    static func paths(of columns: [ColumnDeclaration], under parent: String) -> Set<String> {
        var paths = Set<String>()
        for column in columns {
            let path = parent.isEmpty ? column.slug : parent + "/" + column.slug
            paths.insert(path)
            paths.formUnion(Self.paths(of: column.children, under: path))
        }
        return paths
    }
}

