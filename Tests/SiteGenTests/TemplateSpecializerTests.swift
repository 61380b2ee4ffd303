import Foundation
import Testing
@testable import SiteGen

/// The specializer must give exactly the engine's bytes for every page, reuse recorded paths,
/// and step aside (to the engine) whenever it cannot vouch for a template.
@Suite struct TemplateSpecializerTests {
    /// A library with the required templates (empty) plus `templates`.
    static func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var sources: [String: TemplateSource] = [:]
        for name in TemplateLibrary.required { sources[name] = TemplateSource(path: "t/\(name).mustache", text: "") }
        for (name, text) in templates { sources[name] = TemplateSource(path: "t/\(name).mustache", text: text) }
        let (library, diagnostics) = TemplateLibrary.compile(Theme(name: "t", templates: sources))
        #expect(!diagnostics.hasErrors, "\(diagnostics.items)")
        return try #require(library)
    }

    /// A template that uses every construct the specializer models: escaped and raw values,
    /// sections over lists, objects, flags and strings, inverted sections, `empty()`, a
    /// sequence-position transform, names found further down the context stack, `{{.}}`,
    /// numbers, partials and content views.
    static let page = """
        <h1 title="{{title}}">{{title}}</h1>{{{body}}}
        {{#author}}<p>作者：{{author}}</p>{{/author}}{{^author}}<p>佚名</p>{{/author}}
        {{#cover}}<img src="{{url}}" alt="{{title}}">{{/cover}}
        {{^empty(tags)}}<ul>{{#tags}}<li class="{{#first()}}first{{/first()}}"><a href="{{url}}">{{name}}</a> {{home}}</li>{{/tags}}</ul>{{/empty(tags)}}
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{#meta}}{{#pinned}}[置顶]{{/pinned}}{{^pinned}}[普通]{{/pinned}} {{hits}}{{/meta}}
        {{^empty(params)}}params{{/empty(params)}}{{#empty(params)}}no params{{/empty(params)}}
        {{> partials/foot}}
        """

    /// A page's view model: its shape (which parts exist, how many items) comes from
    /// `seed % 12`, its text from `seed`, so shapes repeat while values differ.
    static func context(_ seed: Int) -> [String: Any] {
        let shape = seed % 12
        let titles = ["反诈<宣传>", "“法治”进社区 & 'Q'", "普通标题"]
        var context: [String: Any] = [
            "title": titles[seed % titles.count] + String(seed),
            "body": RenderedBlock("<p>正文 \(seed) <b>粗</b></p>"),
            "tags": (0..<(shape % 4)).map { ["name": "标签\($0)<\(seed)", "url": "/tags/\($0)/"] as [String: Any] },
            "lines": (0..<(shape % 3)).map { "第\($0)行 & \(seed)" },
            "meta": ["pinned": shape % 2 == 0, "hits": shape % 5] as [String: Any],
            "params": shape % 3 == 0 ? [:] : ["a": "b"] as [String: Any],
            "home": "/首页/\(seed % 7)",
        ]
        if shape % 2 == 1 { context["author"] = shape == 11 ? "" : "记者\(seed)" }
        if shape % 5 != 0 { context["cover"] = ["url": "/img/\(seed).jpg?a=1&b=2"] as [String: Any] }
        return context
    }

    static let foot = "<footer>{{home}}{{#site}} {{name}}{{/site}}</footer>"

    @Test func specializedPagesAreByteIdenticalToTheEngineAndReusePaths() throws {
        let templates = try Self.library(["article": Self.page, "partials/foot": Self.foot])
        #expect(templates.specializable)
        let specializer = TemplateSpecializer(templates: templates)
        for seed in 0..<200 {
            var context = Self.context(seed)
            context["site"] = ViewObject(["name": "法治网 \(seed % 2)"])
            let rendered = specializer.render("article", context)
            #expect(String(decoding: rendered.bytes, as: UTF8.self) == templates.render("article", context), "seed \(seed)")
        }
        let statistics = try #require(specializer.statistics(of: "article"))
        #expect(!statistics.disabled)
        // 12 shapes: every other page reuses a recording.
        #expect(statistics.recordings <= 12, "recordings: \(statistics.recordings)")
        #expect(statistics.hits == 200, "hits: \(statistics.hits) recordings: \(statistics.recordings)")
    }

    @Test func fingerprintsFollowWhatTheTemplateReads() throws {
        let templates = try Self.library(["article": "<h1>{{title}}</h1>{{#cover}}<img src=\"{{url}}\">{{/cover}}"])
        let specializer = TemplateSpecializer(templates: templates)
        let base: [String: Any] = ["title": "甲", "unused": "x", "cover": ["url": "/a.jpg"] as [String: Any]]
        let first = specializer.render("article", base).fingerprint
        #expect(specializer.render("article", base).fingerprint == first)
        var changedUnused = base
        changedUnused["unused"] = "y"
        #expect(specializer.render("article", changedUnused).fingerprint == first, "a field no template reads does not change the page")
        var changedTitle = base
        changedTitle["title"] = "乙"
        #expect(specializer.render("article", changedTitle).fingerprint != first)
        var noCover = base
        noCover["cover"] = nil
        #expect(specializer.render("article", noCover).fingerprint != first)
    }

    @Test(arguments: [
        "{{uppercased(title)}}", "{{=<% %>=}}<% title %>", "{{% CONTENT_TYPE: TEXT }}{{title}}",
        "{{>*name}}", "<div>\n  {{> partials/foot}}\n</div>", "{{count(tags)}}",
    ])
    func themesTheGateRefusesRenderThroughTheEngine(template: String) throws {
        let templates = try Self.library(["article": template, "partials/foot": Self.foot])
        #expect(!templates.specializable)
        let specializer = TemplateSpecializer(templates: templates)
        for seed in 0..<5 {
            let context = Self.context(seed)
            #expect(String(decoding: specializer.render("article", context).bytes, as: UTF8.self) == templates.render("article", context))
        }
    }

    @Test func gateAcceptsTheDefaultThemeAndStructuralTransforms() throws {
        #expect(SpecializationGate.allows(template: "{{^empty(items)}}{{#items}}{{#first()}}a{{/first()}}{{/items}}{{/empty(items)}}"))
        #expect(SpecializationGate.allows(template: "{{! a comment with uppercased(x) }}{{title}}"))
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/default/templates")
        let files = try #require(FileManager.default.enumerator(atPath: themes.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 12)
        for file in files {
            let text = try String(contentsOf: themes.appendingPathComponent(file), encoding: .utf8)
            #expect(SpecializationGate.allows(template: text), "\(file)")
        }
    }

    @Test func unmodelledValuesTurnTheTemplateOverToTheEngine() throws {
        let templates = try Self.library(["article": "<p>{{when}}</p><p>{{title}}</p>"])
        let specializer = TemplateSpecializer(templates: templates)
        for seed in 0..<3 {
            let context: [String: Any] = ["when": Date(timeIntervalSince1970: Double(seed)), "title": "t\(seed)"]
            #expect(String(decoding: specializer.render("article", context).bytes, as: UTF8.self) == templates.render("article", context))
        }
        #expect(specializer.statistics(of: "article")?.disabled == true)
    }

    @Test func templatesWhosePagesRarelyShareAShapeStopRecording() throws {
        // Every page has a different number of items, so no recorded path is ever reused.
        let templates = try Self.library(["article": "{{#items}}<i>{{.}}</i>{{/items}}"])
        let specializer = TemplateSpecializer(templates: templates)
        for count in 0..<120 {
            let context: [String: Any] = ["items": (0..<count).map { "第\($0)" }]
            #expect(String(decoding: specializer.render("article", context).bytes, as: UTF8.self) == templates.render("article", context))
        }
        let statistics = try #require(specializer.statistics(of: "article"))
        #expect(statistics.recordings < 40, "recordings: \(statistics.recordings)")
    }

    @Test func markersInTemplateTextAreNotMistakenForSlots() throws {
        let templates = try Self.library(["article": "<p>\u{E000}&0\u{E001}{{title}}</p>"])
        let specializer = TemplateSpecializer(templates: templates)
        let context: [String: Any] = ["title": "甲"]
        #expect(String(decoding: specializer.render("article", context).bytes, as: UTF8.self) == templates.render("article", context))
    }
}
