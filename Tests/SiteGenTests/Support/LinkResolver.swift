import Foundation

/// Resolves a link found in a generated page to the output file it should open, the way a
/// static web server would: the site's base path is stripped, relative links are resolved
/// against the page's folder, `%xx` is decoded, and `…/` means `…/index.html`.
struct LinkResolver {
    /// The path part of `base_url`, starting and ending with `/` (e.g. `/news/`).
    let basePath: String

    /// What a link points at.
    enum Target: Equatable, Sendable {
        /// Another site or scheme (`https:`, `mailto:`, `//host`), or only a `#fragment`.
        case external
        /// An output path relative to the output folder (e.g. `guonei/index.html`).
        case file(String)
        /// A root-relative link outside the base path, or a `..` climbing above the output root.
        case outside(String)
    }

    /// Resolves `link` found in the output file `page` (e.g. `guonei/2024/0710/a.html`).
    func resolve(_ link: String, fromPage page: String) -> Target {
        var target = link
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.isEmpty || target.hasPrefix("//") { return .external }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return .external }
        let root: [Substring]
        if target.hasPrefix("/") {
            guard target.hasPrefix(basePath) || target + "/" == basePath else { return .outside(link) }
            target = String(target.dropFirst(min(basePath.count, target.count)))
            root = []
        } else {
            root = page.split(separator: "/").dropLast()
        }
        guard let decoded = target.removingPercentEncoding else { return .outside(link) }
        var segments = root
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return .outside(link) }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let endsInFolder = decoded.isEmpty || decoded.hasSuffix("/") || decoded.hasSuffix("/.") || decoded.hasSuffix("/..")
            || decoded == "." || decoded == ".."
        var path = segments.joined(separator: "/")
        if endsInFolder { path += path.isEmpty ? "index.html" : "/index.html" }
        return .file(path)
    }
}
