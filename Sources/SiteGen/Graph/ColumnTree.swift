
/// The site's columns, flattened in declaration (pre-)order and indexed by id.
public struct ColumnTree: Sendable, Hashable {
    /// Columns by id.
    public private(set) var columns: [String: Column] = [:]
    /// Every column id in declaration pre-order (parents before children): the site's nav order.
    public private(set) var order: [String] = []
    /// Top-level column ids in declaration order.
    public private(set) var topLevel: [String] = []

    /// Builds the tree from `site.yml`'s declarations, applying `_index.md` titles and descriptions.
    /// Duplicate sibling slugs are reported by the config loader; here the first one wins.
    public init(declarations: [ColumnDeclaration], indexes: [String: ColumnIndex] = [:]) {
        for declaration in declarations {
            add(declaration, parent: nil, ancestors: [], indexes: indexes)
        }
        topLevel = declarations.map(\.slug).filter { columns[$0] != nil }
        var seen = Set<String>()
        topLevel = topLevel.filter { seen.insert($0).inserted }
    }

    private mutating func add(_ declaration: ColumnDeclaration, parent: String?, ancestors: [String], indexes: [String: ColumnIndex]) {
        let id = parent.map { $0 + "/" + declaration.slug } ?? declaration.slug
        guard columns[id] == nil else { return }
        let index = indexes[id]
        let column = Column(
            id: id,
            slug: declaration.slug,
            name: declaration.name,
            description: index?.description ?? declaration.description ?? "",
            parent: parent,
            children: [],
            ancestors: ancestors
        )
        columns[id] = column
        order.append(id)
        if let parent { columns[parent]?.children.append(id) }
        for child in declaration.children {
            add(child, parent: id, ancestors: ancestors + [id], indexes: indexes)
        }
    }

    /// The column with this id.
    public subscript(id: String) -> Column? { columns[id] }

    /// The column itself and all its ancestors' ids, top first: the breadcrumb chain.
    public func chain(to id: String) -> [String] {
        guard let column = columns[id] else { return [] }
        return column.ancestors + [id]
    }
}
