import SiteGen
import SiteGenCore

/// Adds the live-reload script, and the error overlay when the last rebuild failed, to an HTML
/// page right before `</body>`.
///
/// Injection happens at response time in the server only, so `sitegen build` output never
/// contains it.
enum LiveReloadInjector {
    /// The Server-Sent Events endpoint the script listens to.
    static let eventsPath = "/__sitegen/events"

    /// `page` with the snippet inserted before its last `</body>` (appended when there is none).
    static func inject(into page: [UInt8], errors: [Diagnostic]) -> [UInt8] {
        let snippet = Array(self.snippet(errors: errors).utf8)
        guard let index = lastClosingBodyTag(in: page) else { return page + snippet }
        var result = page
        result.insert(contentsOf: snippet, at: index)
        return result
    }

    /// The markup to inject: the overlay (only with errors) and the script.
    static func snippet(errors: [Diagnostic]) -> String {
        overlay(errors: errors) + script
    }

    /// A fixed panel listing `path:line:col: message` lines, HTML-escaped; empty without errors.
    static func overlay(errors: [Diagnostic]) -> String {
        guard !errors.isEmpty else { return "" }
        let lines = errors.map { diagnostic -> String in
            let location = diagnostic.location.map { "\($0): " } ?? ""
            return "<li>" + HTMLEscaping.escapeHTML(location + diagnostic.message) + "</li>"
        }
        return """
            <div id="__sitegen-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;\
            z-index:2147483647;max-height:50vh;overflow:auto;margin:0;padding:12px 16px;\
            background:#2b0d0d;color:#ffd7d7;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;\
            border-top:3px solid #e5484d;white-space:pre-wrap">\
            <strong>sitegen: the last rebuild failed; showing the previous version</strong>\
            <ul style="margin:6px 0 0;padding-left:18px">\(lines.joined())</ul></div>
            """
    }

    /// Opens the event stream and reloads the page on every `reload` event.
    static let script = """
        <script>(function(){if(!window.EventSource)return;\
        var s=new EventSource("\(eventsPath)");\
        s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
        """

    private static func lastClosingBodyTag(in page: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard page.count >= tag.count else { return nil }
        var index = page.count - tag.count
        while index >= 0 {
            if matchesCaseInsensitive(page, at: index, tag) { return index }
            index -= 1
        }
        return nil
    }

    private static func matchesCaseInsensitive(_ page: [UInt8], at index: Int, _ tag: [UInt8]) -> Bool {
        for offset in 0..<tag.count {
            var byte = page[index + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != tag[offset] { return false }
        }
        return true
    }
}
