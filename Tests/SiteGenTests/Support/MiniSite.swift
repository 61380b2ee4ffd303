import Foundation
@testable import SiteGen

/// `Fixtures/mini-site`, the fixed site behind the golden files: three column levels with the
/// slug `fazhi` at two of them, `base_url` under `/news/`, seven published articles (covers,
/// flags, tags), a draft, a future article, a column `_index.md` and an upload.
enum MiniSite {
    /// The build's "now": after every article but the one dated 2030.
    static let now = SampleSite.date("2024-08-01 00:00")

    /// Copies the fixture (plus the repository theme) into a temporary folder, builds it to
    /// `<temp>/public` and reads the output back; the temporary folder is removed.
    static func build(includeDrafts: Bool = false, includeFuture: Bool = false) throws -> BuiltSite {
        let site = try BuiltSite.copy(siteAt: BuiltSite.fixtures + "/mini-site")
        defer { site.remove() }
        var options = site.options
        options.now = now
        options.includeDrafts = includeDrafts
        options.includeFuture = includeFuture
        return try BuiltSite(options)
    }

    /// The default build, made once and shared by the tests that only read it.
    static let standard = Result { try build() }

    /// Output paths of the pages the golden files cover.
    enum Path {
        static let article = "guonei/fazhi/renmingongan/2024/0710/2024-07-10-fanzha.html"
        static let draft = "pinglun/2024/0713/2024-07-13-caogao.html"
        static let future = "guonei/shizheng/2030/0101/2030-01-01-weilai.html"
    }
}
