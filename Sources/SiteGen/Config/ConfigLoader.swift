import Foundation
import SiteGenCore
import SiteGenYAML

/// Reads `site.yml` into a `SiteConfig`, every value checked for its type and range and every
/// problem reported at its position in the file.
enum ConfigLoader {
    /// Deepest column nesting accepted; deeper trees are certainly a mistake.
    static let maxColumnDepth = 32

    /// Reads `<siteDirectory>/site.yml`.
    static func load(siteDirectory: String) -> (SiteConfig?, Diagnostics) {
        let path = siteDirectory.hasSuffix("/") ? siteDirectory + "site.yml" : siteDirectory + "/site.yml"
        switch FileReader.read(path) {
        case .failure(let failure):
            let message = failure.isMissing
                ? "site.yml not found in \(siteDirectory): every site needs one, with at least a title"
                : "cannot read site.yml: \(failure.reason)"
            return (nil, Diagnostics([.error(message, at: SourceLocation(path: "site.yml"))]))
        case .success(let bytes):
            switch SourceDecoder.decode(bytes, path: "site.yml") {
            case .failure(let failure): return (nil, Diagnostics([failure.diagnostic]))
            case .success(let source): return parse(source: source)
            }
        }
    }

    /// Parses the text of a `site.yml`; `path` is the name used in messages.
    static func parse(text: String, path: String) -> (SiteConfig?, Diagnostics) {
        switch SourceDecoder.decode(Array(text.utf8), path: path) {
        case .failure(let failure): return (nil, Diagnostics([failure.diagnostic]))
        case .success(let source): return parse(source: source)
        }
    }

    /// Parses decoded text.
    static func parse(source: SourceText) -> (SiteConfig?, Diagnostics) {
        var diagnostics = Diagnostics()
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(source.text, limits: YAMLParser.Limits(maxDepth: 4 * ConfigLoader.maxColumnDepth))
        } catch {
            diagnostics.append(source.error("invalid YAML: \(error.message)", line: error.line, column: error.column))
            return (nil, diagnostics)
        }
        guard let root, !root.isNull else {
            diagnostics.append(source.error("\(source.path) is empty: 'title' is required", line: 1, column: 1))
            return (nil, diagnostics)
        }
        guard let pairs = root.pairs else {
            diagnostics.append(source.error("\(source.path) must be a mapping of keys to values, found \(root.kindDescription)",
                                            line: root.line, column: root.column))
            return (nil, diagnostics)
        }
        var fields = ConfigFields(reader: YAMLFieldReader(source: source, lineOffset: 0))
        for pair in pairs { fields.read(pair) }
        diagnostics.append(contentsOf: fields.reader.diagnostics)
        if !fields.sawTitle {
            diagnostics.append(source.error("missing 'title' in \(source.path)", line: 1, column: 1))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var config = fields.config
        config.sourceKey = Fingerprint.of(text: source.text)
        return (config, diagnostics)
    }

    /// `base_url` made to end in `/` (an empty one becomes `/`).
    static func normalisedBaseURL(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "/" }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }
}
