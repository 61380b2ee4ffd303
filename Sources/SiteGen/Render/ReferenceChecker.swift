import SiteGenCore

/// Warns about local links and images in articles that point at no file of the built site.
///
/// Pure: it compares the references the Markdown stage found with the set of output paths.
struct ReferenceChecker {
    /// Every output path of the site (pages, feeds, copied files).
    let outputPaths: Set<String>

    /// Warnings for every unresolved local reference of every article, and for covers.
    func check(_ graph: SiteGraph, prepared: [PreparedArticle]) -> Diagnostics {
        let perArticle = ParallelWork.map(graph.articles.count) { index in
            check(graph.articles, index, path: graph.articlePaths[index], prepared: prepared[index])
        }
        var diagnostics = Diagnostics()
        for found in perArticle { diagnostics.append(contentsOf: found) }
        return diagnostics
    }

    /// The warnings of the links, images and cover of `articles[index]` (read in place: a copy
    /// of each article would retain all its strings).
    private func check(_ articles: [Article], _ index: Int, path articlePath: String, prepared: PreparedArticle) -> Diagnostics {
        var diagnostics = Diagnostics()
        let directory = articlePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(articlePath[..<$0]) } ?? ""
        for reference in prepared.references {
            guard let path = Self.localPath(reference.destination, relativeTo: directory) else { continue }
            if !resolves(path) {
                let what = reference.kind == .image ? "image" : "link"
                diagnostics.warning(
                    "\(what) '\(reference.destination)' points at no file of the site",
                    at: SourceLocation(path: articles[index].sourcePath, line: reference.line, column: reference.column)
                )
            }
        }
        if let cover = articles[index].cover, let path = Self.localPath(cover, relativeTo: ""), !resolves(path) {
            diagnostics.warning(
                "cover '\(cover)' points at no file of the site",
                at: articles[index].coverLocation ?? SourceLocation(path: articles[index].sourcePath, line: 1, column: 1)
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
    /// Works on UTF-8 bytes: every reference of every article goes through here.
    static func localPath(_ destination: String, relativeTo directory: String) -> String? {
        let slash = UInt8(ascii: "/")
        var target = Array(destination.utf8)
        if let cut = target.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            target.removeSubrange(cut...)
        }
        if target.isEmpty || target.starts(with: [slash, slash]) || target.contains(UInt8(ascii: ":")) { return nil }
        if target.contains(UInt8(ascii: "%")) {
            let text = String(decoding: target, as: UTF8.self)
            target = Array((text.removingPercentEncoding ?? text).utf8)
        }
        var segments: [ArraySlice<UInt8>] = target.first == slash ? [] : Array(directory.utf8).split(separator: slash)
        for segment in target.split(separator: slash) {
            if segment.elementsEqual(CollectionOfOne(UInt8(ascii: "."))) { continue }
            if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        var joined: [UInt8] = []
        for (index, segment) in segments.enumerated() {
            if index > 0 { joined.append(slash) }
            joined.append(contentsOf: segment)
        }
        if target.last == slash && !joined.isEmpty { joined.append(slash) }
        return String(decoding: joined, as: UTF8.self)
    }
}
