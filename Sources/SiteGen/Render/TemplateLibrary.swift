import Mustache
import SiteGenCore

/// The theme's templates compiled once per build, with parse errors turned into diagnostics
/// that name the template file, line and column.
struct TemplateLibrary: Sendable {
    /// Templates every theme must provide.
    static let required = ["base", "header", "footer", "sidebar", "article", "column", "home", "tag", "tags", "404"]

    private let library: MustacheLibrary
    /// Hash of every template's name and text and of the engine version: part of every page's
    /// fingerprint, so editing a template re-renders what uses it.
    let fingerprint: UInt64
    /// Whether `TemplateSpecializer` may specialize these templates (`SpecializationGate`).
    let specializable: Bool
    /// Every template's name (`article`, `partials/pager`, `views/li`…).
    let names: [String]
    /// The content views (`views/<name>` templates) by name, sorted.
    var viewNames: [String] {
        names.filter { $0.hasPrefix("views/") }.map { String($0.dropFirst("views/".count)) }
    }

    /// Compiles every template of `theme`; returns `nil` when a required template is missing or
    /// any template fails to parse.
    static func compile(_ theme: Theme) -> (library: TemplateLibrary?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var templates: [String: MustacheTemplate] = [:]
        HTMLContentType.register()
        let pragma = HTMLContentType.pragma
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                // The pragma shares the first line, so only line 1's columns shift.
                templates[name] = try MustacheTemplate(string: pragma + source.text)
            } catch let error as MustacheTemplate.ParserError {
                let firstLine = error.context.lineNumber == 1
                let line = firstLine ? String(error.context.line.dropFirst(pragma.count)) : error.context.line
                diagnostics.error(
                    "template syntax error: \(describe(error.error))",
                    at: SourceLocation(
                        path: source.path,
                        line: error.context.lineNumber,
                        column: max(1, error.context.columnNumber - (firstLine ? pragma.count : 0))
                    ),
                    sourceLine: line
                )
            } catch {
                diagnostics.error("template syntax error: \(error)", at: SourceLocation(path: source.path))
            }
        }
        for name in required where theme.templates[name] == nil {
            diagnostics.error("theme '\(theme.name)' has no template '\(name).mustache'", at: SourceLocation(path: "themes/\(theme.name)/templates"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let sources = theme.templates.keys.sorted().flatMap { [$0, theme.templates[$0]!.text] }
        let fingerprint = Fingerprint.of(seed: 0x7465_6D70_6C61_7465, SiteGenVersion.engine, sources)
        let specializable = SpecializationGate.allows(theme.templates.values.map(\.text))
        let library = TemplateLibrary(
            library: MustacheLibrary(templates: templates), fingerprint: fingerprint,
            specializable: specializable, names: theme.templates.keys.sorted()
        )
        return (library, diagnostics)
    }

    /// Renders template `name` with a view model.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders template `name` with any context object (a recording node while specializing).
    func render(_ name: String, object: Any) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    private static func describe(_ error: any Error) -> String {
        guard let parseError = error as? MustacheTemplate.Error else { return "\(error)" }
        switch parseError {
        case .sectionCloseNameIncorrect: return "section closed with the wrong name"
        case .unfinishedName: return "unfinished tag name (missing '}}'?)"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "\(parseError)"
        }
    }
}
