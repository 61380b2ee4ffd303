import SiteGenCore


extension YAMLNode {
    /// The node as a template value, plain scalars typed by the YAML 1.2 core schema.
    package var templateValue: TemplateValue {
        switch value {
        case .scalar(let text, let plain):
            return YAMLCoreSchema.resolve(text, plain: plain)
        case .sequence(let items):
            return .list(items.map(\.templateValue))
        case .mapping(let pairs):
            var map: [String: TemplateValue] = [:]
            for pair in pairs { map[pair.name] = pair.value.templateValue }
            return .map(map)
        }
    }

    /// Whether the node is a plain null (`~`, `null` or an empty value).
    package var isNull: Bool {
        if case .scalar(let text, true) = value { return YAMLCoreSchema.isNull(text) }
        return false
    }

    /// The text of a scalar node, `nil` for collections.
    package var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// The node's pairs if it is a mapping.
    package var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The node's items if it is a sequence.
    package var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// What the node is, for messages: `a string`, `an integer`, `a list`…
    package var kindDescription: String {
        switch value {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            switch templateValue {
            case .string: return "a string"
            case .int: return "an integer"
            case .double: return "a number"
            case .bool: return "a boolean"
            case .null: return "nothing"
            case .list, .map: return "a collection"
            }
        }
    }
}
