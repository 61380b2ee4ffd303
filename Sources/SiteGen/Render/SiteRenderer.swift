import Foundation

/// Renders the resolved site into output files. Pure: it reads no file, it only turns the graph
/// and the compiled templates into strings, through the page plan (`PagePlan`).
///
/// Blocks that many pages share (header with navigation, footer, a column's sidebar) are
/// rendered once per site or per column and pasted into each page, so per-page template work
/// is limited to what really differs per page.
struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let prepared: [PreparedArticle]
    /// Every output with its input key, and which of them are kept from the previous build.
    let plan: PagePlan
    private let shell: PageShell

    /// Prepares everything pages share (Markdown of every article or its cached results, list
    /// view models, blocks) and plans every output. `reusable` lists what the previous
    /// output's pages were made from; `bodies` holds the articles' Markdown.
    init(
        graph: SiteGraph, config: SiteConfig, templates: TemplateLibrary, urls: SiteURLs, bodies: BodyStore? = nil,
        cache: MarkdownCache = MarkdownCache(), reusable: [String: ReusablePage] = [:], now: Date = Date(),
        generators: [any PageGenerator] = PagePlan.generators
    ) {
        self.graph = graph
        let bodies = bodies ?? BodyStore(articles: graph.articles)
        prepared = PreparedArticle.prepareAll(graph, bodies: bodies, config: config, urls: urls, cache: cache)
        let specializer = TemplateSpecializer(templates: templates)
        let site = SharedBlocks.siteObject(config: config, urls: urls)
        let links = LinkTable(
            graph: graph, prepared: prepared, config: config, urls: urls,
            site: site, views: templates.viewNames, specializer: specializer, eager: reusable.isEmpty
        )
        let blocks = SharedBlocks(graph: graph, config: config, templates: templates, urls: urls, site: site, links: links)
        let source = PageSource(
            graph: graph, prepared: prepared, config: config, templatesFingerprint: templates.fingerprint, blocks: blocks, now: now
        )
        plan = PagePlan(graph: graph, config: config, source: source, reusable: reusable, generators: generators)
        let resolver = PageResolver(graph: graph, prepared: prepared, links: links, bodies: bodies, config: config, urls: urls, site: site)
        shell = PageShell(resolver: resolver, specializer: specializer, footer: blocks.footer, reusable: reusable)
    }

    /// Every page, feed and sitemap: those the plan keeps as they are, the others rendered.
    func renderAll(progress: (@Sendable (BuildProgress) -> Void)? = nil) -> [OutputFile] {
        plan.render(with: shell, progress: progress)
    }
}
