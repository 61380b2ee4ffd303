import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenServe
import SiteGenCore

/// Rebuilds reach open pages over Server-Sent Events; failed rebuilds show an overlay.
@Suite struct LiveReloadTests {
    static let goodSite = TestSite.rendered([TestSite.page("index.html", "<h1>第一版</h1>")])

    @Test func reloadEventArrivesAfterTheSiteIsRebuilt() async throws {
        try await TestSite.withServer(Self.goodSite) { port, state in
            let events = try await EventStreamClient(port: port)
            let opening = try await events.waitFor(": connected")
            #expect(opening.contains("text/event-stream"))
            #expect(!opening.contains("event: reload"))
            await state.apply(TestSite.rendered([TestSite.page("index.html", "<h1>第二版</h1>")]))
            try await events.waitFor("event: reload")
            let page = try await RawHTTPClient.request("/", port: port)
            #expect(page.text.contains("第二版"))
        }
    }

    @Test func streamSendsCommentPings() async throws {
        try await TestSite.withServer(Self.goodSite, pingInterval: .milliseconds(50)) { port, _ in
            let events = try await EventStreamClient(port: port)
            try await events.waitFor(": ping\n\n")
        }
    }

    @Test func failedRebuildKeepsTheOldPageWithAnEscapedErrorOverlayUntilAGoodRebuild() async throws {
        try await TestSite.withServer(Self.goodSite) { port, state in
            let events = try await EventStreamClient(port: port)
            try await events.waitFor(": connected")
            let broken = TestSite.rendered(
                [TestSite.page("index.html", "<h1>坏的</h1>")],
                errors: [.error("unknown column <script>alert(1)</script> & \"x\"", at: SourceLocation(path: "content/guonei/a.md", line: 3, column: 7))]
            )
            await state.apply(broken)
            try await events.waitFor("event: reload")

            let failed = try await RawHTTPClient.request("/", port: port)
            #expect(failed.status == 200)
            #expect(failed.text.contains("第一版"))
            #expect(!failed.text.contains("坏的"))
            #expect(failed.text.contains("__sitegen-errors"))
            #expect(failed.text.contains("content/guonei/a.md:3:7: unknown column &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
            #expect(!failed.text.contains("<script>alert(1)"))
            let missing = try await RawHTTPClient.request("/missing/", port: port)
            #expect(missing.text.contains("content/guonei/a.md:3:7"))

            events.forgetReceived()
            await state.apply(TestSite.rendered([TestSite.page("index.html", "<h1>第三版</h1>")]))
            try await events.waitFor("event: reload")
            let fixed = try await RawHTTPClient.request("/", port: port)
            #expect(fixed.text.contains("第三版"))
            #expect(!fixed.text.contains("__sitegen-errors"))
        }
    }

    @Test func overlayChangesTheETagOfAnUnchangedPage() async throws {
        try await TestSite.withServer(Self.goodSite) { port, state in
            let before = try await RawHTTPClient.request("/", port: port)
            await state.apply(TestSite.rendered([], errors: [.error("bad", at: SourceLocation(path: "site.yml", line: 1, column: 1))]))
            let after = try await RawHTTPClient.request("/", headers: ["If-None-Match": before.header("etag") ?? ""], port: port)
            #expect(after.status == 200)
            #expect(after.text.contains("site.yml:1:1: bad"))
        }
    }

    @Test func injectionGoesBeforeTheLastBodyTagOrAtTheEnd() {
        let withBody = LiveReloadInjector.inject(into: Array("<p></BODY></html>".utf8), errors: [])
        #expect(String(decoding: withBody, as: UTF8.self).hasSuffix("</script></BODY></html>"))
        let withoutBody = LiveReloadInjector.inject(into: Array("<p>fragment".utf8), errors: [])
        #expect(String(decoding: withoutBody, as: UTF8.self).hasPrefix("<p>fragment<script>"))
    }
}
