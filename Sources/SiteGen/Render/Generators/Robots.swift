
/// `robots.txt`: everything allowed, and where the sitemaps are.
struct Robots: PageGenerator {
    func items(of graph: SiteGraph, config: SiteConfig) -> [PlanItem<Void>] {
        [PlanItem((), path: "robots.txt")]
    }

    func declare(_: Void, reader: inout PageReader) {}

    func render(_: Void, with resolver: PageResolver) -> [GeneratedFile] {
        let urls = resolver.urls
        return [.text("User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("sitemap.xml"))\nSitemap: \(urls.absolute(NewsSitemap.path))\n")]
    }
}
