import SiteGenCore

/// Reads typed fields out of a parsed YAML tree and records a positioned diagnostic for every
/// value of the wrong shape, so that config and front matter readers stay short.
///
/// Positions of nodes are relative to the YAML text; `lineOffset` turns them into file lines
/// (front matter starts on line 2 of its file, so its offset is 1).
package struct YAMLFieldReader {
    /// The file the YAML came from.
    package let source: SourceText
    /// Added to node lines to get file lines.
    package let lineOffset: Int
    /// Everything reported so far.
    package var diagnostics = Diagnostics()

    /// Creates a reader for YAML that starts `lineOffset` lines into `source`.
    package init(source: SourceText, lineOffset: Int) {
        self.source = source
        self.lineOffset = lineOffset
    }

    /// The file location of a node.
    package func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: source.path, line: node.line + lineOffset, column: node.column)
    }

    /// Records an error at a node.
    package mutating func error(_ message: String, at node: YAMLNode) {
        diagnostics.append(source.error(message, line: node.line + lineOffset, column: node.column))
    }

    /// Records a warning at a node.
    package mutating func warning(_ message: String, at node: YAMLNode) {
        diagnostics.append(source.warning(message, line: node.line + lineOffset, column: node.column))
    }

    /// A scalar's text; `nil` (and an error unless it is null) for anything else.
    /// Plain numbers and booleans are accepted as their text: `title: 2024` is a fine title.
    package mutating func string(_ node: YAMLNode, name: String) -> String? {
        if node.isNull { return nil }
        guard let text = node.scalarText else {
            error("expected a string for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        return text
    }

    /// An integer of at least `minimum`; `nil` and an error otherwise (null is absent).
    package mutating func int(_ node: YAMLNode, name: String, minimum: Int) -> Int? {
        if node.isNull { return nil }
        let wanted = minimum == 0 ? "a non-negative integer" : "an integer of at least \(minimum)"
        guard case .int(let value) = node.templateValue else {
            error("expected \(wanted) for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        guard value >= minimum else {
            error("expected \(wanted) for '\(name)', found \(value)", at: node)
            return nil
        }
        return value
    }

    /// A boolean (`true`/`false`); `nil` and an error otherwise (null is absent).
    package mutating func bool(_ node: YAMLNode, name: String) -> Bool? {
        if node.isNull { return nil }
        guard case .bool(let value) = node.templateValue else {
            error("expected true or false for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        return value
    }

    /// A list of strings with the node of each item; `nil` and an error otherwise.
    package mutating func stringList(_ node: YAMLNode, name: String) -> [(text: String, node: YAMLNode)]? {
        if node.isNull { return [] }
        guard let items = node.items else {
            error("expected a list of strings for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        return strings(in: items, name: name)
    }

    /// A single string or a list of strings, as a list.
    package mutating func stringOrList(_ node: YAMLNode, name: String) -> [(text: String, node: YAMLNode)]? {
        if node.isNull { return [] }
        if let text = node.scalarText { return [(text, node)] }
        guard let items = node.items else {
            error("expected a string or a list of strings for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        return strings(in: items, name: name)
    }

    /// A mapping's pairs; `nil` and an error otherwise (null is an empty mapping).
    package mutating func mapping(_ node: YAMLNode, name: String) -> [YAMLPair]? {
        if node.isNull { return [] }
        guard let pairs = node.pairs else {
            error("expected a mapping for '\(name)', found \(node.kindDescription)", at: node)
            return nil
        }
        return pairs
    }

    private mutating func strings(in items: [YAMLNode], name: String) -> [(text: String, node: YAMLNode)]? {
        var result: [(text: String, node: YAMLNode)] = []
        var valid = true
        for item in items {
            guard let text = item.scalarText, !item.isNull else {
                error("expected a list of strings for '\(name)', found \(item.kindDescription) in the list", at: item)
                valid = false
                continue
            }
            result.append((text, item))
        }
        return valid ? result : nil
    }
}
