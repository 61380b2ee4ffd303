import Foundation
import Testing
@testable import SiteGen
@testable import SiteGenCore

@Suite struct GraphTests {
    let articles = [
        SampleSite.article("guonei/fazhi/renmingongan/a.md", "甲", "2024-07-10 08:00", tags: ["反诈", "断卡"], flags: [.recommend], hits: 5),
        SampleSite.article("guonei/fazhi/renmingongan/b.md", "乙", "2024-07-11 08:00", tags: ["反诈"], flags: [.focus], hits: 50),
        SampleSite.article("guonei/fazhi/c.md", "丙", "2024-07-12 08:00", tags: ["反诈", "断卡"], hits: 50),
        SampleSite.article("guonei/shizheng/d.md", "丁", "2024-07-09 08:00", tags: ["断卡"], flags: [.recommend, .headline], hits: 1),
        SampleSite.article("fazhi/e.md", "戊", "2024-07-13 08:00", tags: ["普法"], hits: 7),
        SampleSite.article("fazhi/draft.md", "草稿", "2024-07-13 09:00", draft: true),
        SampleSite.article("fazhi/future.md", "未来", "2031-01-01 09:00"),
    ]

    func graph(_ options: BuildOptions = SampleSite.options()) -> SiteGraph {
        SiteGraphBuilder.build(SampleSite.content(articles), options: options).graph
    }

    func titles(_ graph: SiteGraph, _ indexes: [Int]) -> [String] { indexes.map { graph.articles[$0].title } }

    @Test func draftsAndFutureArticlesAreLeftOutByDefault() {
        #expect(graph().articles.map(\.title) == ["戊", "丙", "乙", "甲", "丁"])
    }

    @Test func draftsAndFutureArticlesAreIncludedWhenAsked() {
        var options = SampleSite.options()
        options.includeDrafts = true
        options.includeFuture = true
        #expect(graph(options).articles.map(\.title) == ["未来", "草稿", "戊", "丙", "乙", "甲", "丁"])
    }

    @Test func columnPageIncludesDescendantArticlesNewestFirst() {
        let graph = graph()
        #expect(titles(graph, graph.columnArticles["guonei"]!) == ["丙", "乙", "甲", "丁"])
        #expect(titles(graph, graph.columnArticles["guonei/fazhi"]!) == ["丙", "乙", "甲"])
        #expect(titles(graph, graph.columnArticles["fazhi"]!) == ["戊"])
    }

    @Test func sameSlugAtDifferentLevelsIsADifferentColumn() {
        let graph = graph()
        #expect(graph.columns["fazhi"]?.name == "法治")
        #expect(graph.columns["guonei/fazhi"]?.name == "法制")
        #expect(graph.columns.chain(to: "guonei/fazhi/renmingongan") == ["guonei", "guonei/fazhi", "guonei/fazhi/renmingongan"])
    }

    @Test func neighboursStayWithinTheOwnColumn() {
        let graph = graph()
        let b = graph.articles.firstIndex { $0.title == "乙" }!
        let a = graph.articles.firstIndex { $0.title == "甲" }!
        #expect(graph.neighbours[b].newer == nil)
        #expect(graph.neighbours[b].older == a)
        #expect(graph.neighbours[a].newer == b)
        #expect(graph.neighbours[a].older == nil)
    }

    @Test func hotListOrdersByHitsThenNewest() {
        let graph = graph()
        #expect(titles(graph, graph.hotByColumn["guonei"]!) == ["丙", "乙", "甲", "丁"])
    }

    @Test func relatedRanksSharedTagsThenRecencyAndSkipsNewerArticles() {
        let graph = graph()
        let c = graph.articles.firstIndex { $0.title == "丙" }!
        #expect(titles(graph, graph.related[c]) == ["甲", "乙", "丁"])
        let a = graph.articles.firstIndex { $0.title == "甲" }!
        #expect(titles(graph, graph.related[a]) == ["丁"])
    }

    @Test func flaggedListsAreNewestFirst() {
        let graph = graph()
        #expect(titles(graph, graph.recommended) == ["甲", "丁"])
        #expect(titles(graph, graph.focus) == ["乙"])
        #expect(titles(graph, graph.headlines) == ["丁"])
    }

    @Test func tagsAreOrderedByUseAndHaveURLSegments() {
        let graph = graph()
        #expect(graph.tags.map(\.name) == ["反诈", "断卡", "普法"])
        #expect(graph.tags[0].directory == "tags/反诈/")
    }

    @Test func spellingsOfOneTagShareItsPageAndListAnArticleOnce() {
        let articles = [
            SampleSite.article("fazhi/a.md", "甲", "2024-07-10 08:00", tags: ["Anti Fraud", "anti-fraud", "普法"]),
            SampleSite.article("fazhi/b.md", "乙", "2024-07-11 08:00", tags: ["anti fraud"]),
            SampleSite.article("fazhi/c.md", "丙", "2024-07-12 08:00", tags: ["普法", "ANTI FRAUD"]),
        ]
        let graph = SiteGraphBuilder.build(SampleSite.content(articles), options: SampleSite.options()).graph
        // The first spelling met (newest article first) names the tag.
        #expect(graph.tags.map(\.name) == ["ANTI FRAUD", "普法"])
        #expect(graph.tags.map(\.segment) == ["anti-fraud", "普法"])
        #expect(titles(graph, graph.tags[0].articles) == ["丙", "乙", "甲"])
        #expect(titles(graph, graph.tags[1].articles) == ["丙", "甲"])
    }

    @Test func defaultPermalinkUsesColumnDateInSiteTimeZoneAndSlug() {
        let graph = graph()
        // 2024-07-10 08:00 in Shanghai is still 07-10 there (00:00 UTC).
        let a = graph.articles.firstIndex { $0.title == "甲" }!
        #expect(graph.articlePaths[a] == "guonei/fazhi/renmingongan/2024/0710/a.html")
    }

    @Test func everyArticleOnATakenURLIsReportedAgainstTheFirst() {
        let triplets = [
            SampleSite.article("fazhi/x.md", "一", "2024-07-10 08:00"),
            SampleSite.article("fazhi/other.md", "别", "2024-07-10 08:30"),
            SampleSite.article("fazhi/y.md", "二", "2024-07-10 09:00"),
            SampleSite.article("fazhi/z.md", "三", "2024-07-10 10:00"),
        ].map { article -> Article in
            var copy = article
            if copy.title != "别" { copy.slug = "same" }
            return copy
        }
        let result = SiteGraphBuilder.build(SampleSite.content(triplets), options: SampleSite.options())
        // Newest first: 三 (z) holds the URL; 二 (y), then 一 (x) are reported against it.
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/fazhi/z.md:1:1: error: two articles have the same URL /fazhi/2024/0710/same.html: content/fazhi/y.md and content/fazhi/z.md",
            "content/fazhi/z.md:1:1: error: two articles have the same URL /fazhi/2024/0710/same.html: content/fazhi/x.md and content/fazhi/z.md",
        ])
    }

    @Test func twoArticlesOnOneURLIsAnErrorNamingBoth() {
        let twins = [
            SampleSite.article("fazhi/x.md", "一", "2024-07-10 08:00"),
            SampleSite.article("fazhi/y.md", "二", "2024-07-10 09:00"),
        ].map { article -> Article in var copy = article; copy.slug = "same"; return copy }
        let result = SiteGraphBuilder.build(SampleSite.content(twins), options: SampleSite.options())
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/fazhi/y.md:1:1: error: two articles have the same URL /fazhi/2024/0710/same.html: content/fazhi/x.md and content/fazhi/y.md",
        ])
    }

    @Test(arguments: [
        (0, 2, 1, 0..<0), (5, 2, 3, 4..<5), (4, 2, 2, 2..<4), (1, 20, 1, 0..<1),
    ] as [(Int, Int, Int, Range<Int>)])
    func paginationEdges(total: Int, perPage: Int, pages: Int, lastRange: Range<Int>) {
        let pagination = Pagination(totalItems: total, perPage: perPage)
        #expect(pagination.pageCount == pages)
        #expect(pagination.range(ofPage: pages) == lastRange)
    }

    @Test func paginationURLsAreStable() {
        #expect(Pagination.directory(ofPage: 1, listDirectory: "guonei/") == "guonei/")
        #expect(Pagination.directory(ofPage: 3, listDirectory: "guonei/") == "guonei/page/3/")
        #expect(Pagination(totalItems: 100, perPage: 10).window(around: 1) == 1...3)
        #expect(Pagination(totalItems: 100, perPage: 10).window(around: 10) == 8...10)
    }

    @Test func permalinkPatternTokens() {
        let parts = DateParts(year: 2024, month: 7, day: 1, hour: 0, minute: 0, second: 0, weekday: 1, utcOffsetSeconds: 28800)
        #expect(PermalinkPattern("/:column/:year/:month/:day/:slug/").outputPath(column: "a/b", slug: "s", date: parts) == "a/b/2024/07/01/s/index.html")
        #expect(PermalinkPattern("/:year/:slug.html").problem == nil)
        #expect(PermalinkPattern(":year/x.html").problem != nil)
        #expect(PermalinkPattern("/:year/x.html").problem != nil)
    }
}

@Test(arguments: [0, 1, 2, 7, 17, 33, 100, 1001])
func parallelMapKeepsOrderForAnyCount(count: Int) {
    #expect(ParallelWork.map(count) { $0 * 2 } == (0..<count).map { $0 * 2 })
}
