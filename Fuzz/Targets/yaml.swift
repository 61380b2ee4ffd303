/// libFuzzer entry for the YAML layer: libyaml events → `YAMLTreeBuilder` (anchors, limits,
/// duplicate keys) → core-schema typing of every node. Errors must carry a 1-based position.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        guard let root = try YAMLParser.parse(text) else { return 0 }
        visit(root)
    } catch {
        precondition(error.line >= 1 && error.column >= 1, "error without a position: \(error)")
    }
    return 0
}

private func visit(_ node: YAMLNode) {
    precondition(node.line >= 1 && node.column >= 1)
    _ = node.kindDescription
    _ = node.templateValue
    switch node.value {
    case .scalar: break
    case .sequence(let items): items.forEach(visit)
    case .mapping(let pairs): pairs.forEach { visit($0.key); visit($0.value) }
    }
}
