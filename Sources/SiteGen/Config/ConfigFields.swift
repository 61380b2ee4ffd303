import Foundation
import SiteGenYAML

/// The keys of `site.yml` as they are read one pair at a time into a `SiteConfig`.
struct ConfigFields {
    /// Collects the diagnostics.
    var reader: YAMLFieldReader
    /// The configuration so far (the title is filled in when read).
    var config = SiteConfig(title: "")
    /// Whether a usable `title` was seen.
    var sawTitle = false

    /// Starts from the defaults.
    init(reader: YAMLFieldReader) {
        self.reader = reader
    }

    /// Reads one top-level pair.
    mutating func read(_ pair: YAMLPair) {
        let node = pair.value
        switch pair.name {
        case "title":
            sawTitle = true
            if let title = reader.string(node, name: "title"), !title.trimmingCharacters(in: .whitespaces).isEmpty {
                config.title = title
            } else if node.scalarText != nil {
                reader.error("'title' must not be empty", at: node.isNull ? pair.key : node)
            }
        case "subtitle": config.subtitle = reader.string(node, name: "subtitle") ?? ""
        case "base_url":
            if let url = reader.string(node, name: "base_url") { config.baseURL = ConfigLoader.normalisedBaseURL(url) }
        case "language": if let language = reader.string(node, name: "language") { config.language = language }
        case "timezone": readTimeZone(node)
        case "paginate": if let value = reader.int(node, name: "paginate", minimum: 1) { config.paginate = value }
        case "theme":
            guard let theme = reader.string(node, name: "theme") else { return }
            if ArticleFields.isValidSlug(theme) {
                config.theme = theme
                config.themeLocation = reader.location(of: node)
            } else {
                reader.error("invalid theme name '\(theme)': it names a folder under themes/", at: node)
            }
        case "description": config.description = reader.string(node, name: "description") ?? ""
        case "contacts": readContacts(node)
        case "footer": config.footerLines = (reader.stringOrList(node, name: "footer") ?? []).map(\.text)
        case "columns": config.columns = readColumns(node, parentPath: "", depth: 1)
        case "lists": readLists(node)
        case "summary_width": if let value = reader.int(node, name: "summary_width", minimum: 1) { config.summaryWidth = value }
        case "title_width": if let value = reader.int(node, name: "title_width", minimum: 1) { config.titleWidth = value }
        case "feed_items": if let value = reader.int(node, name: "feed_items", minimum: 1) { config.feedItems = value }
        case "date_format": if let value = reader.string(node, name: "date_format") { config.dateFormat = value }
        case "list_date_format": if let value = reader.string(node, name: "list_date_format") { config.listDateFormat = value }
        case "permalink": if let value = reader.string(node, name: "permalink") { config.permalink = value }
        case "markdown": readMarkdown(node)
        default: config.params[pair.name] = node.templateValue
        }
    }

    private mutating func readTimeZone(_ node: YAMLNode) {
        guard let name = reader.string(node, name: "timezone") else { return }
        guard let zone = TimeZone(identifier: name) else {
            reader.error("unknown time zone '\(name)': expected an IANA name such as Asia/Shanghai", at: node)
            return
        }
        config.timeZone = zone
    }

    private mutating func readContacts(_ node: YAMLNode) {
        guard let pairs = reader.mapping(node, name: "contacts") else { return }
        for pair in pairs {
            switch pair.name {
            case "email": config.editorEmail = reader.string(pair.value, name: "contacts.email") ?? ""
            case "hotline": config.hotline = reader.string(pair.value, name: "contacts.hotline") ?? ""
            default: reader.warning("unknown key 'contacts.\(pair.name)' (expected email or hotline)", at: pair.key)
            }
        }
    }

    private mutating func readMarkdown(_ node: YAMLNode) {
        guard let pairs = reader.mapping(node, name: "markdown") else { return }
        for pair in pairs {
            if pair.name == "unsafe" {
                config.markdownUnsafe = reader.bool(pair.value, name: "markdown.unsafe") ?? false
            } else {
                reader.warning("unknown key 'markdown.\(pair.name)' (expected unsafe)", at: pair.key)
            }
        }
    }

    private mutating func readLists(_ node: YAMLNode) {
        guard let pairs = reader.mapping(node, name: "lists") else { return }
        for pair in pairs {
            let keyPath: WritableKeyPath<ListSizes, Int>
            switch pair.name {
            case "recommended": keyPath = \.recommended
            case "latest": keyPath = \.latest
            case "hot": keyPath = \.hot
            case "related": keyPath = \.related
            case "headlines": keyPath = \.headlines
            case "home_column": keyPath = \.homeColumn
            case "home_latest": keyPath = \.homeLatest
            case "focus": keyPath = \.focus
            default:
                reader.warning("unknown key 'lists.\(pair.name)' (expected recommended, latest, hot, related, headlines, home_column, home_latest or focus)", at: pair.key)
                continue
            }
            if let value = reader.int(pair.value, name: "lists.\(pair.name)", minimum: 0) {
                config.lists[keyPath: keyPath] = value
            }
        }
    }

    /// Reads a list of column declarations under `parentPath` (`""` at the top).
    private mutating func readColumns(_ node: YAMLNode, parentPath: String, depth: Int) -> [ColumnDeclaration] {
        if depth > ConfigLoader.maxColumnDepth {
            reader.error("columns are nested deeper than \(ConfigLoader.maxColumnDepth) levels", at: node)
            return []
        }
        if node.isNull { return [] }
        guard let items = node.items else {
            reader.error("expected a list of columns for '\(parentPath.isEmpty ? "columns" : "children")', found \(node.kindDescription)", at: node)
            return []
        }
        var columns: [ColumnDeclaration] = []
        var seen = Set<String>()
        for item in items {
            guard let column = readColumn(item, parentPath: parentPath, depth: depth) else { continue }
            guard seen.insert(column.slug).inserted else {
                let siblings = parentPath.isEmpty ? "the top-level columns" : "the children of '\(parentPath)'"
                reader.error("duplicate column slug '\(column.slug)' among \(siblings)", at: slugNode(of: item) ?? item)
                continue
            }
            columns.append(column)
        }
        return columns
    }

    private func slugNode(of item: YAMLNode) -> YAMLNode? {
        item.pairs?.first { $0.name == "slug" }?.value
    }

    private mutating func readColumn(_ node: YAMLNode, parentPath: String, depth: Int) -> ColumnDeclaration? {
        guard let pairs = node.pairs else {
            reader.error("expected a column mapping with slug and name, found \(node.kindDescription)", at: node)
            return nil
        }
        var slug: String?
        var name: String?
        var description: String?
        var childrenNode: YAMLNode?
        var valid = true
        for pair in pairs {
            switch pair.name {
            case "slug":
                guard let text = reader.string(pair.value, name: "slug") else { valid = false; continue }
                if ArticleFields.isValidSlug(text) {
                    slug = text
                } else {
                    reader.error("invalid column slug '\(text)': a slug must not be empty or contain '/', '\\', '..', whitespace or control characters", at: pair.value)
                    valid = false
                }
            case "name": name = reader.string(pair.value, name: "name")
            case "description": description = reader.string(pair.value, name: "description")
            case "children": childrenNode = pair.value
            default: reader.warning("unknown key '\(pair.name)' in a column (expected slug, name, children or description)", at: pair.key)
            }
        }
        let location = reader.location(of: node)
        guard let slug else {
            if valid && !pairs.contains(where: { $0.name == "slug" }) { reader.error("column without a 'slug'", at: node) }
            return nil
        }
        let path = parentPath.isEmpty ? slug : parentPath + "/" + slug
        let children = childrenNode.map { readColumns($0, parentPath: path, depth: depth + 1) } ?? []
        guard valid else { return nil }
        guard let name, !name.isEmpty else {
            reader.error("column '\(path)' has no 'name'", at: node)
            return nil
        }
        return ColumnDeclaration(slug: slug, name: name, description: description, children: children, location: location)
    }
}
