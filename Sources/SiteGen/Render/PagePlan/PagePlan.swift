import Foundation
import SiteGenCore

/// Every output of the site, planned before any is rendered: each generator's items with their
/// declared reads and input keys. An output whose key equals the one the previous build recorded
/// for all its files is kept as it is; the others are rendered by `render(with:)`.
///
/// Planning first lets the build supply just the article bodies the rendered pages need
/// (`bodiesNeeded`) before rendering starts.
struct PagePlan: Sendable {
    /// Every kind of output. A new one is a `PageGenerator` in a file of its own and a line here.
    static let generators: [any PageGenerator] = [
        ArticlePages(),
        ColumnPages(),
        TagPages(),
        TagIndexPage(),
        HomePage(),
        NotFoundPage(),
        Feeds(),
        Sitemaps(),
        NewsSitemap(),
        Robots(),
    ]

    /// One planned output.
    struct Output: Sendable {
        let paths: [String]
        let key: UInt64
        /// The previous build's files, when all of them were made from the same inputs.
        let kept: [OutputFile]?
        /// Articles whose bodies the output shows.
        let bodies: [Int]
        /// When the output changes by the clock alone (`PageReader.changesAt`).
        let changesAt: Date?
        /// Builds the output's files from what its generator read.
        let make: @Sendable (PageResolver) -> [GeneratedFile]
    }

    let outputs: [Output]

    /// Plans every output of `generators`; `reusable` is what the previous build recorded for
    /// its files still intact in the output.
    init(
        graph: SiteGraph, config: SiteConfig, source: PageSource, reusable: [String: ReusablePage],
        generators: [any PageGenerator] = PagePlan.generators
    ) {
        outputs = generators.flatMap { generator in
            Self.plan(generator, graph: graph, config: config, source: source, reusable: reusable)
        }
    }

    private static func plan<Generator: PageGenerator>(
        _ generator: Generator, graph: SiteGraph, config: SiteConfig, source: PageSource, reusable: [String: ReusablePage]
    ) -> [Output] {
        let items = generator.items(of: graph, config: config)
        return ParallelWork.map(items.count) { index in
            let item = items[index]
            var reader = PageReader(source: source, paths: item.paths)
            let reads = generator.declare(item.item, reader: &reader)
            let key = reader.key
            let kept = item.paths.map { path -> OutputFile? in
                guard let previous = reusable[path], previous.inputKey == key else { return nil }
                return OutputFile(path: path, contents: .previous, fingerprint: previous.fingerprint, inputKey: key)
            }
            return Output(
                paths: item.paths, key: key, kept: kept.contains { $0 == nil } ? nil : kept.compactMap { $0 },
                bodies: reader.bodies, changesAt: reader.changesAt, make: { generator.render(reads, with: $0) }
            )
        }
    }

    /// The earliest time an output changes by the clock alone: a build from then on cannot
    /// reuse this one as it is.
    var nextChange: Date? {
        outputs.compactMap(\.changesAt).min()
    }

    /// The articles whose bodies the outputs to render show, each once, in article order.
    var bodiesNeeded: [Int] {
        Set(outputs.filter { $0.kept == nil }.flatMap(\.bodies)).sorted()
    }

    /// Every file: the kept ones as they are, the others rendered.
    func render(with shell: PageShell, progress: (@Sendable (BuildProgress) -> Void)? = nil) -> [OutputFile] {
        let outputs = outputs
        let counter = ProgressCounter(stage: "render", total: outputs.count, report: progress)
        return ParallelWork.map(outputs.count) { index -> [OutputFile] in
            defer { counter.advance() }
            let output = outputs[index]
            if let kept = output.kept { return kept }
            let files = output.make(shell.resolver)
            assert(files.count == output.paths.count, "\(output.paths): a generator made \(files.count) files")
            return zip(output.paths, files).map { path, file in
                shell.file(file, path: path, inputKey: output.key)
            }
        }.flatMap { $0 }
    }
}

/// What turns a generator's files into output files: the theme's `base` template around pages,
/// and the previous build's fingerprints, which keep a re-rendered page whose bytes cannot
/// have changed.
struct PageShell: Sendable {
    let resolver: PageResolver
    let specializer: TemplateSpecializer
    let footer: RenderedBlock
    let reusable: [String: ReusablePage]

    func file(_ file: GeneratedFile, path: String, inputKey: UInt64) -> OutputFile {
        switch file {
        case .text(let text):
            return OutputFile(path: path, contents: .bytes(Array(text.utf8)), inputKey: inputKey)
        case .page(let page):
            let rendered = specializer.render("base", shell(page, path: path))
            if reusable[path]?.fingerprint == rendered.fingerprint {
                return OutputFile(path: path, contents: .previous, fingerprint: rendered.fingerprint, inputKey: inputKey)
            }
            return OutputFile(
                path: path, contents: .deferred(DeferredBytes { rendered.bytes }), fingerprint: rendered.fingerprint, inputKey: inputKey
            )
        }
    }

    /// The `base` template's view model: the page's meta data, the shared blocks and the
    /// content template's result.
    private func shell(_ page: HTMLPage, path: String) -> [String: Any] {
        let urls = resolver.urls
        var meta: [String: Any] = [
            "title": page.title,
            "description": Summary.make(from: page.description, width: 300),
            "canonical": urls.absolute(path),
            "kind": page.kind,
            "ogType": page.kind == "article" ? "article" : "website",
        ]
        if let image = page.image { meta["image"] = urls.absoluteForSitePath(image) }
        meta["feed"] = page.feed ?? urls.href("rss.xml")
        return [
            "site": resolver.site,
            "page": meta,
            "header": page.header,
            "content": specializer.render(page.template, page.context),
            "sidebar": page.sidebar.map { $0 as Any } ?? "",
            "footer": footer,
        ]
    }
}
