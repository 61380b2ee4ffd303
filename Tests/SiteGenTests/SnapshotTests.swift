import Foundation
import Testing
@testable import SiteGen

/// Golden files of `Fixtures/mini-site`: re-record on purpose with
/// `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` and review the diff.
@Suite struct SnapshotTests {
    @Test(arguments: [
        ("article.html", MiniSite.Path.article),
        ("column-page-1.html", "guonei/index.html"),
        ("column-page-2.html", "guonei/page/2/index.html"),
        ("home.html", "index.html"),
        ("rss.xml", "rss.xml"),
        ("column-rss.xml", "guonei/rss.xml"),
        ("sitemap.xml", "sitemap.xml"),
    ])
    func renderedFileMatchesGoldenFile(snapshot: String, outputPath: String) throws {
        let site = try MiniSite.standard.get()
        let text = try #require(site.text(outputPath), "\(outputPath) was not written")
        Snapshot.expect(text, matches: "mini-site/" + snapshot)
    }

    @Test func miniSiteBuildsWithoutDiagnostics() throws {
        let site = try MiniSite.standard.get()
        #expect(site.result.diagnostics.sorted.map(\.description) == [])
        #expect(site.result.stats.pages == site.paths(endingWith: ".html").count)
    }

    @Test func buildingTwiceGivesByteIdenticalOutput() throws {
        // Two builds from two different temporary folders: output must not depend on the
        // source location, thread scheduling or dictionary order.
        let first = try MiniSite.build()
        let second = try MiniSite.build()
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        for (path, bytes) in first.files where second.files[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
    }

    @Test func draftAndFutureArticlesAreLeftOutByDefault() throws {
        let site = try MiniSite.standard.get()
        #expect(site.files[MiniSite.Path.draft] == nil)
        #expect(site.files[MiniSite.Path.future] == nil)
        for (path, data) in site.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("尚未发布的草稿"), "draft title leaks into \(path)")
            #expect(!text.contains("定时发布的未来文章"), "future title leaks into \(path)")
        }
    }

    @Test func includeDraftsAndIncludeFuturePublishThem() throws {
        let drafts = try MiniSite.build(includeDrafts: true)
        #expect(drafts.files[MiniSite.Path.draft] != nil)
        #expect(drafts.files[MiniSite.Path.future] == nil)
        #expect(drafts.text("pinglun/index.html")?.contains("尚未发布的草稿") == true)
        let future = try MiniSite.build(includeFuture: true)
        #expect(future.files[MiniSite.Path.future] != nil)
        #expect(future.files[MiniSite.Path.draft] == nil)
    }

    @Test func sameSlugAtTwoLevelsGivesTwoColumns() throws {
        let site = try MiniSite.standard.get()
        let nested = try #require(site.text("guonei/fazhi/index.html"))
        let topLevel = try #require(site.text("fazhi/index.html"))
        #expect(nested.contains("<title>法制 - 迷你法治网</title>"))
        #expect(topLevel.contains("<title>法治 - 迷你法治网</title>"))
        #expect(topLevel.contains("顶层法治栏目的同名文章"))
        #expect(!topLevel.contains("法律援助进社区"))
        #expect(nested.contains("法律援助进社区") && nested.contains("派出所开展反诈宣传"))
        #expect(!nested.contains("顶层法治栏目的同名文章"))
    }

    @Test func uploadsAreCopiedByteForByte() throws {
        let site = try MiniSite.standard.get()
        let source = try Data(contentsOf: URL(fileURLWithPath: BuiltSite.fixtures + "/mini-site/content/uploads/2024/07/fanzha.png"))
        #expect(site.files["uploads/2024/07/fanzha.png"] == source)
    }

    @Test func lineDiffNumbersTheDifferingLines() throws {
        let diff = try #require(Snapshot.lineDiff(expected: "a\nb\nc\nd", actual: "a\nB\nc\nd\ne"))
        #expect(diff == "-   2| b\n+   2| B\n+   5| e")
        #expect(Snapshot.lineDiff(expected: "same", actual: "same") == nil)
    }

    @Test func lineDiffShowsAtMostTwentyLines() throws {
        let old = (1...50).map { "line \($0)" }.joined(separator: "\n")
        let new = (1...50).map { "LINE \($0)" }.joined(separator: "\n")
        let diff = try #require(Snapshot.lineDiff(expected: old, actual: new))
        let lines = diff.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.last == "… and 80 more differing lines")
    }
}
