import Mustache
import SiteGenCore

/// The template engine's HTML escaping, done on UTF-8 bytes.
///
/// swift-mustache escapes the same five characters (`& < > " '`) but walks the string one
/// grapheme cluster at a time, which took a quarter of a build's time. Every template sitegen
/// compiles selects this content type, so escaping stays on by default for every `{{value}}`;
/// only its speed changes.
struct HTMLContentType: MustacheContentType {
    /// The name templates are switched to with the `CONTENT_TYPE` pragma.
    static let name = "SITEGEN_HTML"

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escapeHTML(text)
    }

    /// Registers the content type with the engine (idempotent).
    static func register() {
        MustacheContentTypes.register(HTMLContentType(), named: name)
    }

    /// The pragma put in front of every template.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"
}
