import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenServe

/// The HTTP rules of the dev server, exercised over real loopback sockets.
@Suite struct SiteServerHTTPTests {
    static let site = TestSite.rendered([
        TestSite.page("index.html", "<h1>首页</h1>"),
        TestSite.page("guonei/index.html", "<h1>国内</h1>"),
        TestSite.page("guonei/2024/zhongqiu.html", "<h1>中秋</h1>"),
        TestSite.page("404.html", "<p>页面不存在</p>"),
        OutputFile(path: "rss.xml", text: "<?xml version=\"1.0\"?><rss></rss>"),
        OutputFile(path: "sitemap.xml", text: "<?xml version=\"1.0\"?><urlset></urlset>"),
        OutputFile(path: "css/site.css", text: "body{color:#333}"),
        OutputFile(path: "js/site.js", text: "console.log(1)"),
        OutputFile(path: "data/search.json", text: "{}"),
        OutputFile(path: "robots.txt", text: "User-agent: *"),
        OutputFile(path: "images/logo.svg", text: "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
        OutputFile(path: "images/photo.png", contents: .bytes([0x89, 0x50, 0x4E, 0x47])),
        OutputFile(path: "images/photo.jpg", contents: .bytes([0xFF, 0xD8])),
        OutputFile(path: "fonts/a.woff2", contents: .bytes([1, 2, 3])),
        OutputFile(path: "files/report.pdf", contents: .bytes(Array("%PDF-1.4".utf8))),
        OutputFile(path: "files/blob.bin", contents: .bytes([0, 1])),
    ])

    @Test(arguments: [
        ("/", "text/html; charset=utf-8", "首页"),
        ("/guonei/", "text/html; charset=utf-8", "国内"),
        ("/guonei/2024/zhongqiu.html", "text/html; charset=utf-8", "中秋"),
        ("/rss.xml", "application/xml; charset=utf-8", "<rss>"),
        ("/sitemap.xml", "application/xml; charset=utf-8", "<urlset>"),
        ("/css/site.css", "text/css; charset=utf-8", "color"),
        ("/js/site.js", "text/javascript; charset=utf-8", "console"),
        ("/data/search.json", "application/json; charset=utf-8", "{}"),
        ("/robots.txt", "text/plain; charset=utf-8", "User-agent"),
        ("/images/logo.svg", "image/svg+xml; charset=utf-8", "<svg"),
        ("/images/photo.png", "image/png", "PNG"),
        ("/images/photo.jpg", "image/jpeg", ""),
        ("/fonts/a.woff2", "font/woff2", ""),
        ("/files/report.pdf", "application/pdf", "%PDF"),
        ("/files/blob.bin", "application/octet-stream", ""),
    ])
    func servesEachFileWithItsContentType(path: String, contentType: String, excerpt: String) async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let response = try await RawHTTPClient.request(path, port: port)
            #expect(response.status == 200)
            #expect(response.header("content-type") == contentType)
            #expect(response.header("cache-control") == "no-cache")
            #expect(response.header("etag") != nil)
            #expect(response.header("content-length") == String(response.body.count))
            #expect(excerpt.isEmpty || response.text.contains(excerpt))
        }
    }

    @Test func liveReloadScriptIsInjectedBeforeBodyEndOfHTMLOnly() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let page = try await RawHTTPClient.request("/guonei/", port: port).text
            let script = try #require(page.range(of: "new EventSource(\"/__sitegen/events\")"))
            let bodyEnd = try #require(page.range(of: "</body>"))
            #expect(script.upperBound < bodyEnd.lowerBound)
            #expect(!page.contains("__sitegen-errors"))
            let css = try await RawHTTPClient.request("/css/site.css", port: port).text
            #expect(css == "body{color:#333}")
            let feed = try await RawHTTPClient.request("/rss.xml", port: port).text
            #expect(!feed.contains("EventSource"))
        }
    }

    @Test func folderWithoutTrailingSlashRedirectsKeepingTheQuery() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let response = try await RawHTTPClient.request("/guonei?page=2", port: port)
            #expect(response.status == 301)
            #expect(response.header("location") == "/guonei/?page=2")
            let plain = try await RawHTTPClient.request("/guonei", port: port)
            #expect(plain.header("location") == "/guonei/")
        }
    }

    @Test func unknownPathServesTheSitesOwn404Page() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let response = try await RawHTTPClient.request("/guonei/missing.html", port: port)
            #expect(response.status == 404)
            #expect(response.header("content-type") == "text/html; charset=utf-8")
            #expect(response.text.contains("页面不存在"))
            #expect(response.text.contains("EventSource"))
        }
    }

    @Test func unknownPathWithout404PageServesABuiltInPage() async throws {
        try await TestSite.withServer(TestSite.rendered([TestSite.page("index.html", "x")])) { port, _ in
            let response = try await RawHTTPClient.request("/nope", port: port)
            #expect(response.status == 404)
            #expect(response.header("content-type") == "text/html; charset=utf-8")
            #expect(response.text.contains("404 Not Found"))
        }
    }

    @Test func headSendsTheSameHeadersWithoutABody() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let get = try await RawHTTPClient.request("/guonei/", port: port)
            let head = try await RawHTTPClient.request("/guonei/", method: "HEAD", port: port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("content-length") == String(get.body.count))
            #expect(head.header("content-type") == get.header("content-type"))
            #expect(head.header("etag") == get.header("etag"))
        }
    }

    @Test func matchingETagAnswersNotModified() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let first = try await RawHTTPClient.request("/css/site.css", port: port)
            let tag = try #require(first.header("etag"))
            let second = try await RawHTTPClient.request("/css/site.css", headers: ["If-None-Match": tag], port: port)
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.header("etag") == tag)
            let stale = try await RawHTTPClient.request("/css/site.css", headers: ["If-None-Match": "\"0000000000000000\""], port: port)
            #expect(stale.status == 200)
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let response = try await RawHTTPClient.request("/", method: "DELETE", port: port)
            #expect(response.status == 405)
            #expect(response.header("allow") == "GET, HEAD")
        }
    }

    @Test func overlongRequestTargetIsRefusedWith414() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            let target = "/" + String(repeating: "a", count: 9000)
            let response = try await RawHTTPClient.request(target, port: port)
            #expect(response.status == 414)
        }
    }

    @Test func malformedRequestDoesNotStopTheServer() async throws {
        try await TestSite.withServer(Self.site) { port, _ in
            _ = try? await RawHTTPClient.exchange(Array("GARBAGE\r\n\r\n\u{0}\u{1}".utf8), port: port)
            let response = try await RawHTTPClient.request("/", port: port)
            #expect(response.status == 200)
        }
    }
}
