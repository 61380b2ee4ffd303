
/// A YAML value with the position where it starts, as read by `YAMLParser`.
///
/// Scalars stay text: typing (int, bool, date…) is decided by whoever reads the value, because
/// YAML 1.2's core schema applies only to plain scalars and a quoted `"2024"` is a string.
public struct YAMLNode: Sendable, Hashable {
    /// The value.
    public var value: YAMLValue
    /// 1-based line of the node's first character, relative to the parsed text.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the node's first character.
    public var column: Int

    /// Creates a node.
    public init(_ value: YAMLValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// The shape of a YAML value.
public enum YAMLValue: Sendable, Hashable {
    /// A scalar's text; `plain` is false for quoted and block scalars (which are always strings).
    case scalar(String, plain: Bool)
    /// A sequence.
    case sequence([YAMLNode])
    /// A mapping, in document order. Keys are scalars (non-scalar keys are rejected by the parser).
    case mapping([YAMLPair])
}

/// One key-value pair of a YAML mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var name: String {
        if case .scalar(let text, _) = key.value { return text }
        return ""
    }
}
