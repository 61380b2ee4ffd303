import SiteGenCore


/// Converts pass-through front matter and `site.yml` values into what templates read.
enum TemplateValues {
    /// A dictionary of template values as a template context.
    static func context(_ values: [String: TemplateValue]) -> [String: Any] {
        values.mapValues(any)
    }

    /// One value as a template context value.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text): return text
        case .int(let number): return number
        case .double(let number): return number
        case .bool(let flag): return flag
        case .list(let items): return items.map(any)
        case .map(let values): return context(values)
        case .null: return ""
        }
    }
}
