/// A value passed through from front matter or `site.yml` to templates unchanged in shape.
///
/// Sendable and hashable so that articles stay plain values; the renderer turns it into what
/// the template engine reads.
public indirect enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case null
}
