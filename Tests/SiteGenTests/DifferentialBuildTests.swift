import Foundation
import Testing
@testable import SiteGen

/// Incremental builds after random sequences of edits must write exactly what a clean build of
/// the same input writes (see `SiteReplay` for how, and why).
@Suite struct DifferentialBuildTests {
    /// Steps per seed by default. With `defaultSeedCount` seeds (run in parallel) that is 240
    /// steps on every `swift test`; `SITEGEN_DIFF_SEEDS` and `SITEGEN_DIFF_STEPS` run more.
    static let defaultSteps = 40
    /// Seeds run by default.
    static let defaultSeedCount = 6

    /// The seeds this run covers: 1…`SITEGEN_DIFF_SEEDS` (default `defaultSeedCount`), or only
    /// `SITEGEN_DIFF_SEED` when set (to replay a reported failure).
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["SITEGEN_DIFF_SEED"], let seed = UInt64(text) { return [seed] }
        let count = environment["SITEGEN_DIFF_SEEDS"].flatMap { Int($0) } ?? defaultSeedCount
        return (1...max(1, count)).map { UInt64($0) }
    }()

    /// The steps per seed: `SITEGEN_DIFF_STEPS`, default `defaultSteps`.
    static let steps: Int = ProcessInfo.processInfo.environment["SITEGEN_DIFF_STEPS"].flatMap { Int($0) } ?? defaultSteps

    /// Plays `steps` random steps of one seed; on a mismatch, shrinks the sequence and reports it.
    @Test(arguments: DifferentialBuildTests.seeds)
    func incrementalBuildsMatchCleanBuilds(seed: UInt64) throws {
        var generator = EditGenerator(seed: seed)
        var replay = try SiteReplay()
        defer { replay.remove() }
        if let mismatch = try replay.start() {
            Issue.record(Comment(rawValue: "seed \(seed): the initial site already differs from a clean build.\n\(mismatch)"))
            return
        }
        var steps: [Step] = []
        for number in 0..<Self.steps {
            let step = generator.step(for: replay.model, number: number)
            steps.append(step)
            guard let mismatch = try replay.perform(step) else { continue }
            replay.remove()
            var shrinker = StepShrinker(budget: 300)
            let (minimal, minimalMismatch) = try shrinker.minimize(steps, failing: mismatch) { try SiteReplay.firstMismatch(of: $0) }
            let lines = minimal.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            Issue.record(Comment(rawValue: """
            seed \(seed): after step \(number + 1) of \(Self.steps) the incremental build differs from a clean build.
            Smallest failing sequence found (\(minimal.count) of \(steps.count) steps, \(shrinker.replays) replays; \
            the full run replays with SITEGEN_DIFF_SEED=\(seed) SITEGEN_DIFF_STEPS=\(number + 1)):
            \(lines.joined(separator: "\n"))
            \(minimalMismatch)
            """))
            return
        }
    }

    @Test func randomNumbersDependOnlyOnTheSeed() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let numbers = (0..<5).map { _ in first.next() }
        #expect(numbers == (0..<5).map { _ in second.next() })
        #expect(Set(numbers).count == 5)
        // The published first output of SplitMix64 for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    /// A seed names one sequence (so `SITEGEN_DIFF_SEED` replays a reported one), and the
    /// generator makes edits of every kind.
    @Test func editSequencesDependOnlyOnTheSeedAndCoverEveryKind() {
        func play(_ seed: UInt64, steps: Int) -> (descriptions: [String], kinds: Set<String>) {
            var generator = EditGenerator(seed: seed)
            var model = SiteModel.initial
            var descriptions: [String] = []
            var kinds = Set<String>()
            for number in 0..<steps {
                let step = generator.step(for: model, number: number)
                step.edit.apply(to: &model)
                descriptions.append(step.description)
                kinds.insert(step.edit.kind)
            }
            return (descriptions, kinds)
        }
        #expect(play(5, steps: 60).descriptions == play(5, steps: 60).descriptions)
        #expect(play(5, steps: 60).descriptions != play(6, steps: 60).descriptions)
        #expect(play(5, steps: 1000).kinds == [
            "body", "title", "date", "flags", "tags", "hits", "field", "move", "delete", "add",
            "insert", "restore", "config", "asset", "intro", "touch", "rebuild",
        ])
    }

    @Test func shrinkerFindsTheEditsThatTogetherFail() {
        // Fails once both 3 and 7 were applied, at the later of the two.
        let steps = Array(0..<20)
        var shrinker = StepShrinker(budget: 200)
        let (minimal, _) = shrinker.minimize(steps, failing: "x") { candidate -> (Int, String)? in
            guard let three = candidate.firstIndex(of: 3), let seven = candidate.firstIndex(of: 7) else { return nil }
            return (max(three, seven), "x")
        }
        #expect(minimal == [3, 7])
    }
}

// MARK: - Random numbers

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose whole state is one number,
/// so a sequence is fixed by its seed on every platform and Swift version (the standard
/// library's generator is seeded by the system and its `random(in:)` algorithms may change).
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<count` (`count > 0`); the modulo bias does not matter here.
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True `numerator` times in `denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Some of `items` (each with probability `1/odds`, at most `limit`), in their order.
    mutating func some<T>(_ items: [T], odds: Int = 3, limit: Int = .max) -> [T] {
        Array(items.filter { _ in chance(1, in: odds) }.prefix(limit))
    }

    /// One of `choices`, each as likely as its weight.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        var roll = below(choices.reduce(0) { $0 + $1.1 })
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}

// MARK: - The site model

/// A front matter date, written in one of the forms the loader accepts.
struct DateSpec: Sendable, Hashable, CustomStringConvertible {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int
    /// 0: `YYYY-MM-DD HH:MM`, 1: `YYYY-MM-DD` (midnight), 2: ISO 8601 with the `+08:00` offset.
    var style: Int

    var description: String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let day = "\(year)-\(two(month))-\(two(self.day))"
        switch style {
        case 1: return day
        case 2: return "\(day)T\(two(hour)):\(two(minute)):00+08:00"
        default: return "\(day) \(two(hour)):\(two(minute))"
        }
    }
}

/// One article as the test writes it (`markdown` is the file).
struct ArticleSpec: Sendable, Hashable {
    var title: String
    var date: DateSpec
    var hits: Int
    var tags: [String] = []
    var flags: [String] = []
    var source: String?
    var authors: [String] = []
    var summary: String?
    var cover: String?
    var draft = false
    /// A key the engine does not know: it reaches templates as `article.params.editor`.
    var editor: String?
    var body: String

    var markdown: String {
        let q = SiteModel.quoted
        var lines = ["---", "title: \(q(title))", "date: \(q(date.description))", "hits: \(hits)"]
        if !tags.isEmpty { lines.append("tags: [\(tags.map(q).joined(separator: ", "))]") }
        if !flags.isEmpty { lines.append("flags: [\(flags.joined(separator: ", "))]") }
        if let source { lines.append("source: \(q(source))") }
        if !authors.isEmpty { lines.append("authors: [\(authors.map(q).joined(separator: ", "))]") }
        if let summary { lines.append("summary: \(q(summary))") }
        if let cover { lines.append("cover: \(q(cover))") }
        if draft { lines.append("draft: true") }
        if let editor { lines.append("editor: \(q(editor))") }
        return (lines + ["---", "", body]).joined(separator: "\n") + "\n"
    }
}

/// The whole input of the test site as values; `files` is what it looks like on disk.
///
/// Three top-level columns (国内 with 法制 below it and 人民公安 below that), a dozen articles
/// and `paginate: 3`: small enough that a step's two builds take a fraction of a second in a
/// debug build, big enough that moves, dates, deletions and paginate edits shift articles
/// between list pages, and that lists (hot, related, latest) get cut.
struct SiteModel: Sendable {
    /// `site.yml` settings by key (`lists.hot`, `columns.guonei/fazhi.name`…); `nil` leaves a
    /// key out.
    var config: [String: String]
    /// Articles by id (path below `content/`).
    var articles: [String: ArticleSpec]
    /// Theme and static files by site-relative path (templates, `themes/default/static/…`,
    /// `content/uploads/…`).
    var assets: [String: String]
    /// Column `_index.md` texts by column path.
    var intros: [String: String]

    /// Column paths, parents first.
    static let columns = ["guonei", "guonei/fazhi", "guonei/fazhi/renmingongan", "gongan", "pinglun"]
    private static let children: [String: [String]] = ["": ["guonei", "gongan", "pinglun"], "guonei": ["fazhi"], "guonei/fazhi": ["renmingongan"]]

    /// The repository's default theme, by site-relative path.
    static let theme: [String: String] = {
        let root = BuiltSite.repositoryRoot + "/themes/default"
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue,
                  let text = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) else { continue }
            files["themes/default/" + relative] = text
        }
        return files
    }()

    /// The site every sequence starts from: the same for every seed (made by its own generator).
    static let initial: SiteModel = {
        var config: [String: String] = [
            "title": "差分测试网", "subtitle": "小站点的增量构建", "description": "一个用于差分测试的小站点。",
            "paginate": "3", "title_width": "20", "summary_width": "60", "feed_items": "5",
            "lists.recommended": "3", "lists.latest": "4", "lists.hot": "3", "lists.related": "3",
            "lists.headlines": "2", "lists.home_column": "3", "lists.home_latest": "4", "lists.focus": "1",
            "contacts.email": "editor@example.cn", "footer": "版权所有|京ICP备00000000号",
        ]
        for (path, name) in zip(columns, ["国内", "法制", "人民公安", "公安", "评论"]) { config["columns.\(path).name"] = name }
        config["columns.gongan.description"] = "警方动态与反诈宣传。"
        var generator = EditGenerator(seed: 0x5EED)
        var articles: [String: ArticleSpec] = [:]
        for number in 1...12 {
            let column = columns[(number * 7) % columns.count]
            articles[column + "/a\(number < 10 ? "0" : "")\(number).md"] = generator.article()
        }
        var assets = theme
        assets["content/uploads/p1.png"] = "not really a png, 1"
        assets["content/uploads/p2.png"] = "not really a png, 2"
        let intros = ["guonei": "---\ntitle: \"国内新闻\"\ndescription: \"国内栏目\"\n---\n\n本栏目汇集**国内**要闻，另见[评论](/pinglun/)。\n"]
        var model = SiteModel(config: config, articles: articles, assets: assets, intros: intros)
        for edit in initialTemplateEdits { edit.apply(to: &model) }
        return model
    }()

    /// The repository theme shows neither `hits` nor the `params` keys; the initial site's
    /// templates do, so that from the first step on every field an edit can change is on some
    /// page, and a key that leaves one out shows (`restore` edits bring the original back).
    static let initialTemplateEdits: [Edit] = [
        .insert(template: "themes/default/templates/article.mustache", snippet: "<p class=\"hits\">{{article.hits}} {{article.params.editor}}</p>\n", anchor: "</article>"),
        .insert(template: "themes/default/templates/views/li.mustache", snippet: "<em>{{hits}}</em>", anchor: "</li>"),
        .insert(template: "themes/default/templates/sidebar.mustache", snippet: "{{#hot}}<i>{{hits}}</i>{{/hot}}\n", anchor: "</ol>"),
        .insert(template: "themes/default/templates/footer.mustache", snippet: "<p>{{site.params.motto}}</p>\n", anchor: "</div></footer>"),
    ]

    /// Every input file by site-relative path.
    var files: [String: String] {
        var files = assets
        files["site.yml"] = siteYAML
        for (id, article) in articles { files["content/" + id] = article.markdown }
        for (column, text) in intros { files["content/\(column)/_index.md"] = text }
        return files
    }

    /// Keys whose values are written as YAML numbers.
    static let numericKeys: Set<String> = ["paginate", "title_width", "summary_width", "feed_items"]
    static let topKeys = ["title", "subtitle", "description", "paginate", "title_width", "summary_width", "feed_items",
                          "list_date_format", "date_format", "motto"]
    static let listKeys = ["recommended", "latest", "hot", "related", "headlines", "home_column", "home_latest", "focus"]

    var siteYAML: String {
        var text = "base_url: https://example.cn/news/\ntimezone: Asia/Shanghai\n"
        for key in Self.topKeys {
            guard let value = config[key] else { continue }
            text += "\(key): \(Self.numericKeys.contains(key) ? value : Self.quoted(value))\n"
        }
        let lists = Self.listKeys.compactMap { key in config["lists." + key].map { "  \(key): \($0)\n" } }
        if !lists.isEmpty { text += "lists:\n" + lists.joined() }
        let contacts = ["email", "hotline"].compactMap { key in config["contacts." + key].map { "  \(key): \(Self.quoted($0))\n" } }
        if !contacts.isEmpty { text += "contacts:\n" + contacts.joined() }
        if let footer = config["footer"] {
            text += "footer:\n" + footer.split(separator: "|").map { "  - \(Self.quoted(String($0)))\n" }.joined()
        }
        return text + "columns:\n" + columnsYAML(under: "", indent: "  ")
    }

    private func columnsYAML(under parent: String, indent: String) -> String {
        var text = ""
        for slug in Self.children[parent] ?? [] {
            let path = parent.isEmpty ? slug : parent + "/" + slug
            text += "\(indent)- slug: \(slug)\n\(indent)  name: \(Self.quoted(config["columns.\(path).name"] ?? slug))\n"
            if let description = config["columns.\(path).description"] { text += "\(indent)  description: \(Self.quoted(description))\n" }
            if Self.children[path] != nil { text += "\(indent)  children:\n" + columnsYAML(under: path, indent: indent + "    ") }
        }
        return text
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether `path` is a static file (copied to the output), as opposed to a template.
    static func isStatic(_ path: String) -> Bool {
        path.hasPrefix("content/") || path.hasPrefix("themes/default/static/")
    }
}

// MARK: - Edits

/// A change of an article's other front matter fields.
enum FieldChange: Sendable, CustomStringConvertible {
    case source(String?), authors([String]), summary(String?), cover(String?), draft(Bool), editor(String?)

    func apply(to article: inout ArticleSpec) {
        switch self {
        case .source(let value): article.source = value
        case .authors(let value): article.authors = value
        case .summary(let value): article.summary = value
        case .cover(let value): article.cover = value
        case .draft(let value): article.draft = value
        case .editor(let value): article.editor = value
        }
    }

    var description: String {
        func show(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "(removed)" }
        switch self {
        case .source(let value): return "source → \(show(value))"
        case .authors(let value): return "authors → \(value)"
        case .summary(let value): return "summary → \(show(value))"
        case .cover(let value): return "cover → \(show(value))"
        case .draft(let value): return "draft → \(value)"
        case .editor(let value): return "editor (a params key) → \(show(value))"
        }
    }
}

/// One edit of the site. Edits name what they change (article id, file path, key) rather than
/// an index, so that they still mean the same when the shrinker drops earlier edits; an edit
/// whose target no longer exists (or, for a move, whose destination is taken) changes nothing.
enum Edit: Sendable, CustomStringConvertible {
    case body(String, String)
    case title(String, String)
    case date(String, DateSpec)
    case flags(String, [String])
    case tags(String, [String])
    case hits(String, Int)
    case field(String, FieldChange)
    /// Moves an article file into another column folder.
    case move(String, to: String)
    case delete(String)
    case add(String, ArticleSpec)
    /// Puts `snippet` in front of the first `anchor` of a template.
    case insert(template: String, snippet: String, anchor: String)
    /// Puts a template back as the repository has it.
    case restore(template: String)
    /// Sets (or, with `nil`, removes) a `site.yml` key.
    case config(String, String?)
    /// Writes (or, with `nil`, deletes) a static file.
    case asset(String, String?)
    /// Writes (or, with `nil`, deletes) a column's `_index.md`.
    case intro(String, String?)
    /// Saves a file unchanged: only its modification time moves.
    case touch(String)
    /// Builds again without any change (the build's "nothing changed" shortcut).
    case rebuild

    func apply(to model: inout SiteModel) {
        switch self {
        case .body(let id, let body): model.articles[id]?.body = body
        case .title(let id, let title): model.articles[id]?.title = title
        case .date(let id, let date): model.articles[id]?.date = date
        case .flags(let id, let flags): model.articles[id]?.flags = flags
        case .tags(let id, let tags): model.articles[id]?.tags = tags
        case .hits(let id, let hits): model.articles[id]?.hits = hits
        case .field(let id, let change): if model.articles[id] != nil { change.apply(to: &model.articles[id]!) }
        case .move(let id, let column):
            let target = column + "/" + (id.split(separator: "/").last.map(String.init) ?? id)
            guard model.articles[target] == nil, let article = model.articles.removeValue(forKey: id) else { return }
            model.articles[target] = article
        case .delete(let id): model.articles[id] = nil
        case .add(let id, let article): if model.articles[id] == nil { model.articles[id] = article }
        case .insert(let path, let snippet, let anchor):
            guard let text = model.assets[path], let range = text.range(of: anchor) else { return }
            model.assets[path]!.insert(contentsOf: snippet, at: range.lowerBound)
        case .restore(let path): model.assets[path] = SiteModel.theme[path]
        case .config(let key, let value): model.config[key] = value
        case .asset(let path, let text): model.assets[path] = text
        case .intro(let column, let text): model.intros[column] = text
        case .touch, .rebuild: return
        }
    }

    /// The case's name (`title`, `insert`…).
    var kind: String {
        if case .rebuild = self { return "rebuild" }
        return Mirror(reflecting: self).children.first?.label ?? "?"
    }

    var description: String {
        func short(_ text: String) -> String {
            let line = text.replacingOccurrences(of: "\n", with: "⏎")
            return line.count > 40 ? "\"\(line.prefix(40))…\" (\(text.utf8.count) bytes)" : "\"\(line)\""
        }
        switch self {
        case .body(let id, let body): return "body of \(id) → \(short(body))"
        case .title(let id, let title): return "title of \(id) → \"\(title)\""
        case .date(let id, let date): return "date of \(id) → \(date)"
        case .flags(let id, let flags): return "flags of \(id) → \(flags)"
        case .tags(let id, let tags): return "tags of \(id) → \(tags)"
        case .hits(let id, let hits): return "hits of \(id) → \(hits)"
        case .field(let id, let change): return "\(change) in \(id)"
        case .move(let id, let column): return "move \(id) into \(column)/"
        case .delete(let id): return "delete \(id)"
        case .add(let id, let article): return "add \(id) (\"\(article.title)\", \(article.date), flags \(article.flags), tags \(article.tags))"
        case .insert(let path, let snippet, let anchor): return "template \(path): insert \(short(snippet)) before \(short(anchor))"
        case .restore(let path): return "template \(path): restore the original"
        case .config(let key, let value): return value.map { "site.yml: \(key) = \"\($0)\"" } ?? "site.yml: remove \(key)"
        case .asset(let path, let text): return text.map { "static file \(path) ← \(short($0))" } ?? "delete static file \(path)"
        case .intro(let column, let text): return text.map { "content/\(column)/_index.md ← \(short($0))" } ?? "delete content/\(column)/_index.md"
        case .touch(let path): return "save \(path) unchanged (new modification time)"
        case .rebuild: return "build again without any change"
        }
    }
}

/// An edit and how its files are saved.
struct Step: Sendable, CustomStringConvertible {
    var edit: Edit
    /// Whether the changed files get the current time (as an editor's save would), so that the
    /// build's article cache, which keeps only files older than a second, parses them; otherwise
    /// they get a time in the past, and the next builds may take them from that cache.
    var savedJustNow: Bool

    var description: String { savedJustNow ? "\(edit) [saved just now]" : "\(edit)" }
}

/// Makes random valid edits for the current state of a site: every site it leads to builds
/// without errors (unique file names keep URLs unique, dates stay readable, tags and flags come
/// from fixed lists, templates only gain well-formed Mustache in places where the names they
/// use exist).
struct EditGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private enum Kind { case body, title, date, flags, tags, hits, field, move, delete, add, pageTemplate, blockTemplate, restore, config, asset, intro, touch, rebuild }

    private static let kinds: [(Kind, Int)] = [
        (.body, 6), (.title, 6), (.date, 5), (.flags, 5), (.tags, 5), (.hits, 5), (.field, 5), (.move, 4), (.delete, 3), (.add, 4),
        (.pageTemplate, 4), (.blockTemplate, 4), (.restore, 2), (.config, 8), (.asset, 4), (.intro, 2), (.touch, 2), (.rebuild, 2),
    ]

    static let words = ["全省", "法治", "建设", "取得", "新进展", "公安", "机关", "开展", "反诈", "宣传", "活动", "交通", "安全",
                        "专项", "整治", "社区", "矫正", "工作", "会议", "召开", "法院", "审结", "一批", "典型", "案件", "检察"]
    static let tagNames = ["反诈", "普法", "交通", "法治建设", "C++ & Go", "社区"]
    static let flagNames = ["focus", "headline", "recommend"]
    static let people = ["张三", "李四", "王五"]
    static let images = ["/uploads/p1.png", "/uploads/p2.png", "/uploads/p3.png", "/uploads/p4.png"]

    /// Snippets for page templates, by template and anchor: each uses names its context has.
    static let pageInsertions: [(template: String, anchor: String, snippets: [String])] = [
        ("base", "</main>", ["<!-- 改动 -->", "<p>{{page.kind}}</p>", "<p>{{site.params.motto}}</p>", "<p>{{site.description}}</p>"]),
        ("base", "</head>", ["<meta name=\"subtitle\" content=\"{{site.subtitle}}\">\n"]),
        ("article", "</article>", ["<p>{{article.hits}}</p>", "<p>{{article.source}}</p>", "<p>{{article.params.editor}}</p>",
                                   "<p>{{article.summary}}</p>", "{{#newer}}<i>{{hits}}</i>{{/newer}}", "{{#older}}<i>{{datetime}}</i>{{/older}}"]),
        ("article", "{{/related}}", ["<i>{{hits}}</i>", "<i>{{summary}}</i>"]),
        ("column", "</section>", ["<p>{{site.title}}</p>", "{{#items}}<b>{{hits}}</b>{{/items}}"]),
        ("home", "<div class=\"home-columns\">", ["{{#latest}}<i>{{hits}}</i>{{/latest}}\n", "{{#headlines}}<i>{{summary}}</i>{{/headlines}}\n"]),
        ("tag", "{{> partials/article-list}}", ["{{#items}}<i>{{hits}}</i>{{/items}}\n"]),
        ("tags", "</ul>", ["{{#tags}}<i>{{count}}</i>{{/tags}}\n"]),
        ("404", "</section>", ["{{#latest}}<i>{{date}}</i>{{/latest}}\n"]),
        ("views/li", "</li>", ["<em>{{hits}}</em>", "<em>{{column}}</em>", "<em>{{summary}}</em>"]),
        ("views/summary", "</li>", ["<em>{{hits}}</em>", "<em>{{date}}</em>"]),
        ("partials/article-list", "</ul>", ["<li>{{site.title}}</li>\n"]),
        ("partials/pager", "{{#pager.multiple}}", ["<p>{{pager.total}}</p>\n"]),
    ]

    /// Snippets for the shared blocks (header, sidebar, footer).
    static let blockInsertions: [(template: String, anchor: String, snippets: [String])] = [
        ("header", "</header>", ["<p>{{site.subtitle}}</p>\n", "{{#focus}}<i>{{hits}}</i>{{/focus}}\n", "{{#nav}}<i>{{name}}</i>{{/nav}}\n"]),
        ("sidebar", "</ol>", ["{{#hot}}<i>{{hits}}</i>{{/hot}}\n"]),
        ("sidebar", "</section>", ["{{#recommended}}<i>{{date}}</i>{{/recommended}}\n", "{{#latest}}<i>{{summary}}</i>{{/latest}}\n"]),
        ("footer", "</div></footer>", ["<p>{{site.hotline}}</p>\n", "<p>{{site.params.motto}}</p>\n"]),
    ]

    /// `site.yml` keys and the values they take (`nil`: the key is left out).
    static let configChoices: [(key: String, values: [String?])] = [
        ("title", ["差分测试网", "差分测试网（改）", "测试 & 实验站"]),
        ("subtitle", [nil, "小站点的增量构建", "副标题"]),
        ("description", [nil, "一个用于差分测试的小站点。", "另一段站点描述。"]),
        ("paginate", ["1", "2", "3", "4"]),
        ("title_width", ["8", "12", "20", "44"]),
        ("summary_width", ["10", "30", "60", "140"]),
        ("feed_items", ["1", "3", "5", "50"]),
        ("list_date_format", [nil, "yyyy-MM-dd", "MM月dd日"]),
        ("date_format", [nil, "yyyy年MM月dd日 HH:mm"]),
        ("motto", [nil, "法治天下", "公正司法"]),
        ("lists.recommended", ["0", "1", "3", "5"]),
        ("lists.latest", ["0", "2", "4"]),
        ("lists.hot", ["0", "1", "3", "5"]),
        ("lists.related", ["0", "1", "3"]),
        ("lists.headlines", ["0", "1", "2", "4"]),
        ("lists.home_column", ["0", "2", "3"]),
        ("lists.home_latest", ["1", "4", "8"]),
        ("lists.focus", ["0", "1", "2"]),
        ("contacts.email", [nil, "editor@example.cn", "news@example.cn"]),
        ("contacts.hotline", [nil, "010-00000000"]),
        ("footer", [nil, "版权所有", "版权所有|京ICP备00000000号"]),
        ("columns.guonei.name", ["国内", "国内新闻"]),
        ("columns.guonei/fazhi.name", ["法制", "法治"]),
        ("columns.guonei/fazhi/renmingongan.name", ["人民公安", "公安之窗"]),
        ("columns.pinglun.name", ["评论", "时评"]),
        ("columns.guonei/fazhi.description", [nil, "法制要闻。"]),
        ("columns.gongan.description", [nil, "警方动态与反诈宣传。"]),
    ]

    /// The next step for `model`; `number` makes names of added files unique.
    mutating func step(for model: SiteModel, number: Int) -> Step {
        let edit = edit(for: model, number: number)
        return Step(edit: edit, savedJustNow: random.chance(1, in: 4))
    }

    private mutating func edit(for model: SiteModel, number: Int) -> Edit {
        let ids = model.articles.keys.sorted()  // dictionaries iterate in a per-process order
        var kind = random.weighted(Self.kinds)
        if ids.count < 4, kind == .delete { kind = .add }
        if ids.count > 18, kind == .add { kind = .delete }
        if ids.isEmpty, [.body, .title, .date, .flags, .tags, .hits, .field, .move, .delete].contains(kind) { kind = .add }
        let id = ids.isEmpty ? "" : random.pick(ids)
        let article = model.articles[id]
        switch kind {
        case .body: return .body(id, newBody(from: article!.body))
        case .title: return .title(id, newTitle(from: article!.title))
        case .date: return .date(id, date())
        case .flags: return .flags(id, random.some(Self.flagNames, odds: 2))
        case .tags: return .tags(id, random.some(Self.tagNames, limit: 3))
        case .hits:
            // Small steps often leave every hot list as it was: only the pages showing the number change.
            let hits = article!.hits
            return .hits(id, random.chance(1, in: 2) ? max(0, hits + random.pick([-2, -1, 1, 2])) : random.int(in: 0...30))
        case .field: return .field(id, fieldChange())
        case .move:
            let column = String(id.split(separator: "/").dropLast().joined(separator: "/"))
            return .move(id, to: random.pick(SiteModel.columns.filter { $0 != column }))
        case .delete: return .delete(id)
        case .add: return .add(random.pick(SiteModel.columns) + "/x\(number).md", self.article())
        case .pageTemplate: return insertion(from: Self.pageInsertions)
        case .blockTemplate: return insertion(from: Self.blockInsertions)
        case .restore:
            let changed = model.assets.keys.filter { !SiteModel.isStatic($0) && model.assets[$0] != SiteModel.theme[$0] }.sorted()
            return changed.isEmpty ? insertion(from: Self.pageInsertions) : .restore(template: random.pick(changed))
        case .config:
            let (key, values) = random.pick(Self.configChoices)
            let other = values.filter { $0 != model.config[key] }
            return .config(key, random.pick(other.isEmpty ? values : other))
        case .asset: return assetEdit(model, number: number)
        case .intro:
            let column = random.pick(SiteModel.columns)
            if model.intros[column] != nil, random.chance(1, in: 3) { return .intro(column, nil) }
            let body = sentence() + "\n"
            return .intro(column, random.chance(1, in: 2) ? "---\ntitle: \(SiteModel.quoted(title()))\ndescription: \"栏目介绍\"\n---\n\n" + body : body)
        case .touch: return .touch(random.pick(model.files.keys.sorted()))
        case .rebuild: return .rebuild
        }
    }

    private mutating func insertion(from table: [(template: String, anchor: String, snippets: [String])]) -> Edit {
        let (template, anchor, snippets) = random.pick(table)
        return .insert(template: "themes/default/templates/\(template).mustache", snippet: random.pick(snippets), anchor: anchor)
    }

    /// Adds, rewrites (half the time keeping the size, so only the modification time tells) or
    /// deletes a static file.
    private mutating func assetEdit(_ model: SiteModel, number: Int) -> Edit {
        let existing = model.assets.keys.filter(SiteModel.isStatic).sorted()
        switch random.below(4) {
        case 0:
            let missing = Self.images.map { "content" + $0 }.filter { model.assets[$0] == nil }
            let path = missing.isEmpty || random.chance(1, in: 3)
                ? random.pick(["content/uploads/s\(number).png", "themes/default/static/img/s\(number).svg", "content/guonei/s\(number).pdf"])
                : random.pick(missing)
            return .asset(path, "static file \(number), \(random.next())")
        case 1 where !existing.isEmpty:
            let path = random.pick(existing)
            var text = model.assets[path]!
            let last = text.removeLast()
            return .asset(path, text + (last == "x" ? "y" : "x"))
        case 2 where !existing.isEmpty:
            let path = random.pick(existing)
            return .asset(path, model.assets[path]! + "\n/* \(number) */")
        default:
            return existing.isEmpty ? .rebuild : .asset(random.pick(existing), nil)
        }
    }

    private mutating func fieldChange() -> FieldChange {
        switch random.below(6) {
        case 0: return .source(random.pick([nil, "本网", "新华社"]))
        case 1: return .authors(random.some(Self.people, odds: 2))
        case 2: return .summary(random.chance(1, in: 3) ? nil : "手写摘要：" + sentence())
        case 3: return .cover(random.chance(1, in: 3) ? nil : random.pick(Self.images))
        case 4: return .draft(random.chance(1, in: 3))
        default: return .editor(random.pick([nil, "张三", "李四"]))
        }
    }

    /// A random article (also used for the initial site).
    mutating func article() -> ArticleSpec {
        var article = ArticleSpec(title: title(), date: date(future: false), hits: random.int(in: 0...30), body: body())
        article.tags = random.some(Self.tagNames, limit: 3)
        article.flags = random.some(Self.flagNames, odds: 4)
        if random.chance(1, in: 3) { article.source = "本网" }
        if random.chance(1, in: 4) { article.cover = random.pick(Self.images) }
        if random.chance(1, in: 4) { article.authors = [random.pick(Self.people)] }
        return article
    }

    /// A date in the second half of 2024 (before the builds' `now`), or now and then one after
    /// it: that article is left out until its date, which moves it in and out of the site.
    private mutating func date(future: Bool? = nil) -> DateSpec {
        let later = future ?? random.chance(1, in: 12)
        return DateSpec(year: later ? 2025 : 2024, month: random.int(in: later ? 3...9 : 7...9), day: random.int(in: 1...28),
                        hour: random.int(in: 0...23), minute: random.int(in: 0...59), style: random.weighted([(0, 6), (1, 1), (2, 2)]))
    }

    private mutating func title() -> String {
        var title = (0..<random.int(in: 2...7)).map { _ in random.pick(Self.words) }.joined()
        if random.chance(1, in: 8) { title += random.pick(["：<新>", " & 回顾", "（二）"]) }
        return title
    }

    private mutating func sentence() -> String {
        (0..<random.int(in: 4...12)).map { _ in random.pick(Self.words) }.joined() + "。"
    }

    private mutating func body() -> String {
        var paragraphs = (0..<random.int(in: 1...3)).map { _ in sentence() }
        if random.chance(1, in: 4) { paragraphs.append("![图](\(random.pick(Self.images)))") }
        if random.chance(1, in: 4) { paragraphs.insert("## " + title(), at: random.below(paragraphs.count + 1)) }
        if random.chance(1, in: 5) { paragraphs.append("- " + sentence() + "\n- **" + random.pick(Self.words) + "**") }
        if random.chance(1, in: 5) { paragraphs.append("详见[评论栏目](/pinglun/)。") }
        return paragraphs.joined(separator: "\n\n")
    }

    /// A body edit: a new body, one more paragraph, or one character replaced by another of the
    /// same UTF-8 size (a same-size file, which only its modification time tells apart).
    private mutating func newBody(from body: String) -> String {
        switch random.below(3) {
        case 0: return self.body()
        case 1: return body + "\n\n" + sentence()
        default: return sameSize(body) ?? self.body()
        }
    }

    private mutating func newTitle(from title: String) -> String {
        random.chance(1, in: 2) ? (sameSize(title) ?? self.title()) : self.title()
    }

    /// `text` with one Chinese character replaced by another (both three bytes in UTF-8).
    private mutating func sameSize(_ text: String) -> String? {
        let characters = Array(text)
        let positions = characters.indices.filter { characters[$0].utf8.count == 3 && characters[$0].isLetter }
        guard !positions.isEmpty else { return nil }
        var changed = characters
        let position = random.pick(positions)
        changed[position] = characters[position] == "新" ? "旧" : "新"
        return String(changed)
    }
}

// MARK: - Running a sequence

/// What differs between the incremental and the clean output after a step (or a failed build).
struct Mismatch: Sendable, CustomStringConvertible {
    var description: String

    /// The first path (in sorted order) whose file differs, with a few lines around the first
    /// differing line; `nil` when both trees are equal.
    static func between(incremental: [String: Data], clean: [String: Data]) -> Mismatch? {
        for path in Set(incremental.keys).union(clean.keys).sorted() {
            switch (incremental[path], clean[path]) {
            case (nil, _?): return Mismatch(description: "First differing file: \(path) — written by the clean build, missing from the incremental output.")
            case (_?, nil): return Mismatch(description: "First differing file: \(path) — in the incremental output, not written by a clean build.")
            case let (mine?, theirs?) where mine != theirs:
                return Mismatch(description: "First differing file: \(path)\n" + lineDiff(incremental: mine, clean: theirs))
            default: continue
            }
        }
        return nil
    }

    /// The first differing line of two texts, with the line before it, each cut to a window
    /// around the first differing character (generated pages have long lines).
    static func lineDiff(incremental: Data, clean: Data) -> String {
        let mine = String(decoding: incremental, as: UTF8.self).components(separatedBy: "\n")
        let theirs = String(decoding: clean, as: UTF8.self).components(separatedBy: "\n")
        guard let line = (0..<max(mine.count, theirs.count)).first(where: { $0 >= mine.count || $0 >= theirs.count || mine[$0] != theirs[$0] }) else {
            return "  (\(incremental.count) bytes incremental vs \(clean.count) bytes clean)"
        }
        let a = line < mine.count ? Array(mine[line]) : []
        let b = line < theirs.count ? Array(theirs[line]) : []
        let column = zip(a, b).prefix { $0 == $1 }.count
        func window(_ characters: [Character]) -> String {
            let start = max(0, column - 60)
            let end = min(characters.count, column + 100)
            guard start < end else { return start == 0 ? "" : "…" }
            return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        }
        var text = ""
        if line > 0, line - 1 < theirs.count { text += "    line \(line):     \(String(theirs[line - 1].prefix(160)))\n" }
        text += "  - clean, line \(line + 1):       \(line < theirs.count ? window(b) : "(end of file)")\n"
        text += "  + incremental, line \(line + 1): \(line < mine.count ? window(a) : "(end of file)")"
        return text
    }
}

/// A site folder on disk kept equal to a model's files: only the files that differ are written
/// or removed, as an editor would.
struct SiteFolder {
    let root: String
    private(set) var files: [String: String] = [:]

    init(root: String) throws {
        self.root = root
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Makes the folder hold exactly `target`; each written file gets `stamp` as its
    /// modification time when given.
    mutating func sync(to target: [String: String], stamp: Date?) throws {
        for path in files.keys.sorted() where target[path] == nil {
            try FileManager.default.removeItem(atPath: root + "/" + path)
        }
        for path in target.keys.sorted() where files[path] != target[path] {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(target[path]!.utf8).write(to: url)
            if let stamp { try touch(path, at: stamp) }
        }
        files = target
    }

    func touch(_ path: String, at stamp: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: root + "/" + path)
    }

    /// Deletes a folder tree, if there is one.
    ///
    /// Why not `FileManager.removeItem`: here it took about as long for an output folder of
    /// fifty files as the two builds of a step together.
    static func removeTree(_ path: String) {
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: path) else { return }
        for relative in paths.sorted(by: >) where unlink(path + "/" + relative) != 0 {
            rmdir(path + "/" + relative)  // a folder: what is inside sorts after it, so is gone
        }
        rmdir(path)
    }
}

/// Modification times for saved files.
///
/// Why explicit times: the build decides "unchanged" by size and modification time (the
/// up-to-date check of `InputSnapshot`, the article cache, static copies). Steps follow each
/// other within milliseconds, and an edit that keeps the size (`hits: 3` → `hits: 4`, one
/// character for another) can get the very time stamp of the previous version when the file
/// system clock has not ticked in between: a real editor's save, seconds later, never would.
/// So every save gets a time of its own: one from a clock in the past that moves a second per
/// save (such files are old enough for the article cache, which keeps only files older than a
/// second), or, for a step `savedJustNow`, the current time, made later than any such time
/// handed out before.
struct SaveClock {
    private var past = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 2 * 86_400).rounded(.down))
    private var lastRecent = Date.distantPast

    mutating func stamp(recent: Bool) -> Date {
        if recent {
            lastRecent = max(Date(), lastRecent.addingTimeInterval(0.001))
            return lastRecent
        }
        past = past.addingTimeInterval(1)
        return past
    }
}

/// One sequence of steps played on disk: a working site built incrementally into its own
/// output folder after every step, and a mirror of the same files built from scratch into a
/// fresh folder for comparison; every file of the two outputs must be equal byte for byte (the
/// writer's `.sitegen-manifest` aside; the caches and the build record live in the site folder,
/// outside the output).
///
/// Why: the incremental build keeps pages whose input key (`PageReader`) or fingerprint did
/// not change, takes unchanged articles from its caches and skips the whole build when no input's
/// size or modification time changed (`InputSnapshot`). Each shortcut is right only if its key
/// covers everything the page shows. `IncrementalBuildTests` tries one hand-written edit of each
/// kind; random sequences also try edits in combinations nobody thought of (a template that
/// starts showing a field, then an edit of that field; a move, then a paginate change), where a
/// key that leaves something out shows as a stale file.
///
/// The clean build reads a copy of the site because a non-incremental build forgets the
/// build record of its site folder: run on the working site it would switch off the
/// incremental build's up-to-date shortcut, one of the things under test.
struct SiteReplay {
    /// The builds' "now": after every 2024 date, before the 2025 ones.
    static let now = SampleSite.date("2025-01-01 00:00")

    private(set) var model = SiteModel.initial
    private let root: String
    private var working: SiteFolder
    private var mirror: SiteFolder
    private var clock = SaveClock()

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/sitegen-difftest-" + UUID().uuidString
        working = try SiteFolder(root: root + "/site")
        mirror = try SiteFolder(root: root + "/mirror")
    }

    /// Writes the initial site and builds it; the mismatch, if the first build already differs.
    mutating func start() throws -> Mismatch? {
        let files = model.files
        try working.sync(to: files, stamp: clock.stamp(recent: false))
        try mirror.sync(to: files, stamp: nil)
        return try compare()
    }

    /// Applies one step, builds, and compares.
    mutating func perform(_ step: Step) throws -> Mismatch? {
        step.edit.apply(to: &model)
        let files = model.files
        let stamp = clock.stamp(recent: step.savedJustNow)
        try working.sync(to: files, stamp: stamp)
        if case .touch(let path) = step.edit, files[path] != nil { try working.touch(path, at: stamp) }
        try mirror.sync(to: files, stamp: nil)
        return try compare()
    }

    private func compare() throws -> Mismatch? {
        var options = BuildOptions(sourceDirectory: working.root, outputDirectory: working.root + "/public")
        options.now = Self.now
        let incremental = SiteBuilder.build(options)
        if incremental.diagnostics.hasErrors {
            return Mismatch(description: "The incremental build failed: \(incremental.diagnostics.items.map(\.description))")
        }
        var clean = BuildOptions(sourceDirectory: mirror.root, outputDirectory: root + "/clean")
        clean.now = Self.now
        clean.incremental = false
        SiteFolder.removeTree(clean.outputDirectory)
        let full = SiteBuilder.build(clean)
        if full.diagnostics.hasErrors {
            return Mismatch(description: "The clean build failed: \(full.diagnostics.items.map(\.description))")
        }
        return Mismatch.between(incremental: try BuiltSite.read(options.outputDirectory), clean: try BuiltSite.read(clean.outputDirectory))
    }

    func remove() {
        SiteFolder.removeTree(root)
    }

    /// Plays `steps` from the initial site: the index of the first step after which the
    /// outputs differ, with the difference; `nil` if they never do.
    static func firstMismatch(of steps: [Step]) throws -> (Int, Mismatch)? {
        var replay = try SiteReplay()
        defer { replay.remove() }
        if let mismatch = try replay.start() { return (-1, mismatch) }
        for (index, step) in steps.enumerated() {
            if let mismatch = try replay.perform(step) { return (index, mismatch) }
        }
        return nil
    }
}

// MARK: - Shrinking

/// Delta debugging (Zeller's ddmin, complements only): removes chunks of the failing sequence,
/// halves first and then smaller ones down to single steps, keeping every removal after which
/// the replay still fails, and cutting the sequence after the step that then fails. The result
/// is a sequence from which no single step can be removed without the failure going away,
/// unless the replay budget or the time limit ran out first (each replay builds the site twice
/// per step: a long sequence that shrinks slowly must not keep CI busy for an hour).
///
/// Why: a random sequence of forty edits hides the two or three that matter (say, a template
/// edit that starts showing `hits`, then a `hits` edit); a short list of steps says which key
/// left something out.
struct StepShrinker {
    /// Replays allowed.
    let budget: Int
    /// When to stop trying.
    let deadline: Date
    /// Replays made.
    private(set) var replays = 0

    init(budget: Int, seconds: TimeInterval = 300) {
        self.budget = budget
        deadline = Date().addingTimeInterval(seconds)
    }

    private var mayReplay: Bool { replays < budget && Date() < deadline }

    /// The smallest failing subsequence of `items` found, with its failure. `firstFailure`
    /// replays a candidate: the index of the item after which it failed, or `nil` if it passed
    /// (an index below 0: it failed before any item).
    mutating func minimize<Item, Failure>(
        _ items: [Item], failing failure: Failure, firstFailure: ([Item]) throws -> (Int, Failure)?
    ) rethrows -> ([Item], Failure) {
        var current = items
        var failure = failure
        var chunks = 2
        while current.count >= 2, mayReplay {
            let size = (current.count + chunks - 1) / chunks
            var reduced = false
            for start in stride(from: 0, to: current.count, by: size) where mayReplay {
                let candidate = Array(current[..<start] + current[min(current.count, start + size)...])
                replays += 1
                guard let (index, found) = try firstFailure(candidate) else { continue }
                current = Array(candidate.prefix(index + 1))
                failure = found
                chunks = max(chunks - 1, 2)
                reduced = true
                break
            }
            if !reduced {
                if chunks >= current.count { break }
                chunks = min(chunks * 2, current.count)
            }
        }
        return (current, failure)
    }
}
