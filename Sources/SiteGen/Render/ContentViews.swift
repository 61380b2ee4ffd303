import Foundation
import Mustache

/// An article's content views: the theme's `views/<name>` templates rendered with the article's
/// list entry, once per build however many lists show it (Hugo's `.Render "summary"`).
///
/// Templates reach them as `{{{views.summary}}}`, `{{{views.li}}}` inside a list of articles.
/// Immutable apart from each view's cache, hence safe to share between render workers.
final class ContentViews: MustacheParent, Fingerprinted, @unchecked Sendable {
    private let views: [String: ContentView]
    let fingerprint: UInt64

    /// The views of one list entry whose own fingerprint is `entryFingerprint`; `names` are the
    /// theme's view templates (`views/…`).
    init(entry: [String: Any], entryFingerprint: UInt64, site: ViewObject, names: [String], specializer: TemplateSpecializer) {
        var context = entry
        context["site"] = site
        let seed = Fingerprint.of(seed: entryFingerprint, site.fingerprint)
        var views: [String: ContentView] = [:]
        for name in names {
            views[name] = ContentView(template: "views/" + name, context: context, specializer: specializer, seed: seed)
        }
        self.views = views
        fingerprint = seed
    }

    func child(named name: String) -> Any? { views[name] }
}

/// One content view, rendered the first time a page needs it.
final class ContentView: SlotRenderable, @unchecked Sendable {
    private let template: String
    private let context: [String: Any]
    private let specializer: TemplateSpecializer
    let fingerprint: UInt64
    private let lock = NSLock()
    private var cached: [UInt8]?

    init(template: String, context: [String: Any], specializer: TemplateSpecializer, seed: UInt64) {
        self.template = template
        self.context = context
        self.specializer = specializer
        fingerprint = Fingerprint.of(seed: seed, template)
    }

    /// The rendered bytes (rendered once, then kept).
    var bytes: [UInt8] {
        if let cached = lock.withLock({ cached }) { return cached }
        let bytes = specializer.render(template, context).bytes
        lock.withLock { cached = bytes }
        return bytes
    }

    func append(to output: inout [UInt8]) { output.append(contentsOf: bytes) }
    var renderText: String { String(decoding: bytes, as: UTF8.self) }
    var isNull: Bool { false }
}
