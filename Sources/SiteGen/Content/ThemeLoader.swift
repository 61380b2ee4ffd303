#if canImport(Glibc)
import Glibc
import SiteGenCore
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `themes/<name>/templates/**/*.mustache` into a `Theme` and lists
/// `themes/<name>/static/**` as files to copy.
enum ThemeLoader {
    /// What a theme folder provides.
    struct Loaded {
        /// The templates by name (`article`, `partials/header`…).
        var theme: Theme
        /// Static files, output path relative to `static/`, sorted.
        var staticFiles: [StaticFile]
        /// Problems found.
        var diagnostics: Diagnostics
    }

    /// Loads theme `name` from the site at `siteRoot` (a real path); a missing theme is reported
    /// at `declaredAt` (the `theme:` value in `site.yml`) when known.
    static func load(name: String, siteRoot: String, declaredAt location: SourceLocation? = nil) -> Loaded {
        var diagnostics = Diagnostics()
        var walker = SiteWalker(siteRoot: siteRoot)
        let themeFolder = "themes/" + name
        guard isDirectory(walker.siteRoot + "/" + themeFolder) else {
            diagnostics.error("theme '\(name)' not found: there is no folder \(themeFolder)", at: location ?? SourceLocation(path: "site.yml"))
            return Loaded(theme: Theme(name: name, templates: [:]), staticFiles: [], diagnostics: diagnostics)
        }
        var templates: [String: TemplateSource] = [:]
        let templatesFolder = themeFolder + "/templates"
        if isDirectory(walker.siteRoot + "/" + templatesFolder) {
            for entry in walker.files(in: templatesFolder) where entry.relativePath.hasSuffix(".mustache") {
                let path = templatesFolder + "/" + entry.relativePath
                let name = String(entry.relativePath.dropLast(".mustache".count))
                switch FileReader.read(entry.absolutePath) {
                case .failure(let failure):
                    diagnostics.error("cannot read template: \(failure.reason)", at: SourceLocation(path: path))
                case .success(let bytes):
                    switch SourceDecoder.decode(bytes, path: path) {
                    case .failure(let failure): diagnostics.append(failure.diagnostic)
                    case .success(let source): templates[name] = TemplateSource(path: path, text: source.text)
                    }
                }
            }
        } else {
            diagnostics.error("theme '\(name)' has no templates folder (\(templatesFolder))", at: SourceLocation(path: themeFolder))
        }
        let staticFolder = themeFolder + "/static"
        let staticFiles = walker.files(in: staticFolder).map {
            StaticFile(listed: $0, outputPath: $0.relativePath)
        }
        diagnostics.append(contentsOf: walker.diagnostics)
        return Loaded(theme: Theme(name: name, templates: templates), staticFiles: staticFiles, diagnostics: diagnostics)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
