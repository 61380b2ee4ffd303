import SiteGenCore
import SiteGenYAML

/// Reads a column's `_index.md`: optional front matter with `title` and `description`, then a
/// Markdown body. A file without front matter is all body; other keys (Hugo's `weight`…) are
/// ignored.
enum ColumnIndexParser {
    /// Parses the text of `content/<columnPath>/_index.md`.
    static func parse(text: String, columnPath: String) -> (ColumnIndex?, Diagnostics) {
        let path = "content/" + (columnPath.isEmpty ? "" : columnPath + "/") + "_index.md"
        switch SourceDecoder.decode(Array(text.utf8), path: path) {
        case .failure(let failure): return (nil, Diagnostics([failure.diagnostic]))
        case .success(let source): return parse(source: source, columnPath: columnPath)
        }
    }

    /// Parses decoded text; the loader's entry point.
    static func parse(source: SourceText, columnPath: String) -> (ColumnIndex?, Diagnostics) {
        var diagnostics = Diagnostics()
        switch FrontMatter.split(source.text) {
        case .empty:
            return (ColumnIndex(columnPath: columnPath), diagnostics)
        case .missing:
            return (ColumnIndex(columnPath: columnPath, body: source.text), diagnostics)
        case .unterminated:
            diagnostics.append(source.error("unterminated front matter: no closing '---' line", line: 1, column: 1))
            return (nil, diagnostics)
        case .found(let yaml, let body, let bodyLine):
            guard let parsed = FrontMatterReader.parse(yaml: yaml, body: body, bodyLine: bodyLine, source: source, diagnostics: &diagnostics) else {
                return (nil, diagnostics)
            }
            var reader = YAMLFieldReader(source: source, lineOffset: FrontMatterReader.lineOffset)
            var index = ColumnIndex(columnPath: columnPath, body: String(parsed.body))
            for pair in parsed.pairs {
                switch pair.name {
                case "title": index.title = reader.string(pair.value, name: "title")
                case "description": index.description = reader.string(pair.value, name: "description")
                default: continue
                }
            }
            diagnostics.append(contentsOf: reader.diagnostics)
            return (diagnostics.hasErrors ? nil : index, diagnostics)
        }
    }
}
