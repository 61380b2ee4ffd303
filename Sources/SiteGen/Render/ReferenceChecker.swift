/// Warns about local links and images in articles that point at no file of the built site.
///
/// Pure: it compares the references the Markdown stage found with the set of output paths.
struct ReferenceChecker {
    /// Every output path of the site (pages, feeds, copied files).
    let outputPaths: Set<String>

    /// Warnings for every unresolved local reference of every article, and for covers.
    func check(_ graph: SiteGraph, prepared: [PreparedArticle]) -> Diagnostics {
        let perArticle = ParallelWork.map(graph.articles.count) { index in
            check(graph.articles[index], path: graph.articlePaths[index], prepared: prepared[index])
        }
        var diagnostics = Diagnostics()
        for found in perArticle { diagnostics.append(contentsOf: found) }
        return diagnostics
    }

    /// The warnings of one article's links, images and cover.
    private func check(_ article: Article, path articlePath: String, prepared: PreparedArticle) -> Diagnostics {
        var diagnostics = Diagnostics()
        let directory = articlePath.split(separator: "/").dropLast().joined(separator: "/")
        for reference in prepared.references {
            guard let path = Self.localPath(reference.destination, relativeTo: directory) else { continue }
            if !resolves(path) {
                let what = reference.kind == .image ? "image" : "link"
                diagnostics.warning(
                    "\(what) '\(reference.destination)' points at no file of the site",
                    at: SourceLocation(path: article.sourcePath, line: reference.line, column: reference.column)
                )
            }
        }
        if let cover = article.cover, let path = Self.localPath(cover, relativeTo: ""), !resolves(path) {
            diagnostics.warning(
                "cover '\(cover)' points at no file of the site",
                at: article.coverLocation ?? SourceLocation(path: article.sourcePath, line: 1, column: 1)
            )
        }
        return diagnostics
    }

    private func resolves(_ path: String) -> Bool {
        path.isEmpty || outputPaths.contains(path) || outputPaths.contains(path + "/index.html")
            || (path.hasSuffix("/") && outputPaths.contains(path + "index.html"))
    }

    /// The output path a local reference means, or `nil` for external URLs, anchors, mailto: etc.
    /// Root-relative paths are taken from the site root; others relative to `directory`.
    static func localPath(_ destination: String, relativeTo directory: String) -> String? {
        var target = destination
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.isEmpty || target.hasPrefix("//") || target.containsBytes(":") { return nil }
        if target.containsBytes("%") { target = target.removingPercentEncoding ?? target }
        var segments: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        return target.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}
