import Foundation
import SiteGenCore
import SiteGenYAML

/// Reads one article file (front matter + Markdown) into an `Article`, reporting every problem
/// of the file with its position. Pure: no disk access, so tests and the dev server can call it.
enum ArticleParser {
    /// Parses the text of `content/<id>` with the site's settings. The article is `nil` when any
    /// error was found; all errors of the file are in the diagnostics.
    static func parse(text: String, id: String, config: SiteConfig) -> (Article?, Diagnostics) {
        let path = "content/" + id
        switch SourceDecoder.decode(Array(text.utf8), path: path) {
        case .failure(let failure):
            return (nil, Diagnostics([failure.diagnostic]))
        case .success(let source):
            return parse(source: source, id: id, dates: DateParser(timeZone: config.timeZone))
        }
    }

    /// Parses decoded text; the loader's entry point (the date parser is made once per build).
    static func parse(source: SourceText, id: String, dates: DateParser) -> (Article?, Diagnostics) {
        var diagnostics = Diagnostics()
        let parsed: FrontMatterReader.Parsed
        switch FrontMatter.split(source.text) {
        case .empty:
            diagnostics.append(source.error("empty file: an article needs front matter with a title and a date", line: 1, column: 1))
            return (nil, diagnostics)
        case .missing:
            diagnostics.append(source.error("missing front matter: the first line of an article must be '---'", line: 1, column: 1))
            return (nil, diagnostics)
        case .unterminated:
            diagnostics.append(source.error("unterminated front matter: no closing '---' line", line: 1, column: 1))
            return (nil, diagnostics)
        case .found(let yaml, let body, let bodyLine):
            guard let result = FrontMatterReader.parse(yaml: yaml, body: body, bodyLine: bodyLine, source: source, diagnostics: &diagnostics) else {
                return (nil, diagnostics)
            }
            parsed = result
        }

        var fields = ArticleFields(reader: YAMLFieldReader(source: source, lineOffset: FrontMatterReader.lineOffset), dates: dates)
        for pair in parsed.pairs { fields.read(pair) }
        if fields.title == nil, !fields.sawTitle {
            diagnostics.append(source.error("missing 'title' in front matter", line: 1, column: 1))
        }
        if fields.date == nil, !fields.sawDate {
            diagnostics.append(source.error("missing 'date' in front matter", line: 1, column: 1))
        }
        diagnostics.append(contentsOf: fields.reader.diagnostics)
        guard !diagnostics.hasErrors, let title = fields.title, let date = fields.date else { return (nil, diagnostics) }

        let (columnPath, fileName) = split(id: id)
        var article = Article(id: id, columnPath: columnPath, slug: fields.slug ?? fileName,
                              title: title, date: date, body: String(parsed.body), bodyLine: parsed.bodyLine)
        article.source = fields.source
        article.authors = fields.authors
        article.tags = fields.tags
        article.summary = fields.summary
        article.cover = fields.cover
        article.coverLocation = fields.coverLocation
        article.flags = fields.flags
        article.hits = fields.hits
        article.draft = fields.draft
        article.params = fields.params
        return (article, diagnostics)
    }

    /// The column path (folder) and the file name without `.md` of an article id.
    static func split(id: String) -> (columnPath: String, slug: String) {
        let slash = id.lastIndex(of: "/")
        let folder = slash.map { String(id[..<$0]) } ?? ""
        var name = slash.map { String(id[id.index(after: $0)...]) } ?? id
        if name.hasSuffix(".md") { name.removeLast(3) }
        return (folder, name)
    }
}
