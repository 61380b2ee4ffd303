
/// A theme's templates as text, read by the load stage from `themes/<name>/templates/`.
public struct Theme: Sendable, Hashable {
    /// Theme name (folder under `themes/`).
    public var name: String
    /// Template sources by name without extension (`article`, `partials/header`…), with the
    /// path relative to the site folder for error messages.
    public var templates: [String: TemplateSource]

    /// Creates a theme.
    public init(name: String, templates: [String: TemplateSource]) {
        self.name = name
        self.templates = templates
    }
}

/// The text of one template file.
public struct TemplateSource: Sendable, Hashable {
    /// Path relative to the site folder, e.g. `themes/default/templates/article.mustache`.
    public var path: String
    /// The template text.
    public var text: String

    /// Creates a template source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
