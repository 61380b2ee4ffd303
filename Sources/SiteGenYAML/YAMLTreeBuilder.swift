
/// Assembles `YAMLNode`s from a stream of parse events, resolving anchors and enforcing
/// `YAMLParser.Limits`.
///
/// Kept apart from the libyaml calls so that the tree logic is plain Swift.
package struct YAMLTreeBuilder {
    /// The kind of collection being opened.
    package enum CollectionKind {
        case sequence
        case mapping
    }

    /// A collection whose end event has not arrived yet.
    private struct OpenCollection {
        package var kind: CollectionKind
        package var mark: YAMLMark
        package var anchor: String?
        package var items: [YAMLNode] = []
        package var pairs: [YAMLPair] = []
        package var pendingKey: YAMLNode?
        package var keys: Set<String> = []
        /// Nodes in this subtree, itself included.
        package var size = 1
        /// Height of the tallest child subtree.
        package var childHeight = 0
    }

    /// An anchored node remembered for later aliases.
    private struct Anchored {
        package var node: YAMLNode
        package var size: Int
        package var height: Int
    }

    private let limits: YAMLParser.Limits
    private var stack: [OpenCollection] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    /// The finished top-level node, once there is one.
    private(set) var root: YAMLNode?

    /// Creates a builder with the given caps.
    package init(limits: YAMLParser.Limits) {
        self.limits = limits
    }

    /// Adds a scalar (a leaf) at the current position.
    package mutating func add(_ node: YAMLNode, anchor: String?) throws(YAMLError) {
        try count(1, at: node)
        if let anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0) }
        try attach(node, size: 1, height: 0)
    }

    /// Opens a sequence or mapping.
    mutating func open(_ kind: CollectionKind, at mark: YAMLMark, anchor: String?) throws(YAMLError) {
        if stack.count + 1 > limits.maxDepth {
            throw YAMLError("nesting is deeper than \(limits.maxDepth) levels", line: mark.line, column: mark.column)
        }
        if stack.last?.kind == .mapping, stack.last?.pendingKey == nil {
            throw YAMLError("a mapping key must be a scalar, not a \(kind == .sequence ? "list" : "mapping")",
                            line: mark.line, column: mark.column)
        }
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw YAMLError("the document has more than \(limits.maxNodes) nodes", line: mark.line, column: mark.column)
        }
        stack.append(OpenCollection(kind: kind, mark: mark, anchor: anchor))
    }

    /// Closes the innermost collection.
    package mutating func close() throws(YAMLError) {
        guard let done = stack.popLast() else { return }
        let value: YAMLValue = done.kind == .sequence ? .sequence(done.items) : .mapping(done.pairs)
        let node = YAMLNode(value, line: done.mark.line, column: done.mark.column)
        let height = done.childHeight + 1
        if let anchor = done.anchor { anchors[anchor] = Anchored(node: node, size: done.size, height: height) }
        try attach(node, size: done.size, height: height)
    }

    /// Inserts a copy of an anchored node.
    package mutating func alias(_ name: String, at mark: YAMLMark) throws(YAMLError) {
        guard let target = anchors[name] else {
            throw YAMLError("unknown alias '*\(name)'", line: mark.line, column: mark.column)
        }
        if stack.count + target.height > limits.maxDepth {
            throw YAMLError("alias '*\(name)' nests deeper than \(limits.maxDepth) levels", line: mark.line, column: mark.column)
        }
        let node = YAMLNode(target.node.value, line: mark.line, column: mark.column)
        try count(target.size, at: node)
        try attach(node, size: target.size, height: target.height)
    }

    private mutating func count(_ size: Int, at node: YAMLNode) throws(YAMLError) {
        nodeCount += size
        if nodeCount > limits.maxNodes {
            throw YAMLError("the document has more than \(limits.maxNodes) nodes (alias expansion?)",
                            line: node.line, column: node.column)
        }
    }

    private mutating func attach(_ node: YAMLNode, size: Int, height: Int) throws(YAMLError) {
        guard var parent = stack.popLast() else {
            if root == nil { root = node }
            return
        }
        parent.childHeight = max(parent.childHeight, height)
        // Collections count themselves when opened; leaves and aliases add their size here.
        parent.size += size
        switch parent.kind {
        case .sequence:
            parent.items.append(node)
        case .mapping:
            if let key = parent.pendingKey {
                parent.pairs.append(YAMLPair(key: key, value: node))
                parent.pendingKey = nil
            } else {
                guard case .scalar(let name, _) = node.value else {
                    throw YAMLError("a mapping key must be a scalar", line: node.line, column: node.column)
                }
                if parent.keys.contains(name) {
                    throw YAMLError("duplicate key '\(name)'", line: node.line, column: node.column)
                }
                parent.keys.insert(name)
                parent.pendingKey = node
            }
        }
        stack.append(parent)
    }
}
