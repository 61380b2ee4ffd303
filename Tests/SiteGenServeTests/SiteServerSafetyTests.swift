import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenServe

/// Paths that try to leave the in-memory site must never reach the disk.
@Suite struct SiteServerSafetyTests {
    @Test(arguments: [
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fetc%2fpasswd",
        "/%252e%252e/",
        "/%252e%252e/secret.txt",
        "/..\\..\\",
        "/%5c..%5csecret.txt",
        "/%00index.html",
        "/index.html%00",
        "//etc/passwd",
        "/./index.html",
        "/assets/../secret.txt",
        "/assets/%2e%2e/secret.txt",
        "/C:/Windows/win.ini",
        "/assets%2flogo.png",
        "/%zz",
        "/%ff%fe",
    ])
    func traversalSpellingsAreRefusedWithoutLeakingFiles(target: String) async throws {
        let folder = try TestSite.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET".utf8).write(to: secret)
        let logo = folder.appendingPathComponent("logo.png")
        try Data([0x89, 0x50]).write(to: logo)
        let site = TestSite.rendered([
            TestSite.page("index.html", "home"),
            OutputFile(path: "assets/logo.png", contents: .copy(from: logo.path)),
        ])
        try await TestSite.withServer(site) { port, _ in
            let response = try await RawHTTPClient.request(target, port: port)
            #expect([400, 403, 404].contains(response.status), "\(target) answered \(response.status)")
            #expect(!response.text.contains("TOP-SECRET"))
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("home"))
        }
    }

    @Test func copiedAssetIsReadFromThePathTheEngineProduced() async throws {
        let folder = try TestSite.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("theme-logo.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).write(to: source)
        let site = TestSite.rendered([OutputFile(path: "assets/logo.png", contents: .copy(from: source.path))])
        try await TestSite.withServer(site) { port, _ in
            let response = try await RawHTTPClient.request("/assets/logo.png", port: port)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "image/png")
            #expect(response.body == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
        }
    }

    @Test(arguments: [
        ("/", "index.html"),
        ("/guonei/", "guonei/index.html"),
        ("/guonei/a.html?x=1", "guonei/a.html"),
        ("/%E5%9B%BD%E5%86%85/", "国内/index.html"),
        ("/a%20b.html", "a b.html"),
        ("/%252e%252e/", "%2e%2e/index.html"),
    ])
    func requestTargetIsDecodedExactlyOnce(target: String, key: String) throws {
        #expect(try RequestTarget(target).siteKey == key)
    }

    @Test(arguments: ["/..", "/a/../b", "/%2E%2E/x", "/a%2f..%2fb", "/guonei%2findex.html", "/guonei%2Findex.html", "/a\\b", "/%5C", "/%00", "//x", "/a//b", "x", "/%", "/%4", "/%c3%28"])
    func unsafeRequestTargetsAreRejected(target: String) {
        #expect(throws: RequestTarget.Rejection.unsafe) { try RequestTarget(target) }
    }
}
