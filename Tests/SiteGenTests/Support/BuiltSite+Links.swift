/// The link check of a built site, shared by the sample-site and corpus tests.
extension BuiltSite {
    /// Every `href`/`src` of every written HTML page that points into the site but at no written
    /// file (or outside the base path), as `page: link → path` lines, and how many internal
    /// links were checked.
    func brokenInternalLinks(basePath: String) -> (broken: [String], checked: Int) {
        let resolver = LinkResolver(basePath: basePath)
        var broken: [String] = []
        var checked = 0
        for page in paths(endingWith: ".html") {
            for tag in HTMLScanner.tags(in: text(page) ?? "") {
                for attribute in ["href", "src"] {
                    guard let link = tag.attributes[attribute] else { continue }
                    switch resolver.resolve(link, fromPage: page) {
                    case .external: continue
                    case .outside: broken.append("\(page): \(link) leaves the site")
                    case .file(let path):
                        checked += 1
                        if files[path] == nil { broken.append("\(page): \(link) → \(path) was not written") }
                    }
                }
            }
        }
        return (broken, checked)
    }
}
