import SiteGenCore

/// Turns output paths into the links pages carry, honouring `base_url`'s sub-path.
///
/// Pages link root-relative (`/news/guonei/`) so the same output works on any host name the
/// site is mirrored to; canonical links, Open Graph and feeds use absolute URLs.
struct SiteURLs: Sendable, Hashable {
    /// `base_url` as configured, ending in `/` (e.g. `https://example.cn/news/`).
    let base: String
    /// The path part of `base`, starting and ending with `/` (e.g. `/news/`).
    let basePath: String
    /// `scheme://host` of `base`, empty when `base` is a bare path.
    let origin: String

    /// Splits `baseURL` into origin and path.
    init(baseURL: String) {
        var url = baseURL.isEmpty ? "/" : baseURL
        if !url.hasSuffix("/") { url += "/" }
        base = url
        if let schemeEnd = url.range(of: "://") {
            let afterScheme = url[schemeEnd.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") {
                origin = String(url[..<slash])
                basePath = String(url[slash...])
            } else {
                origin = url
                basePath = "/"
            }
        } else {
            origin = ""
            basePath = url.hasPrefix("/") ? url : "/" + url
        }
    }

    /// The root-relative link to an output path: `guonei/index.html` → `/news/guonei/`.
    func href(_ outputPath: String) -> String {
        basePath + URLPathEncoding.encodePath(Self.prettyPath(outputPath))
    }

    /// The absolute URL of an output path.
    func absolute(_ outputPath: String) -> String {
        origin + href(outputPath)
    }

    /// A link for a site path written by an editor (`/uploads/a.jpg`): root-relative paths get
    /// the base path; absolute URLs are kept.
    func hrefForSitePath(_ path: String) -> String {
        if path.hasPrefix("/") && !path.hasPrefix("//") { return basePath + path.dropFirst() }
        return path
    }

    /// The absolute form of `hrefForSitePath`.
    func absoluteForSitePath(_ path: String) -> String {
        let link = hrefForSitePath(path)
        return link.hasPrefix("/") && !link.hasPrefix("//") ? origin + link : link
    }

    /// `dir/index.html` → `dir/`; other paths unchanged.
    static func prettyPath(_ outputPath: String) -> String {
        if outputPath == "index.html" { return "" }
        if outputPath.hasSuffix("/index.html") { return String(outputPath.dropLast("index.html".count)) }
        return outputPath
    }
}

extension SiteURLs {
    /// The `{name, url}` view model of a column, as navigation, breadcrumbs and sidebars show it.
    func link(to column: Column) -> [String: Any] {
        ["name": column.name, "url": href(SiteGraph.directory(ofColumn: column.id))]
    }

    /// The link of a tag's first page (UTF-8 on disk, percent-encoded here).
    func href(tag name: String) -> String {
        href(Tag.directory(ofSegment: Slug.tagURLSegment(name)))
    }
}
